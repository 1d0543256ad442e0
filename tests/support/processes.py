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
