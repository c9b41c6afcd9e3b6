#!/usr/bin/env python3
"""Time to first screen, time to the end (`G`) and peak memory: sidenote beside `less`.

Issue 7 asks that a 100 MB report opens in sidenote about as fast as `less` shows it. This
script makes a large report from the bundled samples, then runs `less` and the release build
of sidenote on it, each in its own pseudo-terminal of the same size, in the same run:

- first screen: from starting the program to the moment the report's first word (a marker)
  has been written to the terminal;
- end: from pressing `G` to the moment the report's last word (another marker) is written,
  once 0.3 s after the first screen (sidenote may still be indexing) and once more after
  `--settle` seconds and `g` (indexing done);
- peak memory: `VmHWM` from /proc/PID/status, read just before quitting.

The programs' output is read raw (no terminal emulator is needed: both write the marker as one
run of characters). Terminal queries the programs send (cursor position, background colour)
are answered as a terminal would, so no program waits on a timeout. Not part of `cargo test`;
Linux only (it reads /proc). Run from anywhere in the repository:

    python3 bench/large_report.py                 # 100 MiB, 3 runs each
    python3 bench/large_report.py --mib 10 --runs 1

It prints a Markdown table for docs/benchmarks.md.
"""

import argparse
import fcntl
import os
import select
import signal
import struct
import subprocess
import sys
import tempfile
import termios
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FIRST = b"SNBENCHFIRST"
LAST = b"SNBENCHLAST"
TIMEOUT = 120.0


def make_report(path, mib):
    """Writes `mib` MiB of report text: the samples' paragraphs, numbered, between markers."""
    samples = os.path.join(ROOT, "assets", "samples")
    paragraphs = []
    for name in sorted(os.listdir(samples)):
        with open(os.path.join(samples, name), encoding="utf-8") as f:
            paragraphs += [p.strip() for p in f.read().split("\n\n") if p.strip()]
    target = mib * 1024 * 1024
    with open(path, "w", encoding="utf-8") as out:
        out.write(FIRST.decode() + " opens this report.\n\n")
        written, copy = 0, 0
        while written < target:
            copy += 1
            for p in paragraphs:
                text = f"[{copy}] {p}\n\n"
                out.write(text)
                written += len(text.encode())
        out.write("The report ends here, " + LAST.decode() + ".\n")


def answer_queries(master, data):
    """Replies to the terminal queries a program may send while it starts."""
    if b"\x1b[6n" in data:
        os.write(master, b"\x1b[1;1R")
    if b"\x1b]11;?" in data:
        os.write(master, b"\x1b]11;rgb:0000/0000/0000\x1b\\")
    if b"\x1b]10;?" in data:
        os.write(master, b"\x1b]10;rgb:ffff/ffff/ffff\x1b\\")
    if b"\x1b[c" in data:
        os.write(master, b"\x1b[?62;22c")


def wait_for(master, marker, seen):
    """Reads the terminal until `marker` appears; returns the time it appeared."""
    deadline = time.monotonic() + TIMEOUT
    while marker not in seen:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"{marker!r} never appeared")
        ready, _, _ = select.select([master], [], [], left)
        if ready:
            try:
                data = os.read(master, 1 << 16)
            except OSError:
                raise RuntimeError("the program exited before showing " + repr(marker))
            answer_queries(master, data)
            seen += data
    return time.monotonic(), seen


def peak_rss_kib(pid):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0


def drain(master, seconds):
    """Reads whatever the program writes for `seconds`, so the next marker search is clean."""
    end = time.monotonic() + seconds
    while (left := end - time.monotonic()) > 0:
        ready, _, _ = select.select([master], [], [], left)
        if not ready:
            break
        try:
            answer_queries(master, os.read(master, 1 << 16))
        except OSError:
            break


def run_once(command, cols, rows, home, settle):
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "TERM": "xterm-256color",
        "HOME": home,
        "XDG_CONFIG_HOME": os.path.join(home, ".config"),
        "LESSHISTFILE": "-",
        "LANG": "C.UTF-8",
        "USER": "bench",
    }
    start = time.monotonic()
    proc = subprocess.Popen(
        command, stdin=slave, stdout=slave, stderr=slave, env=env, start_new_session=True
    )
    os.close(slave)
    try:
        shown, _ = wait_for(master, FIRST, b"")
        first = shown - start
        drain(master, 0.3)
        pressed = time.monotonic()
        os.write(master, b"G")
        at_end, _ = wait_for(master, LAST, b"")
        end = at_end - pressed
        # Once everything is loaded (sidenote indexes in the background): top, then `G` again.
        drain(master, settle)
        os.write(master, b"g")
        wait_for(master, FIRST, b"")
        drain(master, 0.3)
        pressed = time.monotonic()
        os.write(master, b"G")
        at_end, _ = wait_for(master, LAST, b"")
        end_settled = at_end - pressed
        drain(master, 0.3)
        rss = peak_rss_kib(proc.pid)
        os.write(master, b"q")
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        return first, end, end_settled, rss
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        os.close(master)


def median(values):
    values = sorted(values)
    return values[len(values) // 2]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mib", type=int, default=100, help="size of the report in MiB")
    parser.add_argument("--runs", type=int, default=3, help="runs per program (median shown)")
    parser.add_argument("--cols", type=int, default=120)
    parser.add_argument("--rows", type=int, default=40)
    parser.add_argument("--settle", type=float, default=3.0,
                        help="seconds to wait before the second `G` (after indexing)")
    args = parser.parse_args()

    subprocess.run(["cargo", "build", "--quiet", "--release"], cwd=ROOT, check=True)
    sidenote = os.path.join(ROOT, "target", "release", "sidenote")
    with tempfile.TemporaryDirectory() as work:
        report = os.path.join(work, "large.txt")
        make_report(report, args.mib)
        size = os.path.getsize(report)
        programs = [("less", ["less", report]), ("sidenote", [sidenote, report])]
        results = {}
        for name, command in programs:
            runs = [run_once(command, args.cols, args.rows, work, args.settle) for _ in range(args.runs)]
            results[name] = tuple(median([r[i] for r in runs]) for i in range(4))
            print(f"{name}: {runs}", file=sys.stderr)
        if os.path.exists(report + ".sidenote.toml"):
            print("warning: sidenote wrote a sidecar", file=sys.stderr)

    less = results["less"]
    print(f"Report: {size / 1048576:.0f} MiB, terminal {args.cols}x{args.rows}, "
          f"median of {args.runs} runs.\n")
    print("| program | first screen | end after `G` (0.3 s after it) | `G` again, indexed | peak RSS |")
    print("|---|---:|---:|---:|---:|")
    for name, (first, end, settled, rss) in results.items():
        print(f"| {name} | {first * 1000:.0f} ms | {end * 1000:.0f} ms | "
              f"{settled * 1000:.0f} ms | {rss / 1024:.1f} MiB |")
    first, end, settled, rss = results["sidenote"]
    print(f"| sidenote − less | {(first - less[0]) * 1000:+.0f} ms | "
          f"{(end - less[1]) * 1000:+.0f} ms | {(settled - less[2]) * 1000:+.0f} ms | "
          f"{rss * 1024 / size:.2f}× the file |")


if __name__ == "__main__":
    main()
