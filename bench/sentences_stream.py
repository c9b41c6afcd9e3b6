#!/usr/bin/env python3
"""Time to the first line, time to the last, and peak memory of `sidenote sentences`.

`sidenote sentences` prints a plain-text report as it reads it (see docs/large-reports.md). This
script makes a large report from the bundled samples (as bench/large_report.py does) and four
cases of it, then runs two builds of sidenote on each, in the same run:

- plain: no sidecar;
- tagged-start: three claims on the first sentences;
- tagged-end: one claim near the end (every claim is checked in place before the first line);
- edited: tagged, then a line added at the start (the claims are re-anchored: loaded whole);
- stdin: the plain report piped in with `sentences -`.

First line: from starting the program to the first line of `--format jsonl` read from its
pipe; last: to the end of its output (read as fast as it comes). Median of `--runs` runs. Peak
RSS and wall time come from one more run under `/usr/bin/time -f "%e s %M KB"`, its output
written to a file. The outputs of the two builds are compared byte for byte. Not part of
`cargo test`; Linux only. Run from anywhere in the repository:

    python3 bench/sentences_stream.py BEFORE_BINARY AFTER_BINARY [--mib 100] [--runs 3]

It prints a Markdown table for docs/benchmarks.md.
"""

import argparse
import filecmp
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from large_report import make_report  # noqa: E402


def first_and_last(command, stdin_path):
    """Seconds to the first line and to the end of the output of `command`."""
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stdin=stdin)
    process.stdout.readline()
    first = time.perf_counter() - start
    while process.stdout.read(1 << 20):
        pass
    process.wait()
    return first, time.perf_counter() - start


def timed(command, out_path, stdin_path):
    """`/usr/bin/time`'s wall time and peak RSS for `command`, its output written to a file."""
    stdin = open(stdin_path, "rb") if stdin_path else subprocess.DEVNULL
    with open(out_path, "wb") as out:
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%e s %M KB"] + command,
            stdout=out,
            stderr=subprocess.PIPE,
            stdin=stdin,
            check=True,
        )
    return done.stderr.decode().strip().splitlines()[-1]


def make_cases(folder, mib, sidenote):
    """The report and its tagged and edited copies; returns (label, path, piped) triples."""
    plain = os.path.join(folder, "plain.txt")
    make_report(plain, mib)
    config = os.path.join(folder, "config.toml")
    with open(config, "w", encoding="utf-8") as f:
        f.write('author = "bench"\n')
    count = subprocess.run(
        [sidenote, "sentences", plain], capture_output=True, check=True
    ).stdout.count(b"\n")

    def tagged(name, tags):
        path = os.path.join(folder, name + ".txt")
        shutil.copy(plain, path)
        for n, tag in tags:
            subprocess.run(
                [sidenote, "tag", path, str(n), tag, "--config", config],
                capture_output=True,
                check=True,
            )
        return path

    tagged("tagged-start", [(2, "sourced"), (3, "sourced"), (5, "sourced")])
    tagged("tagged-end", [(count - 8, "disputed")])
    edited = tagged("edited", [(2, "sourced"), (count - 8, "disputed")])
    with open(edited, "rb") as f:
        text = f.read()
    with open(edited, "wb") as f:
        f.write(b"A line added after tagging.\n\n" + text)
    cases = [(name, os.path.join(folder, name + ".txt"), False)
             for name in ["plain", "tagged-start", "tagged-end", "edited"]]
    return cases + [("stdin", plain, True)]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before")
    parser.add_argument("after")
    parser.add_argument("--mib", type=int, default=100)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    builds = {"before": os.path.abspath(args.before), "after": os.path.abspath(args.after)}
    with tempfile.TemporaryDirectory(prefix="sidenote-sentences-") as folder:
        cases = make_cases(folder, args.mib, builds["after"])
        print(f"Report: {args.mib} MiB, median of {args.runs} runs.\n")
        print("| case | build | first line | last line | `time`: wall, peak RSS | output |")
        print("|---|---|---:|---:|---:|---|")
        for label, path, piped in cases:
            outputs = {}
            for build, binary in builds.items():
                command = [binary, "sentences", "-" if piped else path, "--format", "jsonl"]
                stdin = path if piped else None
                runs = [first_and_last(command, stdin) for _ in range(args.runs)]
                first = statistics.median(r[0] for r in runs) * 1000
                last = statistics.median(r[1] for r in runs)
                outputs[build] = os.path.join(folder, f"{label}-{build}.jsonl")
                measured = timed(command, outputs[build], stdin)
                same = ""
                if build == "after":
                    equal = filecmp.cmp(outputs["before"], outputs["after"], shallow=False)
                    same = "identical" if equal else "DIFFERENT"
                print(f"| {label} | {build} | {first:.0f} ms | {last:.2f} s | {measured} | {same} |",
                      flush=True)
            for out in outputs.values():
                os.remove(out)


if __name__ == "__main__":
    main()
