"""Measuring a child process from outside, for the benches."""

from __future__ import annotations

import psutil


def tree_rss(proc: psutil.Process) -> int:
    """Resident memory of a process and all its descendants (a worker pool's whole cost), in bytes.

    A process that ends between listing and reading is skipped: it holds no memory any more.
    """
    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            pass
    return total


def run_on_terminal(cmd: list[str], env: dict[str, str], *, stdout_too: bool = True,
                    timeout: float = 600) -> tuple[int, bytes]:
    """Run ``cmd`` with its standard error (and output, with ``stdout_too``) on a pseudo-terminal,
    as a user's terminal would be; return its exit status and all it wrote there."""
    import os
    import pty
    import select
    import subprocess

    leader, follower = pty.openpty()
    child = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=follower if stdout_too else subprocess.DEVNULL,
                             stderr=follower, env=env)
    os.close(follower)
    shown = b""
    while True:
        ready, _, _ = select.select([leader], [], [], 1.0)
        if ready:
            try:
                chunk = os.read(leader, 1 << 16)
            except OSError:  # the child closed the terminal
                chunk = b""
            if not chunk:
                break
            shown += chunk
        elif child.poll() is not None:
            break
    status = child.wait(timeout=timeout)
    os.close(leader)
    return status, shown
