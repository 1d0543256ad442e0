"""Faults from outside: a SIGTERM in the middle of a run, a cache disk that is full.

SIGTERM ends ``govkg extract --jobs 2`` as Ctrl-C does: its worker processes
end with it and the old output stays. A cache that cannot be written is
warned about once, and the run goes on without it. The full disk is a real
one: a small tmpfs filled up, mounted in a private mount namespace
(``unshare``, which needs no root).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time

from conftest import SAMPLE_CORPUS, require_shared
from support import cli

# The SIGTERM and full-disk tests run govkg as a process of its own (cli.COMMAND): a signal sent
# to it, its worker processes, a private mount namespace (unshare) around it.
GOVKG = cli.COMMAND
SAMPLE = SAMPLE_CORPUS / "pingdingshan-weidong-2020-06.txt"


def children(pid: int) -> set[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    found = set()
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as fh:
                    if int(fh.read().rsplit(")", 1)[1].split()[1]) == pid:
                        found.add(int(entry))
            except (OSError, IndexError, ValueError):
                continue
    return found


def alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as fh:
            return fh.read().rsplit(")", 1)[1].split()[0] != "Z"
    except OSError:
        return False


def test_sigterm_ends_the_workers_and_keeps_the_old_output(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    page = require_shared(SAMPLE).read_text(encoding="utf-8")
    for n in range(40):  # a minute's work or so: ample time to be stopped in the middle
        (corpus / f"page-{n:02d}.txt").write_text(page.replace("卫东区", f"卫东{n}区"), encoding="utf-8")
    out = tmp_path / "graph.json"
    out.write_text("the old graph\n", encoding="utf-8")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    child = subprocess.Popen([*GOVKG, "extract", str(corpus), "-o", str(out), "--jobs", "2", "--no-cache"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        # govkg's children are multiprocessing's resource tracker and forkserver; the workers are
        # the forkserver's children.
        workers: set[int] = set()
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and child.poll() is None:
            helpers = children(child.pid)
            workers = {pid for helper in helpers for pid in children(helper)}
            if len(workers) == 2:
                break
            time.sleep(0.2)
        assert len(workers) == 2, "the two workers never started"
        workers |= helpers
        time.sleep(2)  # the workers are at work, not starting up
        child.send_signal(signal.SIGTERM)
        _, stderr = child.communicate(timeout=60)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        if child.returncode != 128 + signal.SIGTERM:  # a failure here must not leave workers behind
            for pid in workers:
                if alive(pid):
                    os.kill(pid, signal.SIGKILL)
    assert child.returncode == 128 + signal.SIGTERM
    assert stderr.decode().strip().splitlines()[-1] == "govkg: terminated"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(alive(pid) for pid in workers):
        time.sleep(0.2)
    assert not [pid for pid in workers if alive(pid)]
    assert out.read_text(encoding="utf-8") == "the old graph\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "corpus", "graph.json"] or \
        sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "graph.json"]  # no temporary file left


def test_a_full_cache_disk_is_warned_about_once_and_the_run_goes_on(tmp_path):
    if shutil.which("unshare") is None:
        raise AssertionError("this test needs unshare (util-linux) for a private mount namespace")
    inputs = []
    page = require_shared(SAMPLE).read_text(encoding="utf-8")
    for n in range(3):
        path = tmp_path / f"page-{n}.txt"
        path.write_text(page.replace("卫东区", f"卫东{n}区"), encoding="utf-8")
        inputs.append(str(path))
    cache = tmp_path / "cache"
    cache.mkdir()
    # Mount a 64 KB tmpfs on the cache folder, fill it up, then run govkg in that namespace.
    script = (f'mount -t tmpfs -o size=64k tmpfs "{cache}" && '
              f'(head -c 1048576 /dev/zero > "{cache}/filler" 2>/dev/null; true) && "$@"')
    command = ["unshare", "-r", "-m", "sh", "-c", script, "sh", *GOVKG, "extract", *inputs,
               "-o", str(tmp_path / "cached.json"), "--cache-dir", str(cache), "--jobs", "1"]
    done = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    warnings = [line for line in done.stderr.splitlines() if "cache" in line and "warning" in line]
    assert len(warnings) == 1 and "No space left on device" in warnings[0], done.stderr
    assert warnings[0].startswith("govkg: warning: cannot write the cache in")
    plain = cli.govkg("extract", *inputs, "-o", tmp_path / "plain.json", "--no-cache", "-q")
    assert plain.returncode == 0, plain.stderr
    assert (tmp_path / "cached.json").read_bytes() == (tmp_path / "plain.json").read_bytes()


def test_an_unwritable_cache_folder_is_warned_about_too(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(require_shared(SAMPLE).read_text(encoding="utf-8"), encoding="utf-8")
    cache = tmp_path / "cache"
    cache.write_text("a file where the cache folder should be\n", encoding="utf-8")
    done = cli.govkg("extract", page, "-o", tmp_path / "g.json", "--cache-dir", cache,
                     env={"XDG_CACHE_HOME": tempfile.mkdtemp()})
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("govkg: warning: cannot write the cache in") == 1
    assert (tmp_path / "g.json").is_file()
