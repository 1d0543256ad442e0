"""The extraction pipeline: text in, entities and relations with evidence out.

Only the order of the passes is here; each pass is a module of its own:

    articles.split_page        a page into its articles
    sentences.tag_page         sentences, tagged by the NER model in one call
    mentions.find_mentions     places, bodies, post phrases, people, programs
    resolution.page_contexts   each article's territories
    resolution.resolve_sentence canonical names, anaphora
    posts.posts_of_sentence    who holds which post in which body
    careers.settle             which of an article's posts are former
    collect                    entities, relations and mentions (a PageResult)
    structure                  where bodies and territories sit, what is part of what

``extract_paths`` runs it over files and builds the graph (govkg.graph.build).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import lru_cache

from govkg.extract import collect, structure
from govkg.extract.articles import split_page
from govkg.extract.careers import settle
from govkg.extract.holders import Passage
from govkg.extract.lexicon import Lexicon, default_lexicon
from govkg.extract.mentions import find_mentions
from govkg.extract.ner.base import NerBackend
from govkg.extract.normalize import to_simplified
from govkg.extract.posts import posts_of_sentence
from govkg.extract.pieces import Piece
from govkg.extract.records import Article, PageResult, PostHolding, SourceText
from govkg.extract.resolution import given_names, merge_short_forms, page_contexts, resolve_sentence
from govkg.extract.sentences import tag_page
from govkg.graph.schema import PLACE


def _segmenter(backend: NerBackend) -> Callable[[str], tuple[str, ...]]:
    @lru_cache(maxsize=4096)
    def segment(text: str) -> tuple[str, ...]:
        return tuple(t.text for t in backend.tag([to_simplified(text)])[0])
    return segment


def page_splitter(backend: NerBackend, name: str, year: int | None = None) -> Callable[[str], list[Article]]:
    """The page splitter as extraction calls it (extract/pieces.py cuts a long text with the same)."""
    segment = _segmenter(backend)
    return lambda text: split_page(text, name, year=year, segment=segment,
                                   split_names=lambda s: [t.text for t in backend.tag([to_simplified(s)])[0]
                                                          if t.tag == "PER"])


def extract_page(src: SourceText, backend: NerBackend, *, year: int | None = None,
                 lex: Lexicon | None = None, piece: Piece | None = None) -> PageResult:
    """Extract one input file: a newspaper page or a single article (or one ``piece`` of a long text)."""
    lex = lex or default_lexicon()
    articles = page_splitter(backend, src.name, year)(src.text)
    if piece is not None:
        piece.place(articles)
    page = tag_page(articles, backend)
    find_mentions(page, lex)
    contexts = page_contexts(page, lex)
    col = collect.Collector(PageResult(src.name, articles))
    for sentences, ctx in zip(page, contexts):
        passage = Passage()
        holdings: list[PostHolding] = []
        for i, s in enumerate(sentences):
            resolve_sentence(s, ctx, lex)
            holdings += posts_of_sentence(s, ctx, lex, passage, order=i)
        settle(holdings)
        for s in sentences:
            collect.sentence_mentions(col, s, lex)
        for h in holdings:
            collect.holding(col, h, ctx, lex)
        if sentences:
            collect.given_name_aliases(col, sentences[0].article, given_names(sentences, lex))
            col.add(structure.in_article_territory(sentences, ctx, structure.located_ranks(col.result)))
            places = {to_simplified(e.name): e.id for e in col.result.entities.values() if e.label == PLACE}
            col.add(structure.division_nesting(sentences, places))
    collect.bylines(col, articles, lex)
    merge_short_forms(col.result)
    col.add(structure.part_of_by_name(col.result, lex))
    return col.result


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
