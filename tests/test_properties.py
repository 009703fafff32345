"""Property-based tests (Hypothesis): arbitrary bytes and text go through ingest, clean, render and the
whole pipeline without raising, text stays text, and every input is accounted for."""

from __future__ import annotations

import tempfile
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dossier.clean import clean
from dossier.ingest import _CONTROL_CHARS, ingest
from dossier.pipeline import Paths, build_corpus
from dossier.records import DecodedText, Rejection, SourceFile
from dossier.render import render_blocks

from conftest import names_only_registry, write_seeds

REGISTRY = names_only_registry()

# Fragments real scrapes are made of, hostile ones included, to mix with arbitrary characters.
FRAGMENTS = [
    "亞馬遜", "亚马逊关爱", "Amazon Care", "PillPack", "für", "infirmières", "。", ".", ",", "\n", "\n\n", "\r\n",
    "# ", "## ", "- ", "* ", "> ", "  • ", "| a | b |", "---", "```", "![](img/x.png)", "[](https://x.example)",
    "[t](javascript:alert(1))", "[t](https://a.example)", "<script>alert(1)</script>", "<input id=x></input>",
    "{{ x }}", "{% y %}", "<!-- c -->", "&amp;", "\x00", "\x1b", "\ufeff", "評論", "正在閱讀:", "4.5k",
    "https://www . example . com/a", "在线观看,无码,人妻,视频",
]
texts = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=40)), max_size=60).map("".join)


class Tags(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = set()

    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)


ARTICLE_TAGS = {"p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "a", "strong", "em",
                "code", "pre", "hr", "div"}


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=3000))
def test_ingest_never_raises_on_bytes(data):
    result = ingest(SourceFile("x.txt", data))
    assert isinstance(result, (DecodedText, Rejection))
    if isinstance(result, DecodedText):
        assert not _CONTROL_CHARS.search(result.text) and "\r" not in result.text
    else:
        assert result.reason


@settings(max_examples=300, deadline=None)
@given(texts, st.sampled_from(["utf-8", "utf-16", "gb18030", "big5", "cp1252", "shift_jis"]))
def test_ingest_reads_encoded_text_or_rejects_it(text, encoding):
    data = text.encode(encoding, errors="ignore")
    result = ingest(SourceFile("x.txt", data))
    assert isinstance(result, (DecodedText, Rejection))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(texts)
def test_clean_and_render_keep_text_as_text(vocabulary, text):
    decoded = DecodedText("x.txt", "0" * 64, text.replace("\r", "").replace("\x00", ""), "utf-8")
    cleaned = clean(decoded, vocabulary)
    kept = "".join([cleaned.title, *(b.text for b in cleaned.blocks)])
    # Nothing is invented: every character shown came from the input (or is a space from a line join).
    assert set(kept) <= set(decoded.text) | {" ", "\n", "…"}
    for removal in cleaned.removals:
        assert 1 <= removal.line_start <= removal.line_end <= decoded.text.count("\n") + 1
    parser = Tags()
    parser.feed(str(render_blocks(cleaned.blocks)))
    assert parser.tags <= ARTICLE_TAGS


@settings(max_examples=40, deadline=None)
@given(st.dictionaries(st.from_regex(r"[a-z0-9_.-]{1,12}", fullmatch=True).filter(lambda n: n not in (".", "..")),
                       st.one_of(st.binary(max_size=600), texts.map(lambda t: t.encode())), max_size=6))
def test_pipeline_accounts_for_every_input(files):
    with tempfile.TemporaryDirectory() as directory:
        project = Path(directory)
        write_seeds(project / "seeds", files, entities=REGISTRY)
        corpus = build_corpus(Paths.for_project(project))
    assert sorted(o.source_file for o in corpus.outcomes) == sorted(f"seeds/articles/{n}" for n in files)
    for outcome in corpus.outcomes:
        assert outcome.status in ("published", "duplicate", "rejected")
        assert "could not be processed" not in (outcome.reason or "")
    assert len({a.id for a in corpus.articles}) == len(corpus.articles)
