"""Read-only means no side channels (queries/readonly.py, the local Neo4j launcher).

A read transaction keeps the database as it is, but Neo4j's LOAD CSV reads
any file or URL the server can reach, and LadybugDB's COPY … TO, LOAD FROM
and INSTALL write a file, read one and download, all with the database
opened read-only. A read-only ``govkg query`` refuses them before they are
sent; ``--write`` lets them through. The local Neo4j (scripts/neo4j-local)
confines ``file://`` to its import folder, as a packaged Neo4j does.
"""

from __future__ import annotations

import os
import socket
import subprocess
import tempfile
import threading

from support import cli
from support.synthetic import one_person_graph_file

_CACHE = tempfile.mkdtemp(prefix="govkg-test-cache-")


def govkg(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return cli.govkg(*args, env={"XDG_CACHE_HOME": _CACHE, **(env or {})})


def refused(done: subprocess.CompletedProcess, clause: str) -> None:
    assert done.returncode == 1, (done.stdout, done.stderr)
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith(f"govkg: {clause} ") and "read-only" in line and "--write" in line, line


def test_the_embedded_database_read_only_writes_and_reads_no_file(tmp_path):
    graph = one_person_graph_file(tmp_path)
    leak = tmp_path / "leak.csv"
    secret = tmp_path / "secret.csv"
    secret.write_text("name\n机密\n", encoding="utf-8")
    copy_to = f"COPY (MATCH (p:Person) RETURN p.name) TO '{leak}'"
    refused(govkg("query", copy_to, "--graph", str(graph)), "COPY")
    assert not leak.exists()
    load = f"LOAD FROM '{secret}' (header=true) RETURN *"
    refused(govkg("query", load, "--graph", str(graph)), "LOAD")
    refused(govkg("query", "INSTALL httpfs", "--graph", str(graph)), "INSTALL")
    refused(govkg("query", f"ATTACH '{tmp_path / 'other.lbug'}' AS other (dbtype lbug)", "--graph", str(graph)),
            "ATTACH")
    # The words in a string or as a name are no clause.
    named = govkg("query", "MATCH (p:Person) WHERE p.name <> 'COPY FROM' RETURN p.name AS `load`",
                  "--graph", str(graph), "--format", "csv")
    assert named.returncode == 0 and named.stdout.split() == ["load", "林晓"], named.stderr
    # --write lets them through (on the embedded copy): what stopped them was read-only.
    allowed = govkg("query", copy_to, "--graph", str(graph), "--write")
    assert allowed.returncode == 0, allowed.stderr
    assert "林晓" in leak.read_text(encoding="utf-8")
    read = govkg("query", load, "--graph", str(graph), "--write", "--format", "csv")
    assert read.returncode == 0 and "机密" in read.stdout, read.stderr


class Listener:
    """A local HTTP server that counts the connections it gets and answers each with a CSV file."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.connections = 0
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.connections += 1
            with conn:
                conn.settimeout(5)
                try:
                    conn.recv(65536)
                    conn.sendall(b"HTTP/1.0 200 OK\r\nContent-Type: text/csv\r\nContent-Length: 8\r\n\r\nname\nok\n")
                except OSError:
                    pass

    def close(self) -> None:
        self.stop.set()
        self.thread.join(timeout=5)
        self.sock.close()


def neo4j_env(connection) -> dict[str, str]:
    return {"NEO4J_URI": connection.uri, "NEO4J_USERNAME": connection.user,
            "NEO4J_PASSWORD": connection.password, "NEO4J_DATABASE": connection.database}


def test_read_only_load_csv_never_reaches_a_local_listener(neo4j_connection):
    env = neo4j_env(neo4j_connection)
    listener = Listener()
    try:
        url = f"http://127.0.0.1:{listener.port}/people.csv"
        statement = f"LOAD CSV WITH HEADERS FROM '{url}' AS row RETURN row.name AS name"
        refused(govkg("query", statement, "--neo4j", env=env), "LOAD CSV")
        refused(govkg("view", "--neo4j", "--cypher", statement, "-o", os.devnull, env=env), "LOAD CSV")
        assert listener.connections == 0
        # The server can reach the listener: with --write it does, so read-only is what kept it away.
        allowed = govkg("query", statement, "--neo4j", "--write", "--format", "csv", env=env)
        assert allowed.returncode == 0, allowed.stderr
        assert allowed.stdout.split() == ["name", "ok"] and listener.connections == 1
    finally:
        listener.close()


def test_load_csv_reads_no_file_outside_the_import_folder(neo4j_connection, tmp_path):
    """Even with --write, a file:// URL names a file in the server's import folder: a file the server
    could read anywhere else (here one beside the test, readable by all) is not found."""
    secret = tmp_path / "secret.csv"
    secret.write_text("机密\n", encoding="utf-8")
    secret.chmod(0o644)
    for url in (secret.as_uri(), "file:///etc/passwd"):
        done = govkg("query", f"LOAD CSV FROM '{url}' AS row RETURN row", "--neo4j", "--write",
                     env=neo4j_env(neo4j_connection))
        assert done.returncode == 1 and "机密" not in done.stdout and "root" not in done.stdout, done.stdout
        (line,) = done.stderr.strip().splitlines()
        assert line.startswith("govkg: Cypher error") and "Couldn't load the external resource" in line, line
