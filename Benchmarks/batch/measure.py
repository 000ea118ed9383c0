#!/usr/bin/env python3
"""Run one command and print its wall and CPU time, peak RSS and exit status as JSON.

usage: measure.py STDOUT_FILE STDERR_FILE -- COMMAND [ARG ...]

The peak RSS ("peak_rss_kb") is the highest VmHWM read from /proc/PID/status
every 5 ms while the command runs (after its exec). Not ru_maxrss alone:
Linux carries the pre-exec high-water mark (this script's own, ~13 MB) into
it; it is printed too, as "ru_maxrss_kb", and used where /proc is missing.
"""

import json
import os
import sys
import time


def main():
    if len(sys.argv) < 5 or sys.argv[3] != "--":
        sys.exit(__doc__)
    out_path, err_path, command = sys.argv[1], sys.argv[2], sys.argv[4:]
    out = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    err = os.open(err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        os.dup2(out, 1)
        os.dup2(err, 2)
        try:
            os.execvp(command[0], command)
        finally:
            os._exit(127)
    name = os.path.basename(command[0])[:15]
    peak = 0
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            break
        peak = max(peak, high_water_mark(pid, name))
        time.sleep(0.005)
    seconds = time.perf_counter() - start
    print(json.dumps({
        "seconds": round(seconds, 3),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 3),
        "peak_rss_kb": peak or usage.ru_maxrss,
        "ru_maxrss_kb": usage.ru_maxrss,
        "status": os.waitstatus_to_exitcode(status),
    }))


def high_water_mark(pid, name):
    """VmHWM of a running process in kB, once it runs `name`; 0 when unknown."""
    try:
        with open(f"/proc/{pid}/status") as status:
            fields = dict(line.split(":", 1) for line in status if ":" in line)
    except OSError:
        return 0
    if fields.get("Name", "").strip() != name or "VmHWM" not in fields:
        return 0
    return int(fields["VmHWM"].split()[0])


if __name__ == "__main__":
    main()
