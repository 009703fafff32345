"""Property-based tests (Hypothesis): arbitrary bytes and text go through ingest, clean, render and the
whole pipeline without raising, text stays text, and every input is accounted for; hostile text in any
title, name or summary stays text in every output of a real build."""

from __future__ import annotations

import json
import re
import tempfile
import unicodedata
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser
from pathlib import Path
from typing import ClassVar

import yaml
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st
from markupsafe import escape as escape_html
from mkdocs.utils.meta import get_data

from conftest import UNCURATED_TEXT, build_project, names_only_registry, write_seeds
from dossier.article_html import render_blocks
from dossier.characters import REMOVED_CHARS, plain_text
from dossier.clean import clean
from dossier.csp import script_hashes
from dossier.front_matter import front_matter
from dossier.ingest import ingest
from dossier.pipeline import build_corpus
from dossier.records import DecodedText, Rejection, SourceFile
from dossier.sources import Paths

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
        assert not REMOVED_CHARS.search(result.text) and "\r" not in result.text
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
@example("\u4e9e\u99ac\u905c![](img/x.png)::::\uf900")  # a compatibility ideograph, which NFC composes anew
def test_clean_and_render_keep_text_as_text(vocabulary, text):
    # The text as ingest hands it on: composed (NFC), without carriage returns or NULs.
    composed = unicodedata.normalize("NFC", text.replace("\r", "").replace("\x00", ""))
    decoded = DecodedText("x.txt", "0" * 64, composed, "utf-8")
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


@settings(max_examples=500, deadline=None)
@given(st.dictionaries(st.sampled_from(["title", "description", "script"]), texts, min_size=1))
def test_front_matter_carries_any_text_escaped_once(meta):
    """What MkDocs reads back from the front matter is the text escaped once, whatever it holds: no
    markup character left bare, nothing lost (emoji, astral characters, line breaks, YAML syntax)."""
    body, read = get_data(front_matter(meta) + "<div></div>\n")
    assert body == "<div></div>\n" and read.keys() == meta.keys()
    for key, text in meta.items():
        assert read[key] == str(escape_html(text)) and unescape(read[key]) == text
        assert not re.search(r"[<>\"']|&(?!amp;|lt;|gt;|#34;|#39;)", read[key])


# --- hostile text through the whole build, into every output -------------------------------------------

# Markup, script and template syntax in every context they could break out of: element, attribute (both
# quotes), <title>, <script>, CDATA, comment, Jinja, YAML, Markdown; and characters outside the BMP.
HOSTILE = [
    "<img src=x onerror=alert(1)>", '"><svg onload=alert(1)>', "'><svg/onload=alert(1)>", "<script>alert(1)</script>",
    "</script>", "</title>", "</textarea>", "]]>", "<!--", "-->", "{{ config }}", "{% include 'base.html' %}",
    "{#", "${alert(1)}", "[x](javascript:alert(1))", "<a href=javascript:alert(1)>x</a>", "<b x-evil=1>b</b>",
    "<iframe src=//evil.example>", "&amp;", "&lt;", "&", "---", ": ", "- ", "# ", "*", "!!python/object", "\\",
    "😀", "𠮷", "\u200b", "\u2028", "AT&T",
]
# Never text that reads back empty from a curated file (control characters only): the registry rejects
# an empty description, by design, naming the file and line.
hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE), st.text(max_size=6)), min_size=1, max_size=6).map(
    lambda parts: "".join(parts).strip()).filter(lambda text: curated(text).strip())
one_line = hostile_text.map(lambda text: " ".join(text.split())).filter(bool)
file_stem = st.text(st.sampled_from(list("<>\"'&{}%;=()[] ab😀𠮷")), min_size=1, max_size=16).filter(
    lambda stem: stem.strip(" .") and not stem.startswith("."))

# Prose enough to be published; {name} is an entity's name, so that its mention links. One body per
# hostile article, none sharing a sentence: two bodies alike but for the name could be told duplicates
# (a name that splits its sentence leaves the rest of the text the same), and one would not be published.
BODIES = (
    "{name} and Amazon said on Tuesday that customers of its loyalty programme could now book video visits "
    "with clinicians for a flat monthly fee, a year after it closed its own telehealth service.\n\n"
    "The offer builds on the company's pharmacy business, which grew out of its 2018 purchase of PillPack. "
    "Analysts said the move puts the retailer in direct competition with telehealth firms.\n\n"
    "A spokesperson said the service would start in a handful of states and that prices would not change.\n",
    "{name} and its partners told investors on Monday that patients in three provinces could renew their "
    "prescriptions online and have the medicines delivered within a day.\n\n"
    "The pharmacy network has grown quickly since the pandemic, when hospitals asked patients to stay away. "
    "Regulators have since allowed more chronic conditions to be treated by video.\n\n"
    "An executive said the company expected the service to break even within two years of its launch.\n",
)
SITE = "Big Tech in Health"
FORBIDDEN_TAGS = {"img", "iframe", "object", "embed", "frame", "frameset", "base", "style", "b", "textarea"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href"}


class Rendered(HTMLParser):
    """A built page: its elements, its inline scripts, and the text of its title, h1s and header topic."""

    VOID: ClassVar[set[str]] = {"meta", "link", "input", "img", "br", "hr", "source", "path", "circle", "line", "polygon", "rect"}

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.texts: dict[str, list[str]] = {"title": [], "h1": [], "header-topic": []}
        self._open: list[str | None] = []  # for each open element, the text it collects (or None)
        self._in_script = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.elements.append((tag, attrs))
        self._in_script = tag == "script" and "src" not in attrs and attrs.get("type") in (None, "text/javascript")
        if self._in_script:
            self.scripts.append("")
        if tag not in self.VOID:
            kind = "header-topic" if attrs.get("data-md-component") == "header-topic" else tag
            self._open.append(kind if kind in self.texts else None)
            if kind in self.texts:
                self.texts[kind].append("")

    def handle_startendtag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        self._in_script = False
        if tag not in self.VOID and self._open:
            self._open.pop()

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        for kind in dict.fromkeys(k for k in self._open if k):
            self.texts[kind][-1] += data

    def text(self, kind: str) -> list[str]:
        return [" ".join(text.split()) for text in self.texts[kind]]


def same_text(shown: str, text: str) -> bool:
    return " ".join(shown.split()) == " ".join(text.split())


def assert_inert(path: Path, page: Rendered) -> None:
    """No element, attribute, URL or script on the page that the site's own templates do not make."""
    policies = [a["content"] for tag, a in page.elements
                if tag == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
    assert len(policies) == 1, f"{path}: {len(policies)} policies"
    allowed = set(re.search(r"script-src ([^;]*)", policies[0])[1].split())
    assert set(script_hashes("".join(f"<script>{s}</script>" for s in page.scripts)).split()) <= allowed, path
    for tag, attrs in page.elements:
        assert tag not in FORBIDDEN_TAGS, f"{path}: <{tag} {attrs}>"
        assert not [name for name in attrs if name.startswith("on") or name == "x-evil"], f"{path}: <{tag} {attrs}>"
        for name in URL_ATTRIBUTES & set(attrs):
            assert not re.match(r"\s*(javascript|data|vbscript):", attrs[name] or "", re.I), f"{path}: {attrs}"


@dataclass
class HostileSite:
    titles: list[str]  # the first lines of two articles
    curated_title: str
    title_en: str
    summary_en: str
    names: list[str]
    descriptions: list[str]
    event: str
    file_stem: str


hostile_sites = st.builds(
    HostileSite, st.lists(one_line, min_size=2, max_size=2), one_line, hostile_text, hostile_text,
    st.lists(one_line, min_size=2, max_size=2, unique=True), st.lists(hostile_text, min_size=2, max_size=2),
    hostile_text, file_stem,
)


def curated(text: str) -> str:
    """`text` as the pipeline reads it back from a curated file `build_hostile_site` wrote: PyYAML writes a
    line break other than a newline (NEL, U+0085) raw inside a single-quoted scalar, and YAML folds it
    into a space when the file is read, so the file holds "a b" where the test had "a\x85b"."""
    return plain_text(yaml.safe_load(yaml.safe_dump(text, allow_unicode=True)))


def build_hostile_site(texts: HostileSite, root: Path) -> Path:
    registry = yaml.safe_load(names_only_registry("amazon", "pillpack"))  # few profiles: a quicker build
    names = [f"Hostile{n} {name}" for n, name in enumerate(texts.names)]  # distinct from every other name
    files = {f"hostile-{n}.txt": f"{title}\n\n{BODIES[n].format(name=names[n])}" for n, title in enumerate(texts.titles)}
    other_body = UNCURATED_TEXT.split("\n", 1)[1]
    files[f"{texts.file_stem}.txt"] = f"{texts.titles[1]}\n{other_body}"
    for n, name in enumerate(names):
        registry["entities"][f"hostile-{n}"] = {"type": "company", "name": name, "description": texts.descriptions[n],
                                               "names": {"en": [name]}}
    registry["entities"]["hostile-0"].update(
        events=[{"date": "2021-05", "type": texts.event, "description": texts.event, "sources": ["hostile-0.txt"]}],
        relations=[{"type": "partner", "target": "amazon", "sources": ["hostile-1.txt"]}])
    curation = {"articles": {"hostile-0.txt": {"title_en": texts.title_en, "summary_en": texts.summary_en},
                             "hostile-1.txt": {"title": texts.curated_title}}}
    return build_project(root, {name: text.encode() for name, text in files.items()},
                         yaml.safe_dump(curation, allow_unicode=True), yaml.safe_dump(registry, allow_unicode=True)).site


# A build each; no shrinking (a failing site would be built again hundreds of times): the failing
# example is reported as generated.
@settings(max_examples=3, deadline=None, suppress_health_check=[HealthCheck.too_slow],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])
@example(HostileSite(
    ["AT&T <b>Amazon</b> <img src=x onerror=alert(1)> 😀 𠮷", '"><svg onload=alert(1)> {{ config }} ]]> </script>'],
    "</title><script>alert(1)</script> 𠮷 \x8f", "<img src=//evil.example/x.png> {% raw %} \x8f", "\"><svg onload=alert(2)>'",
    ["<img src=x onerror=alert(3)> 😀", "{{ 7*7 }} </script>"], ["'\"><svg onload=alert(4)>", "]]><!--\x85x {#\x85N"],
    "<script>alert(5)</script>", "<img src=x onerror=alert(6)>",
))
@given(hostile_sites)
def test_hostile_text_is_text_in_every_output(texts):
    """Arbitrary Unicode, markup and template syntax in titles, curated titles and summaries, entity names
    and descriptions, events and file names: every page, SVG, JSON file and the report show it as text,
    escaped once, and none of it becomes an element, an attribute, a URL or a script."""
    with tempfile.TemporaryDirectory() as directory:
        site = build_hostile_site(texts, Path(directory))
        corpus = json.loads((site / "data" / "corpus.json").read_text(encoding="utf-8"))["articles"]
        entities = json.loads((site / "data" / "entities.json").read_text(encoding="utf-8"))["entities"]
        report = json.loads((site / "data" / "build-report.json").read_text(encoding="utf-8"))["inputs"]
        pages = {path: Rendered(path.read_text(encoding="utf-8")) for path in site.rglob("*.html")}
        home, graph, timeline = ((site / page / "index.html").read_text(encoding="utf-8")
                                 for page in (".", "graph", "timeline"))

    for path, page in pages.items():
        assert_inert(path, page)

    # JSON holds the text itself.
    by_file = {a["source_file"].rsplit("/", 1)[-1]: a for a in corpus}
    assert {i["source_file"] for i in report} == {f"seeds/articles/{n}" for n in
                                                  ["hostile-0.txt", "hostile-1.txt", f"{texts.file_stem}.txt"]}
    # Curated strings take the form of article text (NFC, no control characters): `plain_text` of what
    # the curated file holds.
    assert (by_file["hostile-0.txt"]["title_en"], by_file["hostile-0.txt"]["summary_en"]) == (
        curated(texts.title_en), curated(texts.summary_en))
    assert by_file["hostile-1.txt"]["title"] == curated(texts.curated_title).strip()  # a headline: its ends trimmed
    named = {e["id"]: e for e in entities}
    for n, name in enumerate(texts.names):
        assert (named[f"hostile-{n}"]["name"], named[f"hostile-{n}"]["description"]) == (
            curated(f"Hostile{n} {name}"), curated(texts.descriptions[n]))

    # Pages show it once escaped: in <title>, the header, the h1, the description meta tag, the home list.
    def page_of(url: str) -> Rendered:
        return pages[site / url / "index.html"]


    for article in corpus:
        page = page_of(article["url"])
        # (the clean stage may find no headline in a first line of markup: the page is named by its English
        # title, else by its file)
        title = article["title"] or article["title_en"] or f"Untitled ({article['source_file'].rsplit('/', 1)[-1]})"
        assert page.text("title") == [" ".join(f"{title} - {SITE}".split())], article["url"]
        assert same_text(page.text("header-topic")[0], title)
        assert same_text(page.text("h1")[0], title)
        description = next(a["content"] for t, a in page.elements if t == "meta" and a.get("name") == "description")
        assert description == (article["summary_en"] or "A multilingual research dossier on the healthcare "
                               "ventures of large technology companies.")
        assert f">{escape_html(title)}</a>" in home  # (never an empty link)
    for n in range(2):
        entity = named[f"hostile-{n}"]
        page = page_of(entity["url"])
        assert page.text("title") == [" ".join(f"{entity['name']} - {SITE}".split())]
        assert same_text(page.text("h1")[0], entity["name"]) and same_text(page.text("header-topic")[0], entity["name"])
        description = next(a["content"] for t, a in page.elements if t == "meta" and a.get("name") == "description")
        assert description == entity["description"]
    assert f">{escape_html(named['hostile-0']['name'])}</text>" in graph
    assert f"{escape_html(named['hostile-0']['name'])}: {escape_html(curated(texts.event))}" in timeline
