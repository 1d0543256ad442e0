"""Every query helper gives the same answer on the sample graph from networkx and
from a real Neo4j: the graph is extracted from the shared corpus by `govkg
extract`, loaded by `govkg load`'s loader, and each helper is asked about
every entity it applies to (and about pairs, for paths)."""

from __future__ import annotations

import itertools

import pytest

from govkg.graph.schema import ENTITY_LABELS, ORGANIZATION, PERSON, PLACE, PROGRAM
from govkg.queries.local import LocalQueries



@pytest.fixture(scope="module")
def both(sample_file, neo4j_connection, neo4j_driver):
    """(networkx helpers, Neo4j helpers) over the same sample graph file."""
    from govkg.queries.neo4j.load import Neo4jTarget, load_file
    from govkg.queries.neo4j.helpers import Neo4jQueries

    load_file(sample_file, Neo4jTarget(*neo4j_connection), wipe_first=True)
    return LocalQueries.from_file(sample_file), Neo4jQueries(neo4j_driver, neo4j_connection.database)


def _ids(local: LocalQueries, *labels: str) -> list[str]:
    return sorted(n for n, label in local.graph.nodes(data="label") if label in labels)


def _compare(both, calls: list[tuple[str, tuple]]) -> int:
    """Run each call on both backends; assert equal answers; return how many were non-empty."""
    local, server = both
    differ, nonempty = [], 0
    for method, args in calls:
        expected = getattr(local, method)(*args)
        got = getattr(server, method)(*args)
        nonempty += bool(expected)
        if got != expected:
            differ.append(f"{method}{args}:\n  networkx {expected}\n  neo4j    {got}")
    assert not differ, f"{len(differ)} of {len(calls)} differ:\n" + "\n".join(differ[:5])
    return nonempty


def test_people(both):
    people = _ids(both[0], PERSON)
    assert len(people) >= 5
    calls = [(m, (p,)) for p in people for m in ("person_posts", "co_mentions")]
    calls += [("co_mentions", (p, 2)) for p in people]
    calls += [("co_mentions", (p, 1, True)) for p in people]  # bylines counted
    assert _compare(both, calls) >= len(people) // 2
    assert both[0].bylined_people() == both[1].bylined_people() != set()


def test_bodies_and_territories(both):
    bodies = _ids(both[0], ORGANIZATION, PLACE)
    calls = [(m, (b,)) for b in bodies for m in ("body_members", "territory_posts", "programs")]
    calls += [("body_members", (b, False)) for b in bodies]
    calls += [("programs", (b, True)) for b in bodies]
    assert _compare(both, calls) >= 10


def test_names(both):
    local = both[0]
    names = sorted({local.graph.nodes[n]["name"] for n in _ids(local, *ENTITY_LABELS)})
    calls = [("find_entities", (name,)) for name in names]
    calls += [("find_entities", (name[:2], [PERSON, ORGANIZATION, PLACE])) for name in names]
    calls += [("find_entities", (name[-2:], None, False)) for name in names]
    assert _compare(both, calls) >= len(names)


def test_paths(both):
    local = both[0]
    people = _ids(local, PERSON)
    others = _ids(local, ORGANIZATION, PLACE, PROGRAM)[::3]
    calls = [("connections", pair) for pair in itertools.combinations(people, 2)]
    calls += [("connections", (a, b, 6, True)) for a, b in itertools.combinations(people, 2)]
    # through articles, with and without bylines: the reporter's stories join everyone
    calls += [("connections", (a, b, 10, True, 20, True)) for a, b in itertools.combinations(people, 2)]
    calls += [("connections", (p, o)) for p in people[::2] for o in others]
    assert _compare(both, calls) >= 20


def test_entities_by_type(both):
    calls = [("entities_by_type", ()), ("entities_by_type", (None, 3))]
    calls += [("entities_by_type", (label,)) for label in ENTITY_LABELS]
    assert _compare(both, calls) == len(calls)
