"""Relationship reports: what the graph says about one person, body, place or program,
how two entities are connected, and an overview of the whole graph.

A report is plain data (``model.Report`` → ``Section`` → ``Item``), built
only from a ``source.ReportSource``, so the same builder gives the same
report from a graph file or from Neo4j (``queries.neo4j.source``). One module
per kind of report (``person``, ``org``, ``place``, ``program``, ``career``, ``post``,
``path``, ``overview``), the pieces they share in ``common``; ``render`` turns a report
into Markdown, JSON or HTML. Names typed by a user are resolved by the query
helpers' one resolver (``queries.helpers.GraphQueries.resolve``). ``career`` and
``post`` read time: a person's posts in order, a post's holders in order
(queries/tenures.py).
"""

from __future__ import annotations

from typing import Sequence

from govkg.errors import GovkgError
from govkg.graph.schema import ENTITY_LABELS, ORGANIZATION, PERSON, PLACE, PROGRAM, ROLE
from govkg.queries.helpers import DEFAULT_PATH_LENGTH
from govkg.queries.reports.model import DEFAULT_TOP, Report
from govkg.queries.reports.career import career_report
from govkg.queries.reports.org import org_report
from govkg.queries.reports.overview import overview_report
from govkg.queries.reports.path import path_report
from govkg.queries.reports.person import person_report
from govkg.queries.reports.place import place_report
from govkg.queries.reports.post import post_report
from govkg.queries.reports.program import program_report
from govkg.queries.reports.source import ReportSource

#: The reports about one entity: the labels their subject may have, and the builder.
KINDS = {"person": ((PERSON,), person_report), "org": ((ORGANIZATION,), org_report),
         "place": ((PLACE,), place_report), "program": ((PROGRAM,), program_report),
         "career": ((PERSON,), career_report), "post": ((ROLE,), post_report)}
CHOOSE = "choose one with --id NODE_ID"


def build_report(source: ReportSource, kind: str, names: Sequence[str | None] = (),
                 ids: Sequence[str] = (), top: int = DEFAULT_TOP,
                 max_length: int = DEFAULT_PATH_LENGTH, via_bylines: bool = False) -> Report:
    """Resolve the names and build the report of ``kind`` (the ``govkg report`` subcommands)."""
    resolve = source.queries.resolve
    if kind in KINDS:
        labels, builder = KINDS[kind]
        return builder(source, resolve(names[0] if names else None, labels, ids, CHOOSE), top)
    if kind == "path":
        a = resolve(names[0], ENTITY_LABELS, ids, CHOOSE)
        b = resolve(names[1], ENTITY_LABELS, ids, CHOOSE)
        return path_report(source, a, b, max_length=max_length, via_bylines=via_bylines)
    if kind == "overview":
        return overview_report(source, top, via_bylines=via_bylines)
    raise GovkgError(f"unknown report '{kind}' (reports: {', '.join([*KINDS, 'path', 'overview'])})")
