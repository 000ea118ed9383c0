#!/usr/bin/env python3
"""Median wall time of N runs of each command, interleaved, stdin from a file.

    measure.py N INPUT -- NAME CMD... -- NAME CMD...
"""
import statistics
import subprocess
import sys
import time


def main():
    runs, input_path = int(sys.argv[1]), sys.argv[2]
    groups, current = [], None
    for arg in sys.argv[3:]:
        if arg == "--":
            current = []
            groups.append(current)
        else:
            current.append(arg)
    times = {g[0]: [] for g in groups}
    for _ in range(runs):
        for name, *command in groups:
            with open(input_path, "rb") as stdin:
                start = time.perf_counter()
                subprocess.run(command, stdin=stdin, stdout=subprocess.DEVNULL, check=True)
                times[name].append(time.perf_counter() - start)
    base = statistics.median(times[groups[0][0]])
    for name, values in times.items():
        median = statistics.median(values)
        print("%-28s median %7.2f ms   min %7.2f ms   ratio %.2fx" % (name, median * 1e3, min(values) * 1e3, median / base))


if __name__ == "__main__":
    main()
