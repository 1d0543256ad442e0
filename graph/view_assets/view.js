/* govkg view: draws the graph from the JSON island with vis-network and wires up
 * search, type and relation filters, neighbourhood highlighting and the details panel.
 *
 * Safety rule for this file: text from the graph (names, aliases, sentences,
 * titles) reaches the document ONLY through textContent or vis-network's
 * canvas labels, never innerHTML, and no node or edge carries a vis "title"
 * (vis tooltips are HTML-capable). Positions come precomputed, so physics is
 * off and the page is stable after its first drawing.
 */
(function () {
  "use strict";

  var MAX_RESULTS = 50;
  var MAX_EVIDENCE = 5;
  var MAX_LIST = 30;

  var data = JSON.parse(document.getElementById("govkg-data").textContent);
  var byId = Object.create(null);
  var incident = Object.create(null);
  data.nodes.forEach(function (n) { byId[n.id] = n; incident[n.id] = []; });
  data.edges.forEach(function (e) { incident[e.from].push(e); incident[e.to].push(e); });

  var state = { hiddenKinds: Object.create(null), hiddenRels: Object.create(null),
                selected: null, pinned: false, dimmed: false };

  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("govkg-network");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);

  var view = window.govkgView = {
    network: network, nodes: nodes, edges: edges, data: data,
    stable: false, stableAt: null, search: search, select: selectNode, labelled: data.nodes.length,
    visibleNodeCount: function () { return nodes.get({ filter: function (n) { return !n.hidden; } }).length; }
  };

  // -- small DOM helpers: every piece of text goes in as textContent ----------
  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (className) node.className = className;
    return node;
  }
  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
  function nameOf(id) { return byId[id] ? byId[id].name : id; }
  function articleLine(articleId) {
    var a = data.articles[articleId] || {};
    var parts = [];
    if (a.title) parts.push("《" + a.title + "》");
    if (a.date) parts.push(a.date);
    if (!a.title) parts.unshift(articleId.replace(/^article:/, ""));  // untitled: its place in its page
    return "— " + parts.join(" ");
  }

  // -- header, legend and filters ----------------------------------------------
  document.getElementById("govkg-title").textContent = data.meta.title;
  document.title = data.meta.title;
  var notes = document.getElementById("govkg-notes");
  data.meta.notes.forEach(function (text) { notes.appendChild(el("li", text)); });

  function countBy(items, key) {
    var counts = Object.create(null);
    items.forEach(function (item) { counts[item[key]] = (counts[item[key]] || 0) + 1; });
    return counts;
  }
  var kindCounts = countBy(data.nodes, "kind");
  var relCounts = countBy(data.edges, "rel");

  function checkbox(fieldsetId, value, labelText, count, hiddenMap, glyph, color) {
    var label = el("label");
    var box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.value = value;
    box.dataset.filter = value;
    box.addEventListener("change", function () {
      if (box.checked) delete hiddenMap[value]; else hiddenMap[value] = true;
      applyFilters();
    });
    label.appendChild(box);
    if (glyph) {
      var mark = el("span", glyph, "govkg-glyph");
      mark.style.color = color;
      label.appendChild(mark);
    }
    label.appendChild(document.createTextNode(" " + labelText + " "));
    label.appendChild(el("span", "(" + count + ")", "govkg-count"));
    document.getElementById(fieldsetId).appendChild(label);
  }
  data.kinds.forEach(function (kind) {
    var style = data.styles[kind];
    checkbox("govkg-kinds", kind, kind, kindCounts[kind] || 0, state.hiddenKinds, style.glyph, style.color);
  });
  data.relations.forEach(function (rel) {
    checkbox("govkg-relations", rel, rel, relCounts[rel] || 0, state.hiddenRels);
  });

  function edgeHidden(e) {
    return !!(state.hiddenRels[e.rel] || state.hiddenKinds[byId[e.from].kind] || state.hiddenKinds[byId[e.to].kind]);
  }
  function applyFilters() {
    nodes.update(data.nodes.map(function (n) { return { id: n.id, hidden: !!state.hiddenKinds[n.kind] }; }));
    edges.update(data.edges.map(function (e) { return { id: e.id, hidden: edgeHidden(e) }; }));
    if (state.selected && byId[state.selected] && state.hiddenKinds[byId[state.selected].kind]) unselect();
    summary();
  }
  function summary() {
    var shownNodes = view.visibleNodeCount();
    var shownEdges = edges.get({ filter: function (e) { return !e.hidden; } }).length;
    var text = "显示 " + shownNodes + " 个节点、" + shownEdges + " 条边 · showing " + shownNodes +
      " nodes, " + shownEdges + " edges";
    if (data.meta.totalNodes !== data.meta.shownNodes) {
      text += " (of " + data.meta.totalNodes + " nodes, " + data.meta.totalEdges + " edges)";
    }
    document.getElementById("govkg-summary").textContent = text;
  }

  // -- search -----------------------------------------------------------------------
  function search(query) {
    var q = String(query || "").trim().toLowerCase();
    if (!q) return [];
    var hits = [];
    data.nodes.forEach(function (n) {
      if (state.hiddenKinds[n.kind]) return;
      var names = [n.name].concat(n.aliases || []);
      var rank = -1;
      names.forEach(function (name) {
        var s = String(name).toLowerCase();
        var r = s === q ? 0 : s.indexOf(q) === 0 ? 1 : s.indexOf(q) > 0 ? 2 : -1;
        if (r >= 0 && (rank < 0 || r < rank)) rank = r;
      });
      if (rank >= 0) hits.push({ id: n.id, rank: rank, node: n });
    });
    hits.sort(function (a, b) {
      return a.rank - b.rank || b.node.mentions - a.node.mentions || (a.id < b.id ? -1 : 1);
    });
    return hits.slice(0, MAX_RESULTS).map(function (h) { return h.id; });
  }
  var searchBox = document.getElementById("govkg-search");
  var results = document.getElementById("govkg-results");
  function showResults() {
    clear(results);
    search(searchBox.value).forEach(function (id) {
      var item = el("li");
      var button = el("button");
      button.type = "button";
      button.dataset.node = id;
      var style = data.styles[byId[id].kind];
      var mark = el("span", style.glyph, "govkg-glyph");
      mark.style.color = style.color;
      button.appendChild(mark);
      button.appendChild(document.createTextNode(" " + byId[id].name + " "));
      button.appendChild(el("span", byId[id].kind, "govkg-count"));
      button.addEventListener("click", function () { selectNode(id, true); });
      item.appendChild(button);
      results.appendChild(item);
    });
  }
  searchBox.addEventListener("input", showResults);
  searchBox.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter") return;
    var hits = search(searchBox.value);
    if (hits.length) selectNode(hits[0], true);
  });

  // -- selection and neighbourhood highlight ---------------------------------------
  // Dimming changes the global node and edge options (one call, however big the
  // graph) and raises only the neighbourhood with per-item options. Every
  // DataSet.update costs a pass over the whole network in vis-network, so each
  // change is at most one update of nodes and one of edges.
  var NORMAL = { nodes: { opacity: 1, font: { color: "#222" } },
                 edges: { color: { color: "#b8b8b8", opacity: 1 }, font: { color: "#666" } } };
  var DIMMED = { nodes: { opacity: 0.18, font: { color: "#cfcfcf" } },
                 edges: { color: { color: "#b8b8b8", opacity: 0.15 }, font: { color: "#e2e2e2" } } };
  var RAISED = { nodes: { opacity: 1, font: { color: "#222" } },
                 edges: { color: { color: "#555", opacity: 1 }, font: { color: "#333" } } };
  var raised = { nodes: Object.create(null), edges: Object.create(null) };

  // Give the items in `want` the `on` options and the other raised ones `off`.
  function restyle(dataset, current, want, on, off) {
    var changes = [];
    Object.keys(current).forEach(function (key) {
      if (!want[key]) changes.push(Object.assign({ id: current[key] }, off));
    });
    Object.keys(want).forEach(function (key) {
      if (!current[key]) changes.push(Object.assign({ id: want[key] }, on));
    });
    if (changes.length) dataset.update(changes);
    return want;
  }
  function asSet(ids) {
    var set = Object.create(null);
    ids.forEach(function (i) { set[i] = i; });
    return set;
  }
  function highlight(id) {
    if (!state.dimmed) network.setOptions(DIMMED);
    state.dimmed = true;
    raised.nodes = restyle(nodes, raised.nodes, asSet([id].concat(network.getConnectedNodes(id))),
                           RAISED.nodes, DIMMED.nodes);
    raised.edges = restyle(edges, raised.edges, asSet(network.getConnectedEdges(id)),
                           RAISED.edges, DIMMED.edges);
    refreshLabels();
  }
  function unhighlight() {
    if (!state.dimmed) return;
    state.dimmed = false;
    network.setOptions(NORMAL);
    raised.nodes = restyle(nodes, raised.nodes, {}, null, NORMAL.nodes);
    raised.edges = restyle(edges, raised.edges, {}, null, NORMAL.edges);
    refreshLabels();
  }

  // -- labels by zoom level ------------------------------------------------------
  // Labels keep one size on screen. Zoomed out, only the most mentioned nodes are
  // labelled (node.rank: 0 is the most mentioned), as many as fit: LABELS_AT_FIT
  // when the whole graph is in view, four times as many at twice that scale (the
  // area per label stays the same), all of them from READABLE on. The selected
  // node's neighbourhood is always labelled. Only nodes whose state changes are
  // updated, so a zoom costs little on a large graph.
  var LABELS_AT_FIT = 30;
  var READABLE = 0.8;
  var LABEL_PX = 13;
  var fitScale = null;
  var shortLabel = Object.create(null);
  var labelled = Object.create(null);
  data.nodes.forEach(function (n) { shortLabel[n.id] = n.label; labelled[n.id] = true; });
  function wantsLabel(n, scale) {
    if (raised.nodes[n.id] || scale >= READABLE || fitScale === null) return true;
    return n.rank < LABELS_AT_FIT * Math.pow(scale / fitScale, 2);
  }
  function refreshLabels() {
    var scale = network.getScale();
    var changes = [];
    data.nodes.forEach(function (n) {
      var want = wantsLabel(n, scale);
      if (want === !!labelled[n.id]) return;
      if (want) labelled[n.id] = true; else delete labelled[n.id];
      changes.push({ id: n.id, label: want ? shortLabel[n.id] : "" });
    });
    if (changes.length) nodes.update(changes);
    network.setOptions({ nodes: { font: { size: LABEL_PX / scale } },
                         edges: { font: { size: scale >= READABLE ? 10 / scale : 0 } } });
    view.labelled = Object.keys(labelled).length;
  }
  var zoomTimer = null;
  network.on("zoom", function () {
    if (zoomTimer) clearTimeout(zoomTimer);
    zoomTimer = setTimeout(function () { zoomTimer = null; refreshLabels(); }, 120);
  });
  function selectNode(id, moveTo) {
    if (!byId[id]) return false;
    state.selected = id;
    state.pinned = true;
    network.selectNodes([id]);
    highlight(id);
    showNode(id);
    if (moveTo) zoomTo(id);
    refreshLabels();
    return true;
  }
  // A search hit is shown with its neighbours, close enough to read every label
  // (READABLE); a hub whose neighbours do not fit at that scale is centred instead.
  function zoomTo(id) {
    network.fit({ nodes: [id].concat(network.getConnectedNodes(id)), animation: false });
    var scale = network.getScale();
    if (scale < READABLE || scale > 2 * READABLE) {
      network.moveTo({ position: network.getPosition(id), scale: scale < READABLE ? READABLE : 2 * READABLE,
                       animation: false });
    }
  }
  function unselect() {
    state.selected = null;
    state.pinned = false;
    network.unselectAll();
    unhighlight();
  }

  network.on("click", function (params) {
    if (params.nodes.length) {
      selectNode(params.nodes[0], false);
    } else if (params.edges.length) {
      unhighlight();
      state.selected = null;
      state.pinned = true;
      showEdge(params.edges[0]);
    } else {
      unselect();
      hint();
    }
  });
  network.on("hoverNode", function (params) { if (!state.pinned) showNode(params.node); });
  network.on("hoverEdge", function (params) { if (!state.pinned) showEdge(params.edge); });

  // -- details panel -------------------------------------------------------------------
  var details = document.getElementById("govkg-details");
  function hint() {
    clear(details);
    details.appendChild(el("p", "悬停或点击节点查看详情 · hover or click a node for details", "govkg-hint"));
  }
  function evidenceList(parent, evidence) {
    evidence.slice(0, MAX_EVIDENCE).forEach(function (ev) {
      parent.appendChild(el("p", ev.sentence, "govkg-sentence"));
      parent.appendChild(el("div", articleLine(ev.article), "govkg-source"));
    });
    if (evidence.length > MAX_EVIDENCE) {
      parent.appendChild(el("div", "… " + (evidence.length - MAX_EVIDENCE) + " more", "govkg-source"));
    }
  }
  function heading(name, kind) {
    details.appendChild(el("h2", name));
    var badge = el("span", kind, "govkg-kind");
    badge.style.background = (data.styles[kind] || {}).color || "#888";
    details.appendChild(badge);
  }
  function showNode(id) {
    var n = byId[id];
    if (!n) return;
    clear(details);
    details.dataset.node = id;
    heading(n.name, n.kind);
    if (n.aliases && n.aliases.length) details.appendChild(el("p", "别名 aliases: " + n.aliases.join("、"), "govkg-aliases"));
    var meta = "提及 mentions: " + n.mentions + " · 连接 links: " + n.degree;
    if (n.kind === "Article") meta = [n.date, n.source].filter(Boolean).join(" · ");
    details.appendChild(el("p", meta, "govkg-meta"));

    var relations = incident[id].filter(function (e) { return e.rel !== "MENTIONED_IN"; });
    relations.sort(function (a, b) { return a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0; });
    if (relations.length) {
      details.appendChild(el("h3", "关系 Relations (" + relations.length + ")"));
      var list = el("ul");
      relations.slice(0, MAX_LIST).forEach(function (e) {
        var item = el("li");
        var outgoing = e.from === id;
        item.appendChild(el("span", e.rel, "govkg-rel"));
        item.appendChild(document.createTextNode((outgoing ? " → " : " ← ") + nameOf(outgoing ? e.to : e.from) +
          (e.tenure ? " (" + e.tenure + ")" : e.status ? " (" + e.status + ")" : "")));
        if (e.note) item.appendChild(el("div", "(" + e.note + ")", "govkg-source"));
        evidenceList(item, e.evidence || []);
        list.appendChild(item);
      });
      if (relations.length > MAX_LIST) list.appendChild(el("li", "… " + (relations.length - MAX_LIST) + " more"));
      details.appendChild(list);
    }
    var mentions = incident[id].filter(function (e) { return e.rel === "MENTIONED_IN"; });
    if (mentions.length) {
      var articleSide = n.kind === "Article";
      details.appendChild(el("h3", articleSide ? "提及的实体 Mentions (" + mentions.length + ")"
                                               : "见于 Mentioned in (" + mentions.length + ")"));
      var mlist = el("ul");
      mentions.slice(0, MAX_LIST).forEach(function (e) {
        var times = e.count > 1 ? " ×" + e.count : "";
        mlist.appendChild(el("li", articleSide ? nameOf(e.from) + times
                                               : articleLine(e.to).replace(/^— /, "") + times));
      });
      if (mentions.length > MAX_LIST) mlist.appendChild(el("li", "… " + (mentions.length - MAX_LIST) + " more"));
      details.appendChild(mlist);
    }
  }
  function showEdge(edgeId) {
    var e = edges.get(edgeId);
    if (!e) return;
    clear(details);
    details.dataset.edge = edgeId;
    heading(e.rel, "relation");
    details.appendChild(el("p", nameOf(e.from) + " → " + nameOf(e.to) + (e.tenure ? " (" + e.tenure + ")" : e.status ? " (" + e.status + ")" : ""), "govkg-meta"));
    if (e.count) details.appendChild(el("p", "次数 count: " + e.count, "govkg-meta"));
    if (e.note) details.appendChild(el("p", "(" + e.note + ")", "govkg-meta"));
    evidenceList(details, e.evidence || []);
  }

  document.getElementById("govkg-reset").addEventListener("click", function () {
    searchBox.value = "";
    clear(results);
    Array.prototype.forEach.call(document.querySelectorAll("fieldset input[type=checkbox]"), function (box) {
      box.checked = true;
    });
    // Emptied in place: the checkboxes' handlers hold these very objects.
    [state.hiddenKinds, state.hiddenRels].forEach(function (map) {
      Object.keys(map).forEach(function (key) { delete map[key]; });
    });
    unselect();
    applyFilters();
    hint();
    network.fit({ animation: false });
    refreshLabels();
  });

  // -- first drawing -------------------------------------------------------------------
  summary();
  // The first drawing sizes the canvas; fit to it, and the drawing after that is final.
  network.once("afterDrawing", function () {
    network.once("afterDrawing", function () {
      view.stable = true;
      view.stableAt = performance.now();
    });
    network.fit({ animation: false });
    fitScale = network.getScale();
    refreshLabels();
  });
  if (data.focus.length) selectNode(data.focus[0], false);
})();
