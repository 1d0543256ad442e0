"""Where the Neo4j server is and how to open a verified driver to it.

govkg reads the variables Neo4j's own tools use (``NEO4J_URI``,
``NEO4J_USERNAME``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``; the CLI maps them
to ``Neo4jTarget``). Anything that stops the server from being used at all
(wrong password, no such database, nothing listening) becomes one
``GovkgError`` naming the URI and the fix.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from govkg.errors import GovkgError
from govkg.queries.neo4j import cypher

# The driver logs retries and the server's notifications as multi-line dumps;
# govkg reports what matters itself, in one line (run.warnings_of, the errors here).
logging.getLogger("neo4j").addHandler(logging.NullHandler())
DEFAULT_URI = "bolt://localhost:7687"
DEFAULT_USER = "neo4j"
DEFAULT_DATABASE = "neo4j"


@dataclass(frozen=True)
class Neo4jTarget:
    """Where to load: the password is left out of ``repr`` so it never reaches a log."""

    uri: str = DEFAULT_URI
    user: str = DEFAULT_USER
    password: str = field(default="", repr=False)
    database: str = DEFAULT_DATABASE



def _fix_hint() -> str:
    return ("set --uri/--user/--password or NEO4J_URI/NEO4J_USERNAME/NEO4J_PASSWORD "
            "(scripts/neo4j-local start runs a local Neo4j)")


def server_message(exc: Exception) -> str:
    message = getattr(exc, "message", None) or str(exc) or type(exc).__name__
    return " ".join(str(message).split())


def connection_error(target: Neo4jTarget, exc: Exception) -> GovkgError:
    """The one-line error for a server that cannot be used at all."""
    from neo4j import exceptions as neo

    if isinstance(exc, neo.AuthError):
        return GovkgError(f"Neo4j at {target.uri} refused user '{target.user}': wrong user or "
                          f"password; {_fix_hint()}")
    if isinstance(exc, neo.ClientError) and "DatabaseNotFound" in (exc.code or ""):
        return GovkgError(f"Neo4j at {target.uri} has no database '{target.database}' "
                          f"(set --database or NEO4J_DATABASE; Neo4j Community has only 'neo4j')")
    if isinstance(exc, (neo.ConfigurationError, ValueError)):
        return GovkgError(f"cannot use Neo4j URI '{target.uri}': {server_message(exc)} "
                          f"(expected e.g. bolt://localhost:7687 or neo4j+s://xxxx.databases.neo4j.io)")
    return GovkgError(f"cannot reach Neo4j at {target.uri}: {server_message(exc)}; {_fix_hint()}")


#: The URI schemes of Bolt, the protocol the loader speaks (``+s``: TLS, ``+ssc``: self-signed TLS).
BOLT_SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


def connect(target: Neo4jTarget, retry_seconds: float = 15.0):
    """An open, verified driver, or a GovkgError naming the URI and the fix."""
    from neo4j import GraphDatabase
    from neo4j import exceptions as neo

    scheme = target.uri.split("://", 1)[0].lower() if "://" in target.uri else ""
    if scheme not in BOLT_SCHEMES:
        raise GovkgError(f"cannot use Neo4j URI '{target.uri}': expected a Bolt URI such as "
                         f"bolt://localhost:7687 or neo4j+s://xxxx.databases.neo4j.io")
    try:
        driver = GraphDatabase.driver(target.uri, auth=(target.user, target.password),
                                      max_transaction_retry_time=retry_seconds,
                                      connection_timeout=10.0)
    except (neo.ConfigurationError, ValueError) as exc:
        raise connection_error(target, exc) from None
    try:
        driver.verify_connectivity()
        # Also proves the database exists (verify_connectivity alone does not).
        driver.execute_query(cypher.PING, database_=target.database)
    except (neo.DriverError, neo.Neo4jError, OSError) as exc:
        driver.close()
        raise connection_error(target, exc) from None
    return driver
