"""Running Cypher on a Neo4j server: read-only unless asked, errors as one line.

Reads go through ``driver.execute_query`` with ``routing_=READ``: the
transaction is opened in read access mode, so the *server* refuses any write
(``Neo.ClientError.Statement.AccessMode``), whatever the statement says, and
LOAD CSV, which reads outside the database in a read transaction too, is
refused before it is sent (queries/readonly.py). A
write needs ``write=True`` (``govkg query --write``) and runs as an
auto-commit transaction, so that ``CALL { … } IN TRANSACTIONS`` works too.

Server errors become a ``GovkgError`` with the server's message on one line.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping

from govkg.errors import GovkgError
from govkg.queries.readonly import check_neo4j_read_only


@dataclass
class CypherResult:
    """The columns and records of one statement, and what a write changed."""

    columns: list[str]
    records: list[Any]  # neo4j.Record
    counters: dict[str, int] = field(default_factory=dict)
    plan: dict[str, Any] | None = None  # the plan tree of a PROFILE (with counts) or EXPLAIN
    warnings: list[str] = field(default_factory=list)  # the server's warnings, one line each


def warnings_of(summary) -> list[str]:
    """The server's warnings about a statement (a label that does not exist …), one line each.

    The driver would log each as a multi-line object dump; govkg silences
    that log (connection.py) and says the same in one line.
    """
    found = []
    for status in getattr(summary, "gql_status_objects", None) or ():
        if str(getattr(status, "raw_severity", "")).upper() != "WARNING":
            continue
        text = one_line(status.status_description).removeprefix("warn: ")
        position = getattr(status, "position", None)
        if position is not None:
            text += f" (line {position.line}, column {position.column})"
        found.append(text)
    return found


def one_line(message: str | None) -> str:
    """The server's message without the query echo and caret of a syntax error.

    A syntax error reads ``Invalid input 'MATC': … (line 1, column 1 (offset: 0))``
    then the query and a ``^`` under the column: the first line says it all.
    """
    lines = [line.strip() for line in (message or "").splitlines() if line.strip()]
    return lines[0] if lines else "unknown error"


#: What a refused write in a read-only statement tells the user to do (``govkg query``).
WRITE_HINT = "add --write to allow writes"


def cypher_error(exc: Exception, uri: str | None = None, write_hint: str = WRITE_HINT) -> GovkgError:
    """The one-line ``GovkgError`` for an exception raised by the driver."""
    from neo4j import exceptions as neo

    where = f" at {uri}" if uri else ""
    if isinstance(exc, neo.AuthError):
        return GovkgError(f"Neo4j{where} refused the user name or password")
    if isinstance(exc, neo.Neo4jError):
        code = exc.code or ""
        message = one_line(exc.message)
        if code.endswith("Statement.AccessMode"):
            return GovkgError(f"Neo4j refused a write in a read-only query ({message}); {write_hint}")
        if "DatabaseNotFound" in code:
            return GovkgError(f"Neo4j{where}: {message} (set --database or NEO4J_DATABASE)")
        if code.startswith("Neo.ClientError"):
            return GovkgError(f"Cypher error: {message} [{code.rsplit('.', 1)[-1]}]")
        return GovkgError(f"Neo4j{where} failed: {message} [{code}]")
    if isinstance(exc, (neo.DriverError, OSError)):
        return GovkgError(f"lost the connection to Neo4j{where}: {one_line(str(exc)) or type(exc).__name__}")
    return GovkgError(one_line(str(exc)))


def run_cypher(driver, query: str, parameters: Mapping[str, Any] | None = None, *,
               database: str | None = None, write: bool = False,
               uri: str | None = None, write_hint: str = WRITE_HINT) -> CypherResult:
    """Run one statement; read-only unless ``write``. Errors become GovkgError.

    ``write_hint`` ends the message of a write refused in read-only mode.
    """
    import neo4j
    from neo4j import exceptions as neo

    if not query.strip():
        raise GovkgError("empty Cypher query")
    if not write:  # a read transaction still lets LOAD CSV fetch files and URLs (queries/readonly.py)
        check_neo4j_read_only(query)
    params = dict(parameters or {})
    try:
        if not write:
            eager = driver.execute_query(query, params, database_=database,
                                         routing_=neo4j.RoutingControl.READ)
            summary = eager.summary
            return CypherResult(list(eager.keys), list(eager.records),
                                plan=summary.profile or summary.plan, warnings=warnings_of(summary))
        with driver.session(database=database, default_access_mode=neo4j.WRITE_ACCESS) as session:
            result = session.run(query, params)
            records = list(result)
            columns = list(result.keys())
            summary = result.consume()
        counters = {k: v for k, v in vars(summary.counters).items()
                    if not k.startswith("_") and isinstance(v, int) and not isinstance(v, bool) and v}
        return CypherResult(columns, records, counters, plan=summary.profile or summary.plan,
                            warnings=warnings_of(summary))
    except (neo.Neo4jError, neo.DriverError, OSError) as exc:
        raise cypher_error(exc, uri, write_hint) from None


def read_rows(driver, query: str, parameters: Mapping[str, Any] | None = None, *,
              database: str | None = None) -> list[dict[str, Any]]:
    """A read-only statement's records as dicts (the helpers' statements return plain values)."""
    return [record.data() for record in run_cypher(driver, query, parameters, database=database).records]
