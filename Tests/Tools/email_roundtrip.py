#!/usr/bin/env python3
"""Decode messages with Python's stdlib email package and compare with what was rendered.

    email_roundtrip.py MANIFEST.json

The manifest is a list of {"eml": path, "expect": {...}}; expect may hold
subject, from [name, email], to [[name, email], ...], cc [...], body (LF),
html_contains [...], attachments [{"filename", "sha256", "content_type"}].
Prints one line per problem ("FAIL path: reason") and "checked N" last.
Exit status 1 when anything failed. Any defect Python reports is a failure.
"""
import hashlib
import json
import sys
from email import policy
from email.parser import BytesParser


# The legacy `name="=?UTF-8?B?...?="` parameter that Outlook and QQ Mail need
# (they show RFC-2231-only names as "Untitled Attachment") is an encoded-word in
# a quoted string, which Python flags by design; ../shared/tools/check-mime
# exempts it the same way. These two defects are allowed on that header only.
LEGACY_NAME_DEFECTS = {"encoded word inside quoted string", "missing trailing whitespace after encoded-word"}


def defects(message):
    found = [repr(d) for d in message.defects]
    for part in message.walk():
        found += [repr(d) for d in part.defects]
        raw = dict((k.lower(), v) for k, v in part.raw_items())
        for name, value in part.items():
            legacy = name.lower() == "content-type" and 'name="=?' in raw.get("content-type", "")
            for d in getattr(value, "defects", ()):
                if not (legacy and str(d) in LEGACY_NAME_DEFECTS):
                    found.append("%s: %r" % (name, d))
    return found


def addresses(header):
    if header is None:
        return []
    return [[a.display_name, a.addr_spec] for a in header.addresses]


def check(path, expect):
    with open(path, "rb") as handle:
        message = BytesParser(policy=policy.default).parse(handle)
    problems = ["defect " + d for d in defects(message)]
    if "subject" in expect and str(message["subject"]) != expect["subject"]:
        problems.append("subject %r != %r" % (str(message["subject"]), expect["subject"]))
    for key in ("from", "to", "cc"):
        if key in expect:
            got = addresses(message[key])
            want = [expect[key]] if key == "from" else expect[key]
            if got != want:
                problems.append("%s %r != %r" % (key, got, want))
    plain = message.get_body(preferencelist=("plain",))
    body = plain.get_content().replace("\r\n", "\n") if plain is not None else None
    if "body" in expect and body != expect["body"]:
        first = next((i for i, (a, b) in enumerate(zip(body or "", expect["body"])) if a != b), None)
        problems.append("body differs (at character %r; lengths %d/%d)" % (first, len(body or ""), len(expect["body"])))
    if "html_contains" in expect:
        html = message.get_body(preferencelist=("html",))
        text = html.get_content() if html is not None else ""
        for needle in expect["html_contains"]:
            if needle not in text:
                problems.append("html lacks %r" % needle)
    if "attachments" in expect:
        got = []
        for part in message.iter_attachments():
            data = part.get_content()
            if isinstance(data, str):
                data = data.encode("utf-8")
            got.append({"filename": part.get_filename(), "sha256": hashlib.sha256(data).hexdigest(),
                        "content_type": part.get_content_type()})
        if got != expect["attachments"]:
            problems.append("attachments %r != %r" % (got, expect["attachments"]))
    return problems


def main():
    with open(sys.argv[1], encoding="utf-8") as handle:
        manifest = json.load(handle)
    failed = 0
    for entry in manifest:
        for problem in check(entry["eml"], entry["expect"]):
            failed += 1
            print("FAIL %s: %s" % (entry["eml"], problem))
    print("checked %d" % len(manifest))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
