"""Scoring a graph against gold files, as defined in shared/spec/annotation.md.

Entities are scored per type over the articles of each gold file's
``source``: a prediction is right when its type matches and one of its
names (name, title, aliases) equals the gold name or an alternative;
recall counts required gold entities, precision counts predictions that
match any gold entity. Roles are scored on (person, title) pairs, the body
a role belongs to separately, and gold relations by recall.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from govkg.errors import GovkgError
from govkg.graph.schema import ARTICLE, ENTITY_LABELS, HOLDS_ROLE, MENTIONED_IN, PERSON, ROLE_IN

_MARKS = re.compile("[\\s“”‘’\"'《》〈〉「」『』]")


def name_key(text: str | None) -> str:
    """Names compare without spaces, quotation marks or book-title marks."""
    return _MARKS.sub("", text or "")


def node_names(data: dict) -> set[str]:
    keys = {name_key(data.get("name")), name_key(data.get("title"))}
    keys |= {name_key(a) for a in data.get("aliases") or []}
    keys.discard("")
    return keys


def _gold_names(item: dict, key: str = "name", alts: str = "alts") -> set[str]:
    return {name_key(item[key])} | {name_key(a) for a in item.get(alts) or []}


@dataclass
class Tally:
    correct_predictions: int = 0
    predictions: int = 0
    found_gold: int = 0
    gold: int = 0
    misses: list[str] = field(default_factory=list)
    extras: list[str] = field(default_factory=list)

    def add(self, other: "Tally") -> None:
        self.correct_predictions += other.correct_predictions
        self.predictions += other.predictions
        self.found_gold += other.found_gold
        self.gold += other.gold
        self.misses += other.misses
        self.extras += other.extras

    def prf(self) -> dict[str, float | int]:
        p = self.correct_predictions / self.predictions if self.predictions else 0.0
        r = self.found_gold / self.gold if self.gold else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return {"p": p, "r": r, "f1": f, "pred": self.predictions, "gold": self.gold}


def load_gold(path: str | Path) -> dict:
    path = Path(path)
    try:
        gold = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GovkgError(f"gold file '{path}' not found") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise GovkgError(f"gold file '{path}' is not valid JSON: {exc}") from None
    if not isinstance(gold, dict) or "source" not in gold or not isinstance(gold.get("entities"), list):
        raise GovkgError(f"gold file '{path}' has no 'source' and 'entities' (see annotation.md)")
    return gold


def _entities_in(graph: nx.MultiDiGraph, source: str) -> set[str]:
    articles = {n for n, d in graph.nodes(data=True) if d.get("label") == ARTICLE and d.get("source") == source}
    return {u for u, v, d in graph.edges(data=True) if d.get("type") == MENTIONED_IN and v in articles}


def _score_entities(graph, ents: set[str], gold: dict) -> dict[str, Tally]:
    out = {}
    for label in ENTITY_LABELS:
        tally = Tally()
        golds = [g for g in gold["entities"] if g.get("type") == label]
        gold_sets = [_gold_names(g) for g in golds]
        preds = [(graph.nodes[e].get("name"), node_names(graph.nodes[e])) for e in sorted(ents)
                 if graph.nodes[e].get("label") == label]
        tally.predictions = len(preds)
        for name, names in preds:
            if any(names & gs for gs in gold_sets):
                tally.correct_predictions += 1
            else:
                tally.extras.append(str(name))
        for g, gs in zip(golds, gold_sets):
            if not g.get("required", True):
                continue
            tally.gold += 1
            if any(names & gs for _, names in preds):
                tally.found_gold += 1
            else:
                tally.misses.append(g["name"])
        out[label] = tally
    return out


def _role_pairs(graph, ents: set[str]) -> list[tuple[set[str], set[str], set[str], str]]:
    pairs = []
    for person in sorted(ents):
        if graph.nodes[person].get("label") != PERSON:
            continue
        for _, role, d in graph.out_edges(person, data=True):
            if d.get("type") != HOLDS_ROLE or role not in graph:
                continue
            bodies = set()
            for _, body, d2 in graph.out_edges(role, data=True):
                if d2.get("type") == ROLE_IN:
                    bodies |= node_names(graph.nodes[body])
            label = f"{graph.nodes[person].get('name')}/{graph.nodes[role].get('name')}"
            pairs.append((node_names(graph.nodes[person]), node_names(graph.nodes[role]), bodies, label))
    return pairs


def _check_sources(graph: nx.MultiDiGraph, golds: list[tuple[str | Path, dict]], graph_name: str) -> None:
    """Refuse gold files whose source no article of the graph comes from: their scores would be
    zeros (and relation recall, which looks at the whole graph, anything), not a measure."""
    sources = {d.get("source") for _, d in graph.nodes(data=True) if d.get("label") == ARTICLE}
    unmatched = [(path, gold["source"]) for path, gold in golds if gold["source"] not in sources]
    if unmatched:
        listed = ", ".join(f"'{source}' (gold file '{path}')" for path, source in unmatched[:3])
        more = f" and {len(unmatched) - 3} more" if len(unmatched) > 3 else ""
        raise GovkgError(f"no article of {graph_name} comes from {listed}{more}: nothing to score; extract "
                         f"those files into the graph, or leave their gold files out")


def score_graph(graph: nx.MultiDiGraph, gold_paths: list[str | Path], graph_name: str = "the graph") -> dict:
    """Scores like shared/tools/score.py --json, plus ``misses`` and ``extras`` for --verbose.

    Every gold file's ``source`` must be the source of some article of the graph.
    """
    entity_tallies = {label: Tally() for label in ENTITY_LABELS}
    roles, attach = Tally(), Tally()
    relations = Tally()
    golds = [(path, load_gold(path)) for path in gold_paths]
    _check_sources(graph, golds, graph_name)
    for path, gold in golds:
        ents = _entities_in(graph, gold["source"])
        for label, t in _score_entities(graph, ents, gold).items():
            entity_tallies[label].add(t)
        pairs = _role_pairs(graph, ents)
        gold_roles = gold.get("roles") or []

        def matches(gr, pair):
            return name_key(gr["person"]) in pair[0] and bool(pair[1] & _gold_names(gr, "title", "title_alts"))

        roles.predictions += len(pairs)
        for pair in pairs:
            if any(matches(gr, pair) for gr in gold_roles):
                roles.correct_predictions += 1
            else:
                roles.extras.append(pair[3])
        for gr in gold_roles:
            if not gr.get("required", True):
                continue
            roles.gold += 1
            hits = [p for p in pairs if matches(gr, p)]
            roles.found_gold += bool(hits)
            if not hits:
                roles.misses.append(f"{gr['person']}/{gr['title']}")
            if gr.get("org"):
                attach.gold += 1
                if any(p[2] & _gold_names(gr, "org", "org_alts") for p in hits):
                    attach.found_gold += 1
                else:
                    attach.misses.append(f"{gr['person']}/{gr['title']}@{gr['org']}")
        for gr in gold.get("relations") or []:
            if not gr.get("required", True):
                continue
            relations.gold += 1
            src, dst = _gold_names(gr, "from", "from_alts"), _gold_names(gr, "to", "to_alts")
            if any(d.get("type") == gr["type"] and node_names(graph.nodes[u]) & src
                   and node_names(graph.nodes[v]) & dst for u, v, d in graph.edges(data=True)):
                relations.found_gold += 1
            else:
                relations.misses.append(f"{gr['from']} {gr['type']} {gr['to']}")
    result: dict = {label: t.prf() for label, t in entity_tallies.items()}
    result["HOLDS_ROLE"] = roles.prf()
    result["ROLE_IN_acc"] = attach.found_gold / attach.gold if attach.gold else 0.0
    result["relations_recall"] = relations.found_gold / relations.gold if relations.gold else 0.0
    result["entity_macro_f1"] = sum(result[t]["f1"] for t in ("Person", "Organization", "Place")) / 3
    result["misses"] = {k: v for k, v in (
        *((label, t.misses) for label, t in entity_tallies.items()),
        ("HOLDS_ROLE", roles.misses), ("ROLE_IN", attach.misses), ("relations", relations.misses)) if v}
    result["extras"] = {k: v for k, v in (
        *((label, t.extras) for label, t in entity_tallies.items()), ("HOLDS_ROLE", roles.extras)) if v}
    return result


def score_status(graph: nx.MultiDiGraph, gold_paths: list[str | Path]) -> dict[str, float | int]:
    """The status of posts (annotation.md: former, proposed), as shared/tools/score_status.py scores it.

    ``former_recall``: required gold posts with status former found as a (person, title) pair;
    ``former_status_acc``: of those, the share whose HOLDS_ROLE says former;
    ``proposed_as_current``: gold proposed posts found as a pair reported current.
    """
    counts = {"former_gold": 0, "former_found": 0, "former_status_ok": 0, "proposed_found": 0,
              "proposed_as_current": 0}
    for path in gold_paths:
        gold = load_gold(path)
        ents = _entities_in(graph, gold["source"])
        holdings = []
        for person in ents:
            if graph.nodes[person].get("label") != PERSON:
                continue
            for _, role, d in graph.out_edges(person, data=True):
                if d.get("type") == HOLDS_ROLE and role in graph:
                    holdings.append((node_names(graph.nodes[person]), node_names(graph.nodes[role]), d.get("status")))
        for gr in gold.get("roles") or []:
            status = gr.get("status")
            if status not in ("former", "proposed"):
                continue
            titles = _gold_names(gr, "title", "title_alts")
            hits = [s for people, names, s in holdings if name_key(gr["person"]) in people and names & titles]
            if status == "former" and gr.get("required", True):
                counts["former_gold"] += 1
                if hits:
                    counts["former_found"] += 1
                    counts["former_status_ok"] += any(s == "former" for s in hits)
            if status == "proposed" and hits:
                counts["proposed_found"] += 1
                counts["proposed_as_current"] += any(s in (None, "", "current") for s in hits)
    out: dict[str, float | int] = dict(counts)
    out["former_recall"] = counts["former_found"] / counts["former_gold"] if counts["former_gold"] else 0.0
    out["former_status_acc"] = counts["former_status_ok"] / counts["former_found"] if counts["former_found"] else 0.0
    return out
