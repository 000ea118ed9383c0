#!/usr/bin/env python3
"""Check that mailmerge and compose wrote the same replies, so the benchmark
compares equal work: the decoded subject and text body of each message.

usage: compare.py MAILMERGE_RAW_OUTPUT COMPOSE_JSON_LINES
Prints 'same text: N of N messages' and exits 0, or shows the first
difference and exits 1.
"""

import difflib
import email
import email.header
import json
import re
import sys


def mailmerge_messages(path):
    """The messages of `mailmerge --output-format raw`, between its '>>> message N' lines."""
    text = open(path, encoding="utf-8").read()
    parts = re.split(r"^>>> message \d+(?: sent)?\n", text, flags=re.M)
    for part in parts:
        if part.strip() and not part.startswith(">>>"):
            message = email.message_from_string(part)
            subject = str(email.header.make_header(email.header.decode_header(message["SUBJECT"])))
            body = message.get_payload(decode=True).decode(message.get_content_charset() or "utf-8")
            yield subject, body.rstrip("\n")


def compose_messages(path):
    for line in open(path, encoding="utf-8"):
        reply = json.loads(line)
        yield reply["subject"], reply["body"].rstrip("\n")


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    ours = list(compose_messages(sys.argv[2]))
    theirs = list(mailmerge_messages(sys.argv[1]))
    if len(ours) != len(theirs):
        sys.exit(f"compare: compose wrote {len(ours)} messages, mailmerge {len(theirs)}")
    for number, (a, b) in enumerate(zip(ours, theirs), 1):
        if a != b:
            print(f"compare: message {number} differs (--- compose, +++ mailmerge):")
            for side_a, side_b in zip(a, b):
                sys.stdout.writelines(difflib.unified_diff(
                    side_a.splitlines(keepends=True), side_b.splitlines(keepends=True), "compose", "mailmerge"))
            sys.exit(1)
    print(f"same text: {len(ours)} of {len(ours)} messages")


if __name__ == "__main__":
    main()
