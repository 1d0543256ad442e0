"""The extraction pipeline: text in, entities and relations with evidence out.

read → split into articles → sentences → mentions (NER + rules) →
resolution (context, abbreviations, anaphora) → relations → ``PageResult``.
``extract_paths`` runs it over files and builds the graph
(govkg.graph.build).
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from govkg.extract.articles import split_page
from govkg.extract.context import LEVELS, Context, bare_body_org, build_context, canonical_org, canonical_place
from govkg.extract.lexicon import Lexicon, default_lexicon
from govkg.extract.bodies import find_bodies, territory_of_body
from govkg.extract.territory import place_level
from govkg.extract.places import find_places
from govkg.extract.sentences import TaggedSentence
from govkg.extract.ner.base import NerBackend
from govkg.extract.normalize import in_script_of, strip_quotes, to_simplified
from govkg.extract.programs import find_programs
from govkg.extract.records import Article, Entity, Evidence, Mention, PageResult, Relation, SourceText
from govkg.extract.relations import cooperation, located_in, program_relations
from govkg.extract.people import find_people
from govkg.extract.posts import Holding, Name, Passage, chains, link
from govkg.extract.resolve import Memory, Post, is_bare_body, resolve_post
from govkg.extract.territory import Span
from govkg.extract.titles import find_posts
from govkg.extract.sentences import split_sentences
from govkg.graph.schema import (AUTHORED, HOLDS_ROLE, LOCATED_IN, ORGANIZATION, PART_OF,
                                PERSON, PLACE, PROGRAM, ROLE, ROLE_IN, node_id, role_id)

PRESS_ROLES = {"记者", "通讯员"}


@dataclass
class _Sentence:
    article: Article
    text: str  # as written
    tagged: TaggedSentence  # simplified characters, same offsets
    places: list[Mention] = field(default_factory=list)
    orgs: list[Mention] = field(default_factory=list)
    people: list[Mention] = field(default_factory=list)
    programs: list[Mention] = field(default_factory=list)
    anaphors: list[Mention] = field(default_factory=list)


class _Collector:
    def __init__(self, result: PageResult):
        self.r = result

    def entity(self, label: str, name: str, alias: str | None = None, *, eid: str | None = None,
               **props) -> str:
        """Add (or find) a node and return its id; a Role passes its own id (one post in one body)."""
        eid = eid or node_id(label, name)
        ent = self.r.entities.get(eid)
        if ent is None:
            ent = self.r.entities[eid] = Entity(eid, label, name, {name})
        if alias:
            ent.aliases.add(re.sub(r"\s+", "", alias))
        for k, v in props.items():
            ent.props.setdefault(k, v)
        return eid

    def mention(self, eid: str, article: Article) -> None:
        self.r.mentions[(eid, article.id)] += 1

    def relate(self, source: str, rtype: str, target: str, article: Article | None, sentence: str | None,
               **props) -> None:
        ev = [Evidence(article.id, sentence)] if article is not None and sentence else []
        self.r.relations.append(Relation(source, rtype, target, ev, props))


def _segmenter(backend: NerBackend) -> Callable[[str], list[str]]:
    @lru_cache(maxsize=4096)
    def segment(text: str) -> tuple[str, ...]:
        return tuple(t.text for t in backend.tag([to_simplified(text)])[0])
    return segment


def extract_page(src: SourceText, backend: NerBackend, *, year: int | None = None,
                 lex: Lexicon | None = None) -> PageResult:
    """Extract one input file: a newspaper page or a single article."""
    lex = lex or default_lexicon()
    result = PageResult(src.name)
    seg = _segmenter(backend)
    articles = split_page(src.text, src.name, year=year, segment=seg,
                          split_names=lambda s: [t.text for t in backend.tag([to_simplified(s)])[0]
                                                 if t.tag == "PER"])
    result.articles = articles
    col = _Collector(result)

    # Tag every sentence of the page in one call.
    per_article: list[list[_Sentence]] = []
    texts, owners = [], []
    for art in articles:
        # Headlines name bodies and places too ("区人民检察院多措并举…").
        sents = [h for h in (art.kicker, art.title) if h] + split_sentences(art.body)
        texts.extend(to_simplified(s) for s in sents)
        owners.extend((art, s) for s in sents)
    tagged = backend.tag(texts) if texts else []
    by_article: dict[int, list[_Sentence]] = {}
    for (art, raw), simp, toks in zip(owners, texts, tagged):
        by_article.setdefault(art.number, []).append(_Sentence(art, raw, TaggedSentence(simp, toks)))
    per_article = [by_article.get(a.number, []) for a in articles]

    # Pass 1: places, to learn each article's territories.
    page_counts: Counter[str] = Counter()
    levels: dict[str, str] = {}
    art_counts: list[Counter[str]] = []
    for sents in per_article:
        counts: Counter[str] = Counter()
        for s in sents:
            # Words inside a quoted program's name are not places or bodies of their
            # own (千镇万村 in “百县千镇万村高质量发展工程”); a document's issuers are.
            s.programs = find_programs(s.tagged, lex)
            s.places = [p for p in find_places(s.tagged, lex) if not _inside_quoted(p, s.programs)]
            for m in s.places:
                m.text = s.text[m.start:m.end]
                if m.level != "site":
                    m.canonical = canonical_place(m.text)
                    levels[m.canonical] = m.level
                    counts[m.canonical] += 1
        art_counts.append(counts)
        page_counts.update(counts)
    page_ctx = build_context(page_counts, levels)
    contexts = [build_context(c, levels, page_ctx) for c in art_counts]
    # Short forms of the page's places (卫东 of 卫东区) are not people; compared simplified.
    simple_places = [to_simplified(p) for p in levels]
    place_stems = {p[: -len(s)] for p in simple_places for s in lex.place_suffixes
                   if p.endswith(s) and len(p) > len(s) + 1}
    place_stems |= {p[:2] for p in simple_places if len(p) >= 3}

    for art, sents, ctx in zip(articles, per_article, contexts):
        _extract_article(art, sents, ctx, lex, col, place_stems)
    _bylines(articles, col)
    _merge_short_forms(result)
    _part_of(result, col)
    return result


def _given_names(sents: list[_Sentence], art: Article, col: _Collector, lex: Lexicon) -> None:
    """新君 after 张新君: a given name used alone, only when one person of the article has it.

    The word must stand on its own (a token of the model), be tagged by the
    model as a name (建国 in "建国以来" is a word, not 刘建国) and not lie
    inside a full name; then it is an alias and a mention of that person.
    """
    owners: dict[str, set[str]] = {}
    for s in sents:
        for m in s.people:
            simple = to_simplified(m.text)
            surname = 2 if simple[:2] in lex.surnames and len(simple) >= 4 else 1
            if len(simple) - surname >= 2:
                owners.setdefault(simple[surname:], set()).add(node_id(PERSON, m.text))
    certain = {given: ids.pop() for given, ids in owners.items() if len(ids) == 1}
    if not certain:
        return
    for s in sents:
        taken = [(m.start, m.end) for m in s.people]
        for start, end, tok in s.tagged.spans:
            pid = certain.get(tok.text)
            if pid is None or tok.pos not in ("PER", "nr", "nw", "nz") or any(a <= start < b for a, b in taken):
                continue
            col.r.entities[pid].aliases.add(s.text[start:end])
            col.mention(pid, art)


def _inside_quoted(m: Mention, programs: list[Mention]) -> bool:
    return any(p.start <= m.start and m.end <= p.end and p.source != "rule:book-title" for p in programs)


def _anaphors(s: _Sentence, ctx: Context, lex: Lexicon, last_org: dict[str, str]) -> list[Mention]:
    out = []
    for word, level in lex.anaphora.items():
        for m in re.finditer(word, s.tagged.text):
            # 该区 inside 该区域 or 全区县 is not the anaphor.
            if m.end() < len(s.tagged.text) and s.tagged.text[m.end()] in "域县划":
                continue
            territory = level in LEVELS  # 该区 names a territory; 该院 the body last named
            target = ctx.home(level) if territory else last_org.get(level)
            if not target:
                continue
            label = PLACE if territory else ORGANIZATION
            mm = Mention(word, label, m.start(), m.end(), "rule:anaphora",
                         level=level if label == PLACE else "", canonical=target)
            out.append(mm)
    return out


def _extract_article(art: Article, sents: list[_Sentence], ctx: Context, lex: Lexicon,
                     col: _Collector, place_stems: set[str]) -> None:
    last_org: dict[str, str] = {}
    passage = Passage()
    for s in sents:
        ts = s.tagged
        # Places: canonical names, sites completed by the article's territory.
        for m in s.places:
            if m.level == "site":
                m.canonical = canonical_org(m.text, ctx, lex)
            col_id = col.entity(PLACE, m.canonical, m.text, level=m.level)
            col.mention(col_id, art)
        for inner, rtype, outer in located_in(s.places):
            col.relate(node_id(PLACE, inner.canonical), rtype, node_id(PLACE, outer.canonical), art, s.text,
                       basis="text")
        # Organisations, except words inside a program's name (“惠企贷”, “全省法院系统先进集体”).
        s.orgs = [o for o in find_bodies(ts, lex, s.places) if not _inside_quoted(o, s.programs)]
        for m in s.orgs:
            m.text = s.text[m.start:m.end]
            m.canonical = canonical_org(m.text, ctx, lex)
            if m.canonical in lex.generic_bodies or len(m.canonical) < 2:
                continue
            if not _has_territory(m.canonical, lex) and m.canonical in ("办事处", "党工委", "纪工委", "村委会",
                                                                         "居委会", "党支部"):
                full = bare_body_org(m.canonical, ctx, None)
                if not full:
                    continue
                m.canonical = full
            oid = col.entity(ORGANIZATION, m.canonical, m.text)
            ctx.named(m.canonical)
            col.mention(oid, art)
            _locate_org(col, art, s.text, m.canonical, lex)
            if m.canonical.endswith("院"):
                last_org["院"] = m.canonical
        s.anaphors = _anaphors(s, ctx, lex, last_org)
        # People and their posts.
        _people_and_posts(s, art, ctx, lex, col, place_stems, passage)
        # Programs and who runs or receives them.
        for m in s.programs:
            written = strip_quotes(s.text[m.start:m.end])
            m.canonical = re.sub(r"\s+", " ", written).strip()
            pid = col.entity(PROGRAM, m.canonical, written)
            col.mention(pid, art)
        actors = s.orgs + [p for p in s.places if p.level != "site"] + s.anaphors
        # 全区/全市 give a scope ("在全市首家荣获"), never the actor.
        actors = [a for a in actors if a.canonical and not a.text.startswith("全")]
        for src, rtype, dst in program_relations(ts.text, s.programs, actors) + cooperation(ts.text, actors):
            col.relate(_actor_id(src), rtype, _actor_id(dst) if dst.label != PROGRAM
                       else node_id(PROGRAM, dst.canonical), art, s.text)
        for a in s.anaphors:
            col.mention(_actor_id(a), art)
    _given_names(sents, art, col, lex)
    # Streets and towns the article names without their district lie in its district or county.
    for level, parent_levels in (("街道", ("区", "县", "市")), ("镇", ("县", "区", "市")), ("乡", ("县", "区", "市"))):
        parent = next((ctx.home(p) for p in parent_levels if ctx.home(p)), None)
        if not parent:
            continue
        for s in sents:
            for m in s.places:
                if m.level == level:
                    col.relate(node_id(PLACE, m.canonical), LOCATED_IN, node_id(PLACE, parent), art, s.text,
                               basis="article territory")
    _admin_nesting(sents, art, col)


def _admin_nesting(sents: list[_Sentence], art: Article, col: _Collector) -> None:
    """卫东区 → 平顶山市 → 河南省, from the division data, when the page names both."""
    from govkg.extract.admin import divisions

    named = {m.canonical: s.text for s in sents for m in s.places if m.level in ("省", "市", "区", "县")}
    places = {to_simplified(e.name): e.id for e in col.r.entities.values() if e.label == PLACE}
    for name, sentence in named.items():
        hits = divisions().lookup(to_simplified(name))
        if len(hits) != 1:
            continue
        for anc in divisions().ancestors(hits[0]):
            if anc.name in places:
                col.relate(node_id(PLACE, name), LOCATED_IN, places[anc.name], art, sentence,
                           basis="administrative divisions")
                break


def _locate_org(col: _Collector, art: Article, sentence: str, org: str, lex: Lexicon) -> None:
    """A body sits in the territory its name starts with: 卫东区人民政府 → 卫东区."""
    head = territory_of_body(org, lex)
    if not head:
        return
    level = place_level(head, lex)
    if level in (None, "site"):
        return
    place = canonical_place(head)
    pid = col.entity(PLACE, place, head, level=level)
    col.mention(pid, art)
    col.relate(node_id(ORGANIZATION, org), LOCATED_IN, pid, art, sentence, basis="name")


def _has_territory(name: str, lex: Lexicon) -> bool:
    return any(name.find(s) > 0 for s in ("省", "市", "区", "县", "镇", "乡", "街道", "村", "社区"))


def _actor_id(m: Mention) -> str:
    return node_id(m.label, m.canonical)


def _people_and_posts(s: _Sentence, art: Article, ctx: Context, lex: Lexicon, col: _Collector,
                      place_stems: set[str], passage: Passage) -> None:
    ts = s.tagged
    places = [Span(m.start, m.end, ts.text[m.start:m.end], "territory", m.level) for m in s.places
              if m.level not in ("", "site")]
    posts = find_posts(ts.text, lex, char_tags=ts.char_tag, token_starts=ts.token_start,
                       token_ends=ts.token_end, places=places)
    s.people = find_people(ts, lex, place_stems, posts)
    for m in s.people:
        m.text = s.text[m.start:m.end]
        col.mention(col.entity(PERSON, m.text), art)
    memory = Memory()
    resolved: dict[int, Post] = {}
    last: Post | None = None
    for chain in chains(ts.text, posts, [Name(m.start, m.end, m.text) for m in s.people]):
        # A bare title after another person's post takes that post's body: 主任詹积富、副主任张知通.
        before = last if chain[0].bare or _needs_host(chain[0], lex) else None
        for post in chain:
            before = resolved[id(post)] = resolve_post(post, s.text, lex, ctx, memory, before)
        last = before
    names = [Name(m.start, m.end, m.text) for m in s.people]
    for h in link(ts.text, posts, names, lex, passage):
        _add_holding(col, art, s, h, resolved[id(h.post)], ctx, lex)


def _needs_host(post, lex: Lexicon) -> bool:
    """党组副书记, 组织部部长: a body written without its territory that lives inside another body."""
    if post.territories or post.prefix or not post.bodies:
        return False
    forms = lex.bodies.get(post.bodies[0].text)
    return bool(forms) and forms[0].kind in ("organ", "cell", "court-organ", "unit", "congress-organ")


def _add_holding(col: _Collector, art: Article, s: _Sentence, h: Holding, post: Post, ctx: Context,
                 lex: Lexicon) -> None:
    pid = col.entity(PERSON, h.person.text)
    col.mention(pid, art)
    body_key = post.body
    if post.body and is_bare_body(post.body, lex):
        # 县委 in a story that never names its county: a body of that article alone, as written, so
        # that it never joins the 县委 of another story.
        body_key = f"{post.body}@{art.id}"
    rid = role_id(post.title, body_key, scope=None if post.body else art.id)
    col.entity(ROLE, post.title, eid=rid, title=post.title)
    col.r.entities[rid].aliases |= {a for a in post.aliases if a}
    col.mention(rid, art)
    props: dict[str, object] = {"status": h.status}
    if h.event:
        props["event"] = h.event
    if art.date:
        props["date"] = art.date
    col.relate(pid, HOLDS_ROLE, rid, art, s.text, **props)
    territory = post.territory or ctx.home("区") or ctx.home("县") or ctx.home("市")
    if territory and post.kind != "press":
        col.r.entities[pid].props.setdefault("territory", territory)
    if post.body:
        oid = col.entity(post.body_label, post.body, eid=node_id(post.body_label, body_key))
        col.r.entities[oid].aliases |= post.body_aliases
        if post.body_label == ORGANIZATION:
            ctx.named(post.body)
        if post.written:
            col.mention(oid, art)  # 副县长 implies its people's government; it is not written there
        col.relate(rid, ROLE_IN, oid, art, s.text)
        if post.body_label == ORGANIZATION and body_key == post.body:
            _locate_org(col, art, s.text, post.body, lex)
            child = post.body
            for parent in post.parents:
                pid2 = col.entity(ORGANIZATION, parent)
                col.mention(pid2, art)
                col.relate(node_id(ORGANIZATION, child), PART_OF, pid2, art, s.text, basis="name")
                child = parent


def _bylines(articles: list[Article], col: _Collector) -> None:
    for art in articles:
        for b in art.bylines:
            pid = col.entity(PERSON, b.person)
            col.mention(pid, art)
            col.relate(pid, AUTHORED, art.id, art, None, credit=b.role)
            if b.role in PRESS_ROLES:
                rid = role_id(b.role, None)
                col.entity(ROLE, b.role, eid=rid, title=b.role)
                col.mention(rid, art)
                col.relate(pid, HOLDS_ROLE, rid, None, None)


def _merge_short_forms(result: PageResult) -> None:
    """One node per thing: 廉政教育基地 is 卫东区廉政教育基地, 首席服务官 is 首席服务官制度.

    A name that is the tail of exactly one longer name of the same type (or
    its head, for programs and their markers) on the page becomes its alias.
    """
    by_label: dict[str, list[Entity]] = {}
    for ent in result.entities.values():
        by_label.setdefault(ent.label, []).append(ent)
    remap: dict[str, str] = {}
    for label, ents in by_label.items():
        if label not in (PLACE, ORGANIZATION, PROGRAM):
            continue
        for ent in ents:
            if len(ent.name) < 3:
                continue
            if label == PROGRAM:
                longer = [o for o in ents if o is not ent and o.name.startswith(ent.name)
                          and len(o.name) - len(ent.name) <= 4]
            elif label == ORGANIZATION and to_simplified(ent.name).endswith("纪委"):
                # 区纪委 and 区纪委监委 are one body since the supervision reform.
                longer = [o for o in ents if to_simplified(o.name) == to_simplified(ent.name) + "监委"]
            else:
                longer = [o for o in ents if o is not ent and o.name.endswith(ent.name)
                          and _has_prefix_territory(o.name[: -len(ent.name)])]
            if len(longer) == 1:
                remap[ent.id] = longer[0].id
    for old, new in remap.items():
        while new in remap:
            new = remap[new]
        target = result.entities[new]
        target.aliases |= result.entities.pop(old).aliases
        for (eid, aid), n in list(result.mentions.items()):
            if eid == old:
                del result.mentions[(eid, aid)]
                result.mentions[(new, aid)] += n
        for rel in result.relations:
            rel.source = new if rel.source == old else rel.source
            rel.target = new if rel.target == old else rel.target


def _has_prefix_territory(prefix: str) -> bool:
    prefix = to_simplified(prefix)
    return bool(prefix) and prefix[-1] in "省市区县镇乡村道" or prefix.endswith("社区")


def _part_of(result: PageResult, col: _Collector) -> None:
    """Departments and branches: 卫东区纪委监委 → 卫东区委, 建设路街道党工委 → the district's 区委."""
    orgs = {e.name for e in result.entities.values() if e.label == ORGANIZATION}
    party_units = ("纪委监委", "纪委", "组织部", "宣传部", "统战部", "政法委")
    for name in sorted(orgs):
        parent = None
        for unit in party_units:
            if name.endswith(unit) and name[: -len(unit)] + "委" in orgs:
                parent = name[: -len(unit)] + "委"
                break
        if name.endswith("纪工委") and name[:-3] + "党工委" in orgs:
            parent = name[:-3] + "党工委"
        if name.endswith("党工委"):
            for other in orgs:
                if other.endswith(("区委", "县委")) and len(other) > 2 and other != name:
                    parent = other
                    break
        if parent and parent != name:
            ev = next(((r.evidence[0].article, r.evidence[0].sentence) for r in result.relations
                       if r.evidence and (r.source == node_id(ORGANIZATION, name)
                                          or r.target == node_id(ORGANIZATION, name))), None)
            rel = Relation(node_id(ORGANIZATION, name), PART_OF, node_id(ORGANIZATION, parent),
                           [Evidence(*ev)] if ev else [], {"basis": "name"})
            result.relations.append(rel)


def extract_sources(sources: Iterable[SourceText], backend: NerBackend, *, year: int | None = None
                    ) -> Iterable[PageResult]:
    lex = default_lexicon()
    for src in sources:
        yield extract_page(src, backend, year=year, lex=lex)


def extract_paths(paths: list[str], *, ner: str = "lac", year: int | None = None, **backend_options):
    """Extract files or folders into one graph (``networkx.MultiDiGraph``)."""
    from govkg.extract.ner import get_backend
    from govkg.extract.reading import SkippedInput, discover, iter_sources
    from govkg.graph.build import build_graph

    backend = get_backend(ner, **backend_options)
    sources = (s for s in iter_sources(discover(paths)) if not isinstance(s, SkippedInput))
    return build_graph(extract_sources(sources, backend, year=year))
