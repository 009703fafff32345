"""article_tail: what follows the article on its page. The author's bio here (the press release's
boilerplate and readers' comments are checked with whole pages in test_clean.py)."""

import pytest

from dossier.clean import clean
from dossier.records import DecodedText

BODY = [
    "Example Health said on Tuesday that its clinics in Ohio would offer video visits to all members from next "
    "month, after a pilot in two counties that served more than four thousand patients.",
    "The company said the visits would be covered by the same plans as in-person appointments and that members "
    "could book them through its app or by phone.",
    "Analysts said the move puts the chain in direct competition with the telehealth firms that sell to the same "
    "employers, and that prices for visits in person were not expected to change this year.",
]


def shown(*lines: str, byline: str = "By Dana Whitcomb, Meridian Wire", vocabulary) -> list[str]:
    page = "\n\n".join(["Example Health opens video visits to all its members", byline, *BODY, *lines])
    result = clean(DecodedText("seeds/articles/page.txt", "0" * 64, page, "utf-8"), vocabulary)
    return [block.text for block in result.blocks]


@pytest.mark.parametrize("bio", [
    ["Dana Whitcomb covers health care and retail for Meridian Wire."],
    ["Dana Whitcomb, a former nurse, covers health care for Meridian Wire. Write to her at the news desk."],
    ["Dana Whitcomb covers health care for Meridian Wire.", "Dana Whitcomb is on leave until March."],
    ["Dana Whitcomb is a health care reporter for Meridian Wire. She has covered hospital prices since 2014. "
     "She lives in Chicago."],
], ids=["one sentence", "two sentences", "two bio lines", "three sentences"])
def test_a_bio_that_opens_with_the_bylines_name_is_the_authors_bio(vocabulary, bio):
    assert shown(*bio, vocabulary=vocabulary) == BODY


def test_a_bio_by_the_bare_name_a_byline_line_is(vocabulary):
    bio = "Dana Whitcomb covers health care and retail for Meridian Wire."
    assert shown(bio, byline="Dana Whitcomb\n\nPublished 12 March 2024", vocabulary=vocabulary) == BODY


def test_a_bio_in_another_language_by_its_byline(vocabulary):
    bio = "Anna Schmidt ist Korrespondentin für Gesundheitspolitik in Berlin."
    assert shown(bio, byline="Von Anna Schmidt", vocabulary=vocabulary) == BODY


@pytest.mark.parametrize(("last", "byline"), [
    # No byline on the page names the person: a closing sentence of the story.
    ("Lena Orwell covers the sector for a consultancy and expects more such deals.", "By Dana Whitcomb"),
    # A longer name that starts like the byline's.
    ("Dana Whitcombe, who runs a clinic in Dayton, said she would wait before signing up.", "By Dana Whitcomb"),
    # Three sentences: a paragraph of the story, not a bio.
    ("Dana Whitcomb tried the service. It took four minutes to book. The doctor called back within the hour.",
     "By Dana Whitcomb"),
    # Not at the foot: the story goes on below it.
    ("Dana Whitcomb covers health care for Meridian Wire.\n\n" + BODY[0].replace("Tuesday", "Monday"),
     "By Dana Whitcomb"),
    # A company bylines its own blog, and names itself in its text: its last paragraph is no bio.
    ("Example Health is also working with two hospitals in Ohio on the same service.", "By Example Health"),
], ids=["no byline names it", "a longer name", "three sentences", "not at the foot", "a company's own blog"])
def test_a_closing_paragraph_is_kept(vocabulary, last, byline):
    assert shown(last, byline=byline, vocabulary=vocabulary) == [*BODY, *last.split("\n\n")]



@pytest.mark.parametrize("section", [
    ["Über die Autorin", "Dr. Anna Schmidt ist Kardiologin in Lübeck.", "Sie schreibt alle zwei Wochen über Medizin."],
    ["About the author:", "A former nurse, she has covered hospitals for twenty years."],
    ["**作者简介**", "张明，资深医疗行业记者，长期关注互联网医疗。"],
], ids=["German", "English, with a colon", "Chinese, in bold"])
def test_a_bio_under_its_own_header_goes_whatever_it_says(vocabulary, section):
    # The bio's lines need not open with the byline's name, nor with any name.
    assert shown(*section, vocabulary=vocabulary) == BODY


def test_a_bio_header_that_more_of_the_story_follows_heads_no_bio(vocabulary):
    # More of the story below the header than above it: the header is the story's, not its tail's.
    story = [paragraph.replace("Ohio", "Indiana") for paragraph in BODY] + [BODY[0].replace("Tuesday", "Monday")]
    assert shown("About the author", *story, vocabulary=vocabulary)[-4:] == story


def test_an_about_the_author_section_that_goes_on_into_more_headings_is_the_articles(vocabulary):
    # A book review's own section on the book's author, then its verdict: the review goes on.
    section = ["About the author", "The author spent two decades at a newspaper before he wrote the book.",
               "The verdict", "It remains the best account of how a health company can fool its investors."]
    assert shown(*section, vocabulary=vocabulary)[-4:] == section


DISCLOSURE = ("Dana Whitcomb owns shares of Example Health. Meridian Wire owns shares of and recommends Example "
              "Health and has a disclosure policy that readers may ask for at any time.")


@pytest.mark.parametrize("tail", [
    [DISCLOSURE],
    ["Compliance Notice", "This report does not constitute investment advice or an offer to buy or sell any "
     "security, and past performance is no guarantee of future results for any of the companies named."],
    ["Hinweis nach § 85 WpHG: Der Autor hält zum Zeitpunkt der Veröffentlichung keine Aktien der besprochenen "
     "Gesellschaft, und die Redaktion hält ebenfalls keine Positionen in ihr."],
], ids=["positions held", "under its header", "German"])
def test_disclosures_closing_a_finance_article_are_no_part_of_it(vocabulary, tail):
    assert shown(*tail, vocabulary=vocabulary) == BODY


def test_an_affiliate_disclosure_inside_the_article_is_no_part_of_it_however_long(vocabulary):
    note = ("GadgetProof is reader-supported. When you buy through links on our site, we may earn an affiliate "
            "commission, which helps keep our reviews independent and free to read for everyone.")
    page = [BODY[0], note, *BODY[1:]]
    result = clean(DecodedText("seeds/articles/page.txt", "0" * 64,
                               "\n\n".join(["Example Health opens video visits to all its members",
                                             "By Dana Whitcomb, Meridian Wire", *page]), "utf-8"), vocabulary)
    assert [block.text for block in result.blocks] == BODY


def test_a_paragraph_that_speaks_of_advice_inside_the_article_stays(vocabulary):
    middle = ("Regulators said the app's tips did not constitute investment advice, a point the company has made "
              "since the pilot began in two counties.")
    page = [*BODY[:2], middle, BODY[2]]
    result = clean(DecodedText("seeds/articles/page.txt", "0" * 64,
                               "\n\n".join(["Example Health opens video visits to all its members",
                                             "By Dana Whitcomb, Meridian Wire", *page]), "utf-8"), vocabulary)
    assert [block.text for block in result.blocks] == page
