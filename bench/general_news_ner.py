#!/usr/bin/env python3
"""People, places and bodies on general news: govkg's rules beside the bare NER model.

    .venv/bin/python bench/general_news_ner.py /work/data/cluener/dev.json
    .venv/bin/python bench/general_news_ner.py DEV.json --limit 500 --losses 30

The data is the validation set of CLUENER2020 (Xu et al. 2020, 1,343 sentences
from Sina news, JSON lines: ``{"text": …, "label": {type: {name: [[start,
end_inclusive], …]}}}``). It is not in this repository: get ``dev.json`` from
CLUE's ``cluener_public.zip`` (linked from github.com/CLUEbenchmark/CLUENER2020),
or take the copy in github.com/hemingkx/CLUENER2020, where the file
``BERT-CRF/data/clue/test.json`` is that same set::

    git clone --depth 1 https://github.com/hemingkx/CLUENER2020 /tmp/cluener
    cp /tmp/cluener/BERT-CRF/data/clue/test.json /work/data/cluener/dev.json
    # sha256 90036b59832e007c45d11eafe5ed80549f58a18a29aaa7fe8b1229622c69ec38, 1 343 lines

Labels kept: name → Person, address → Place, organization, government and
company → Organization; the others (position, game, book, movie, scene) are
not scored (a span the systems find there counts as a false one, for both).

Each sentence is a page of its own with one article (the sentences are
unrelated: grouping them would let one sentence's places decide another's
people). Every sentence is tagged once by LAC on the text the pipeline reads
(half-width digits and letters, full-width punctuation, simplified characters;
offsets unchanged), and both sides use those tokens:

- bare model: the tokens LAC tags PER, LOC, ORG (LAC's own tokens, as
  extract/ner/lac.py maps them);
- govkg: the passes of extract/pipeline.py up to resolution (mentions.find_mentions,
  resolution.page_contexts, resolution.resolve_sentence): the sentence's people,
  places (named sites too: they are Place nodes) and bodies, plus the body a
  post phrase writes (临夏县委组织部 of 临夏县委组织部部长: mentions.py leaves it
  to the post, and the graph gets it there).

The sentence is not cut into articles by articles.split_page, which would read a
one-line page as a headline or a byline; a lead (人民网9月12日讯) therefore stays
in the sentence. On the first 400 sentences the whole ``extract_page`` names
the same people, places and bodies in all but 7.

Scores are exact-span precision, recall and F1 per type. Two lenient
variants change Place only: "compound" counts an address the rules split
(江西省抚州市临川县 read as one word → three places, Mention.compound on the
last) as the whole address, its pieces not as places of their own (the bare
model has no such thing: its row is the strict one); "joined" also joins
places that touch (北京市 + 朝阳区, as LAC often tags them one by one), for
both systems. "Organization, named from its own territory" counts a body named from its own
territory (旬阳县人民法院, as govkg names it) as the gold body written with its whole address
(陕西省安康市旬阳县人民法院) when the system's own places fill the rest, for both systems. Below
the table: how many false places lie inside a gold body
(北京市 of 北京市消防局: govkg takes the territory out of a body's name on
purpose, the flat gold has only the body).

``--losses N`` prints, per type, what govkg loses against the bare model (gold
spans the model had right and govkg has not, and how govkg has them instead)
and what it adds wrongly, N examples each.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

PERSON, PLACE, ORGANIZATION = "Person", "Place", "Organization"
TYPES = (PERSON, PLACE, ORGANIZATION)
CLUENER_TYPES = {"name": PERSON, "address": PLACE, "organization": ORGANIZATION,
                 "government": ORGANIZATION, "company": ORGANIZATION}
_COARSE_TYPES = {"PER": PERSON, "LOC": PLACE, "ORG": ORGANIZATION}

Span = tuple[int, int, str]  # start, end (exclusive), type


@dataclass
class Item:
    """One sentence of the set: its text, its gold spans, and what each system found."""

    text: str
    gold: set[Span]
    ignored: set[tuple[int, int]] = field(default_factory=set)  # spans of labels not scored
    bare: set[Span] = field(default_factory=set)
    govkg: set[Span] = field(default_factory=set)
    govkg_compound: set[Span] = field(default_factory=set)  # Place: an address split by the rules is whole


class DataError(Exception):
    pass


def load_cluener(path: Path) -> list[Item]:
    """CLUENER2020's JSON lines, gold offsets made end-exclusive, only the kept labels."""
    if not path.is_file():
        raise DataError(f"no such file: {path} (see the docstring: CLUENER2020 dev.json)")
    items = []
    with path.open(encoding="utf-8") as fh:
        for number, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                text, labels = record["text"], record.get("label", {})
            except (json.JSONDecodeError, KeyError, TypeError):
                raise DataError(f"{path}:{number}: not a CLUENER2020 record (a JSON object with text and label)")
            gold, ignored = set(), set()
            for label, names in labels.items():
                for name, spans in names.items():
                    for start, last in spans:
                        if text[start: last + 1] != name:
                            raise DataError(f"{path}:{number}: {name!r} is not at {start}–{last}")
                        if label in CLUENER_TYPES:
                            gold.add((start, last + 1, CLUENER_TYPES[label]))
                        else:
                            ignored.add((start, last + 1))
            items.append(Item(text, gold, ignored))
    if not items:
        raise DataError(f"{path}: no sentences")
    return items


def score(gold: list[set[Span]], found: list[set[Span]], types=TYPES) -> dict[str, dict[str, float]]:
    """Exact-span precision, recall and F1 per type, counted over all sentences (micro)."""
    out = {}
    for t in types:
        tp = fp = fn = 0
        for g, f in zip(gold, found, strict=True):
            g_t = {s for s in g if s[2] == t}
            f_t = {s for s in f if s[2] == t}
            tp += len(g_t & f_t)
            fp += len(f_t - g_t)
            fn += len(g_t - f_t)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        out[t] = {"tp": tp, "fp": fp, "fn": fn, "p": p, "r": r, "f1": f1}
    return out


def join_adjacent(spans: set[Span], kind: str = PLACE) -> set[Span]:
    """Spans of one type that touch become one (北京市 + 海淀区 → 北京市海淀区)."""
    others = {s for s in spans if s[2] != kind}
    joined: list[list[int]] = []
    for start, end, _t in sorted(s for s in spans if s[2] == kind):
        if joined and joined[-1][1] == start:
            joined[-1][1] = end
        else:
            joined.append([start, end])
    return others | {(a, b, kind) for a, b in joined}


def whole_addresses(places: list[tuple[int, int, str]]) -> set[Span]:
    """Places as (start, end, compound): a place with a compound counts as the whole address, and
    the pieces inside that address are no places of their own."""
    wholes = {(end - len(compound), end) for start, end, compound in places if compound}
    out = set(wholes)
    for start, end, _compound in places:
        if not any(a <= start and end <= b for a, b in wholes):
            out.add((start, end))
    return {(a, b, PLACE) for a, b in out}


def read_text(raw: str) -> str:
    """The text the pipeline's rules read, with the offsets of the raw text (every rule used is
    character for character): half-width alphanumerics, full-width punctuation, simplified."""
    from govkg.extract.normalize import to_halfwidth_alnum, to_simplified, unify_punctuation

    text = to_simplified(unify_punctuation(to_halfwidth_alnum(raw)))
    assert len(text) == len(raw)
    return text


def run_systems(items: list[Item]) -> float:
    """Fill in both systems' spans; return the seconds the rules took (tagging excluded)."""
    from govkg.extract.lexicon import default_lexicon
    from govkg.extract.mentions import find_mentions
    from govkg.extract.ner.lac import LacBackend
    from govkg.extract.records import Article, Sentence
    from govkg.extract.resolution import page_contexts, resolve_sentence
    from govkg.extract.sentences import TaggedSentence

    lex = default_lexicon()
    texts = [read_text(it.text) for it in items]
    tagged = LacBackend().tag(texts)
    rules = 0.0
    for number, (it, text, tokens) in enumerate(zip(items, texts, tagged), 1):
        pos = 0
        for tok in tokens:
            t = _COARSE_TYPES.get(tok.tag)
            if t:
                it.bare.add((pos, pos + len(tok.text), t))
            pos += len(tok.text)

        t0 = time.perf_counter()
        art = Article("cluener", number, body=text)
        s = Sentence(art, text, TaggedSentence(text, tokens))
        page = [[s]]
        find_mentions(page, lex)
        ctx = page_contexts(page)[0]
        resolve_sentence(s, ctx, lex)
        rules += time.perf_counter() - t0

        found = {(m.start, m.end, PERSON) for m in s.people} | {(m.start, m.end, ORGANIZATION) for m in s.bodies}
        for post in s.posts:
            bodies = [p for p in post.parts if p.kind == "body"]
            if bodies:
                start = min(p.start for p in post.parts if p.kind in ("prefix", "territory", "level", "body"))
                found.add((start, bodies[-1].end, ORGANIZATION))
        places = [(m.start, m.end, m.compound) for m in s.places]
        it.govkg = found | {(a, b, PLACE) for a, b, _c in places}
        it.govkg_compound = found | whole_addresses(places)
    return rules


def inside_gold_bodies(items: list[Item], found: list[set[Span]]) -> int:
    """False places that lie inside a gold body's span (北京市 of 北京市消防局)."""
    return sum(1 for it, f in zip(items, found) for a, b, t in f - it.gold if t == PLACE
               and any(ga <= a and b <= gb and (ga, gb) != (a, b) for ga, gb, gt in it.gold if gt == ORGANIZATION))


def without_body_territories(items: list[Item], found: list[set[Span]]) -> list[set[Span]]:
    """Places inside a gold body's span left out (北京市 of 北京市消防局): govkg's contract names the
    territory a body's name holds as a Place (annotation.md); the flat general-news gold does not."""
    return [{(a, b, t) for a, b, t in f if t != PLACE or (a, b, t) in it.gold
             or not any(ga <= a and b <= gb and (ga, gb) != (a, b) for ga, gb, gt in it.gold if gt == ORGANIZATION)}
            for it, f in zip(items, found)]


def with_the_address(items: list[Item], found: list[set[Span]]) -> list[set[Span]]:
    """A body named from its own territory counted as the gold body written with its whole address
    (旬阳县人民法院 for 陕西省安康市旬阳县人民法院): when the gold body ends where the found one does
    and the system's own places fill the part before it. govkg names bodies so on purpose
    (annotation.md); the same reading is given to both systems."""
    out = []
    for it, f in zip(items, found):
        places = {(a, b) for a, b, t in f if t == PLACE}
        kept = set()
        for a, b, t in f:
            if t == ORGANIZATION and (a, b, t) not in it.gold:
                for ga, gb, gt in it.gold:
                    if gt == ORGANIZATION and gb == b and ga < a and _tiled(places, ga, a):
                        a = ga
                        break
            kept.add((a, b, t))
        out.append(kept)
    return out


def _tiled(places: set[tuple[int, int]], start: int, end: int) -> bool:
    """Whether places laid end to end cover exactly [start, end)."""
    at = start
    while at < end:
        nxt = next((b for a, b in places if a == at and b <= end), None)
        if nxt is None:
            return False
        at = nxt
    return True


def table(items: list[Item]) -> list[str]:
    gold = [it.gold for it in items]
    systems = {"bare LAC": [it.bare for it in items], "govkg": [it.govkg for it in items]}
    counts = Counter(s[2] for g in gold for s in g)
    out = ["| type (gold spans) | system | P | R | F1 |", "|---|---|---:|---:|---:|"]

    def row(label: str, name: str, found: list[set[Span]], t: str) -> str:
        r = score(gold, found, (t,))[t]
        return f"| {label} | {name} | {r['p']:.3f} | {r['r']:.3f} | {r['f1']:.3f} |"

    for t in TYPES:
        out += [row(f"{t} ({counts[t]})", name, found, t) for name, found in systems.items()]
    out.append(row("Place, compound", "govkg", [it.govkg_compound for it in items], PLACE))
    out.append(row("Place, joined", "bare LAC", [join_adjacent(it.bare) for it in items], PLACE))
    out.append(row("Place, joined", "govkg", [join_adjacent(it.govkg_compound) for it in items], PLACE))
    for name, found in systems.items():
        out.append(row("Place, a body's territory not counted", name, without_body_territories(items, found), PLACE))
    for name, found in systems.items():
        out.append(row("Organization, named from its own territory", name, with_the_address(items, found),
                       ORGANIZATION))
    out.append("\nfalse places inside a gold body's span: "
               + ", ".join(f"{name} {inside_gold_bodies(items, found)}" for name, found in systems.items()))
    return out


def _how(span: Span, found: set[Span]) -> str:
    """How govkg has a gold span it does not have exactly."""
    start, end, t = span
    same = [f for f in found if f[:2] == (start, end)]
    if same:
        return f"read as {same[0][2]}"
    inside = [f for f in found if start <= f[0] and f[1] <= end]
    wider = [f for f in found if f[0] <= start and end <= f[1]]
    crossing = [f for f in found if f[0] < end and start < f[1]]
    if len([f for f in inside if f[2] == t]) >= 2:
        return "split"
    if any(f[2] == t for f in inside):
        return "cut short"
    if any(f[2] == t for f in wider):
        return "run on"
    if crossing:
        return "overlapped by " + "/".join(sorted({f[2] for f in crossing}))
    return "dropped"


def losses(items: list[Item], examples: int) -> list[str]:
    lost: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    added: dict[str, list[str]] = defaultdict(list)
    for it in items:
        for span in it.gold & it.bare - it.govkg:
            lost[span[2]][_how(span, it.govkg)].append(
                f"{it.text[span[0]:span[1]]}  ⟵ {it.text}  [govkg: "
                + ", ".join(f"{it.text[a:b]}/{t[:3]}" for a, b, t in sorted(it.govkg) if a < span[1] and span[0] < b)
                + "]")
        for span in it.govkg - it.gold - it.bare:
            note = " (a span of a label not scored)" if span[:2] in it.ignored else ""
            added[span[2]].append(f"{it.text[span[0]:span[1]]}{note}  ⟵ {it.text}")
    out = []
    for t in TYPES:
        kinds = lost.get(t, {})
        out.append(f"\n## {t}: {sum(map(len, kinds.values()))} gold spans the bare model has and govkg has not")
        for kind, rows in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
            out.append(f"### {kind}: {len(rows)}")
            out += [f"- {r}" for r in rows[:examples]]
        out.append(f"\n## {t}: {len(added.get(t, []))} false spans govkg adds (the bare model has none of them)")
        out += [f"- {r}" for r in added.get(t, [])[:examples]]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", type=Path, help="CLUENER2020 dev.json (JSON lines)")
    ap.add_argument("--limit", type=int, default=0, help="the first N sentences only (0: all)")
    ap.add_argument("--losses", type=int, default=0, metavar="N",
                    help="print what govkg loses against the bare model, N examples per kind")
    args = ap.parse_args(argv)
    try:
        items = load_cluener(args.data)
    except (DataError, OSError, UnicodeDecodeError) as exc:
        print(f"general_news_ner: {exc}", file=sys.stderr)
        return 2
    if args.limit > 0:
        items = items[: args.limit]
    t0 = time.perf_counter()
    rules = run_systems(items)
    total = time.perf_counter() - t0
    chars = sum(len(it.text) for it in items)
    print(f"{args.data.name}: {len(items)} sentences, {chars:,} characters; "
          f"{total:.1f} s in all, {rules:.1f} s of it in govkg's passes\n")
    print("\n".join(table(items)))
    if args.losses:
        print("\n".join(losses(items, args.losses)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
