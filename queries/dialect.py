"""Neo4j's Cypher on LadybugDB: the rewrites that give the same rows, and the differences named.

``govkg query --graph`` runs Cypher written for Neo4j on the embedded
database (queries/embedded.py). LadybugDB's Cypher differs in places; this
module rewrites, token by token, the constructs that have an exact
equivalent, and refuses those that do not with one line naming the
difference (``DIFFERENCES``, the same list as the README's table), before
the query runs, so that no query silently gives other rows than on Neo4j.

Rewrites (Neo4j → LadybugDB):

- ``labels(n)[0]``, ``head(labels(n))`` → ``label(n)``; ``labels(n)`` → ``[label(n)]``;
  ``type(r)`` → ``label(r)``.
- a label test outside a pattern, ``n:Person`` / ``n:Person|Role`` →
  ``label(n) = 'Person'`` / ``label(n) IN ['Person', 'Role']``.
- ``[x IN list WHERE p | e]`` → ``list_transform(list_filter(list, x -> p), x -> e)``.
- a list index ``l[i]`` (0-based) → ``l[i + 1]`` (1-based); a slice
  ``l[a..b]`` of literal bounds likewise.
- a variable-length pattern ``-[:T*a..b]-`` → ``-[:T* TRAIL a..b]-``: Neo4j
  never repeats a relationship in a path (trail semantics), LadybugDB does by
  default; with no upper bound, LadybugDB's limit of 30 hops.
- ``shortestPath(…*..k…)`` / ``allShortestPaths(…)`` → ``* SHORTEST 1..k`` /
  ``* ALL SHORTEST 1..k``.
- ``toString(x)``, ``toInteger``, ``toFloat``, ``toBoolean`` → ``cast(x, 'STRING')`` …;
  ``head(l)`` → ``list_extract(l, 1)``, ``last(l)`` → ``list_extract(l, -1)``.
- a parameter whose value is null or a boolean → ``NULL``, ``true``, ``false``
  (LadybugDB cannot type a null parameter, nor parse a boolean one as a
  predicate), and any parameter inside ``any(…)``, ``all(…)``, ``none(…)``,
  ``single(…)`` or a list comprehension → its value as a literal (a
  parameter there stops LadybugDB 0.22 with an internal assertion).

Columns keep Neo4j's names (an unaliased item is named by its text, as typed):
``return_columns`` computes them from the original statement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping

from govkg.errors import GovkgError

ENGINE = "the embedded database (LadybugDB)"

#: (what Neo4j has, how LadybugDB differs / what to write instead); the README's table.
DIFFERENCES: dict[str, tuple[str, str]] = {
    "call-subquery": ("CALL { … } subqueries and procedures (CALL db.labels())",
                      "not supported; use EXISTS { … }, COUNT { … } or separate queries"),
    "foreach": ("FOREACH", "not supported; use UNWIND"),
    "remove": ("REMOVE n.prop", "not supported; use SET n.prop = NULL"),
    "set-map": ("SET n += {…}", "not supported; set each property: SET n.k = v"),
    "pattern-comprehension": ("pattern comprehension [(a)-->(b) | b.name]",
                              "not supported; MATCH the pattern and collect()"),
    "map-projection": ("map projection n {.name, .id}", "not supported; write {name: n.name, id: n.id}"),
    "reduce": ("reduce(acc = 0, x IN l | acc + x)", "not supported; use list_reduce or UNWIND and sum()"),
    "start-end-node": ("startNode(r), endNode(r)", "not supported; name the nodes in the pattern"),
    "element-id": ("elementId(n), id(n)", "ids are internal to each database and differ; use n.id"),
    "keys": ("keys(n)", "lists every column of the node's table, set or not; use properties(n)"),
    "two-labels": ("two labels on one node, n:A:B",
                   "LadybugDB reads (n:A:B) as A or B; a govkg node has one label, so on Neo4j it "
                   "matches nothing; write n:A|B for either"),
    "exists-property": ("exists(n.prop)", "write n.prop IS NOT NULL (as Neo4j 5 wants too)"),
    "with-order": ("WITH … ORDER BY … without SKIP/LIMIT",
                   "LadybugDB orders in WITH only for SKIP/LIMIT, and the order reaches neither a "
                   "later collect() nor the rows; ORDER BY in RETURN, or sort with list_sort()"),
    "slice": ("l[a..b] with bounds that are not numbers", "write literal bounds, or list_slice(l, a+1, b)"),
    "load-csv": ("LOAD CSV", "not supported on a graph file"),
    "show": ("SHOW … / USE …", "not supported; the embedded database has one graph"),
    "unknown-property": ("a property no node or relationship has (null on Neo4j)",
                         "an error on LadybugDB, whose tables have a fixed set of columns"),
}

#: Rows that the rewrites make equal, but that a reader should know about (README only).
NOTES = {
    "var-length-limit": "a variable-length pattern with no upper bound stops at 30 hops",
    "uniqueness": "Neo4j never binds one relationship twice in a MATCH; LadybugDB does across "
                  "separate relationship patterns: add r1 <> r2 where it matters",
    "collect-order": "ORDER BY … LIMIT before collect() does not order the list",
    "out-of-range": "an index past the end of a list is an error, not null",
    "string-plus-number": "'a' + 1 is an error; write 'a' + cast(1, 'STRING')",
}


def difference(key: str, detail: str | None = None) -> GovkgError:
    neo4j, ladybug = DIFFERENCES[key]
    found = f" ({detail})" if detail else ""
    return GovkgError(f"{ENGINE} cannot run {neo4j}{found}: {ladybug}; run the query on Neo4j "
                      f"(govkg load, then govkg query without --graph)")


# --- tokens --------------------------------------------------------------------

_TOKEN = re.compile(r"""
    (?P<space>\s+|//[^\n]*|/\*.*?\*/)
  | (?P<string>'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*")
  | (?P<quoted>`(?:[^`]|``)*`)
  | (?P<number>\d+\.\d+(?:[eE][-+]?\d+)?|\d+(?:[eE][-+]?\d+)?)
  | (?P<param>\$\w+)
  | (?P<name>[A-Za-z_\u0080-\uffff][\w\u0080-\uffff]*)
  | (?P<op>->|<-|<>|<=|>=|=~|\.\.|\+=|[-+*/%^=<>(){}\[\],.:;|!])
""", re.VERBOSE | re.DOTALL)


@dataclass
class Token:
    kind: str
    text: str
    start: int = 0
    end: int = 0
    index: int = -1  # position in the original statement; -1 for a token a rewrite made

    def up(self) -> str:
        return self.text.upper() if self.kind == "name" else self.text


def tokenize(query: str) -> list[Token]:
    tokens, pos = [], 0
    while pos < len(query):
        match = _TOKEN.match(query, pos)
        if match is None:
            raise GovkgError(f"Cypher error: cannot read the query at '{query[pos:pos + 20]}'")
        if match.lastgroup != "space":
            tokens.append(Token(match.lastgroup, match.group(), match.start(), match.end(), len(tokens)))
        pos = match.end()
    return tokens


_OPEN = {"(": ")", "[": "]", "{": "}"}


def _close(tokens: list[Token], i: int) -> int:
    """Index of the bracket closing the one at ``i``."""
    depth = 0
    for j in range(i, len(tokens)):
        t = tokens[j].text if tokens[j].kind == "op" else ""
        if t in _OPEN:
            depth += 1
        elif t in (")", "]", "}"):
            depth -= 1
            if depth == 0:
                return j
    raise GovkgError("Cypher error: a bracket is not closed")


def _join(tokens: list[Token], query: str) -> str:
    """Tokens back to text: the original spacing between tokens that were neighbours."""
    out: list[str] = []
    for k, t in enumerate(tokens):
        if k:
            a = tokens[k - 1]
            if a.index >= 0 and t.index == a.index + 1:
                out.append(query[a.end:t.start])
            elif not (a.text in ("(", "[", ".", "..") or t.text in ("(", ")", "]", ",", ".", "..")
                      or (t.text == "[" and _is_expression_end(a))):
                out.append(" ")
        out.append(t.text)
    return "".join(out)


def _is_expression_end(t: Token | None) -> bool:
    return t is not None and (t.kind in ("name", "param", "quoted", "string")
                              or t.text in (")", "]", "}")) and t.up() not in _KEYWORDS


_KEYWORDS = {"MATCH", "OPTIONAL", "WHERE", "RETURN", "WITH", "AND", "OR", "NOT", "XOR", "IN", "AS",
             "ORDER", "BY", "SKIP", "LIMIT", "UNWIND", "CASE", "WHEN", "THEN", "ELSE", "END",
             "DISTINCT", "CREATE", "MERGE", "SET", "DELETE", "DETACH", "UNION", "ALL", "IS", "NULL",
             "CONTAINS", "STARTS", "ENDS", "ON", "CALL", "YIELD", "EXISTS", "COUNT", "DESC", "ASC",
             "DESCENDING", "ASCENDING"}
_PATTERN_START = {"MATCH", "MERGE", "CREATE", ",", "-", "->", "<-", "<", ">", "=", "OPTIONAL", "("}


# --- refusing what has no equivalent -----------------------------------------

def check_supported(tokens: list[Token]) -> None:
    """Raise the named difference for a construct LadybugDB cannot run."""
    for i, t in enumerate(tokens):
        u = t.up()
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        prev = tokens[i - 1] if i else None
        if u == "CALL" and nxt is not None and (nxt.text == "{" or (nxt.kind == "name" and i + 2 < len(tokens)
                                                                     and tokens[i + 2].text in (".", "("))):
            raise difference("call-subquery")
        if u == "FOREACH":
            raise difference("foreach")
        if u == "REMOVE":
            raise difference("remove")
        if u in ("SHOW", "USE") and (prev is None or prev.text == ";"):
            raise difference("show")
        if u == "LOAD" and nxt is not None and nxt.up() == "CSV":
            raise difference("load-csv")
        if t.text == "+=" and any(x.up() == "SET" for x in tokens[:i]):
            raise difference("set-map")
        if t.text == "[" and nxt is not None and nxt.text == "(" and not _is_expression_end(prev):
            raise difference("pattern-comprehension")
        if t.text == "{" and nxt is not None and nxt.text == "." and _is_expression_end(prev):
            raise difference("map-projection")
        if t.kind == "name" and nxt is not None and nxt.text == "(" and (prev is None or prev.text != "."):
            name = t.text.lower()
            if name == "reduce":
                raise difference("reduce")
            if name in ("startnode", "endnode"):
                raise difference("start-end-node")
            if name in ("elementid", "id"):
                raise difference("element-id")
            if name == "keys":
                raise difference("keys")
            if name == "exists" and i + 2 < len(tokens) and tokens[i + 2].text != "{":
                raise difference("exists-property")
        if t.text == ":" and i >= 3 and tokens[i - 2].text == ":" and tokens[i - 1].kind in ("name", "quoted") \
                and not _is_map_key(tokens, i - 3):
            raise difference("two-labels")
        if u == "ORDER" and nxt is not None and nxt.up() == "BY" and _in_with(tokens, i) \
                and not _followed_by_skip_or_limit(tokens, i):
            raise difference("with-order")


def _clause_of(tokens: list[Token], i: int) -> str | None:
    """The projection clause (WITH or RETURN) that token ``i`` belongs to, at its nesting level."""
    depth = 0
    for j in range(i - 1, -1, -1):
        t = tokens[j]
        if t.kind == "op" and t.text in (")", "]", "}"):
            depth += 1
        elif t.kind == "op" and t.text in _OPEN:
            if depth == 0:
                return None
            depth -= 1
        elif depth == 0 and t.up() in ("WITH", "RETURN"):
            return t.up()
        elif depth == 0 and t.up() in ("MATCH", "UNWIND", "CREATE", "MERGE", "SET", "DELETE"):
            return None
    return None


def _in_with(tokens: list[Token], i: int) -> bool:
    return _clause_of(tokens, i) == "WITH"


def _followed_by_skip_or_limit(tokens: list[Token], i: int) -> bool:
    depth = 0
    for t in tokens[i + 2:]:
        if t.kind == "op" and t.text in _OPEN:
            depth += 1
        elif t.kind == "op" and t.text in (")", "]", "}"):
            depth -= 1
            if depth < 0:
                return False
        elif depth == 0 and t.up() in ("SKIP", "LIMIT"):
            return True
        elif depth == 0 and t.up() in ("WHERE", "WITH", "RETURN", "MATCH", "UNWIND", "OPTIONAL", "UNION"):
            return False
    return False


# --- rewriting -----------------------------------------------------------------

_CASTS = {"tostring": "STRING", "tointeger": "INT64", "tofloat": "DOUBLE", "toboolean": "BOOL"}


def _t(kind: str, text: str) -> Token:
    return Token(kind, text)


def _rewrite(tokens: list[Token], literals: dict[str, str]) -> list[Token]:
    out: list[Token] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        prev = out[-1] if out else None
        low = t.text.lower() if t.kind == "name" else None
        calls = nxt is not None and nxt.text == "(" and (prev is None or prev.text != ".")
        if t.kind == "param" and t.text[1:] in literals:
            out.append(_t("name", literals[t.text[1:]]))
            i += 1
            continue
        if calls and low in ("any", "all", "none", "single"):
            close = _close(tokens, i + 1)
            out += [t, tokens[i + 1]] + _rewrite(tokens[i + 2:close], _inlined(literals)) + [tokens[close]]
            i = close + 1
            continue
        # head(labels(x)) → label(x)
        if calls and low == "head" and i + 3 < len(tokens) and tokens[i + 2].text.lower() == "labels" \
                and tokens[i + 3].text == "(":
            inner_close = _close(tokens, i + 3)
            if inner_close + 1 < len(tokens) and tokens[inner_close + 1].text == ")":
                out += [_t("name", "label"), _t("op", "(")] + _rewrite(tokens[i + 4:inner_close], literals) \
                    + [_t("op", ")")]
                i = inner_close + 2
                continue
        if calls and low == "labels":
            close = _close(tokens, i + 1)
            inner = _rewrite(tokens[i + 2:close], literals)
            after = tokens[close + 1:close + 4]
            if len(after) == 3 and after[0].text == "[" and after[1].text == "0" and after[2].text == "]":
                out += [_t("name", "label"), _t("op", "(")] + inner + [_t("op", ")")]
                i = close + 4
            else:
                out += [_t("op", "["), _t("name", "label"), _t("op", "(")] + inner + [_t("op", ")"), _t("op", "]")]
                i = close + 1
            continue
        if calls and low == "type":
            out.append(_t("name", "label"))
            i += 1
            continue
        if calls and low in _CASTS:
            close = _close(tokens, i + 1)
            out += [_t("name", "cast"), _t("op", "(")] + _rewrite(tokens[i + 2:close], literals) \
                + [_t("op", ","), _t("string", f"'{_CASTS[low]}'"), _t("op", ")")]
            i = close + 1
            continue
        if calls and low in ("head", "last"):
            close = _close(tokens, i + 1)
            out += [_t("name", "list_extract"), _t("op", "(")] + _rewrite(tokens[i + 2:close], literals) \
                + [_t("op", ","), _t("number", "1" if low == "head" else "-1"), _t("op", ")")]
            i = close + 1
            continue
        if calls and low in ("shortestpath", "allshortestpaths"):
            close = _close(tokens, i + 1)
            pattern = tokens[i + 2:close]
            semantic = "ALL SHORTEST" if low.startswith("all") else "SHORTEST"
            for k in range(len(pattern)):
                if pattern[k].text == "[" and k and pattern[k - 1].text in ("-", "<-"):
                    end = _close(pattern, k)
                    pattern = pattern[:k + 1] + _rewrite_var_length(pattern[k + 1:end], semantic) + pattern[end:]
                    break
            out += _rewrite(pattern, literals)
            i = close + 1
            continue
        # n:Label outside a pattern → label(n) = 'Label'
        if t.kind in ("name", "quoted") and nxt is not None and nxt.text == ":" and t.up() not in _KEYWORDS \
                and _is_label_test(tokens, i):
            labels, j = [], i + 2
            while j < len(tokens) and tokens[j].kind in ("name", "quoted"):
                labels.append(tokens[j].text.strip("`"))
                if j + 1 < len(tokens) and tokens[j + 1].text == "|":
                    j += 2
                else:
                    j += 1
                    break
            if labels:
                test = [_t("name", "label"), _t("op", "("), t, _t("op", ")")]
                if len(labels) == 1:
                    out += test + [_t("op", "="), _t("string", f"'{labels[0]}'")]
                else:
                    out += test + [_t("name", "IN"), _t("op", "[")]
                    for k, label in enumerate(labels):
                        out += ([_t("op", ",")] if k else []) + [_t("string", f"'{label}'")]
                    out.append(_t("op", "]"))
                i = j
                continue
        if t.text == "[" and t.kind == "op":
            close = _close(tokens, i)
            inner = tokens[i + 1:close]
            if prev is not None and prev.text in ("-", "<-"):  # a relationship pattern
                out.append(t)
                out += [_t("name", literals[x.text[1:]]) if x.kind == "param" and x.text[1:] in literals
                        else x
                        for x in _rewrite_var_length(inner, "TRAIL")]
                out.append(tokens[close])
                i = close + 1
                continue
            if _is_expression_end(prev):  # an index or a slice
                out += _index(inner, literals)
                i = close + 1
                continue
            if len(inner) >= 3 and inner[0].kind == "name" and inner[1].up() == "IN":
                out += _comprehension(inner, _inlined(literals))
                i = close + 1
                continue
        out.append(t)
        i += 1
    return out


class _Literals(dict):
    """Parameters written as literals everywhere (name → literal); ``inline``: every
    parameter that has a literal, written so only inside quantifiers and comprehensions."""

    def __init__(self, items: dict[str, str], inline: dict[str, str]) -> None:
        super().__init__(items)
        self.inline = inline


def _inlined(literals: dict[str, str]) -> dict[str, str]:
    return {**literals, **getattr(literals, "inline", {})}


def _literal(value: Any) -> str | None:
    """A parameter's value as a Cypher literal, or None if it has none (a map)."""
    if value is None:
        return "NULL"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace("'", "\\'").replace("\n", "\\n")
        return f"'{escaped}'"
    if isinstance(value, (list, tuple)):
        items = [_literal(v) for v in value]
        return None if any(item is None for item in items) or not items else "[" + ", ".join(items) + "]"
    return None


def _enclosing(tokens: list[Token], i: int) -> int | None:
    """Index of the innermost bracket open around token ``i`` (within ``tokens``)."""
    depth = 0
    for j in range(i - 1, -1, -1):
        t = tokens[j]
        if t.kind == "op" and t.text in (")", "]", "}"):
            depth += 1
        elif t.kind == "op" and t.text in _OPEN:
            if depth == 0:
                return j
            depth -= 1
    return None


def _is_pattern_bracket(tokens: list[Token], j: int) -> bool:
    """Whether the bracket at ``j`` opens a node or relationship pattern."""
    before = tokens[j - 1] if j >= 1 else None
    if tokens[j].text == "[":
        return before is not None and before.text in ("-", "<-")
    if tokens[j].text == "(":
        return before is None or before.up() in _PATTERN_START or before.text in _PATTERN_START
    return False


def _is_map_key(tokens: list[Token], i: int) -> bool:
    """Whether the name at ``i`` (followed by ':') is a key of a map literal."""
    opener = _enclosing(tokens, i)
    return opener is not None and tokens[opener].text == "{" and i >= 1 and tokens[i - 1].text in ("{", ",")


def _is_label_test(tokens: list[Token], i: int) -> bool:
    """``n:Label`` at ``i`` is a test (WHERE n:Person), not a pattern's variable or a map key."""
    opener = _enclosing(tokens, i)
    prev = tokens[i - 1] if i else None
    if prev is not None and (prev.text in ("|", ".") or (prev.text == ":" and not _is_map_key(tokens, i - 2))):
        return False  # a label or property name itself (but a map's value may be a test)
    if _is_map_key(tokens, i):
        return False
    if opener is not None and opener == i - 1 and _is_pattern_bracket(tokens, opener):
        return False
    return True


def _rewrite_var_length(tokens: list[Token], semantic: str) -> list[Token]:
    """``*a..b`` inside a relationship pattern → ``* SEMANTIC a..b`` (bounds made explicit)."""
    out = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if t.text == "*" and t.kind == "op" and not (i + 1 < len(tokens) and tokens[i + 1].kind == "name"):
            j, low, high = i + 1, None, None
            if j < len(tokens) and tokens[j].kind == "number":
                low = tokens[j].text
                j += 1
            ranged = j < len(tokens) and tokens[j].text == ".."
            if ranged:
                j += 1
                if j < len(tokens) and tokens[j].kind == "number":
                    high = tokens[j].text
                    j += 1
            elif low is not None:
                high = low  # *3 means exactly 3
            if semantic != "TRAIL":
                low = "1"
            out += [t] + [_t("name", word) for word in semantic.split()] + [
                    _t("number", low or "1"), _t("op", ".."),
                    _t("number", high or "30")]
            i = j
            continue
        if t.text == "[":
            close = _close(tokens, i)
            out += tokens[i:close + 1]
            i = close + 1
            continue
        out.append(t)
        i += 1
    return out


def _index(inner: list[Token], literals: dict[str, str]) -> list[Token]:
    """A 0-based index or slice → 1-based."""
    parts = _split_top(inner, "..")
    if len(parts) == 2:
        low, high = parts
        for bound in (low, high):
            if bound and not (len(bound) == 1 and bound[0].kind == "number"):
                raise difference("slice")
        low_n = int(low[0].text) + 1 if low else 1
        if int(low[0].text if low else 0) < 0 or (high and int(high[0].text) < 0):
            raise difference("slice", "negative bounds")
        new = [_t("number", str(low_n)), _t("op", "..")] + ([high[0]] if high else [])
        return [_t("op", "[")] + new + [_t("op", "]")]
    body = _rewrite(inner, literals)
    if len(inner) == 1 and inner[0].kind == "number":
        n = int(inner[0].text)
        body = [_t("number", str(n + 1 if n >= 0 else n))]
    elif len(inner) == 1 and inner[0].kind == "string":
        pass  # a map key
    elif len(inner) == 2 and inner[0].text == "-" and inner[1].kind == "number":
        pass  # from the end: -1 is the last item on both
    else:
        body = [_t("op", "(")] + body + [_t("op", ")"), _t("op", "+"), _t("number", "1")]
    return [_t("op", "[")] + body + [_t("op", "]")]


def _split_top(tokens: list[Token], sep: str) -> list[list[Token]]:
    parts, depth, current = [], 0, []
    for t in tokens:
        if t.kind == "op" and t.text in _OPEN:
            depth += 1
        elif t.kind == "op" and t.text in (")", "]", "}"):
            depth -= 1
        if depth == 0 and (t.text == sep or (t.kind == "name" and t.up() == sep)):
            parts.append(current)
            current = []
            continue
        current.append(t)
    parts.append(current)
    return parts


def _comprehension(inner: list[Token], literals: dict[str, str]) -> list[Token]:
    var = inner[0]
    rest = inner[2:]
    mapped = _split_top(rest, "|")
    source_and_filter, projection = mapped[0], (mapped[1] if len(mapped) > 1 else None)
    filtered = _split_top(source_and_filter, "WHERE")
    source = _rewrite(filtered[0], literals)
    expr = source
    if len(filtered) > 1:
        expr = [_t("name", "list_filter"), _t("op", "(")] + source + [
            _t("op", ","), var, _t("op", "->")] + _rewrite(filtered[1], literals) + [_t("op", ")")]
    if projection is not None:
        expr = [_t("name", "list_transform"), _t("op", "(")] + expr + [
            _t("op", ","), var, _t("op", "->")] + _rewrite(projection, literals) + [_t("op", ")")]
    return expr


# --- column names --------------------------------------------------------------

def return_columns(query: str) -> list[str] | None:
    """Neo4j's column names for the statement's last RETURN (None for RETURN *)."""
    tokens = tokenize(query)
    last, depth = None, 0
    for i, t in enumerate(tokens):
        if t.kind == "op" and t.text in _OPEN:
            depth += 1
        elif t.kind == "op" and t.text in (")", "]", "}"):
            depth -= 1
        elif depth == 0 and t.up() == "RETURN":
            last = i
    if last is None:
        return None
    items, depth, current = [], 0, []
    body = tokens[last + 1:]
    if body and body[0].up() == "DISTINCT":
        body = body[1:]
    for t in body:
        if t.kind == "op" and t.text in _OPEN:
            depth += 1
        elif t.kind == "op" and t.text in (")", "]", "}"):
            depth -= 1
        if depth == 0 and (t.up() in ("ORDER", "SKIP", "LIMIT", "UNION") or t.text == ";"):
            break
        if depth == 0 and t.text == ",":
            items.append(current)
            current = []
            continue
        current.append(t)
    items.append(current)
    names = []
    for item in items:
        if not item:
            return None
        if len(item) == 1 and item[0].text == "*":
            return None
        if len(item) >= 3 and item[-2].up() == "AS":
            alias = item[-1]
            names.append(alias.text[1:-1].replace("``", "`") if alias.kind == "quoted" else alias.text)
        else:
            names.append(query[item[0].start:item[-1].end])
    return names


# --- the whole translation -----------------------------------------------------

@dataclass(frozen=True)
class Translation:
    query: str
    parameters: dict[str, Any]
    columns: list[str] | None


def translate(query: str, parameters: Mapping[str, Any] | None = None) -> Translation:
    """The statement in LadybugDB's dialect, its parameters, and Neo4j's column names."""
    params = dict(parameters or {})
    tokens = tokenize(query)
    check_supported(tokens)
    # Parameters written into the statement as literals: name → literal; `inline` the
    # others, written as literals inside quantifiers and comprehensions only.
    literals = _Literals({k: _literal(v) for k, v in params.items() if v is None or isinstance(v, bool)},
                         {k: lit for k, v in params.items() if (lit := _literal(v)) is not None})
    rewritten = _rewrite(tokens, literals)
    return Translation(_join(rewritten, query), {k: v for k, v in params.items() if k not in literals},
                       return_columns(query))


#: LadybugDB-only syntax, and what Neo4j calls it: the hint added to a Neo4j syntax error.
_LADYBUG_ONLY = (
    (re.compile(r"\blabel\s*\(", re.I), "label(n) is LadybugDB's; Neo4j has labels(n)[0]"),
    (re.compile(r"\*\s*(ALL\s+)?SHORTEST\b", re.I),
     "* SHORTEST is LadybugDB's; Neo4j has shortestPath(…) / allShortestPaths(…)"),
    (re.compile(r"\*\s*(TRAIL|ACYCLIC)\b", re.I), "* TRAIL is LadybugDB's; Neo4j paths are trails already"),
    (re.compile(r"\blist_\w+\s*\(", re.I), "list_… functions are LadybugDB's; Neo4j has list comprehensions"),
    (re.compile(r"\bcast\s*\(", re.I), "cast() is LadybugDB's; Neo4j has toString(), toInteger() …"),
)


def neo4j_hint(query: str) -> str | None:
    """Why a statement in LadybugDB's dialect fails on Neo4j, if it is that."""
    for pattern, hint in _LADYBUG_ONLY:
        if pattern.search(query):
            return hint
    return None
