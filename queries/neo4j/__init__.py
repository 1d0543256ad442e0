"""Everything govkg does with a Neo4j server, in one place.

- ``connection``: where the server is (``Neo4jTarget``) and a verified driver (``connect``);
- ``cypher``: every statement sent, built only from the schema's whitelists;
- ``run``: running one statement, read-only unless asked, errors as one line;
- ``properties``: graph-file attributes as Neo4j properties and back;
- ``load``: the batched, idempotent loader behind ``govkg load``;
- ``helpers``: the query helpers (``queries.helpers.GraphQueries``) on Neo4j;
- ``source``: the reads of a report (``govkg report --neo4j``);
- ``view``: a query's result as a graph for ``govkg view --cypher``.

Only this package imports the driver; the rest of govkg reaches Neo4j through it.
"""
