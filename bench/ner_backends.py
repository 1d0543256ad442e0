#!/usr/bin/env python3
"""Compare govkg's NER backends on a page with a gold file; print Markdown tables.

    .venv/bin/python bench/ner_backends.py                 # the shared sample page
    .venv/bin/python bench/ner_backends.py PAGE.txt --gold PAGE.gold.json --runs 5
    .venv/bin/python bench/ner_backends.py --backends lac,hanlp

Table 1 runs the whole pipeline (``extract_paths(..., ner=NAME)``) and scores
the graph as shared/tools/score.py does: Person/Organization/Place F1, the
(person, title) role-pair F1, and characters of input per second (median of
``--runs`` timed runs after one warm-up run that loads models and the JVM).

Table 2 (``--bare``, on by default) is the tagger alone over the page's
sentences: how many of the gold people it tags, and how fast it tags. It says
what each model brings before the governance rules add and filter.

HanLP 1.x needs its jar: run scripts/hanlp-jar first. Backends that cannot
start (no jar, no Java, no HanLP 2.x model) are reported in a row, not a crash.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
import time
from pathlib import Path

from govkg.errors import GovkgError
from govkg.extract.ner import get_backend

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO.parent / "shared" / "corpus" / "pingdingshan-weidong-2020-06.txt"
GOLD = REPO.parent / "shared" / "gold" / "pingdingshan-weidong-2020-06.gold.json"
# (label in the table, backend name, backend options)
VARIANTS = {
    "lac": ("lac", {}),
    "hanlp": ("hanlp", {}),
    "hanlp-nshort": ("hanlp", {"algorithm": "nshort"}),
    "lac+hanlp": ("lac+hanlp", {}),
}


def _timed(fn, runs: int):
    """(result of the last run, median seconds), after one untimed warm-up."""
    fn()
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return result, statistics.median(times)


def pipeline_table(page: Path, gold: Path, variants: list[str], runs: int) -> list[str]:
    from govkg.extract.evaluate import score_graph
    from govkg.extract.pipeline import extract_paths

    chars = len(page.read_text(encoding="utf-8"))
    rows = ["| backend | Person F1 | Organization F1 | Place F1 | role-pair F1 | chars/s |",
            "|---|---:|---:|---:|---:|---:|"]
    for label in variants:
        name, options = VARIANTS[label]
        try:
            graph, secs = _timed(lambda: extract_paths([str(page)], ner=name, **options), runs)
        except GovkgError as exc:
            rows.append(f"| {label} | – | – | – | – | {exc} |")
            continue
        res = score_graph(graph, [gold])
        rows.append(f"| {label} | {res['Person']['f1']:.3f} | {res['Organization']['f1']:.3f} "
                    f"| {res['Place']['f1']:.3f} | {res['HOLDS_ROLE']['f1']:.3f} | {chars / secs:,.0f} |")
    return rows


def page_sentences(page: Path) -> list[str]:
    """The page's sentences, cut the way the pipeline cuts them when it can."""
    text = page.read_text(encoding="utf-8")
    try:
        from govkg.extract.normalize import normalize_text
        from govkg.extract.sentences import split_sentences
    except ImportError:  # a bare checkout of this bench: column breaks joined, layout spaces dropped
        cjk = r"[\u4e00-\u9fff，。、；：！？“”‘’（）《》]"
        text = re.sub(rf"(?<={cjk})\s+(?={cjk})", "", re.sub(r"\s*\n\s*", "", text))
        return [s for s in re.split(r"(?<=[。！？；])", text) if s.strip()]
    return split_sentences(normalize_text(text))


def bare_table(page: Path, gold: Path, variants: list[str], runs: int) -> list[str]:
    import json

    people = [e for e in json.loads(gold.read_text(encoding="utf-8"))["entities"] if e["type"] == "Person"]
    names = [{e["name"], *e.get("alts", [])} for e in people]
    sentences = page_sentences(page)
    chars = sum(len(s) for s in sentences)
    rows = [f"| tagger alone | people tagged | gold people among them (of {len(people)}) | "
            "person P | person R | chars/s |",
            "|---|---:|---:|---:|---:|---:|"]
    for label in variants:
        name, options = VARIANTS[label]
        try:
            backend = get_backend(name, **options)
        except GovkgError as exc:
            rows.append(f"| {label} | – | – | – | – | {exc} |")
            continue
        tagged, secs = _timed(lambda: backend.tag(sentences), runs)
        found = {t.text for s in tagged for t in s if t.tag == "PER"}
        hits = sum(1 for alts in names if alts & found)
        right = sum(1 for f in found if any(f in alts for alts in names))
        p = right / len(found) if found else 0.0
        rows.append(f"| {label} | {len(found)} | {hits} | {p:.2f} | {hits / len(people):.2f} "
                    f"| {chars / secs:,.0f} |")
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("page", nargs="?", type=Path, default=SAMPLE)
    ap.add_argument("--gold", type=Path, default=GOLD)
    ap.add_argument("--runs", type=int, default=3, help="timed runs per backend (median is shown)")
    ap.add_argument("--backends", default=",".join(VARIANTS),
                    help=f"comma-separated, of: {', '.join(VARIANTS)}")
    ap.add_argument("--no-pipeline", action="store_true", help="only the tagger-alone table")
    ap.add_argument("--no-bare", action="store_true", help="only the pipeline table")
    args = ap.parse_args(argv)
    variants = [v.strip() for v in args.backends.split(",") if v.strip()]
    unknown = [v for v in variants if v not in VARIANTS]
    if unknown:
        print(f"ner_backends: unknown backend(s) {', '.join(unknown)}; choose from {', '.join(VARIANTS)}",
              file=sys.stderr)
        return 2
    for path in (args.page, args.gold):
        if not path.is_file():
            print(f"ner_backends: no such file: {path}", file=sys.stderr)
            return 2

    print(f"Page: {args.page.name}, gold: {args.gold.name}, median of {args.runs} runs after a warm-up.\n")
    if not args.no_pipeline:
        print("\n".join(pipeline_table(args.page, args.gold, variants, args.runs)))
        print()
    if not args.no_bare:
        print("\n".join(bare_table(args.page, args.gold, variants, args.runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
