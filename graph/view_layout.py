"""Node positions for the HTML view, computed once in Python.

A browser running vis-network's physics on 5 000 nodes needs tens of seconds
to settle (measured here: about 60 ms per Barnes-Hut step in headless
Chromium, hundreds of steps). Positions computed beforehand let the page draw
once with physics off, in about a second, and the file is the same run after
run (seeded).

- Small graphs (up to ``SMALL``) use networkx's Fruchterman-Reingold
  ``spring_layout``, which is exact and quick at that size.
- Larger graphs use the same forces, but the all-pairs repulsion is computed
  on a grid: node density is binned and convolved with the repulsion kernel by
  FFT (the particle-mesh method of N-body codes), so one step costs
  O(n + edges + grid log grid) instead of O(n²). Attraction along edges is
  exact. networkx's own large-graph path needs scipy, which govkg does not.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

SMALL = 400          # nodes: at or below this, networkx's spring_layout
SPACING = 110.0      # pixels between neighbouring nodes in the page
SEED = 7


def layout(graph: nx.Graph, seed: int = SEED) -> dict[str, tuple[float, float]]:
    """Positions in page pixels for every node of ``graph`` (direction and parallel edges ignored)."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(graph.nodes))
    simple.add_edges_from((u, v) for u, v in graph.edges() if u != v)
    n = simple.number_of_nodes()
    if n == 0:
        return {}
    if n == 1:
        return {next(iter(simple.nodes)): (0.0, 0.0)}
    if n <= SMALL:
        raw = nx.spring_layout(simple, seed=seed, iterations=80)
        # spring_layout fits the picture into [-1, 1]²; give each node room in pixels.
        scale = SPACING * math.sqrt(n) * 0.7
        return {v: (round(float(x) * scale, 1), round(float(y) * scale, 1)) for v, (x, y) in raw.items()}
    order = list(simple.nodes)
    index = {v: i for i, v in enumerate(order)}
    edges = np.array([(index[u], index[v]) for u, v in simple.edges()], dtype=np.int64).reshape(-1, 2)
    pos = mesh_force_layout(n, edges, seed=seed) * SPACING
    return {v: (round(float(pos[i, 0]), 1), round(float(pos[i, 1]), 1)) for i, v in enumerate(order)}


def mesh_force_layout(n: int, edges: np.ndarray, iterations: int = 150, seed: int = SEED) -> np.ndarray:
    """Fruchterman-Reingold with grid (FFT) repulsion; ideal edge length 1.

    Returns an ``(n, 2)`` array. Forces: attraction d²/k along edges,
    repulsion k²/d between all pairs (on the grid), a weak pull to the centre
    so that separate components stay in one picture, and a step size that
    cools linearly as in the original algorithm.
    """
    rng = np.random.default_rng(seed)
    side = math.sqrt(n)
    pos = rng.uniform(-side / 2, side / 2, size=(n, 2))
    grid = 1 << max(6, math.ceil(math.log2(side * 1.5)))  # cells about one ideal length wide
    kernel_fft = _repulsion_kernel(grid)
    temperature = side / 8
    limit = side * 0.6  # a disc of radius 0.6·√n holds n nodes at spacing ≈ 1
    cool = temperature / (iterations + 1)
    src, dst = (edges[:, 0], edges[:, 1]) if len(edges) else (np.zeros(0, int), np.zeros(0, int))
    for _ in range(iterations):
        disp = _grid_repulsion(pos, grid, kernel_fft)
        if len(src):
            delta = pos[dst] - pos[src]
            dist = np.hypot(delta[:, 0], delta[:, 1])[:, None]
            pull = delta * dist  # FR attraction d²/k along the unit vector, k = 1
            np.add.at(disp, src, pull)
            np.add.at(disp, dst, -pull)
        disp -= 0.05 * (pos - pos.mean(axis=0))
        length = np.hypot(disp[:, 0], disp[:, 1])[:, None]
        pos += disp / np.maximum(length, 1e-9) * np.minimum(length, temperature)
        # Nodes with few or no edges would drift off and stretch the grid until
        # the crowd in the middle falls into a few cells: keep everyone in a disc
        # big enough for n nodes one ideal length apart.
        centre = pos.mean(axis=0)
        radius = np.hypot(*(pos - centre).T)[:, None]
        pos = centre + (pos - centre) * np.minimum(1.0, limit / np.maximum(radius, 1e-9))
        temperature -= cool
    return pos - pos.mean(axis=0)


def _repulsion_kernel(grid: int) -> tuple[np.ndarray, np.ndarray]:
    """FFT of the repulsion field k²·r/|r|² of one unit mass, on a (2·grid)² torus.

    The doubled size keeps the periodic convolution from wrapping around.
    """
    size = 2 * grid
    offsets = np.fft.fftfreq(size, d=1.0 / size)  # 0, 1, …, -1 in cell units
    dx, dy = np.meshgrid(offsets, offsets, indexing="ij")
    r2 = dx * dx + dy * dy
    r2[0, 0] = np.inf  # a node does not push itself
    return np.fft.rfft2(dx / r2), np.fft.rfft2(dy / r2)


def _grid_repulsion(pos: np.ndarray, grid: int, kernel_fft: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
    low = pos.min(axis=0)
    span = max(float((pos.max(axis=0) - low).max()), 1e-9)
    cell = span / (grid - 1)
    cells = np.clip(((pos - low) / cell).round().astype(np.int64), 0, grid - 1)
    density = np.zeros((2 * grid, 2 * grid))
    np.add.at(density, (cells[:, 0], cells[:, 1]), 1.0)
    dens_fft = np.fft.rfft2(density)
    size = (2 * grid, 2 * grid)
    fx = np.fft.irfft2(dens_fft * kernel_fft[0], s=size)
    fy = np.fft.irfft2(dens_fft * kernel_fft[1], s=size)
    # Field in cell units of distance; repulsion k²/d scales as 1/cell in layout units.
    force = np.stack([fx[cells[:, 0], cells[:, 1]], fy[cells[:, 0], cells[:, 1]]], axis=1) / cell
    # Nodes sharing a cell feel nothing from each other on the grid: a small push
    # away from the cell centre separates them.
    force += (pos - (low + cells * cell)) / max(cell * cell, 1e-9) * 0.5
    return force
