"""What read-only means for a Cypher statement: nothing outside the database is read or written.

A read-only transaction (Neo4j's read access mode, LadybugDB opened
read-only) refuses writes to the database, but not every way out of it:
Neo4j's ``LOAD CSV`` reads any URL the server can reach (``file:///…``,
``http://…``) in a read transaction; LadybugDB's ``COPY … TO`` writes a file,
``LOAD FROM`` reads one and ``INSTALL`` downloads an extension, all in a
read-only database. So a read-only ``govkg query`` (and ``govkg view
--cypher``) refuses these clauses before the statement is sent; ``--write``
allows them. Words inside strings and comments do not count.
"""

from __future__ import annotations

import re

from govkg.errors import GovkgError

# Strings, quoted names and comments: blanked out before clauses are looked for.
_NOT_CODE = re.compile(r"""'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`(?:[^`]|``)*`|//[^\n]*|/\*.*?\*/""", re.S)
# A clause word used as one: not a property (n.load), a label (:Copy), a map key ({load: 1}),
# or a variable at the end of a list (RETURN load, x).
_CLAUSE = r"(?<![.:$\w])\b({words})\b(?!\s*(?:[:.)\],=}}]|$))"

_NEO4J = re.compile(r"(?<![.:$\w])\bLOAD\s+CSV\b", re.I)
_LADYBUG = (
    (re.compile(_CLAUSE.format(words="COPY|LOAD|INSTALL|UNINSTALL|ATTACH|EXPORT|IMPORT"), re.I), None),
    (re.compile(r"(?<![.:$\w])\bDETACH\b(?!\s+DELETE\b)", re.I), "DETACH"),
    (re.compile(r"(?<![.:$\w])\bCALL\s+\w+\s*=", re.I), "CALL setting = …"),
)


def _code(query: str) -> str:
    return _NOT_CODE.sub(lambda m: " " * len(m.group()), query)


def check_neo4j_read_only(query: str) -> None:
    """Refuse LOAD CSV in a read-only statement for Neo4j."""
    if _NEO4J.search(_code(query)):
        raise GovkgError("LOAD CSV reads files and URLs outside the database, which a read-only query may not "
                         "do; add --write to allow it")


def check_embedded_read_only(query: str) -> None:
    """Refuse the clauses with which a read-only LadybugDB reads or writes outside itself."""
    code = _code(query)
    for pattern, name in _LADYBUG:
        found = pattern.search(code)
        if found:
            clause = name or found.group(1).upper()
            raise GovkgError(f"{clause} reaches files, extensions or other databases outside the graph, which a "
                             "read-only query may not do; add --write to allow it (on the embedded copy)")
