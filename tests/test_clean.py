"""clean: each named rule on its own, whole pages located line by line, then the five seeds end to end."""

import textwrap

import pytest

from dossier.article_location import LineOverrides
from dossier.block_parsing import autolink, markdown_shown
from dossier.characters import REMOVED_CHARS
from dossier.clean import clean, looks_like_markdown
from dossier.line_rules import (
    Lines,
    is_prose,
    remove_consent_banners,
    remove_embedded_cards,
    remove_front_matter,
    remove_html_debris,
    remove_image_lines,
    remove_keyword_stuffing,
    remove_page_chrome,
    remove_repeated_body,
    remove_repeated_title,
)
from dossier.records import DecodedText


def lines_of(text: str) -> Lines:
    return Lines.of(text)


def surviving(lines: Lines) -> list[str]:
    return [lines.text(i) for i in lines.kept_nonblank()]


def all_text(cleaned_text) -> str:
    return "\n".join([cleaned_text.title, *(block.text for block in cleaned_text.blocks)])


SENTENCE = "Amazon Care startete 2019 als Pilotprogramm für Mitarbeiter in der Region Seattle."
ZH_SENTENCE = "亞馬遜又一次在醫療大健康領域的嘗試以失敗告終,這家互聯網科技巨頭再一次折戟醫療大健康領域。"


# --- the rules, one by one ---------------------------------------------------------------------------


def test_html_debris_removes_tag_only_lines_and_keeps_lines_with_text(vocabulary):
    lines = lines_of('<input id="x"></input>\n  • <menu id="y"><u></u></menu>\n<b>bold</b> words stay')
    remove_html_debris(lines, vocabulary)
    assert surviving(lines) == ["<b>bold</b> words stay"]
    assert [(r.rule, r.line_start, r.line_end) for r in lines.removals] == [("html_debris", 1, 2)]


FRONT_MATTER = ["---", 'title: "Amazon closes Care"', "author:", '  - "[[Dana Whitcomb]]"', "published: 2022-08-24",
                "description: >-", "  Amazon will close its telehealth service.", "---"]


@pytest.mark.parametrize(("page", "left"), [
    ([*FRONT_MATTER, "# Amazon closes Care", "The service closes at the end of the year."],
     ["# Amazon closes Care", "The service closes at the end of the year."]),
    # A rule at the top of the page, over prose: no metadata block.
    (["---", "Amazon said on Wednesday that it would close the service.", "---", "More text."],
     ["---", "Amazon said on Wednesday that it would close the service.", "---", "More text."]),
    # An update box between two rules: one field-like line, capitalized, is no page's metadata.
    (["---", "Updated: This story was updated with the company's comment.", "- A first change.", "---", "Text."],
     ["---", "Updated: This story was updated with the company's comment.", "- A first change.", "---", "Text."]),
    # Fields, but none a page's metadata holds: a block of the article between two rules.
    (["---", "Key takeaways:", "- Amazon closes Care.", "- One Medical stays.", "---", "More text."],
     ["---", "Key takeaways:", "- Amazon closes Care.", "- One Medical stays.", "---", "More text."]),
    # Never closed: the page's own text.
    (["---", "title: x", *["note: y"] * 70], ["---", "title: x", *["note: y"] * 70]),
    # Hugo's: one field a page's metadata holds, one of its own; or in TOML, between "+++".
    (["---", "title: Amazon expands its clinic network", "draft: false", "---", "Text."], ["Text."]),
    (["+++", 'title = "Amazon expands in Texas"', "date = 2023-03-12", 'author = "Jane Miller"', "+++", "Text."],
     ["Text."]),
], ids=["a clipper's block", "a rule over prose", "an update box", "no metadata field", "never closed",
        "Hugo's with a field of its own", "Hugo's in TOML"])
def test_a_metadata_block_at_the_top_is_removed(vocabulary, page, left):
    lines = lines_of("\n".join(page))
    remove_front_matter(lines, vocabulary)
    assert surviving(lines) == left


BANNER = ["Example.com uses cookies",
          "We and our partners use cookies and similar techniques to improve the site, show ads and measure "
          "how it is used. Click Accept to go on."]


@pytest.mark.parametrize(("page", "left"), [
    # A banner's title and text above its buttons: all of it goes, however long its paragraph.
    ([*BANNER, "Accept all", "Manage settings", "Amazon buys PillPack", "The deal was announced on Thursday."],
     ["Amazon buys PillPack", "The deal was announced on Thursday."]),
    (["Zakenpost gebruikt cookies", "Akkoord", "Amazon koopt PillPack"], ["Amazon koopt PillPack"]),
    (["Wir verwenden Cookies.", "Alle akzeptieren", "Einstellungen verwalten"], []),
    (["Nous utilisons des cookies.", "Tout accepter", "Tout refuser"], []),
    (["Мы используем файлы cookie.", "Принять все"], []),
    (["Wir verwenden Cookies.", "Alle Cookies akzeptieren", "Nur notwendige Cookies"], []),
    (["이 사이트는 쿠키를 사용합니다.", "모두 동의"], []),
    # At the foot of the page: the banner is one block; the article's last paragraph, set apart by a blank
    # line, stays though it speaks of cookies.
    (["Google said it no longer uses health data from cookies for ads.", "", "We use cookies.", "Accept"],
     ["Google said it no longer uses health data from cookies for ads."]),
    # Buttons an article about banners lists, after the text that introduces them: the article's.
    (["The new banner offers three buttons:", "Tout accepter", "Tout refuser", "Cookies were set anyway."],
     ["The new banner offers three buttons:", "Tout accepter", "Tout refuser", "Cookies were set anyway."]),
    # A how-to's subheadings named like settings are no buttons.
    (["Einstellungen", "Open the app and choose the watch.", "Configurar"],
     ["Einstellungen", "Open the app and choose the watch.", "Configurar"]),
], ids=["a banner above the article", "Dutch", "German", "French", "Russian", "German cookies", "Korean", "at the foot",
        "a list in the text",
        "settings subheadings"])
def test_consent_banners_are_removed_with_their_text(vocabulary, page, left):
    lines = lines_of("\n".join(page))
    remove_consent_banners(lines, vocabulary)
    assert surviving(lines) == left
    assert {r.rule for r in lines.removals} <= {"consent_banner"}


def test_a_consent_banner_above_the_headline_is_not_taken_for_the_articles_first_paragraph(vocabulary):
    result = clean(decoded(page(*BANNER, "Accept all", "Example Health expands video visits across Ohio",
                                *RELEASE_BODY[:2])), vocabulary)
    assert result.title == "Example Health expands video visits across Ohio"
    assert [block.text for block in result.blocks] == RELEASE_BODY[:2]


def test_keyword_stuffing_removes_keyword_lists_at_the_edges(vocabulary):
    lines = lines_of(
        f"cheap,pills,online,now,best\n{SENTENCE}\n{SENTENCE} Noch ein Satz.\nfoo - bar - baz - qux - quux"
    )
    remove_keyword_stuffing(lines, vocabulary)
    assert surviving(lines) == [SENTENCE, f"{SENTENCE} Noch ein Satz."]


def test_a_menu_at_the_top_is_left_to_the_locator_which_looks_for_the_headline_below_it(vocabulary):
    menu = "Home | News | Internet | Mobile | Software | e-Health | Archive | Contact"
    lines = lines_of(f"TechNews :: the technology news site\n{menu}\n{SENTENCE}")
    remove_keyword_stuffing(lines, vocabulary)
    assert menu in surviving(lines)  # a menu, not a spammer's keywords
    result = clean(decoded(page("TechNews :: the technology news site", menu, "Google will close its health service",
                                *RELEASE_BODY[:2])), vocabulary)
    assert result.title == "Google will close its health service"


def test_the_walk_up_to_the_headline_passes_a_dateline_set_out_like_a_menu(vocabulary):
    headline = "Amazon completes its purchase of the One Medical clinic chain"
    standfirst = "The regulator did not sue to block the deal but said that its review of the purchase goes on"
    result = clean(decoded(page("Home | News | Tech", headline, standfirst, "Thursday | 23.02.2023 | 07:41",
                                *RELEASE_BODY[:2])), vocabulary)
    assert result.title == headline  # not the standfirst, the heaviest line above a walk that stopped short


@pytest.mark.parametrize("buttons", ["Facebook   Twitter   WhatsApp   Telegram   E-mail", "가+ 가-", "본문 요약봇"],
                         ids=["share buttons spaced as a menu", "font-size buttons", "a portal's summary button"])
def test_the_walk_up_to_the_headline_passes_the_toolbar_under_the_byline(vocabulary, buttons):
    headline = "Amazon completes its purchase of the One Medical clinic chain"
    standfirst = "The regulator did not sue to block the deal but said that its review of the purchase goes on"
    result = clean(decoded(page("Home > Tech > Health", headline, "By Dana Whitcomb", "23.02.2023 07:41", buttons,
                                standfirst, *RELEASE_BODY[:2])), vocabulary)
    assert result.title == headline  # not the standfirst under the byline, the heaviest line of the page's top


def test_the_walk_up_to_the_headline_passes_a_toolbar_of_unknown_words_under_the_byline(vocabulary):
    headline = "Amazon completes its purchase of the One Medical clinic chain"
    standfirst = "The regulator did not sue to block the deal but said that its review of the purchase goes on"
    result = clean(decoded(page("Home > Tech > Health", headline, standfirst, "By Dana Whitcomb",
                                "Compartí | Guardá | Escuchá la nota", *RELEASE_BODY[:2])), vocabulary)
    assert result.title == headline  # the buttons' row is no menu: the walk goes on past the byline


def test_a_dateline_beside_a_byline_set_out_in_parts_is_no_table_row(vocabulary):
    # No headline on the page: nothing is taken for one, least of all the date.
    result = clean(decoded(page("Home > Tech > Health", "Reporter: Rizky Pratama | Editor: Dewi Lestari",
                                "Jumat, 22 Juli 2022 | 09:15 WIB", *RELEASE_BODY[:2])), vocabulary)
    assert result.title == ""
    assert [block.text for block in result.blocks] == RELEASE_BODY[:2]


def test_a_bullet_drawn_as_an_emoji_leaves_no_mark_on_its_item(vocabulary):
    # "▪️" is the bullet and a variation selector (U+FE0F) that asks for its emoji form: both go.
    result = clean(decoded(page("Amazon completes its purchase of the One Medical clinic chain",
                                *(f"▪️ {paragraph}" for paragraph in RELEASE_BODY[:2]))), vocabulary)
    assert [block.text for block in result.blocks] == RELEASE_BODY[:2]


def test_a_name_over_a_dateline_set_out_in_parts_is_the_byline(vocabulary):
    # A tech blog's byline: the writer's name and handle, then the time and the date between bullets.
    headline = "Amazon completes its purchase of the One Medical clinic chain"
    result = clean(decoded(page("Startups   Venture   Security", headline, "Dana Whitcomb @danawhit",
                                "1:45 PM PDT • April 26, 2023", *RELEASE_BODY[:2])), vocabulary)
    assert result.title == headline
    assert [block.text for block in result.blocks] == RELEASE_BODY[:2]
    assert {line.text: line.rule for line in result.removed_lines}["Dana Whitcomb @danawhit"] == "byline"


def test_a_walk_stopped_by_a_short_heading_goes_again_from_the_byline(vocabulary):
    # A report: its masthead spaced out wide, a heading over its first bullets that the walk cannot name.
    headline = "Online pharmacies after the pandemic surge"
    result = clean(decoded(page("NORTHWIND RESEARCH                                 Sector Brief",
                                "Healthcare | Internet", headline, "15 June 2021", "By Wei Chen",
                                "Key points", *RELEASE_BODY[:2])), vocabulary)
    assert result.title == headline  # not the masthead, the heaviest line above the prose


def test_a_page_dumped_as_wrapped_text_keeps_its_paragraphs_whole(vocabulary):
    # As a text browser prints a page (w3m, lynx): 72 columns, German nouns opening wrapped lines, a
    # paragraph after a "related" list, the byline in parts with the reading time.
    headline = "Krankenkasse weitet Videosprechstunde auf alle Länder aus"
    paragraphs = [textwrap.wrap(paragraph, 72) for paragraph in GERMAN_PARAGRAPHS]
    text = page("Startseite > Gesundheit", "", headline, "", "12.04.2021, 16:48 Uhr · Von Sabine Krämer · Lesezeit: 3 Min.",
                "", *paragraphs[0], "", *paragraphs[1], "", *paragraphs[2], "", "Mehr zum Thema",
                "  * Telemedizin boomt in der Pandemie", "  * Praxen suchen Nachfolger", "", *paragraphs[3], "",
                "Impressum · Datenschutz · Kontakt")
    result = clean(decoded(text), vocabulary)
    assert result.title == headline
    assert [block.text for block in result.blocks] == GERMAN_PARAGRAPHS


LYNX_PARAGRAPHS = [
    "Amazon will shut down Amazon Care, the hybrid virtual and in-home primary care service it built for its "
    "own workers and later sold to other companies, at the end of the year.",
    "The closure does not affect the online pharmacy, which grew out of PillPack, the start-up the company "
    "bought in 2018, or Haven, a health venture with two banks that was wound up in 2021.",
    "Analysts said the lesson was that a slick app is not enough for big employers, who want in-person care "
    "wherever their people are.",
]


def lynx_dump(paragraphs: list[str]) -> list[str]:
    """As `lynx -dump` prints a page: indented, wrapped at 76 columns, each link numbered before its text."""
    wrapped = [["   " + line for line in textwrap.wrap(paragraph, 73)] + [""] for paragraph in paragraphs]
    return [line for lines in wrapped for line in lines]


def test_a_text_browsers_dump_is_read_without_the_numbers_of_its_links(vocabulary):
    paragraphs = [LYNX_PARAGRAPHS[0].replace("Amazon Care,", "[14]Amazon Care,"), *LYNX_PARAGRAPHS[1:],
                  "Dana Whitcomb covers health care and technology for The Example Ledger. Reach her at "
                  "[18]dwhitcomb@example.org."]
    text = page("   [2]Skip to content", "   [4]News [5]Business [6]Tech", "",
                "Amazon is shutting down Amazon Care, its virtual and in-home clinic service", "",
                "   By [11]Dana Whitcomb", "   Aug. 24, 2022 at 5:41 p.m. PDT", "",
                "   [12]Share on Facebook [13]Share on Twitter", "", *lynx_dump(paragraphs), "References", "",
                *(f"  {n:2}. https://example.org/{n}" for n in range(1, 19)))  # lynx numbers every link
    result = clean(decoded(text), vocabulary)
    assert result.title == "Amazon is shutting down Amazon Care, its virtual and in-home clinic service"
    assert [block.text for block in result.blocks] == LYNX_PARAGRAPHS  # "… wound up in" / "2021.": one paragraph


def test_a_dumps_list_of_addresses_is_its_last_run_not_the_articles_own(vocabulary):
    sources = ["Sources", "1. https://example.org/filing"]
    text = page("   [2]Skip to content", "   [4]News", "",
                "Amazon is shutting down Amazon Care, its virtual and in-home clinic service", "",
                *lynx_dump([LYNX_PARAGRAPHS[0].replace("Amazon Care,", "[14]Amazon Care,"), *LYNX_PARAGRAPHS[1:],
                            LYNX_PARAGRAPHS[1].replace("The closure", "The decision")]),
                *sources, "", "Background", "", "References", "",
                *(f"  {n:2}. https://example.org/{n}" for n in range(1, 15)))
    shown = [block.text for block in clean(decoded(text), vocabulary).blocks]
    assert shown[: len(LYNX_PARAGRAPHS)] == LYNX_PARAGRAPHS
    assert "1. https://example.org/filing" in " ".join(shown) and "Sources" in shown


def test_numbers_in_brackets_are_the_texts_own_without_a_list_of_addresses(vocabulary):
    paragraphs = [f"{paragraph} [{n}]" for n, paragraph in enumerate(RELEASE_BODY[:2], start=1)]
    result = clean(decoded(page("Example Health opens video visits to all its members", *paragraphs,
                                "[1] Company filing, 2024.")), vocabulary)
    assert [block.text for block in result.blocks][:2] == paragraphs


def test_a_summary_in_bullets_under_the_headline_is_no_headline(vocabulary):
    headline = "Example Health opens video visits to all its members"
    bullets = ["• Members can book a visit in the app or by phone from Monday",
               "• The service was tested in two counties for six months"]
    result = clean(decoded(page("Business / Companies", "+ FOLLOW", headline, *bullets,
                                "Business | By Dana Whitcomb in Columbus | Published: 6:30pm, 8 Dec, 2020",
                                "Why you can trust The Example Ledger", "", *RELEASE_BODY[:2], "The clinic in Columbus",
                                "Image Credits: Example Health", RELEASE_BODY[3])), vocabulary)
    assert result.title == headline
    assert [block.text for block in result.blocks] == [*(b.removeprefix("• ") for b in bullets), *RELEASE_BODY[:2],
                                                       RELEASE_BODY[3]]


@pytest.mark.parametrize("button", ["Follow", "+ Follow", "Seguir", "フォロー"])
def test_a_name_over_a_button_to_follow_the_writer_is_the_byline(vocabulary, button):
    headline = "Why the clinic chain keeps changing its owners"
    # (the publication's name between the button and the dateline: no dateline beside the name)
    result = clean(decoded(page(headline, RELEASE_BODY[0], "Jonah Feld", button, "Published in", "Digital Health Notes",
                                "7 min read", "Sep 14, 2022", "", *RELEASE_BODY[1:3])), vocabulary)
    assert ("Jonah Feld", "byline") in {(r.text, r.rule) for r in result.removed_lines}
    # a name in the article over no such button stays where it is
    result = clean(decoded(page(headline, RELEASE_BODY[0], "Jonah Feld", "Sep 14, 2022", "", *RELEASE_BODY[1:3],
                                "Tim Brooks", RELEASE_BODY[3])), vocabulary)
    assert "Tim Brooks" in [block.text for block in result.blocks]


def test_a_label_numbering_the_headline_ends_the_walk_up(vocabulary):
    # A podcast's page: the show's name and tagline, then the episode's number over its title.
    headline = "Why the clinic chain keeps changing its owners"
    result = clean(decoded(page("Example Ledger", "Bedside Manner", "A podcast about the business of health care",
                                "Episode 87", headline, "Hosted by Dana Whitcomb", "", *RELEASE_BODY[:2])), vocabulary)
    assert result.title == headline
    # a date, a count between the headline and the standfirst number nothing
    for label in ("Mar 3", "Comments 12"):
        result = clean(decoded(page(headline, label, "Why the retail giant gave up on its own clinic after four years",
                                    "", *RELEASE_BODY[:2])), vocabulary)
        assert result.title == headline, label


def test_a_wrapped_page_keeps_apart_what_is_not_one_paragraph(vocabulary):
    # An e-mail wrapped at 72: a button right under a paragraph's last line, its full stop near the width.
    lines = ["Die Krankenkasse hat am Dienstag angekündigt, dass sie ihre digitale Sprechstunde",
             "im kommenden Jahr auf alle Bundesländer ausweiten will, nachdem ein Pilotversuch",
             "in Bayern gut angenommen wurde und die Versicherten zufrieden waren, sagte sie.", "Read Full Story"]
    wrapped = [line for paragraph in GERMAN_PARAGRAPHS[1:] for line in [*textwrap.wrap(paragraph, 82), ""]]
    result = clean(decoded(page("Krankenkasse weitet Videosprechstunde aus", "", *wrapped, *lines)), vocabulary)
    assert "Read Full Story" not in [block.text for block in result.blocks][-1]
    # A headline the text browser centred over two lines, the second indented further.
    headline = ["  Krankenkasse weitet ihre Videosprechstunde auf alle Bundesländer aus, die sie",
                "                    nach einem Pilotversuch in Bayern erprobt hat"]
    wrapped = [line for paragraph in GERMAN_PARAGRAPHS for line in [*textwrap.wrap(paragraph, 72), ""]]
    result = clean(decoded(page(*headline, "", *wrapped)), vocabulary)
    assert result.title == headline[0].strip()
    assert [block.text for block in result.blocks][-len(GERMAN_PARAGRAPHS):] == GERMAN_PARAGRAPHS
    # Paragraphs of Chinese a line each, one under the other: no words for a wrap to keep whole.
    chinese = [*ZH_PARAGRAPHS, "医院方面表示，线上复诊目前只面向已在医院就诊过的慢性病患者，首诊仍需到院完成，以保证医疗安全。",
               "不少患者认为，在家就能拿到处方和药品节省了大量时间，但也有老年人反映操作流程过于复杂，希望能有人工客服帮助。",
               "市卫生健康委表示，下一步将把更多社区卫生服务中心纳入平台，并研究将线上诊疗费用纳入医保报销范围的具体办法。",
               "专家建议，平台应尽快建立统一的电子处方标准，方便患者在不同医院之间转诊，同时加强对个人健康数据的保护。"]
    result = clean(decoded(page("本市首批互联网医院上线 复诊开方送药一站完成", *chinese)), vocabulary)
    assert [block.text for block in result.blocks] == chinese


@pytest.mark.parametrize("tab", ["{} - by Dana Whitcomb - The Clinic Letter", "(1) {} | Proflink"])
def test_the_pages_title_over_the_page_names_its_headline(vocabulary, tab):
    # A newsletter's headline over a subtitle that reads as one; a network's post, the author's own headline
    # under their name.
    headline = "Online doctors get their moment"
    subtitle = "Three platforms opened their clinics for free this month and the question is who keeps the patients"
    text = page(tab.format(headline), "The Clinic Letter", "Subscribe", headline, subtitle, "Dana Whitcomb",
                "Chief Medical Officer at Example Health | Internal Medicine", "Feb 12, 2020", *RELEASE_BODY[:2])
    assert clean(decoded(text), vocabulary).title == headline


def test_the_pages_title_under_the_masthead_names_a_headline_that_reads_as_prose(vocabulary):
    # The browser tab's title under the site's name and menu; the headline it names is two sentences.
    headline = "Example Health bought a dictation company. Now comes the hard part."
    text = page("The Clinic Letter", "News | Opinion | Podcasts", f"{headline} - The Clinic Letter", "Subscribe",
                "HEALTH TECH | COLUMN", headline, "Dana Whitcomb", "@danawhitcomb", "Feb 12, 2020", *RELEASE_BODY[:2])
    result = clean(decoded(text), vocabulary)
    assert result.title == headline
    assert [block.text for block in result.blocks] == RELEASE_BODY[:2]


@pytest.mark.parametrize("tab", ["{}-极点商业", "{}｜鼎富財經網", "{}_新浪财经_新浪网"])
def test_a_cjk_pages_title_names_its_headline_with_the_sites_name_run_on(vocabulary, tab):
    headline = "亚马逊关闭Amazon Care：科技巨头的医疗梦又碎了一个？"
    text = page(tab.format(headline), "首页 快讯 深度 专题", headline, "文｜林一川", *ZH_PARAGRAPHS)
    assert clean(decoded(text), vocabulary).title == headline


def test_the_articles_last_sentence_without_its_full_stop_stays_after_a_fact_box(vocabulary):
    # The fact box's lines close like sentences; the last paragraph lost its full stop; a list of links follows.
    last = "The company said the visits would be covered by the same plans as in-person appointments and booked by phone"
    result = clean(decoded(page("Example Health opens video visits to all its members", *RELEASE_BODY[:2],
                                "Members: 4,000 patients in the pilot.", last, "Related", "Other clinic news",
                                "More clinic news")), vocabulary)
    assert [block.text for block in result.blocks][-2:] == ["Members: 4,000 patients in the pilot.", last]


def test_a_chronology_closing_the_article_is_the_articles_and_a_dated_related_list_is_not(vocabulary):
    # A chronology's entries open with a year (a month's word before it at most) and no full stop ends them;
    # a related list dates its headlines by the day.
    chronology = ["Timeline: Example Health's road to video visits", "2019: First clinic opens in Ohio",
                  "2021 – Video visits for staff", "March 2023: Video visits for every member"]
    related = ["12.03.2023 – Example Health adds a clinic in Dayton", "Other clinic news"]
    result = clean(decoded(page("Example Health opens video visits to all its members", *RELEASE_BODY[:2],
                                *chronology, "Related", *related)), vocabulary)
    texts = [block.text for block in result.blocks]
    assert texts[-len(chronology):] == chronology and not set(related) & set(texts)
    # Headlines named after a fair's year are no chronology's entries, nor is the short line over them its heading.
    trending = ["Trending now", "CES 2024: Example Health shows a new ring", "MWC 2024 – Example Health's watch"]
    result = clean(decoded(page("Example Health opens video visits to all its members", *RELEASE_BODY[:2],
                                *trending, "© 2024 Example Media")), vocabulary)
    assert not set(trending) & {block.text for block in result.blocks}


def test_a_pages_title_naming_its_section_names_no_headline(vocabulary):
    headline = "Example Health opens video visits to all its members"
    text = page("The Daily Ledger", "Health - The Daily Ledger", "Health", headline, "By Dana Whitcomb", *RELEASE_BODY[:2])
    assert clean(decoded(text), vocabulary).title == headline


def test_a_translations_original_title_and_translators_note_are_notices(vocabulary):
    headline = "Example Health opens video visits to all its members"
    result = clean(decoded(page("Original title: Example Health widens telehealth to every member", headline,
                                "By Dana Whitcomb", *RELEASE_BODY[:2],
                                "Translator's note: the dollar figures are converted at the day's rate")), vocabulary)
    assert result.title == headline
    assert [block.text for block in result.blocks] == RELEASE_BODY[:2]


def test_a_mastheads_byline_far_above_makes_no_toolbar_of_the_menu(vocabulary):
    # A one-writer newsletter: its name, "by …", its tagline, its menu; the headline below.
    headline = "Amazon is shutting down its fitness band and the app that came with it"
    result = clean(decoded(page("The Wearable Letter", "by Clara Voss",
                                "Notes on the devices that watch our health, every Thursday",
                                "Home | Archive | About | Subscribe", headline, *RELEASE_BODY[:2])), vocabulary)
    assert result.title == headline


def test_a_comments_row_in_a_fact_box_heads_no_comments(vocabulary):
    box = ["Rule | Click to cancel", "Comments | More than 16,000", "In force | 180 days after publication"]
    result = clean(decoded(page("Example Health opens video visits to all its members", "By Dana Whitcomb",
                                RELEASE_BODY[0], *box, RELEASE_BODY[1])), vocabulary)
    shown = [block.text for block in result.blocks]
    assert box[2] in shown and shown[-1] == RELEASE_BODY[1]  # the article goes on (the row naming comments may go)


def test_a_byline_and_a_toolbar_set_out_in_parts_are_no_table(vocabulary):
    result = clean(decoded(page("Example Health opens video visits to all its members",
                                "박지훈 기자 | 입력 2020.04.20 14:32 | 수정 2020.04.20 16:05", "댓글 0 | 글씨크기 | 공유하기",
                                *RELEASE_BODY[:2])), vocabulary)
    assert [block.text for block in result.blocks] == RELEASE_BODY[:2]


def test_a_table_whose_rows_hold_dates_is_the_articles(vocabulary):
    table = ["Was | Ab wann", "E-Rezept wird Pflicht | 1. Januar 2024", "Patientenakte für alle | 15. Januar 2025",
             "Digitale Medikationsliste | mit der ePA"]
    result = clean(decoded(page("Example Health opens video visits to all its members", "By Dana Whitcomb",
                                RELEASE_BODY[0], *table, RELEASE_BODY[1])), vocabulary)
    assert [block.text for block in result.blocks][1:-1] == table


@pytest.mark.parametrize("last", [
    "Google says it will send several warnings, months in advance, to each account's inbox before deleting it.",
    "Vale la pena verla con su título original, que dice más que la traducción.",
], ids=["an inbox", "an original title"])
def test_a_last_paragraph_that_mentions_a_notices_word_is_the_articles(vocabulary, last):
    result = clean(decoded(page("Example Health opens video visits to all its members", "By Dana Whitcomb",
                                *RELEASE_BODY[:2], last)), vocabulary)
    assert [block.text for block in result.blocks] == [*RELEASE_BODY[:2], last]


@pytest.mark.parametrize("last", ["The company has not said whether it will try again",
                                  "国内の医療IT各社も、その動向を注視している"], ids=["spaced", "unspaced"])
def test_the_articles_last_sentence_without_its_full_stop_is_the_articles(vocabulary, last):
    result = clean(decoded(page("Example Health opens video visits to all its members", "By Dana Whitcomb",
                                *RELEASE_BODY[:2], last, "Related", "Example Health names a new chief",
                                "Share on Facebook")), vocabulary)
    assert [block.text for block in result.blocks] == [*RELEASE_BODY[:2], last]


def test_a_headline_printed_again_under_its_standfirst_is_the_first_copy(vocabulary):
    headline = "Samsung's watch is cleared to detect sleep apnoea"
    # a standfirst of few stopwords: not prose enough to open the article, so the walk starts under the copy
    standfirst = ("Galaxy Watch: first smartwatch, FDA clearance, sleep apnoea detection, Samsung Health Monitor "
                  "app, Korea, US, Europe rollout.")
    result = clean(decoded(page("Home | News | Devices", headline, standfirst, headline, *RELEASE_BODY[:2])),
                   vocabulary)
    assert result.title == headline
    assert [block.text for block in result.blocks] == [standfirst, *RELEASE_BODY[:2]]


def test_a_top_bar_dated_in_parts_above_the_headline_is_the_sites(vocabulary):
    headline = "Amazon completes its purchase of the One Medical clinic chain"
    result = clean(decoded(page("Example News", "Technology and health news from the Pacific Northwest",
                                "Friday | 07.06.2024 | 08:30", "Home | News | Tech", headline, *RELEASE_BODY[:2])),
                   vocabulary)
    assert result.title == headline


def test_a_section_label_between_two_copies_of_the_headline_is_no_standfirst(vocabulary):
    headline = "Amazon adds same-day delivery to its online pharmacy"
    result = clean(decoded(page("Home | News | Health", headline, "PHARMACY", headline, *RELEASE_BODY[:2])), vocabulary)
    assert result.title == headline and "PHARMACY" not in [block.text for block in result.blocks]


WRAPPED_RELEASE = [
    "Example Health | News Release",
    "FOR IMMEDIATE RELEASE",
    "Example Health Rolls Out Video Visits to All Its Clinics",
    "PORTLAND, Ore. — March 12, 2024 — Example Health today announced that it has begun",
    "offering video visits, the service it tested last year, to patients of its four hospitals, forty",
    "clinics and two urgent care centres in Oregon and southwest Washington, starting with pri-",
    "mary care and pediatrics.",
    "The health system said the visits would be covered by the same plans as visits in person and that",
    "patients could book them through its app or by phone, in English and in Spanish.",
]


def test_a_hard_wrapped_release_keeps_its_paragraphs_and_its_headline(vocabulary):
    # a PDF's text: lines broken mid-sentence at the page's width, one opening with a dateline, one going
    # on with a lower-case list of nouns
    result = clean(decoded(page(*WRAPPED_RELEASE)), vocabulary)
    assert result.title == "Example Health Rolls Out Video Visits to All Its Clinics"
    # each paragraph one block again, as written ("pri-" over "mary": the hyphen is the text's own)
    assert [block.text for block in result.blocks] == [" ".join(WRAPPED_RELEASE[3:7]).replace("pri- ", "pri-"),
                                                       " ".join(WRAPPED_RELEASE[7:])]


def test_keyword_stuffing_keeps_chinese_sentences_full_of_commas(vocabulary):
    quote = "“老婆有慢性乙肝,目前在老家湖北黃岡,疫情嚴重,到處封路,買不到藥,快要斷藥了,很著急!”……"
    lines = lines_of(f"{ZH_SENTENCE}\n{quote}\n{ZH_SENTENCE}")
    remove_keyword_stuffing(lines, vocabulary)
    assert quote in surviving(lines)


def test_keyword_stuffing_catches_a_spam_term_list_anywhere(vocabulary):
    spam = "影视资讯 - 在线观看 - 视频 - 爱赏网"
    lines = lines_of(f"{SENTENCE}\n{SENTENCE} A\n{spam}\n{SENTENCE} B\n{SENTENCE} C")
    remove_keyword_stuffing(lines, vocabulary)
    assert spam not in surviving(lines)


def test_repeated_body_removes_the_second_copy_only(vocabulary):
    body = [f"{SENTENCE} ({n})" for n in range(4)]
    lines = lines_of("\n".join(["Title", *body, "tag", *body]))
    remove_repeated_body(lines, vocabulary)
    assert surviving(lines) == ["Title", *body, "tag"]
    assert lines.removals[0].rule == "repeated_body"


def test_repeated_body_keeps_a_single_repeated_line(vocabulary):
    lines = lines_of(f"{SENTENCE}\nother text here.\n{SENTENCE}")
    remove_repeated_body(lines, vocabulary)
    assert len(surviving(lines)) == 3


def test_page_chrome_removes_named_furniture_and_the_trail_of_links_and_signs_after_it(vocabulary):
    text = "\n".join(["正在閱讀:", "Title", ZH_SENTENCE, "[亞馬遜](/tag/amazon)", "4.5k", "  • [相關文章標題](/a/1)",
                      "評論", "微博"])
    lines = lines_of(text)
    remove_page_chrome(lines, vocabulary)
    assert surviving(lines) == ["Title", ZH_SENTENCE]


def test_page_chrome_takes_a_short_line_over_the_share_buttons_with_it(vocabulary):
    lines = lines_of("\n".join(["Title", ZH_SENTENCE, "Artikel teilen", "[Facebook](/fb)", "微博"]))
    remove_page_chrome(lines, vocabulary)
    assert surviving(lines) == ["Title", ZH_SENTENCE]


def test_page_chrome_leaves_a_closing_list_of_text_to_the_article_locator(vocabulary):
    lines = lines_of("\n".join(["Title", ZH_SENTENCE, "• 每月五美元", "• 两天送达", "[分享](/share)", "微博"]))
    remove_page_chrome(lines, vocabulary)
    assert surviving(lines) == ["Title", ZH_SENTENCE, "• 每月五美元", "• 两天送达"]


def test_page_chrome_keeps_a_letter_signature(vocabulary):
    lines = lines_of(f"{SENTENCE}\nMit freundlichen Grüßen,\nNeil")
    remove_page_chrome(lines, vocabulary)
    assert surviving(lines) == [SENTENCE, "Mit freundlichen Grüßen,", "Neil"]


def test_repeated_title_keeps_the_first(vocabulary):
    lines = lines_of(f"Amazon to shut down\n\nAmazon to shut down\n{SENTENCE}")
    remove_repeated_title(lines, vocabulary)
    assert surviving(lines) == ["Amazon to shut down", SENTENCE]


def test_embedded_cards_and_image_lines(vocabulary):
    card = "[](https://x.example/a) [## Other article\n\n### teaser\n\nx.example](https://x.example/a)"
    lines = lines_of(f"# Title\n\n![](img/a.png)\n\nText [link](https://y.example/).\n\n{card}\n\nMore text.")
    remove_embedded_cards(lines, vocabulary)
    remove_image_lines(lines, vocabulary)
    assert surviving(lines) == ["# Title", "Text [link](https://y.example/).", "More text."]
    assert {r.rule for r in lines.removals} == {"embedded_card", "image_link"}


def test_prose_and_markdown_shapes():
    assert is_prose("Ein Satz.") and is_prose("一句話。") and not is_prose("微博")
    assert looks_like_markdown("# Title\n\nSee [a](https://a.example).")
    assert not looks_like_markdown("# is a hash sign, and that is all.")
    # One kind of syntax is enough in a file named as Markdown: a headline over prose.
    assert looks_like_markdown("# Amazon &amp; One Medical\n\nThe deal closed.", named_markdown=True)
    assert not looks_like_markdown("# Amazon &amp; One Medical\n\nThe deal closed.")
    assert not looks_like_markdown("- a list\n- and nothing else", named_markdown=True)
    # as html2text writes links, by reference, and indents its lists
    assert looks_like_markdown("# Title\n\nSee [the filing][3].\n\n  * [Home][1]\n\n   [3]: https://a.example/f")


RELEASE_BODY = [
    "Example Health today announced that its clinics in Ohio will offer video visits to all members from "
    "next month, after a pilot in two counties that served more than four thousand patients.",
    "The company said the visits would be covered by the same plans as in-person appointments and that "
    "members could book them through its app or by phone.",
    "About the pilot",
    "The pilot ran for six months and was evaluated by an independent group of physicians, who found that "
    "most visits did not need a follow-up in person.",
]


@pytest.mark.parametrize(("tail", "kept"), [
    # "About <company>" over a paragraph opening with its name, then contacts: boilerplate, all of it
    (["About Example Health", "Example Health (NYSE: EXH) runs 40 clinics in three states. For more, visit "
      "example.org.", "Media contact:", "Jane Roe, press@example.org", "###"], []),
    (["Forward-Looking Statements", "This release contains statements about the future that involve risks and "
      "uncertainties, and actual results may differ materially from those expressed.",
      "SOURCE Example Health"], []),
    # "About <something>" over a paragraph that does not open with it: a subheading of the article
    (["About the results", "Physicians said the results matched what they had seen in their own practices "
      "over the last two years."],
     ["About the results", "Physicians said the results matched what they had seen in their own practices "
      "over the last two years."]),
    # "About" in another language, the name declined after it ("O Microsoftu": Croatian's locative case)
    (["O tvrtki Example Health", "Example Health (NYSE: EXH) runs 40 clinics in three states.",
      "Kontakt za medije:", "Jane Roe, press@example.org"], []),
    (["O tvrtki Medicoru", "Medicor (NYSE: MDC) runs 40 clinics in three states."], []),
    # a longer word that starts as the name does is not that name: "O Brasil" over "Brasileiros …"
    (["About Brasil", "Brasileiros already book most of their visits online, the survey found, and pay less."],
     ["About Brasil", "Brasileiros already book most of their visits online, the survey found, and pay less."]),
    # Portuguese "O" opens a paragraph as the article "the": no "About" header
    (["O Medicor anunciou hoje que vai abrir dez clínicas novas no interior do estado até ao fim do ano.",
      "Medicor disse ainda que os preços das consultas não vão mudar."],
     ["O Medicor anunciou hoje que vai abrir dez clínicas novas no interior do estado até ao fim do ano.",
      "Medicor disse ainda que os preços das consultas não vão mudar."]),
    # a report's legal tail under its own header
    (["Important disclosures", "This report was prepared for information only and is not an offer to buy or "
      "sell any security."], []),
    # a guide's own subheading that names a legal matter ends nothing (the bare word is a notice's)
    (["Disclaimer", "A seller who hides a defect that they knew about remains liable for it, whatever the "
      "contract says about the warranty."],
     ["A seller who hides a defect that they knew about remains liable for it, whatever the "
      "contract says about the warranty."]),
], ids=["about and contacts", "forward-looking statements", "a subheading", "another language", "a declined name",
        "a longer word", "an article, not about", "a report's disclosures", "a guide's legal subheading"])
def test_a_press_releases_boilerplate_after_its_article_is_notice(vocabulary, tail, kept):
    result = clean(decoded(page("Example Health expands video visits across Ohio", *RELEASE_BODY, *tail)), vocabulary)
    texts = [block.text for block in result.blocks]
    assert texts == [*RELEASE_BODY, *kept]  # the article's own "About the pilot" stays


COMMENTS = ["Comments (2)", "jsmith", "This is exactly what rural patients have needed for years, and I hope the "
            "plans keep paying for it.", "Maria K.", "My mother used it twice and the doctor was very patient with her."]


def test_readers_comments_under_the_article_are_furniture(vocabulary):
    result = clean(decoded(page("Example Health expands video visits across Ohio", *RELEASE_BODY, *COMMENTS)),
                   vocabulary)
    assert [block.text for block in result.blocks] == RELEASE_BODY
    rules = {line.text: line.rule for line in result.removed_lines}
    assert rules["Comments (2)"] == "page_chrome" and {rules[text] for text in COMMENTS[1:]} == {"comments"}


@pytest.mark.parametrize("header", ["163 comments | sort: top | new", "Hozzászólások (14)", "வாசகர் கருத்து (3)", "Maoni ya wasomaji", "Komentari (5)",
                                    "نظرات خوانندگان", "Réactions (6)", "Olvasói vélemények (3)", "Join the conversation"])
def test_a_comments_header_in_other_languages_or_among_controls_heads_the_comments(vocabulary, header):
    result = clean(decoded(page("Example Health expands video visits across Ohio", *RELEASE_BODY, header,
                                *COMMENTS[1:])), vocabulary)
    assert [block.text for block in result.blocks] == RELEASE_BODY


def test_a_last_heading_and_its_short_sentences_close_a_markdown_article_above_its_comments(vocabulary):
    closing = ["## Fazit", "Ein bequemes Angebot.", "Aber kein Ersatz für die Hausarztpraxis."]
    text = "\n\n".join([*MARKDOWN_SIGNS, "# Krankenkasse weitet Videosprechstunde aus", *MARKDOWN_BODY, *closing,
                         "[WhatsApp](/wa) · [E-Mail](/mail)", "3 Kommentare",
                         "**Markus K.** sagt:\nSolche Angebote wären hier Gold wert, bei uns gibt es keinen Termin.",
                         "[Antworten](/reply)"])
    texts = [block.text for block in clean(decoded(text), vocabulary).blocks]
    assert texts == [*MARKDOWN_BODY, "Fazit", *closing[1:]]


def test_a_comment_count_above_the_article_heads_no_comments(vocabulary):
    text = page("Example Health expands video visits across Ohio", RELEASE_BODY[0], RELEASE_BODY[1], "Comments (2)",
                *RELEASE_BODY[2:], RELEASE_BODY[1].replace("company", "group"), RELEASE_BODY[3].replace("six", "nine"))
    texts = [block.text for block in clean(decoded(text), vocabulary).blocks]
    assert RELEASE_BODY[3].replace("six", "nine") in texts and "Comments (2)" not in texts


def test_reference_definitions_over_several_lines_are_read_as_markdown(vocabulary):
    text = page("# Krankenkasse weitet Videosprechstunde aus", "", f"{GERMAN_PARAGRAPHS[0]} [Bericht][1]", "",
                GERMAN_PARAGRAPHS[1], "", "[1]: https://example.org/bericht", '    "Der Bericht der Kasse"')
    result = clean(DecodedText("seeds/articles/bericht.md", "0" * 64, text, "utf-8"), vocabulary)
    assert result.source_format == "markdown" and result.title == "Krankenkasse weitet Videosprechstunde aus"
    assert any(inline.href == "https://example.org/bericht" for block in result.blocks for inline in block.inlines)


def test_a_markdown_file_with_a_headline_over_prose_is_read_as_markdown(vocabulary):
    text = page("# Amazon &amp; One Medical: what the deal means", "", GERMAN_PARAGRAPHS[0], "", GERMAN_PARAGRAPHS[1])
    result = clean(DecodedText("seeds/articles/deal.md", "0" * 64, text, "utf-8"), vocabulary)
    assert (result.source_format, result.title) == ("markdown", "Amazon & One Medical: what the deal means")


def test_autolink_links_only_http_urls():
    inlines = autolink("see https://example.com/a, or javascript:alert(1)")
    assert [(i.text, i.href) for i in inlines] == [
        ("see ", None), ("https://example.com/a", "https://example.com/a"), (", or javascript:alert(1)", None)
    ]


@pytest.mark.parametrize("address", ["https://evil.example:99999/x", "https://evil.example/%zz/",
                                     "https://bank.example@evil.example/login"])
def test_an_address_no_browser_opens_is_not_linked_in_text(address):
    assert [i.href for i in autolink(f"see {address} today")] == [None]


def test_links_by_reference_keep_their_targets_when_the_definitions_stand_among_the_furniture(vocabulary):
    # html2text and markdownify write links by reference, their targets at the page's end, under its footer.
    body = [f"{MARKDOWN_BODY[0]} Laut dem [Ärzteblatt][2] ist das neu.", *MARKDOWN_BODY[1:]]
    page = [*MARKDOWN_SIGNS, "# Krankenkasse weitet Videosprechstunde aus", *body, "## Meistgelesen",
            "1. [Bahn streicht Verbindungen][3]\n2. [Mieten steigen weiter][4]", "© Rheinbote 2024",
            "   [2]: https://www.aerzteblatt.example/x\n   [3]: https://rheinbote.example/a\n   [4]: https://rheinbote.example/b"]
    result = clean(decoded("\n\n".join(page)), vocabulary)
    first = next(block for block in result.blocks if "Ärzteblatt" in block.text)
    assert "[Ärzteblatt][2]" not in first.text
    assert [inline.href for inline in first.inlines if inline.href] == ["https://www.aerzteblatt.example/x"]
    assert not any("https://" in block.text for block in result.blocks)


# (markdown-it itself writes a stray "%" as "%25": "/%zz/" is linked as the address "/%25zz/")
@pytest.mark.parametrize("address", ["https://evil.example:99999/x", "https://bank.example@evil.example/login"])
def test_an_address_no_browser_opens_is_not_linked_in_markdown(vocabulary, address):
    result = clean(decoded("\n\n".join([*MARKDOWN_SIGNS, "# Krankenkasse weitet Videosprechstunde aus",
                                          f"{MARKDOWN_BODY[0]} [Quelle]({address})", *MARKDOWN_BODY[1:]])), vocabulary)
    assert [i.href for block in result.blocks for i in block.inlines if i.href] == []


# --- whole pages: where the article is ---------------------------------------------------------------


def decoded(text: str) -> DecodedText:
    return DecodedText("seeds/articles/page.txt", "0" * 64, text, "utf-8")


def page(*lines: str) -> str:
    return "\n".join(lines)


GERMAN_PARAGRAPHS = [
    "Die Krankenkasse hat am Dienstag angekündigt, dass sie ihre digitale Sprechstunde im kommenden Jahr auf "
    "alle Bundesländer ausweiten will, nachdem ein Pilotversuch in Bayern gut angenommen wurde.",
    "Nach Angaben des Unternehmens nutzten in den ersten sechs Monaten mehr als vierzigtausend Versicherte "
    "das Angebot, die meisten von ihnen am Abend oder am Wochenende, wenn die Praxen geschlossen sind.",
    "Kritiker bemängeln allerdings, dass die Ärztinnen und Ärzte am Bildschirm keine Patienten untersuchen "
    "können und dass die Daten der Versicherten auf Servern eines amerikanischen Anbieters liegen.",
    "Die Kasse weist das zurück: Die Server stünden in Frankfurt, und jede Sprechstunde ende mit einer klaren "
    "Empfehlung, ob ein Besuch in der Praxis nötig sei oder nicht, sagte eine Sprecherin der Zeitung.",
]
GERMAN_PAGE = page(
    "Werbung",
    "Der Rheinbote – Nachrichten aus der Region",
    "Startseite > Gesundheit > Digital",
    "",
    "Krankenkasse weitet Videosprechstunde auf ganz Deutschland aus",
    "Was als Versuch begann, soll zum Regelangebot werden.",
    "Von Petra Hausmann, 03.05.2024, 09:15 Uhr",
    "Auf Facebook teilen",
    "Auf WhatsApp teilen",
    "",
    GERMAN_PARAGRAPHS[0],
    GERMAN_PARAGRAPHS[1],
    "Eine Ärztin am Bildschirm einer Videosprechstunde.",
    "Foto: Agentur",
    "",
    "Lesen Sie auch",
    "",
    "Telemedizin auf dem Land: Wo das Netz nicht reicht und was Kassen dagegen tun",
    "",
    "Elektronische Patientenakte: Was sich für Versicherte ab Januar ändert",
    "",
    "Streit um Daten",
    "",
    GERMAN_PARAGRAPHS[2],
    GERMAN_PARAGRAPHS[3],
    "Schlagworte: Telemedizin, Krankenkassen",
    "Kommentare (4)",
    "© 2024 Rheinbote Verlag. Alle Rechte vorbehalten.",
)


def test_a_page_keeps_exactly_its_article(vocabulary):
    result = clean(decoded(GERMAN_PAGE), vocabulary)
    assert result.title == "Krankenkasse weitet Videosprechstunde auf ganz Deutschland aus"
    assert [b.text for b in result.blocks] == [
        "Was als Versuch begann, soll zum Regelangebot werden.",
        GERMAN_PARAGRAPHS[0], GERMAN_PARAGRAPHS[1], "Streit um Daten", GERMAN_PARAGRAPHS[2], GERMAN_PARAGRAPHS[3],
    ]
    assert result.title_line == 5


# The same page as a scraper saves it in Markdown: the furniture is found in what a reader sees of each
# line, as in plain text; the first heading is the headline.
GERMAN_MARKDOWN_PAGE = page(
    "Werbung",
    "**Der Rheinbote** – Nachrichten aus der Region",
    "[Startseite](/) > [Gesundheit](/gesundheit/) > [Digital](/gesundheit/digital/)",
    "",
    "# Krankenkasse weitet Videosprechstunde auf ganz Deutschland aus",
    "",
    "*Was als Versuch begann, soll zum Regelangebot werden.*",
    "",
    "Von [Petra Hausmann](/autoren/hausmann/), 03.05.2024, 09:15 Uhr",
    "",
    "[Auf Facebook teilen](https://www.facebook.com/sharer/) [Auf WhatsApp teilen](https://wa.me/)",
    "",
    GERMAN_PARAGRAPHS[0], "", GERMAN_PARAGRAPHS[1], "",
    "![Videosprechstunde](https://example.org/bild.jpg)",
    "",
    "*Eine Ärztin am Bildschirm einer Videosprechstunde.*",
    "",
    "Foto: Agentur",
    "",
    "## Lesen Sie auch",
    "",
    "* [Telemedizin auf dem Land: Wo das Netz nicht reicht und was Kassen dagegen tun](/a/)",
    "* [Elektronische Patientenakte: Was sich für Versicherte ab Januar ändert](/b/)",
    "",
    "## Streit um Daten",
    "",
    GERMAN_PARAGRAPHS[2], "", GERMAN_PARAGRAPHS[3], "",
    "Schlagworte: [Telemedizin](/t/telemedizin/), [Krankenkassen](/t/kassen/)",
    "[Kommentare (4)](#kommentare)",
    "© 2024 Rheinbote Verlag. Alle Rechte vorbehalten.",
)


def test_a_markdown_page_keeps_exactly_its_article_as_the_plain_one_does(vocabulary):
    result = clean(decoded(GERMAN_MARKDOWN_PAGE), vocabulary)
    assert result.source_format == "markdown"
    assert result.title == "Krankenkasse weitet Videosprechstunde auf ganz Deutschland aus"
    assert [(b.kind, b.text) for b in result.blocks] == [
        ("paragraph", "Was als Versuch begann, soll zum Regelangebot werden."),
        ("paragraph", GERMAN_PARAGRAPHS[0]), ("paragraph", GERMAN_PARAGRAPHS[1]), ("heading", "Streit um Daten"),
        ("paragraph", GERMAN_PARAGRAPHS[2]), ("paragraph", GERMAN_PARAGRAPHS[3]),
    ]
    # The removed lines are kept as a reader sees them, for the metadata stage (the byline's name).
    removed = {line.text: line.rule for line in result.removed_lines}
    assert removed["Von Petra Hausmann, 03.05.2024, 09:15 Uhr"] == "byline"



# markdown-it stops reading a container nested past its limit and drops the rest of it, unrecorded: a
# list fifty levels deep, a quote a hundred. Such a page is read as plain text: each of its lines is kept
# or removed by a named rule, none lost. A forum thread twelve replies deep is read as Markdown.
DEEP_LIST = "\n".join("  " * depth + f"- Auf Stufe {depth} prüft die Kasse, ob die Versicherten den Dienst nutzen."
                       for depth in range(50))
DEEP_QUOTE = ">" * 100 + " Die Kasse zitiert einen Versicherten, der den Dienst jede Woche nutzt und lobt."


def test_a_thread_twelve_replies_deep_is_read_as_markdown(vocabulary):
    thread = "\n".join("  " * depth + f"- Antwort {depth}: Die Kasse prüft, ob die Versicherten den Dienst nutzen."
                       for depth in range(12))
    markdown = page("# Krankenkasse weitet Videosprechstunde aus", "", "[Startseite](/)", "", GERMAN_PARAGRAPHS[0],
                    "", thread, "", GERMAN_PARAGRAPHS[1])
    assert clean(decoded(markdown), vocabulary).source_format == "markdown"


@pytest.mark.parametrize("nested", [DEEP_LIST, DEEP_QUOTE], ids=["a list", "a quote"])
def test_markdown_nested_too_deep_for_the_parser_is_read_as_plain_text_whole(vocabulary, nested):
    markdown = page("# Krankenkasse weitet Videosprechstunde aus", "", "[Startseite](/)", "", GERMAN_PARAGRAPHS[0],
                    "", nested, "", GERMAN_PARAGRAPHS[1])
    result = clean(decoded(markdown), vocabulary)
    assert result.source_format == "plain"
    kept = "\n".join([result.title, *(block.text for block in result.blocks)])
    removed = {line.text for line in result.removed_lines}
    for line in filter(None, markdown.split("\n")):
        assert line.strip() in removed or line.strip(" ->") in kept, line  # a list item is kept without its bullet
    assert GERMAN_PARAGRAPHS[1] in kept
    assert nested.split("\n")[-1].strip(" ->") in kept  # the deepest level: prose, kept


MARKDOWN_BODY = [GERMAN_PARAGRAPHS[0], GERMAN_PARAGRAPHS[1]]
MARKDOWN_SIGNS = ["![Videosprechstunde](https://example.org/bild.jpg)", "[Startseite](/) › [Gesundheit](/g/)"]


@pytest.mark.parametrize(("markdown", "title", "kept"), [
    # a logo's heading shows no text: the headline is the next one
    (["# [![Der Rheinbote](/logo.png)](/)", "## Krankenkasse weitet Videosprechstunde aus", *MARKDOWN_BODY],
     "Krankenkasse weitet Videosprechstunde aus", []),
    # the headline as markdown-it reads it: entities and escapes resolved, no marks
    ([*MARKDOWN_SIGNS, "# AT&amp;T kauft \\*Acme\\* mit `git`", *MARKDOWN_BODY], "AT&T kauft *Acme* mit git", []),
    # a setext headline: its underline goes with it
    ([*MARKDOWN_SIGNS, "Krankenkasse weitet Videosprechstunde aus\n=========", *MARKDOWN_BODY],
     "Krankenkasse weitet Videosprechstunde aus", []),
    # code is the article's own, whatever it looks like (a comment, a path with ">"), at its end too
    (["# Krankenkasse veröffentlicht ihre Schnittstelle", GERMAN_PARAGRAPHS[0],
      "```\n# Home > Settings > API\nif a > b: x = 1\n```", GERMAN_PARAGRAPHS[1], "```\nimport requests\n```",
      "[Auf Facebook teilen](https://www.facebook.com/sharer/)"],
     "Krankenkasse veröffentlicht ihre Schnittstelle", ["# Home > Settings > API\nif a > b: x = 1", "import requests"]),
    # ... markup in it too, line by line: no line rule reads it as a scrape's debris
    ([*MARKDOWN_SIGNS, "# Krankenkasse veröffentlicht ihr Buchungsformular", GERMAN_PARAGRAPHS[0],
      "```html\n<div class=\"booking\">\n<p>Termin buchen</p>\n</div>\n<br>\n```", GERMAN_PARAGRAPHS[1]],
     "Krankenkasse veröffentlicht ihr Buchungsformular", ['<div class="booking">\n<p>Termin buchen</p>\n</div>\n<br>']),
    # a list that closes the article is the article's
    (["# Krankenkasse weitet Videosprechstunde aus", *MARKDOWN_BODY, "- Kardiologie\n- Dermatologie",
      "[Auf Facebook teilen](https://www.facebook.com/sharer/)"],
     "Krankenkasse weitet Videosprechstunde aus", ["Kardiologie", "Dermatologie"]),
    # ... and so is one set with "•", above the share buttons
    ([*MARKDOWN_SIGNS, "# Krankenkasse weitet Videosprechstunde aus", *MARKDOWN_BODY,
      "• Kardiologie und Innere Medizin\n• Dermatologie am Wochenende", "Teilen", "Drucken"],
     "Krankenkasse weitet Videosprechstunde aus", ["• Kardiologie und Innere Medizin • Dermatologie am Wochenende"]),
], ids=["a logo's heading", "entities and escapes", "setext", "code", "markup in code", "a closing list",
        "a closing list of bullets"])
def test_markdown_keeps_its_structure_and_marks_its_headline(vocabulary, markdown, title, kept):
    result = clean(decoded("\n\n".join(markdown)), vocabulary)
    texts = [b.text for b in result.blocks]
    assert result.source_format == "markdown" and result.title == title
    assert [text for text in kept if text not in texts] == [], texts
    assert set(MARKDOWN_BODY) <= set(texts) and "=========" not in texts

def test_markdown_references_resolve_to_no_character_ingest_removes(vocabulary):
    # "&#x202E;" is the right-to-left override ingest removes from the raw text: resolved, it is removed too.
    spoof = "Amazon Care invoice &#x202E;fdp.exe&#x202C; leaks"
    result = clean(decoded("\n\n".join([*MARKDOWN_SIGNS, f"# {spoof}", f"{MARKDOWN_BODY[0]} &#xFEFF;&#13;&#12;{spoof}",
                                          *MARKDOWN_BODY[1:]])), vocabulary)
    assert result.title == "Amazon Care invoice fdp.exe leaks"
    texts = [inline.text for block in result.blocks for inline in block.inlines]
    assert not REMOVED_CHARS.search(result.title + "".join(texts)) and "\r" not in "".join(texts)
    assert any("fdp.exe leaks" in text for text in texts)


@pytest.mark.parametrize(("line", "shown"), [
    ("* [Business](https://example.org/business/)", "* Business"),  # a list item keeps its bullet
    ("[![Logo](https://example.org/logo.svg)](https://example.org/) The Wire", " The Wire"),
    ("**Read more:** [Amazon names a chief](https://example.org/x)", "Read more: Amazon names a chief"),
    ("Par [Camille Roussel][11] | Publié le 12 novembre 2019", "Par Camille Roussel | Publié le 12 novembre 2019"),
    ("[![Logo][1]][2] [Partager][3]", " Partager"),  # by reference, as html2text writes them
    ("## More from Business ##", "More from Business"),
    ("> 原文：<https://example.org/original>", "原文：https://example.org/original"),
    ("1. First item", "1. First item"),
    ("# a" + " " * 2000 + "x", "a" + " " * 2000 + "x"),  # no closing hashes: read in linear time
    ("snake_case_name and 5 * 3 = 15", "snake_case_name and 5 * 3 = 15"),
])
def test_a_markdown_line_is_judged_by_what_a_reader_sees_of_it(line, shown):
    assert markdown_shown(line) == shown


ENGLISH_PARAGRAPH = ("Amazon said on Wednesday that members of its Prime programme could now add a discounted "
                     "membership to its primary care chain for a monthly fee, its latest step into health care.")


@pytest.mark.parametrize(("head", "title"), [
    (["Amazon offers One Medical subscription to Prime members", "By Jane Doe", "June 1, 2023"],
     "Amazon offers One Medical subscription to Prime members"),
    (["Amazon bietet Arzt-Abo für Prime-Kunden an", "Von Anna Schmidt, 08.11.2023"],
     "Amazon bietet Arzt-Abo für Prime-Kunden an"),
    (["Amazon closes its clinics", "Sign up for our daily newsletter"], "Amazon closes its clinics"),
    (["Aktienanalyse", "Amazon: Mit One Medical im Prime-Abo greift der Konzern die Hausarztpraxis an",
      "Von Henrik Vogel", "09.11.2023"], "Amazon: Mit One Medical im Prime-Abo greift der Konzern die Hausarztpraxis an"),
], ids=["a subscription", "an Abo", "a newsletter notice under the headline", "under a section's label"])
def test_a_headline_naming_a_subscription_is_still_the_headline(vocabulary, head, title):
    text = page("The Daily Ledger", "Home | Business | Health", "", *head, "", ENGLISH_PARAGRAPH, "",
                ENGLISH_PARAGRAPH.replace("Wednesday", "Thursday"), "", "Subscribe to our newsletter")
    result = clean(decoded(text), vocabulary)
    assert result.title == title
    assert all("newsletter" not in block.text for block in result.blocks)


def test_a_question_over_the_byline_is_the_headline_though_it_reads_as_prose(vocabulary):
    question = "Haven lägger ner – vad gick fel när Amazon, Berkshire och JPMorgan skulle laga vården?"
    text = page("Vårdkoll", "Prenumerera", "Logga in", question,
                "Tre av världens mäktigaste företag lovade att göra vården billigare för sina anställda.",
                "Erik Lindqvist", "5 jan. 2021", "", *SWEDISH_PARAGRAPHS)
    assert clean(decoded(text), vocabulary).title == question


GREEK_PARAGRAPHS = [
    "Η εταιρεία ανακοίνωσε την Τρίτη ότι το ρολόι της θα ειδοποιεί τους χρήστες όταν η αναπνοή τους "
    "διακόπτεται συχνά κατά τη διάρκεια του ύπνου, μετά από έγκριση των αρμόδιων αρχών.",
    "Οι γιατροί που μίλησαν στην εφημερίδα είπαν ότι η λειτουργία μπορεί να βοηθήσει, αλλά δεν "
    "αντικαθιστά την εξέταση σε ειδικό κέντρο ύπνου, όπου η διάγνωση γίνεται με περισσότερους αισθητήρες.",
]


@pytest.mark.parametrize("head", [[], ["Τεχνολογία & Υγεία"]], ids=["alone", "under a section label"])
def test_a_greek_question_headline_over_its_dateline_is_the_headline(vocabulary, head):
    question = "Μπορεί το ρολόι της Apple να εντοπίσει την άπνοια ύπνου πριν από τον γιατρό σας;"
    text = page(*head, question, "12.03.2024, 10:15", "", *GREEK_PARAGRAPHS)
    result = clean(decoded(text), vocabulary)
    assert result.title == question and [b.text for b in result.blocks] == GREEK_PARAGRAPHS


SWEDISH_PARAGRAPHS = [
    "Det kom ett kort pressmeddelande strax efter lunch i går. Vårdbolaget som de tre företagen startade för "
    "tre år sedan läggs ner i slutet av februari, och de anställda ska få hjälp att hitta nya jobb.",
    "För den som minns hur det lät när bolaget startade är det ett märkligt slut. Det fick en känd läkare som "
    "chef och ett kontor i Boston, men det hände inte så mycket utanför ägarnas egna personalavdelningar.",
]

def test_a_short_headline_over_a_standfirst_of_several_sentences_is_no_section_label(vocabulary):
    headline = "The Short, Strange Life of a Venture"
    standfirst = ("Three companies promised to fix health care for their own workers, and maybe for the rest of "
                  "us. Three years later the venture is gone. What went wrong?")
    text = page("FEATURES / HEALTH CARE", "", headline, standfirst, "By Jane Doe", "March 8, 2021", "",
                ENGLISH_PARAGRAPH, "", ENGLISH_PARAGRAPH.replace("Wednesday", "Thursday"))
    result = clean(decoded(text), vocabulary)
    assert result.title == headline and result.blocks[0].text == standfirst


def test_a_captioned_picture_under_the_standfirst_is_no_headline(vocabulary):
    # The caption stands between the standfirst (here worded like a notice, so not the article's first
    # paragraph) and the picture's credit: the walk up from the prose must not stop at it.
    headline = "Amazon opens an online pharmacy. Shares of drugstore chains fall"
    standfirst = ("Members of the Prime subscription get discounts on drugs and free delivery within two days. "
                  "Investors punished the drugstore chains at once.")
    caption = "Packages of medicines ready to be sent. Illustrative picture"
    text = page("Business World > Companies > Foreign companies", "", headline, "November 18, 2020 7:15",
                "Peter Novak", standfirst, caption, "Photo: Alexa Horakova", "", ENGLISH_PARAGRAPH, "",
                ENGLISH_PARAGRAPH.replace("Wednesday", "Thursday"))
    result = clean(decoded(text), vocabulary)
    assert result.title == headline
    assert caption not in [b.text for b in result.blocks]


def test_a_table_of_figures_closing_the_article_is_its_own(vocabulary):
    table = ["Example Health forecast (USD million)", "Item | 2023 | 2024E | 2025E", "Revenue | 7,557 | 8,120 | 8,700",
             "Operating profit | 502 | 640 | 790"]
    text = page("The Daily Ledger", "Home | Business | Health", "", "Example Health raises its forecast", "By Jane Doe",
                "", ENGLISH_PARAGRAPH, "", ENGLISH_PARAGRAPH.replace("Wednesday", "Thursday"), "", *table, "",
                "About Us | Careers | Terms of Use | Privacy | Contact", "© 2024 The Daily Ledger")
    result = clean(decoded(text), vocabulary)
    assert [b.text for b in result.blocks][-len(table):] == table


def test_a_breadcrumb_that_ends_in_the_headline_names_it(vocabulary):
    headline = "Mayo Clinic selects Google as strategic partner for health care innovation, cloud computing"
    text = page("Mayo Clinic News Network", "News Releases", "Podcasts", f"News Releases / {headline}", "", headline,
                "September 10, 2019", "By Jana Lindqvist", "", ENGLISH_PARAGRAPH, "",
                ENGLISH_PARAGRAPH.replace("Wednesday", "Thursday"))
    assert clean(decoded(text), vocabulary).title == headline


def test_a_table_of_contents_is_navigation_and_its_headings_stay(vocabulary):
    second = ENGLISH_PARAGRAPH.replace("Wednesday", "Thursday")
    text = page("The Daily Ledger", "", "Example Health raises its forecast", "By Jane Doe", "", "Contents",
                "1 What changes for members", "2. What the analysts say", "", ENGLISH_PARAGRAPH, "",
                "What changes for members", second, "", "What the analysts say", ENGLISH_PARAGRAPH.replace("Wednesday", "Friday"))
    result = clean(decoded(text), vocabulary)
    blocks = [b.text for b in result.blocks]
    assert "What changes for members" in blocks and "What the analysts say" in blocks
    assert not any(text.startswith(("1 ", "2.")) for text in blocks)


def test_a_removals_lines_are_its_rules_alone(vocabulary):
    # Two notices with other furniture between them: each notice is its own removal, never one over the
    # lines another rule took ("notice 39-44" spanning "after_article 41-43").
    text = page("The Daily Ledger", "", "Example Health raises its forecast", "By Jane Doe", "", ENGLISH_PARAGRAPH, "",
                ENGLISH_PARAGRAPH.replace("Wednesday", "Thursday"), "", "Sign up for our daily newsletter",
                "More reviews", "Fitbit Charge 5 review: a better-looking Fitbit", "Whoop 4.0 review: a coach",
                "Get the Daily Ledger newsletter")
    result = clean(decoded(text), vocabulary)
    rule_of = {r.line: r.rule for r in result.removed_lines}
    for removal in result.removals:
        spanned = {rule_of[n] for n in range(removal.line_start, removal.line_end + 1) if n in rule_of}
        assert spanned == {removal.rule}, (removal, spanned)


def test_a_name_over_the_writers_role_over_the_dateline_is_the_byline(vocabulary):
    headline = "Amazon Halo View review: Amazon's fitness band finally gets a screen"
    text = page("Circuit Breakdown", "", headline, "Share on Facebook", "Colin Marsh", "Senior Editor, Wearables",
                "Published Dec. 16, 2021 7:00 a.m. PT", "", ENGLISH_PARAGRAPH, "",
                ENGLISH_PARAGRAPH.replace("Wednesday", "Thursday"))
    result = clean(decoded(text), vocabulary)
    assert result.title == headline
    assert {"Colin Marsh", "Senior Editor, Wearables"} <= {r.text for r in result.removed_lines if r.rule == "byline"}


def test_the_pages_title_names_a_headline_under_a_promotions_sentence(vocabulary):
    # A promotion of a sentence stands above the headline: the first prose line is none of the article's.
    headline = "Amazon launches a generic drug subscription for Prime members"
    text = page(f"{headline} - Pharmacy Daily", "Pharmacy Daily", "NEWS", "RETAIL PHARMACY", "TECHNOLOGY",
                "CE CENTER | Earn 1.0 contact hour: cash-pay pricing and the independent pharmacy. Free for members.",
                "", headline, "By Jane Doe", "January 24, 2023", "", ENGLISH_PARAGRAPH, "",
                ENGLISH_PARAGRAPH.replace("Wednesday", "Thursday"))
    assert clean(decoded(text), vocabulary).title == headline


@pytest.mark.parametrize("box", [
    ["SPONSORED", "Is your pharmacy ready for fee changes? Download the 2023 reimbursement playbook today.",
     "Download now"],
    ["WEBINAR", "Specialty pharmacy in 2023: limited-distribution drugs and payer mandates",
     "Thursday, February 16 | 2:00 PM ET", "Register free", "Sponsored by Meridian Specialty Partners"],
], ids=["ending in a button", "ending in its sponsor"])
def test_the_paragraph_an_advertising_label_opens_is_the_ad(vocabulary, box):
    text = page("The Daily Ledger", "", "Example Health raises its forecast", "By Jane Doe", "", ENGLISH_PARAGRAPH,
                "", *box, "", ENGLISH_PARAGRAPH.replace("Wednesday", "Thursday"))
    blocks = [b.text for b in clean(decoded(text), vocabulary).blocks]
    assert blocks == [ENGLISH_PARAGRAPH, ENGLISH_PARAGRAPH.replace("Wednesday", "Thursday")]


def test_a_paragraph_run_on_under_an_advertising_label_stays(vocabulary):
    second = ENGLISH_PARAGRAPH.replace("Wednesday", "Thursday")
    text = page("The Daily Ledger", "", "Example Health raises its forecast", "By Jane Doe", "", ENGLISH_PARAGRAPH,
                "", "Advertisement", second, "", ENGLISH_PARAGRAPH.replace("Wednesday", "Friday"))
    assert second in [b.text for b in clean(decoded(text), vocabulary).blocks]


def test_a_section_label_between_masthead_and_headline_leaves_the_masthead_out(vocabulary):
    headline = "Krankenkasse weitet Videosprechstunde auf ganz Deutschland aus"
    text = page("Drucken", "Der Rheinbote Wirtschaft", "GESUNDHEIT – DIGITALES", headline,
                "Von Petra Hausmann, 03.05.2024, 09:15 Uhr", "", *GERMAN_PARAGRAPHS)
    result = clean(decoded(text), vocabulary)
    assert result.title == headline and [b.text for b in result.blocks] == GERMAN_PARAGRAPHS

def test_a_menu_of_spaced_words_is_never_the_headline_and_a_spaced_table_stays(vocabulary):
    headline = "Krankenkasse weitet Videosprechstunde auf ganz Deutschland aus"
    table = ["Kasse   Land   Angebot   Start", "Nordkasse   Hamburg   Video   Januar"]
    text = page("Startseite   Inland   Ausland   Wirtschaft   Wissen   Sendungen", "", headline,
                "Von Petra Hausmann, 03.05.2024, 09:15 Uhr", "", GERMAN_PARAGRAPHS[0], *table, *GERMAN_PARAGRAPHS[1:])
    result = clean(decoded(text), vocabulary)
    assert result.title == headline
    assert [b.text for b in result.blocks] == [GERMAN_PARAGRAPHS[0], *table, *GERMAN_PARAGRAPHS[1:]]


@pytest.mark.parametrize("under", [
    "Get our free Health newsletter delivered to your inbox every single morning",
    "Sign up for our free daily health newsletter and get the news first",
])
def test_a_newsletter_line_under_a_short_headline_is_no_headline(vocabulary, under):
    text = page("The Daily Ledger", "Home | Business | Health", "Amazon closes clinics", under, "By Jane Doe", "",
                ENGLISH_PARAGRAPH, "", ENGLISH_PARAGRAPH.replace("Wednesday", "Thursday"))
    assert clean(decoded(text), vocabulary).title == "Amazon closes clinics"


def test_a_question_in_the_body_is_no_headline_where_a_headline_stands_above(vocabulary):
    question = "What does this mean for the millions of patients who see a doctor every week across the country?"
    text = page("Amazon closes its One Medical clinics", "Home | Business | Health", question, "",
                ENGLISH_PARAGRAPH, "June 1, 2023", ENGLISH_PARAGRAPH.replace("Wednesday", "Thursday"))
    result = clean(decoded(text), vocabulary)
    assert result.title == "Amazon closes its One Medical clinics" and result.blocks[0].text == question


def test_a_markdown_headline_with_a_date_in_it_stays_the_headline(vocabulary):
    text = "\n\n".join([*MARKDOWN_SIGNS, "# Bundestagswahl am 26. September 2021: Die Ergebnisse", *MARKDOWN_BODY])
    result = clean(decoded(text), vocabulary)
    assert result.title == "Bundestagswahl am 26. September 2021: Die Ergebnisse"
    assert set(MARKDOWN_BODY) <= {b.text for b in result.blocks}


def test_inline_code_that_opens_a_line_is_no_fence(vocabulary):
    text = "\n\n".join([*MARKDOWN_SIGNS, "# Krankenkasse veröffentlicht ihre Schnittstelle", GERMAN_PARAGRAPHS[0],
                         "```pip install kasse``` ist alles, was es braucht.", GERMAN_PARAGRAPHS[1],
                         "[Auf Facebook teilen](https://www.facebook.com/sharer/)", "© 2024 Rheinbote Verlag. Alle Rechte vorbehalten."])
    texts = [b.text for b in clean(decoded(text), vocabulary).blocks]
    assert not any("Facebook" in t or "Rechte" in t for t in texts), texts

def test_the_walk_up_to_the_headline_passes_toolbar_words_and_notices(vocabulary):
    headline = "Krankenkasse weitet Videosprechstunde auf ganz Deutschland aus"
    text = page("Startseite > Gesundheit", "", headline, "Von Petra Hausmann, 03.05.2024, 09:15 Uhr", "Teilen",
                "Merken", "Jetzt den Newsletter abonnieren und nichts verpassen", "", *GERMAN_PARAGRAPHS)
    assert clean(decoded(text), vocabulary).title == headline

def test_a_sentence_that_mentions_rights_inside_the_article_ends_nothing(vocabulary):
    sentence = ("Die Kasse betonte, alle Rechte vorbehalten zu wollen, falls der Anbieter die Daten der Versicherten "
                "ohne deren Zustimmung weitergibt, und kündigte eine Prüfung durch den Datenschutzbeauftragten an.")
    paragraphs = [*GERMAN_PARAGRAPHS[:2], sentence, *GERMAN_PARAGRAPHS[2:]]
    text = page("Krankenkasse weitet Videosprechstunde auf ganz Deutschland aus", "", *paragraphs)
    assert [b.text for b in clean(decoded(text), vocabulary).blocks] == paragraphs

def test_a_notice_worded_headline_under_the_sites_date_is_the_headline(vocabulary):
    headline = "Amazon adds a clinic subscription to Prime for its members"
    text = page("Wednesday, March 13, 2024", headline, "By Jane Doe", "", ENGLISH_PARAGRAPH, "",
                ENGLISH_PARAGRAPH.replace("Wednesday", "Thursday"))
    assert clean(decoded(text), vocabulary).title == headline


@pytest.mark.parametrize(("opening", "kept"), [
    # a long opening paragraph under the headline's block, over a picture's bare credit: the standfirst
    ("The online retailer starts selling prescription drugs in most states, and the shares of the big pharmacy "
     "chains fell sharply on the news.", True),
    # a short line there is the picture's caption
    ("A pharmacy counter in Seattle, Washington.", False),
])
def test_an_opening_paragraph_over_a_bare_credit_is_the_standfirst_when_long(vocabulary, opening, kept):
    text = page("Amazon opens an online pharmacy for its Prime members", "17 November 2020, 21:48", "Views: 1532",
                "", opening, "Photo: AFP", ENGLISH_PARAGRAPH, "", ENGLISH_PARAGRAPH.replace("Wednesday", "Thursday"))
    blocks = [block.text for block in clean(decoded(text), vocabulary).blocks]
    assert (opening in blocks) is kept


def test_a_caption_between_the_byline_and_the_prose_is_no_headline(vocabulary):
    headline = "Krankenkasse weitet Videosprechstunde auf ganz Deutschland aus"
    text = page(headline, "Von Petra Hausmann", "03.05.2024, 09:15 Uhr", "Bild",
                "Eine Ärztin am Bildschirm einer Videosprechstunde in Hamburg", "Vergrößern", "", *GERMAN_PARAGRAPHS)
    assert clean(decoded(text), vocabulary).title == headline

@pytest.mark.parametrize("headline", ["A message from the front line of the chip shortage",
                                      "Brought to you by the letter Q: Sesame Street turns 55"])
def test_a_headline_that_opens_like_a_sponsor_line_is_the_headline(vocabulary, headline):
    text = page("Tech", headline, "By Alex Chen", "May 17, 2023", "", ENGLISH_PARAGRAPH, "",
                ENGLISH_PARAGRAPH.replace("Wednesday", "Thursday"))
    assert clean(decoded(text), vocabulary).title == headline


def test_a_data_source_under_a_paragraph_takes_no_caption(vocabulary):
    sentence = "Twenty-three rivers overflowed in a single day."
    second = ENGLISH_PARAGRAPH.replace("Wednesday", "Thursday")
    text = page("Floods close clinics across the north", "", ENGLISH_PARAGRAPH, sentence,
                "Source: Italian civil protection agency", second, second.replace("Thursday", "Friday"))
    assert sentence in [b.text for b in clean(decoded(text), vocabulary).blocks]

def test_the_last_paragraph_over_a_share_bar_and_a_footer_is_no_caption(vocabulary):
    # In Markdown the share bar goes before the article is located: the paragraph then stood next to the
    # footer's "© …" line, a credit, and was taken for its caption.
    last = "A cég tavaly ősszel jelentette be, hogy bezárja saját rendelőit a nagyobb városokban."
    text = page("# A biztosító országszerte kiterjeszti a videós rendelést", "",
                "A biztosító hétfőn bejelentette, hogy jövő tavasztól minden tagja számára elérhetővé teszi a "
                "videós orvosi konzultációt.", "",
                "A szolgáltatást eddig csak két megyében próbálták ki, ahol a páciensek elégedettek voltak vele.", "",
                last, "", "Megosztás", "Facebook", "Twitter", "© 2023 Példa Kiadó Kft.")
    result = clean(DecodedText("seeds/articles/biztosito.md", "0" * 64, text, "utf-8"), vocabulary)
    assert last in [b.text for b in result.blocks]


def test_numbered_references_after_the_article_are_kept(vocabulary):
    references = ["[1] https://example.org/report-on-clinics retrieved 2020/01/02 9:20 CEST",
                  "[2] https://example.org/pharmacy-figures retrieved 2020/01/05 8:15 CEST"]
    result = clean(decoded(page("Krankenkasse weitet Videosprechstunde auf ganz Deutschland aus", "",
                                *GERMAN_PARAGRAPHS, "", *references)), vocabulary)
    assert [b.text for b in result.blocks][-2:] == references


@pytest.mark.parametrize("line, rule", [
    ("Werbung", "advertising"),
    ("Der Rheinbote – Nachrichten aus der Region", "before_headline"),
    ("Startseite > Gesundheit > Digital", "navigation"),
    ("Von Petra Hausmann, 03.05.2024, 09:15 Uhr", "byline"),
    ("Auf Facebook teilen", "share_bar"),
    ("Eine Ärztin am Bildschirm einer Videosprechstunde.", "caption"),
    ("Foto: Agentur", "photo_credit"),
    ("Lesen Sie auch", "related_list"),
    ("Elektronische Patientenakte: Was sich für Versicherte ab Januar ändert", "related_list"),
    ("Schlagworte: Telemedizin, Krankenkassen", "page_chrome"),
    ("© 2024 Rheinbote Verlag. Alle Rechte vorbehalten.", "notice"),
])
def test_each_furniture_line_is_removed_by_the_signal_that_names_it(vocabulary, line, rule):
    removed = {r.text: r.rule for r in clean(decoded(GERMAN_PAGE), vocabulary).removed_lines}
    assert removed[line] == rule


def test_bylines_and_datelines_stay_available_to_the_metadata_stage(vocabulary):
    result = clean(decoded(GERMAN_PAGE), vocabulary)
    lines = {r.line: r.text for r in result.removed_lines}
    assert lines[7] == "Von Petra Hausmann, 03.05.2024, 09:15 Uhr"


ZH_PARAGRAPHS = [
    "记者从市卫生健康委获悉，本市首批互联网医院已于上月正式上线，患者可以在手机上完成复诊、开方和药品配送。",
    "据介绍，目前已有十二家三甲医院接入平台，覆盖内科、儿科和皮肤科等常见科室，平均候诊时间缩短到十分钟以内。",
    "业内人士认为，线上复诊能否持续发展，关键在于医保支付能否打通，以及处方流转的监管是否到位。",
]


@pytest.mark.parametrize("about", [
    ["关于京东健康", "京东健康是京东集团旗下专注于医疗健康业务的子集团，致力于成为国民首席健康管家。"],
    ["■ LINE株式会社について", "LINE株式会社は、コミュニケーションアプリ「LINE」を中心にサービスを展開しています。"],
    ["카카오헬스케어 소개", "카카오헬스케어는 2022년 3월 설립된 헬스케어 전문 기업입니다."],
], ids=["Chinese", "Japanese", "Korean"])
def test_a_cjk_releases_about_section_is_boilerplate(vocabulary, about):
    text = page("互联网医院正式上线", "", *ZH_PARAGRAPHS, "", *about)
    assert [b.text for b in clean(decoded(text), vocabulary).blocks] == ZH_PARAGRAPHS


def test_a_chinese_page_with_a_dateline_labels_and_an_advertisement(vocabulary):
    text = page(
        "首页 | 新闻 | 健康 | 科技 | 登录",
        "当前位置：首页 > 健康 > 正文",
        "本市首批互联网医院上线 复诊开方送药一站完成",
        "2024-03-18 10:20:31　来源：示例晚报　作者：王小明",
        "【字号：大 中 小】",
        ZH_PARAGRAPHS[0],
        "【广告】体检套餐限时八折，立即预约>>",
        ZH_PARAGRAPHS[1],
        "hospital_online_0318.jpg",
        ZH_PARAGRAPHS[2],
        "相关阅读",
        "互联网医院如何监管？专家解读新规",
        "责任编辑：李四",
        "Copyright © 2024 示例晚报 版权所有",
    )
    result = clean(decoded(text), vocabulary)
    assert result.title == "本市首批互联网医院上线 复诊开方送药一站完成"
    assert [b.text for b in result.blocks] == ZH_PARAGRAPHS
    rules = {r.text[:8]: r.rule for r in result.removed_lines}
    assert rules["2024-03-"] == "dateline" and rules["【广告】体检套餐"] == "advertising"
    assert rules["hospital"] == "image_file_name"


@pytest.mark.parametrize(("label", "kept"), [
    ("【线上复诊的现状】", True),  # a section's heading between the paragraphs, over the next
    ("[시장 반응과 전망]", True),
    ("【图】", False),  # a word or so: a picture's label
    ("［有料会員限定］", False),  # a notice in brackets: for paying members only
    ("[00:12:45]", False),  # a time in a recording
    ("【王小明／北京报道】", False),  # a byline in parts
    ("[연합뉴스 제공. 재판매 및 DB 금지]", False),  # a picture's credit in sentences
    ("[Video]", False), ("[홍길동 기자]", False), ("(後續報道)", False),  # a word, a byline, round brackets
])
def test_a_label_in_brackets_between_paragraphs_is_a_subheading_unless_a_word_or_a_notice(vocabulary, label, kept):
    text = page("本市首批互联网医院上线 复诊开方送药一站完成", "【字号：大 中 小】", ZH_PARAGRAPHS[0], label,
                ZH_PARAGRAPHS[1], ZH_PARAGRAPHS[2], "（完）")
    texts = [block.text for block in clean(decoded(text), vocabulary).blocks]
    assert texts == ([ZH_PARAGRAPHS[0], label, *ZH_PARAGRAPHS[1:]] if kept else ZH_PARAGRAPHS)


def test_an_original_title_over_the_reposts_byline_is_no_headline(vocabulary):
    # The portal's headline over its dateline and a button the walk up from the prose cannot name; the
    # paper's own title under its label, right over the byline.
    headline = "本市首批互联网医院上线 复诊开方送药一站完成"
    text = page("首页 | 新闻 | 健康", headline, "2024-03-18 10:20　来源：示例晚报", "APP内打开", "字号：大 中 小",
                "原标题：互联网医院来了 复诊开方送药在家就能完成", "示例晚报记者 王小明", *ZH_PARAGRAPHS)
    assert clean(decoded(text), vocabulary).title == headline


def test_a_headline_with_a_notices_word_before_its_colon_is_still_the_headline(vocabulary):
    headline = "Prime subscription: Amazon adds One Medical visits for its members"
    text = page("Wednesday, March 13, 2024", headline, "By Jane Doe", "", ENGLISH_PARAGRAPH, "",
                ENGLISH_PARAGRAPH.replace("Wednesday", "Thursday"))
    assert clean(decoded(text), vocabulary).title == headline


def test_a_portals_repost_its_original_title_font_sizes_and_recommendations(vocabulary):
    # A portal reposting a paper's article: the paper's own headline under "原标题：", the font-size
    # buttons without their label, the portal's recommendations after the article.
    headline = "本市首批互联网医院上线 复诊开方送药一站完成"
    text = page("首页 新闻 财经 科技", "", headline, "2024年03月18日 10:20  示例晚报", "微博 微信 分享", "评论",
                "大 中 小", "　　原标题：互联网医院来了：复诊开方送药在家就能完成", *ZH_PARAGRAPHS, "热门推荐",
                "互联网医院如何监管？专家解读新规", "医保线上支付试点扩大到十个城市", "三甲医院排队时间缩短一半")
    result = clean(decoded(text), vocabulary)
    assert result.title == headline
    assert [b.text for b in result.blocks] == ZH_PARAGRAPHS


def test_one_long_japanese_sentence_over_a_photo_credit_is_its_caption(vocabulary):
    caption = "ニューヨーク州内にあるワン・メディカルの診療所。会員制で、予約から受診まで専用アプリで完結するのが特徴だ"
    body = ["米アマゾン・ドット・コムは、会員制の診療所を運営するワン・メディカルの買収を完了したと発表した。買収額は約39億ドル。",
            "同社は今後、プライム会員向けに割引料金で診療サービスを提供する方針で、米国内の医療市場での存在感を高める考えだ。"]
    text = page("アマゾン、ワン・メディカル買収を完了", "2023年2月23日 9時15分", body[0], caption, "写真：ロイター", body[1])
    assert [b.text for b in clean(decoded(text), vocabulary).blocks] == body


@pytest.mark.parametrize(("credit", "caption"), [
    ("사진=카카오헬스케어", True),  # a bare credit: the short line above is its caption
    ("[사진 설명] 모바일 혈당관리 서비스 앱 화면 (사진=카카오헬스케어)", False),  # a caption with its credit
])
def test_a_caption_that_closes_with_its_credit_takes_no_caption_above_it(vocabulary, credit, caption):
    lead = "카카오헬스케어는 모바일 혈당관리 서비스를 1일 정식 출시했다고 밝혔다."
    body = ["이 서비스는 연속혈당측정기와 연동해 사용자의 혈당 변화를 실시간으로 보여주고 식사와 운동 기록을 함께 분석한다.",
            "회사는 당뇨병 환자뿐 아니라 당뇨 전단계에 있는 사람까지 혈당 관리를 돕겠다고 설명했다."]
    text = page("카카오헬스케어, 모바일 혈당관리 서비스 출시", "2024.02.01", body[0], lead, credit, body[1])
    assert (lead not in [b.text for b in clean(decoded(text), vocabulary).blocks]) is caption


def test_lines_opened_by_a_triangle_one_after_another_are_a_list_and_one_alone_a_caption(vocabulary):
    caption = "▲ 황희 대표가 1일 기자간담회에서 서비스를 소개하고 있다."
    points = ["▲출시일: 2024년 2월 1일", "▲연동 기기: 연속혈당측정기 두 종", "▲주요 기능: 실시간 혈당 확인, 식단 기록"]
    body = ["카카오헬스케어가 1일 판교에서 기자간담회를 열고 모바일 혈당관리 서비스를 정식으로 출시했다고 밝혔다.",
            "이 서비스는 연속혈당측정기와 연동해 사용자의 혈당 변화를 실시간으로 보여주고 식사와 운동 기록을 함께 분석한다.",
            "서비스 주요 내용은 다음과 같다.",
            "회사는 당뇨병 환자뿐 아니라 당뇨 전단계에 있는 사람까지 혈당 관리를 돕겠다고 설명했다."]
    text = page("카카오헬스케어, 모바일 혈당관리 서비스 출시", "2024.02.01", body[0], caption, body[1], body[2], *points,
                body[3])
    assert [b.text for b in clean(decoded(text), vocabulary).blocks] == [*body[:3], *points, body[3]]
    # Two pictures' captions in a row are sentences, not a list's points.
    text = page("카카오헬스케어, 모바일 혈당관리 서비스 출시", "2024.02.01", body[0], body[1], caption,
                "▲ 모바일 혈당관리 서비스의 앱 화면.", body[3])
    assert [b.text for b in clean(decoded(text), vocabulary).blocks] == [body[0], body[1], body[3]]


def test_two_chinese_sentences_over_a_photo_credit_are_a_paragraph_not_its_caption(vocabulary):
    # An official account's post: its topic tag with the count of its posts, a credit under a paragraph.
    headline = "十年长跑，互联网医院离上市还有多远？"
    text = page(headline, "2021-07-03 08:00", "收录于话题", "#互联网医疗 23个", "", ZH_PARAGRAPHS[0],
                ZH_PARAGRAPHS[1] + "次年，平台更名，意在从“挂号”走向“看病”。", "图片来源：示例官网",
                ZH_PARAGRAPHS[2])
    result = clean(decoded(text), vocabulary)
    assert [b.text for b in result.blocks] == [ZH_PARAGRAPHS[0], ZH_PARAGRAPHS[1] + "次年，平台更名，意在从“挂号”走向“看病”。",
                                               ZH_PARAGRAPHS[2]]


def test_a_page_without_a_headline_gets_none(vocabulary):
    text = page("Startseite > Gesundheit", "03.05.2024", *GERMAN_PARAGRAPHS, "© 2024 Rheinbote")
    result = clean(decoded(text), vocabulary)
    assert result.title == "" and result.title_line == 0
    assert [b.text for b in result.blocks] == GERMAN_PARAGRAPHS


def test_a_tagline_above_the_headline_and_a_headline_shown_twice(vocabulary):
    tagline = "Unabhängige Berichte über Gesundheit und Technik aus der Region, jeden Tag neu für Sie zusammengestellt."
    headline = "Krankenkasse weitet Videosprechstunde aus"
    result = clean(decoded(page(tagline, headline, "Foto: Agentur", headline, *GERMAN_PARAGRAPHS)), vocabulary)
    assert result.title == headline
    assert [b.text for b in result.blocks] == GERMAN_PARAGRAPHS
    assert {r.rule for r in result.removed_lines} >= {"before_headline", "repeated_title"}


def test_a_scrape_cut_off_mid_sentence_keeps_what_it_has(vocabulary):
    cut = GERMAN_PARAGRAPHS[3][:-60]
    result = clean(decoded(page("Krankenkasse weitet Videosprechstunde aus", *GERMAN_PARAGRAPHS[:3], cut)), vocabulary)
    assert result.blocks[-1].text == cut


def test_a_subheading_after_a_related_list_is_kept_and_the_last_headline_dropped(vocabulary):
    related = ["Telemedizin auf dem Land: Wo das Netz nicht reicht und was Kassen dagegen tun",
               "Elektronische Patientenakte: Was sich für Versicherte ab Januar ändert"]
    with_subheading = page("Titel der Meldung über die Sprechstunde", GERMAN_PARAGRAPHS[0], "Lesen Sie auch",
                           *related, "Streit um Daten", *GERMAN_PARAGRAPHS[1:])
    kept = [b.text for b in clean(decoded(with_subheading), vocabulary).blocks]
    assert "Streit um Daten" in kept and not set(related) & set(kept)
    without = page("Titel der Meldung über die Sprechstunde", GERMAN_PARAGRAPHS[0], "Lesen Sie auch",
                   *related, *GERMAN_PARAGRAPHS[1:])
    assert not set(related) & {b.text for b in clean(decoded(without), vocabulary).blocks}


def test_a_maintainer_drops_or_keeps_lines_by_their_text(vocabulary):
    letters = "Leserbriefe und Newsletter der Redaktion"
    text = page("Krankenkasse weitet Videosprechstunde aus", *GERMAN_PARAGRAPHS, letters)
    overrides = LineOverrides(drop=frozenset({GERMAN_PARAGRAPHS[1]}), keep=frozenset({letters}))
    kept = [b.text for b in clean(decoded(text), vocabulary, overrides).blocks]
    assert GERMAN_PARAGRAPHS[1] not in kept and "Leserbriefe und Newsletter der Redaktion" in kept
    default = [b.text for b in clean(decoded(text), vocabulary).blocks]
    assert GERMAN_PARAGRAPHS[1] in default and "Leserbriefe und Newsletter der Redaktion" not in default


def test_lines_shared_with_other_pages_are_furniture_outside_the_prose(vocabulary):
    text = page("Krankenkasse weitet Videosprechstunde aus", GERMAN_PARAGRAPHS[0], "Warum das wichtig ist",
                *GERMAN_PARAGRAPHS[1:], "Der Rheinbote Podcast", "Impressum")
    shared = frozenset({"Der Rheinbote Podcast", "Warum das wichtig ist"})
    result = clean(decoded(text), vocabulary, shared=shared)
    kept = [b.text for b in result.blocks]
    assert "Der Rheinbote Podcast" not in kept
    assert "Warum das wichtig ist" in kept  # the outlet's recurring subheading, between prose lines
    assert {r.text: r.rule for r in result.removed_lines}["Der Rheinbote Podcast"] == "shared_with_other_pages"


# --- the seeds, end to end ---------------------------------------------------------------------------


def test_000_has_its_body_once(cleaned):
    text = all_text(cleaned["000"])
    assert text.count("曾被譽為是亞馬遜最重要創新的醫療項目Amazon Care") == 1
    assert "本文為轉載內容" not in text  # a reprint notice is furniture, wherever it stands
    assert {r.rule for r in cleaned["000"].removals} >= {"repeated_body", "keyword_stuffing", "page_chrome"}


def test_000_and_003_spam_lines_are_gone(cleaned):
    for spam in ("heyzo", "无码", "蜘蛛池", "宁乡县", "在线观看", "爱赏网"):
        assert spam not in all_text(cleaned["000"]) + all_text(cleaned["003"])


def test_000_chrome_is_gone_and_the_article_is_whole(cleaned):
    text = all_text(cleaned["000"])
    for chrome in ("正在閱讀", "掃一掃", "4.5k", "暫無評論", "微信公眾號", "Kuiper"):
        assert chrome not in text
    assert cleaned["000"].title == "互聯網巨頭再次折戟醫療"
    headings = [b.text for b in cleaned["000"].blocks if b.kind == "heading"]
    assert headings == ["由內而外的創新", "節省的基因和不該克扣的成本", "矛盾的核心在于法規和人手短缺",
                        "合作伙伴缺乏話語權", "醫療專業人士陸續離職", "科技巨頭為何與醫療難相融", "寫在最后"]


def test_003_html_debris_is_gone(cleaned):
    text = all_text(cleaned["003"])
    assert "<" not in text and "input" not in text and "•" not in text
    assert cleaned["003"].title == "阿里健康謀局"
    assert text.rstrip().endswith("只要外部推動力量能再來更早、動作更快,我們的規劃和響應也會更及時。")


def test_001_references_are_kept_with_repaired_urls(cleaned):
    blocks = cleaned["001"].blocks
    links = [inline for block in blocks for inline in block.inlines if inline.href]
    assert not any(" . " in inline.text for inline in links)
    texts = [inline.text for inline in links]
    assert "https://www.linkedin.com/pulse/birth-wellcare-long-term-digital-strategy-pharma-flavio-aliberti/" in texts
    assert "https://www.cnbc.com/2019/10/23/amazon-acquires-digital-health-start-up-health-navigator.html" in texts
    references = [b.text for b in blocks if b.text.startswith("[")]
    assert [r.split("]")[0] for r in references] == [f"[{n}" for n in range(1, 22)]
    assert sum(1 for r in cleaned["001"].repairs if r.rule == "garbled_url_text") == 7


def test_001_images_and_promo_card_are_gone_structure_kept(cleaned):
    text = all_text(cleaned["001"])
    assert "img/" not in text and "datadriveninvestor.com/2019/12/12" not in text
    assert "与其他电子商务平台相比" not in text
    kinds = {b.kind for b in cleaned["001"].blocks}
    assert kinds >= {"heading", "paragraph", "list_item", "quote", "rule"}
    assert "亚马逊以 7.53 亿美元收购网上药店药丸包" in text
    strong = [i.text for b in cleaned["001"].blocks for i in b.inlines if i.strong]
    assert "网上药店" in strong


def test_002_keeps_the_whole_memo_and_drops_the_site_tagline(cleaned):
    text = all_text(cleaned["002"])
    assert "Ausführliche Berichterstattung" not in text
    assert cleaned["002"].title.startswith("Internes Memo: Amazon Care soll geschlossen werden")
    assert "Team der Gesundheitsdienste," in text
    assert text.rstrip().endswith("Mit freundlichen Grüßen,\nNeil")
    bullets = [b for b in cleaned["002"].blocks if b.kind == "list_item"]
    assert len(bullets) == 5


def test_004_drops_the_repeated_title_and_comment_widgets(cleaned):
    text = all_text(cleaned["004"])
    assert text.count("Amazon to shut down its telehealth offering") == 1
    for chrome in ("Commentaire", "Leave a Comment", "Your email address"):
        assert chrome not in text
    assert "Jassy a tenté de recentrer les activités d’Amazon" in text


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_every_removal_is_accounted_for(cleaned, prefix):
    text = cleaned[prefix]
    assert text.kept_chars > 2000
    for removal in text.removals:
        assert removal.chars > 0 and removal.line_start <= removal.line_end


def test_a_paragraph_that_mentions_a_subscription_at_the_articles_edges_is_kept(vocabulary):
    first = ("The retailer said on Tuesday that members of its subscription programme would be able to add "
             "the new pharmacy plan for five dollars a month, with no limit on the number of prescriptions.")
    last = ("Analysts said it was too early to say how many of the programme's members would sign up, but "
            "that the price would put pressure on the largest pharmacy chains in the country.")
    text = page("Retailer adds a pharmacy plan to its membership", first, *GERMAN_PARAGRAPHS[:2], last,
                "Sign up for our newsletter", "© 2024 Example Times")
    kept = [b.text for b in clean(decoded(text), vocabulary).blocks]
    assert kept == [first, *GERMAN_PARAGRAPHS[:2], last]
