"""Relations between the mentions of one sentence: who runs, receives, cooperates, lies in.

Each rule reads one sentence and returns (source mention, type, target
mention) triples; the pipeline resolves the mentions to nodes and attaches
the sentence as evidence.
"""

from __future__ import annotations

import re

from govkg.extract.records import Mention
from govkg.graph.schema import COOPERATES_WITH, LOCATED_IN, ORGANIZATION, PLACE, RECEIVED, RUNS

LEVEL_RANK = {"省": 0, "市": 1, "区": 2, "县": 2, "开发区": 2.5, "镇": 3, "乡": 3, "街道": 3, "村": 4, "社区": 4, "site": 5}
_AWARD_CUE = re.compile(r"(荣获|获得|获评|被授予|授予|被评为|评为|被命名为|命名为|获)[^，。；]{0,4}$"
                        # 县财政局妇工委、澧源镇妇联等17个巾帼建功先进集体: a count of recipients before the honour
                        r"|等[0-9一二三四五六七八九十百]+(?:个|家|所)$")
_RUN_CUE = re.compile(r"落实|实施|开展|推进|推行|坚持|执行|抓|聚焦|按照|围绕|建立|创建|争创|深化|启动|部署|以|把|打造|推动|践行")
_COOP_CUE = re.compile(r"联合|携手|会同|协同|联手")
_JOINERS = re.compile(r"^[、和与及]?$")

Triple = tuple[Mention, str, Mention]


def located_in(places: list[Mention], sentence: str = "") -> list[Triple]:
    """东高皇街道小店村: a territory written right before a smaller one contains it; a site named
    with its territory (长胜镇法沙长龙蔬菜基地) lies in it; 宁都县的长胜镇…、青塘镇…: a territory of
    a smaller one (的) contains it and those of its level listed after it."""
    out = []
    ordered = sorted((m for m in places if not _starts_site(m, places)), key=lambda m: m.start)
    for outer, inner in zip(ordered, ordered[1:]):
        if inner.start == outer.end and LEVEL_RANK.get(outer.level, 9) < LEVEL_RANK.get(inner.level, 9):
            out.append((inner, LOCATED_IN, outer))
    territories = sorted((m for m in places if m.level not in ("", "site")), key=lambda m: m.start)
    for k, (outer, inner) in enumerate(zip(territories, territories[1:])):
        if sentence[outer.end: inner.start] != "的" or LEVEL_RANK.get(outer.level, 9) >= LEVEL_RANK.get(inner.level, 9):
            continue
        out.append((inner, LOCATED_IN, outer))
        for other in territories[k + 2:]:
            if other.level != inner.level or sentence[other.start - 1: other.start] != "、":
                break
            out.append((other, LOCATED_IN, outer))
    for site in places:
        out += [(site, LOCATED_IN, t) for t in places if site.level == "site" and _starts_site(t, [site])]
    return out


def _starts_site(m: Mention, places: list[Mention]) -> bool:
    """The territory a site's name begins with (长胜镇 of 长胜镇法沙长龙蔬菜基地)."""
    return m.level != "site" and any(p.level == "site" and p.start == m.start and p.end > m.end for p in places)


def _actors(mentions: list[Mention]) -> list[Mention]:
    return sorted((m for m in mentions if m.label == ORGANIZATION
                   or (m.label == PLACE and m.level != "site")), key=lambda m: m.start)


def _owners(sentence: str, program: Mention, actors: list[Mention]) -> list[Mention]:
    """Bodies written right before a program own it: 卫东区委、区政府“首席服务官”制度."""
    owners: list[Mention] = []
    edge = program.start
    for m in reversed([a for a in actors if a.end <= program.start]):
        gap = sentence[m.end: edge]
        if not _JOINERS.match(gap.replace("的", "")):
            break
        owners.append(m)
        edge = m.start
    return owners


def program_relations(sentence: str, programs: list[Mention], mentions: list[Mention]) -> list[Triple]:
    """RUNS and RECEIVED: the actor of a sentence and the programs it carries out or receives."""
    out: list[Triple] = []
    actors = _actors(mentions)
    for prog in programs:
        before = [a for a in actors if a.end <= prog.start and not (a.start >= prog.start)]
        after = [a for a in actors if a.start >= prog.end]
        award = _AWARD_CUE.search(sentence[max(0, prog.start - 10): prog.start])
        owners = _owners(sentence, prog, actors)
        # The actor is the sentence's subject: the first actor of the clause holding the program.
        clause_start = max(sentence.rfind("，", 0, prog.start), sentence.rfind("；", 0, prog.start)) + 1
        in_clause = [a for a in before if a.start >= clause_start and a not in owners]
        subject = (in_clause[0] if in_clause else
                   next((a for a in before if a not in owners), None) or (after[0] if after else None))
        if award:
            if subject is not None:
                out.extend((recipient, RECEIVED, prog) for recipient in _listed_with(sentence, subject, in_clause))
            continue
        if subject is not None and _RUN_CUE.search(sentence[: prog.end]):
            out.append((subject, RUNS, prog))
        out.extend((o, RUNS, prog) for o in owners if o is not subject)
    return out


def _listed_with(sentence: str, first: Mention, actors: list[Mention]) -> list[Mention]:
    """The actor and those listed after it (县委组织部妇工委、县融媒体新闻宣传中心等16个获巾帼文明岗)."""
    listed = [first]
    for a in actors:
        if a.start >= listed[-1].end and _JOINERS.match(sentence[listed[-1].end: a.start]) \
                and sentence[listed[-1].end: a.start]:
            listed.append(a)
        elif a.start >= listed[-1].end:
            break
    return listed


def cooperation(sentence: str, mentions: list[Mention]) -> list[Triple]:
    """建设路街道联合工商银行、中信银行: the subject acts together with each named partner."""
    out: list[Triple] = []
    actors = _actors(mentions)
    for cue in _COOP_CUE.finditer(sentence):
        before = [a for a in actors if a.end <= cue.start()]
        if not before:
            continue
        subject = before[-1]
        edge = cue.end()
        for m in [a for a in actors if a.start >= cue.end() and a.label == ORGANIZATION]:
            if not _JOINERS.match(sentence[edge: m.start]):
                break
            out.append((subject, COOPERATES_WITH, m))
            edge = m.end
    return out
