#!/usr/bin/env python3
"""Compare sidenote's sentence segmentation with pySBD 0.3.3 and sentencex 0.1.33.

(a) Accuracy: every case of tests/segment/cases.rs (a text and the exact sentences a careful
    reader sees in it) is segmented by all three, and a case counts as right when the list of
    sentences, each trimmed, is exactly the expected one.
(b) Speed: a few megabytes of report text, made from the bundled samples by
    benches/support/corpus.rs (the generator of the criterion bench), are segmented by all
    three. pySBD is given the text one paragraph (blank-line block) at a time, its fastest use:
    on one long string it slows down as the string grows.

sidenote and sentencex run in Rust through `cargo run --release --example segment_compare`;
pySBD runs here. Not part of `cargo test`. Run from anywhere in the repository:

    pip install pysbd==0.3.3
    python3 bench/compare.py              # 4 MiB of text, pySBD timed once
    python3 bench/compare.py --mib 2 --runs 3 --misses

It prints Markdown for docs/benchmarks.md.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import OrderedDict
from importlib.metadata import version

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PYSBD_VERSION = "0.3.3"


def rust(*args):
    """Runs the segment_compare example with `args` and returns its standard output."""
    command = ["cargo", "run", "--quiet", "--release", "--example", "segment_compare", "--"]
    result = subprocess.run(
        command + list(args), cwd=ROOT, check=True, stdout=subprocess.PIPE
    )
    return result.stdout


def pysbd_segmenter():
    """pySBD's English segmenter, as it is used by default (no text cleaning)."""
    import pysbd

    found = version("pysbd")
    if found != PYSBD_VERSION:
        sys.exit(f"pySBD {found} is installed; run `pip install pysbd=={PYSBD_VERSION}`")
    return pysbd.Segmenter(language="en", clean=False)


def trimmed(sentences):
    """The sentences without surrounding white space, empty ones dropped."""
    return [s.strip() for s in sentences if s.strip()]


def accuracy(segmenter, show_misses):
    """Part (a): how many cases each segmenter gets exactly right, per group."""
    lines = rust("cases").decode("utf-8").split("\n")
    cases = [json.loads(line) for line in lines if line]
    tools = ["sidenote", "pySBD", "sentencex"]
    groups = OrderedDict()
    misses = {tool: [] for tool in tools}
    for case in cases:
        answers = {
            "sidenote": case["sidenote"],
            "pySBD": trimmed(segmenter.segment(case["text"])),
            "sentencex": case["sentencex"],
        }
        counts = groups.setdefault(case["category"], {"cases": 0, **{t: 0 for t in tools}})
        counts["cases"] += 1
        for tool in tools:
            if answers[tool] == case["expected"]:
                counts[tool] += 1
            else:
                misses[tool].append((case, answers[tool]))

    print(f"### Accuracy: cases right out of {len(cases)}\n")
    print("| group | cases | sidenote | pySBD 0.3.3 | sentencex 0.1.33 |")
    print("|---|---:|---:|---:|---:|")
    totals = {"cases": 0, **{t: 0 for t in tools}}
    for name, counts in groups.items():
        print(f"| {name} | {counts['cases']} | " + " | ".join(str(counts[t]) for t in tools) + " |")
        for key in totals:
            totals[key] += counts[key]
    print(
        f"| **all** | **{totals['cases']}** | "
        + " | ".join(
            f"**{totals[t]}** ({100 * totals[t] / totals['cases']:.0f} %)" for t in tools
        )
        + " |\n"
    )
    if show_misses:
        for tool in tools:
            print(f"#### {tool} misses {len(misses[tool])}\n")
            for case, answer in misses[tool]:
                print(f"- [{case['category']}] {json.dumps(case['text'], ensure_ascii=False)}")
                print(f"  - expected {json.dumps(case['expected'], ensure_ascii=False)}")
                print(f"  - got      {json.dumps(answer, ensure_ascii=False)}")
            print()


def speed(segmenter, mib, runs):
    """Part (b): throughput of the three on `mib` MiB of report text."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "corpus.txt")
        with open(path, "wb") as file:
            file.write(rust("corpus", str(mib << 20)))
        rust_figures = json.loads(rust("speed", path, "5"))
        with open(path, encoding="utf-8") as file:
            text = file.read()
    paragraphs = [p for p in text.split("\n\n") if p.strip()]
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        found = sum(len(trimmed(segmenter.segment(p))) for p in paragraphs)
        best = min(best, time.perf_counter() - start)

    size = rust_figures["bytes"]
    rows = [
        ("sidenote `segment::sentences`", rust_figures["sidenote_seconds"], rust_figures["sidenote_sentences"], "best of 5"),
        ("sentencex `segment(\"en\")`", rust_figures["sentencex_seconds"], rust_figures["sentencex_sentences"], "best of 5"),
        ("pySBD `Segmenter(\"en\").segment`, per paragraph", best, found, f"best of {runs}"),
    ]
    print(f"### Speed on {size / 1e6:.1f} MB ({mib} MiB) of report text\n")
    print("| segmenter | time | MB/s | sentences | runs |")
    print("|---|---:|---:|---:|---|")
    for name, seconds, sentences, note in rows:
        print(f"| {name} | {seconds * 1e3:.1f} ms | {size / seconds / 1e6:.1f} | {sentences} | {note} |")
    sidenote = rust_figures["sidenote_seconds"]
    print(
        f"\nsidenote is **{best / sidenote:.0f}x** as fast as pySBD and "
        f"**{rust_figures['sentencex_seconds'] / sidenote:.1f}x** as fast as sentencex.\n"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mib", type=int, default=4, help="size of the speed text (default 4)")
    parser.add_argument("--runs", type=int, default=1, help="pySBD speed runs (default 1)")
    parser.add_argument("--misses", action="store_true", help="list every case each one misses")
    args = parser.parse_args()
    segmenter = pysbd_segmenter()
    rust("cases")  # builds the example before anything is timed
    accuracy(segmenter, args.misses)
    speed(segmenter, args.mib, args.runs)


if __name__ == "__main__":
    main()
