"""citation: each kind of source cited as what it is, addresses without tracking, punctuation never
doubled, BibTeX text escaped, an access date that does not move from build to build."""

import datetime
import os
import re
import subprocess
from pathlib import Path

import pytest

from conftest import UNCURATED_TEXT, make_project, page_memo, strict_build
from dossier.article_curation import load_curation
from dossier.citation import PAGE_ADDRESS, bibtex_escape, citation, first_commit_dates, strip_tracking
from dossier.curated_yaml import CurationError
from dossier.metadata import build_article
from dossier.records import (
    BLOG_POST,
    NEWS_ARTICLE,
    Article,
    CleanText,
    Corpus,
    Detected,
    Field,
    Normalized,
    Rendition,
    Translation,
)
from dossier.render import language_name, render_site

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
PAGE = "articles/fixture/"
IN_DOSSIER = f"In: Big Tech in Health, {PAGE_ADDRESS} ({PAGE})."
FROM_GIT = "(the day its file was first committed to the dossier)"


def make_article(*, language="en", title="A title", title_en="", publisher=None, author=None, published=None,
                 original_url=None, translated_from=None, kind=NEWS_ARTICLE, retrieved=None) -> Article:
    clean = CleanText("seeds/articles/fixture.txt", "0" * 64, "plain", title, (), (), (), 0)
    detected = Detected(clean, language, language.split("-")[0])
    normalized = Normalized(detected, (Rendition(language, title, (), False),))
    return Article("fixture", normalized, title_en, "", Field(publisher, "curated"), Field(author, "curated"),
                   Field(published, "curated"), Field(original_url, "curated"), translated_from,
                   kind=kind, retrieved=retrieved)


def cite(article: Article, first_commit: str | None = None):
    return citation(article, article.normalized.renditions[0], PAGE, first_commit, language_name)


KINDS = [
    pytest.param(
        make_article(language="de", title="Klinik schließt", title_en="Clinic closes", publisher="Beispiel Zeitung",
                     author="Erika Mustermann", published="2021-03-04", retrieved="2024-01-02",
                     original_url="https://zeitung.example/klinik?id=7&utm_source=feed"),
        None,
        "news article",
        "Erika Mustermann. “Klinik schließt” [Clinic closes]. Beispiel Zeitung, 2021-03-04. "
        "https://zeitung.example/klinik?id=7. Accessed 2024-01-02. " + IN_DOSSIER,
        ["@article{bth-fixture,", "journal = {Beispiel Zeitung}", "date = {2021-03-04}",
         "url = {https://zeitung.example/klinik?id=7}", "urldate = {2024-01-02}", "language = {de}"],
        id="news article",
    ),
    pytest.param(
        make_article(title="Why pharmacies?", title_en="Why pharmacies?", publisher="Health Notes", author="Sam Writer",
                     original_url="https://blog.example/why?fbclid=abc", kind=BLOG_POST),
        "2023-05-06",
        "blog post",
        "Sam Writer. “Why pharmacies?” Blog post, Health Notes, n.d. https://blog.example/why. "
        f"Accessed 2023-05-06 {FROM_GIT}. " + IN_DOSSIER,
        ["@online{bth-fixture,", "organization = {Health Notes}", "url = {https://blog.example/why}",
         "urldate = {2023-05-06}"],
        id="blog post",
    ),
    pytest.param(
        make_article(language="fr", title="Amazon ferme sa clinique", title_en="Amazon closes its clinic",
                     publisher="Le Relais",
                     translated_from=Translation("en", title="Amazon closes clinic", publisher="The Daily Example",
                                                 author="Pat Reporter", url="https://daily.example/story?ref=home",
                                                 published="2022-08-24", translator="Jean Traducteur")),
        None,
        "translation",
        "Pat Reporter. “Amazon ferme sa clinique” [Amazon closes its clinic]. French translation by Jean Traducteur, "
        "published by Le Relais, n.d. Original (English): “Amazon closes clinic”, The Daily Example, 2022-08-24, "
        "https://daily.example/story. Access date not recorded (its file is not committed to the dossier). "
        + IN_DOSSIER,
        ["@article{bth-fixture,", "author = {Pat Reporter}", "journal = {Le Relais}", "translator = {Jean Traducteur}",
         "origlanguage = {en}", "origtitle = {Amazon closes clinic}", "origpublisher = {The Daily Example}",
         "origdate = {2022-08-24}", r"Original: \url{https://daily.example/story}."],
        id="translation",
    ),
    pytest.param(
        make_article(language="de", title="Internes Memo", title_en="Internal memo",
                     translated_from=Translation("en", publisher="Example Wire", published="2022-08-24")),
        "2023-01-01",
        "translation",
        "“Internes Memo” [Internal memo]. German translation, translator and publisher not stated, n.d. "
        f"Original (English): Example Wire, 2022-08-24. Accessed 2023-01-01 {FROM_GIT}. " + IN_DOSSIER,
        ["@article{bth-fixture,", "origpublisher = {Example Wire}", "origdate = {2022-08-24}",
         "German translation, translator and publisher not stated, n.d."],
        id="translation, translator and publisher unknown",
    ),
    pytest.param(
        make_article(language="zh-Hans", title="“健康关怀”新路径。", title_en="A new path", author="Alex Author",
                     kind=BLOG_POST,
                     original_url="https://blog.example/post?source=collection_archive---------13-----",
                     translated_from=Translation("en", publisher="Example Blog", author="Alex Author", machine=True)),
        "2023-01-01",
        "machine translation",
        "Alex Author. “‘健康关怀’新路径。” [A new path]. Machine translation into Chinese (Simplified), publisher not "
        "stated, n.d. Original (English): blog post, Example Blog, n.d., https://blog.example/post. "
        f"Accessed 2023-01-01 {FROM_GIT}. " + IN_DOSSIER,
        ["@online{bth-fixture,", "author = {Alex Author}", "title = {“健康关怀”新路径。}", "origlanguage = {en}",
         "Machine translation into Chinese (Simplified), publisher not stated, n.d.",
         r"Original: \url{https://blog.example/post}."],
        id="machine translation of a blog post",
    ),
]


@pytest.mark.parametrize("article, first_commit, kind, text, bibtex", KINDS)
def test_each_kind_of_source_is_cited_as_what_it_is(article, first_commit, kind, text, bibtex):
    cited = cite(article, first_commit)
    assert cited.kind == kind
    assert cited.text == text
    for field in bibtex:
        assert field in cited.bibtex
    assert cited.bibtex.endswith("\n}")
    assert f"In: Big Tech in Health, \\url{{{PAGE_ADDRESS}}}." in cited.bibtex


def test_a_translation_is_never_credited_to_the_originals_publisher():
    article = make_article(language="de", title="Internes Memo",
                           translated_from=Translation("en", publisher="Example Wire", published="2022-08-24"))
    cited = cite(article)
    assert "journal" not in cited.bibtex and "\n  date = " not in cited.bibtex
    assert not cited.text.startswith("Example Wire")
    assert cited.text.index("German translation") < cited.text.index("Example Wire")


DOUBLED = re.compile(r"\.\s*\.|,\s*[,.]|;\s*[.;]|“\s*“|”\s*”|‘\s*‘")


@pytest.mark.parametrize("article", [
    make_article(title="Ends with a stop.", title_en="Also a stop.", publisher="Example Inc.", author="J. Doe Jr."),
    make_article(title="Ends with a comma,", publisher="Outlet,", published=None, original_url="https://a.example/x."),
    make_article(language="zh-Hant", title="“引號”開頭的標題。", title_en="Quoted start?", publisher="報社。"),
    make_article(language="de", title="„Zitat“ im Titel", author="Autor, ",
                 translated_from=Translation("en", title="A “quoted” title.", publisher="Orig Co.", author="A. B.")),
    make_article(title="  Spaces\n and\tnewlines  ", publisher=" Outlet ", kind=BLOG_POST,
                 translated_from=Translation("en", translator="Tr. Co.", machine=True)),
])
def test_punctuation_is_never_doubled(article):
    cited = cite(article)
    for text in (cited.text, cited.bibtex):
        assert not DOUBLED.search(text), text
        assert "n.d.." not in text
    assert "\n" not in cited.text and "  " not in cited.text


def test_a_title_in_quotation_marks_gets_nested_quotation_marks():
    assert "“‘引號’開頭" in cite(make_article(title="“引號”開頭")).text
    assert "“‚Zitat‘ im Titel”" in cite(make_article(title="„Zitat“ im Titel")).text


HOSTILE = r"Costs {rise} 100% & more \end{document} #1 $5 a_b ^c ~d }"


def test_bibtex_keeps_text_from_the_inputs_as_text():
    assert bibtex_escape(HOSTILE) == (
        r"Costs \textbraceleft{}rise\textbraceright{} 100\% \& more \textbackslash{}end\textbraceleft{}document"
        r"\textbraceright{} \#1 \$5 a\_b \^{}c \~{}d \textbraceright{}"
    )
    article = make_article(title=HOSTILE, title_en=HOSTILE, publisher=HOSTILE, author=HOSTILE,
                           original_url="https://a.example/p?q={x}\\y#top",
                           translated_from=Translation("en", title=HOSTILE, publisher=HOSTILE, translator=HOSTILE))
    bibtex = cite(article).bibtex
    assert r"\end{document}" not in bibtex and "100% " not in bibtex
    depth = 0
    for ch in bibtex:  # every brace the entry opens, it closes, in order (BibTeX counts "\{" too)
        depth += {"{": 1, "}": -1}.get(ch, 0)
        assert depth >= 0
    assert depth == 0
    # In the note, a typeset field, \url is inside another command: % and # escaped, or TeX reads a comment.
    assert r"\url{https://a.example/p?q=\%7Bx\%7D\%5Cy\#top}" in bibtex


@pytest.mark.parametrize("title", ['Amazon opens clinics} @misc(forged, author = "Jane Forger", year = 1999)',
                                   "Amazon clinics {expand"])
def test_a_brace_in_a_title_neither_ends_its_field_nor_opens_one(title):
    bibtex = cite(make_article(title=title)).bibtex
    depths, depth = [], 0
    for ch in bibtex:
        depth += {"{": 1, "}": -1}.get(ch, 0)
        depths.append(depth)
    assert depth == 0
    assert all(d > 0 for d in depths[bibtex.index("{"):-1])  # one entry, closed by its last brace alone
    assert [n for n, ch in enumerate(bibtex) if ch == "@" and depths[n] == 0] == [0]  # no entry of the title's


@pytest.mark.parametrize(("author", "field"), [
    ("Pat Reporter", "author = {Pat Reporter}"),
    ("Reuters, Health desk", "author = {{Reuters, Health desk}}"),  # not "Health desk Reuters"
    ("Research and Markets", "author = {{Research and Markets}}"),  # one author, not two
    ("Marcus Lee, Hannah Brandt", "author = {Marcus Lee and Hannah Brandt}"),  # two people, each apart
    ("Katrin Vollmer und Jonas Reiter", "author = {Katrin Vollmer and Jonas Reiter}"),
])
def test_an_author_is_cited_as_written(author, field):
    article = make_article(title="T", publisher="P", published="2022-01-01", author=author)
    assert field in cite(article).bibtex


def test_no_address_in_an_entry_holds_a_character_code_tex_would_read():
    # TeX reads ^^7d as }, ^^5c as \ before any command sees the field: the address could close \url and
    # run \input. Carets are percent-encoded wherever an address goes (note and url).
    article = make_article(title="T", publisher="P", published="2022-01-01",
                           original_url="https://x.example/a^^7d^^5cinput^^7b/etc/hostname^^7d^^7b",
                           translated_from=Translation("en"))
    bibtex = cite(article).bibtex
    assert "^" not in bibtex
    assert r"\url{https://x.example/a\%5E\%5E7d" in bibtex


@pytest.mark.parametrize("url, stripped", [
    ("https://a.example/p?utm_source=x&utm_medium=y&id=3", "https://a.example/p?id=3"),
    ("https://a.example/p?fbclid=1", "https://a.example/p"),
    ("https://a.example/p?q=a%20b&gclid=z#part", "https://a.example/p?q=a%20b#part"),
    ("https://a.example/p?UTM_Campaign=x&page=2&ref=home&mc_cid=1&mc_eid=2", "https://a.example/p?page=2"),
    ("https://a.example/p?source=collection_archive---------13-----", "https://a.example/p"),
    ("https://a.example/p?id=1&id=2&flag", "https://a.example/p?id=1&id=2&flag"),
    ("https://a.example/p?references=1&sources=2&utm=3", "https://a.example/p?references=1&sources=2&utm=3"),
    ("https://a.example/p", "https://a.example/p"),
    ("https://[::1/p?utm_source=x", "https://[::1/p?utm_source=x"),  # not a URL one can take apart
])
def test_tracking_parameters_are_stripped_and_the_rest_kept(url, stripped):
    assert strip_tracking(url) == stripped
    assert strip_tracking(stripped) == stripped


def test_access_date_curated_first_then_first_commit_never_today():
    today = datetime.date.today().isoformat()
    url = "https://a.example/p"
    curated = cite(make_article(original_url=url, retrieved="2020-02-02"), "2021-01-01")
    assert "Accessed 2020-02-02." in curated.text and "urldate = {2020-02-02}" in curated.bibtex
    committed = cite(make_article(original_url=url), "2021-01-01")
    assert f"Accessed 2021-01-01 {FROM_GIT}." in committed.text and "urldate = {2021-01-01}" in committed.bibtex
    unknown = cite(make_article(original_url=url))
    assert "Access date not recorded" in unknown.text and "urldate" not in unknown.bibtex
    assert today not in unknown.text + unknown.bibtex


def _git(repo: Path, *args: str, date: str | None = None) -> None:
    env = {key: value for key, value in os.environ.items() if not key.startswith("GIT_")}
    env.update(GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.com", GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    if date:
        env.update(GIT_AUTHOR_DATE=f"{date}T12:00:00+00:00", GIT_COMMITTER_DATE=f"{date}T12:00:00+00:00")
    subprocess.run(["git", "-C", str(repo), *args], check=True, capture_output=True, env=env)


def test_first_commit_dates_follow_renames_and_leave_out_what_is_not_committed(tmp_path):
    repo = tmp_path / "repo"
    articles = repo / "project" / "seeds" / "articles"  # the project is a folder of the repository
    articles.mkdir(parents=True)
    _git(repo, "init", "-q")
    (articles / "a.txt").write_text("first\n", encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "a", date="2020-01-02")
    (articles / "b.txt").write_text("second\n", encoding="utf-8")
    _git(repo, "add", ".")
    _git(repo, "commit", "-q", "-m", "b", date="2021-02-03")
    _git(repo, "mv", "project/seeds/articles/a.txt", "project/seeds/articles/renamed.txt")
    _git(repo, "commit", "-q", "-m", "rename", date="2022-03-04")
    (articles / "uncommitted.txt").write_text("third\n", encoding="utf-8")
    files = ["seeds/articles/renamed.txt", "seeds/articles/b.txt", "seeds/articles/uncommitted.txt"]
    assert first_commit_dates(repo / "project", files) == {
        "seeds/articles/renamed.txt": "2020-01-02",
        "seeds/articles/b.txt": "2021-02-03",
    }
    outside = tmp_path / "outside"
    outside.mkdir()
    assert first_commit_dates(outside, ["seeds/articles/b.txt"]) == {}


def test_a_built_site_dates_a_source_by_its_first_commit_to_the_project(tmp_path):
    """The build reads the git history of the project whose seeds it publishes, wherever its templates
    come from (every test project takes this repository's)."""
    config = make_project(tmp_path, {"dated.txt": UNCURATED_TEXT.encode()},
                          "articles:\n  dated.txt:\n    original_url: https://news.example/dated\n")
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "seeds")
    _git(tmp_path, "commit", "-q", "-m", "a", date="2020-01-02")
    site = strict_build(config, tmp_path, tmp_path / "site").site
    assert f"Accessed 2020-01-02 {FROM_GIT}." in (site / "articles" / "dated" / "index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("entry, field", [
    ('retrieved: "2024-02-30"', "retrieved"),
    ("kind: podcast", "kind"),
    ("translated_from: {language: en, published: '2022-13-01'}", "translated_from.published"),
    ("translated_from: {language: en, machine: 'yes'}", "translated_from.machine"),
    ("translated_from: {language: en, translator: ''}", "translated_from.translator"),
])
def test_curated_citation_fields_are_validated(tmp_path, entry, field):
    path = tmp_path / "articles.yml"
    path.write_text(f"articles:\n  a.txt:\n    {entry}\n", encoding="utf-8")
    with pytest.raises(CurationError, match=rf"articles.yml:3: field 'articles.a.txt.{re.escape(field)}'"):
        load_curation(path, {"a.txt"})


def test_curated_citation_fields_are_accepted(tmp_path):
    path = tmp_path / "articles.yml"
    path.write_text("articles:\n  a.txt:\n    kind: blog post\n    retrieved: '2024-02-29'\n"
                    "    translated_from: {language: en, published: '2022-08-24', translator: X, machine: false}\n",
                    encoding="utf-8")
    entry = load_curation(path, {"a.txt"})["a.txt"]
    assert entry["kind"] == BLOG_POST and entry["retrieved"] == "2024-02-29"
    assert entry["translated_from"]["published"] == "2022-08-24"


def test_the_cite_box_shows_the_citation_as_text_never_markup():
    article = make_article(title="<img src=x onerror=alert(1)> {{ config }}", publisher="A & B",
                           translated_from=Translation("en", publisher="<b>Wire</b>"))
    page = render_site(Corpus((article,), ()), TEMPLATES, page_memo()).pages[PAGE + "index.md"]
    box = page[page.index('<div class="cite-box">'):]
    assert "cited as a translation" in box
    assert "<img" not in box and "<b>" not in box
    assert "&lt;img src=x onerror=alert(1)&gt; {{ config }}" in box and "A &amp; B" in box


def test_curated_citation_fields_reach_the_article():
    normalized = make_article(title="Ein Titel").normalized
    article = build_article(normalized, {
        "kind": BLOG_POST, "retrieved": "2024-01-01",
        "translated_from": {"language": "en", "published": "2022-08-24", "translator": "Jean Traducteur",
                            "machine": True},
    })
    assert article.kind == BLOG_POST and article.retrieved == "2024-01-01"
    assert article.translated_from == Translation("en", published="2022-08-24", translator="Jean Traducteur",
                                                  machine=True)
    assert build_article(normalized, None).kind == NEWS_ARTICLE


def test_the_live_curation_is_valid():
    seeds = Path(__file__).resolve().parent.parent / "seeds"
    load_curation(seeds / "articles.yml", {path.name for path in (seeds / "articles").iterdir()})
