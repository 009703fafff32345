"""Every threshold of the pipeline, named and documented, in one place.

One frozen dataclass per stage (or family of heuristics), each field with the reason for its value;
the stages read the single instance below each class. Changing a number here is changing a heuristic:
run `make eval` before and after.
"""

from __future__ import annotations

# --- ingest, clean and duplicates: which bytes are text, which lines are the article's own -----------------
from dataclasses import dataclass


@dataclass(frozen=True)
class CleaningThresholds:
    """Stages 1 and 2 (ingest, clean: its line rules, furniture signals and block parsing) and duplicate
    detection. Lengths called weights count a wide (CJK) character twice: it carries about a word."""

    # ingest: is it an article, and in which encoding
    min_article_weight: int = 200  # shorter (after normalization) is a fragment or a stub, not an article
    min_plausibility: float = 0.7  # mojibake scores under 0.6 (random bytes, Korean as cp1252), prose over 0.85
    plausibility_tie: float = 1e-9  # readings scoring this close are equal letter by letter (sums in another order)
    language_letters_share: float = 0.9  # a reading this much in its language's letters beats one in none
    plausibility_sample_non_ascii: int = 3000  # non-ASCII characters enough to judge a reading; keeps it linear
    binary_sniff_bytes: int = 8192  # the head of a file looked at for NUL bytes
    binary_nul_per_bytes: int = 100  # more than one NUL byte in this many (and one more) is binary, not text
    # A UTF-8 (or BOM-marked) file with at most this many invalid byte sequences, each beside at least this
    # many valid characters beyond ASCII, is read as such with them repaired: more is another encoding.
    max_invalid_sequences: int = 8
    # A file rich in valid characters beyond ASCII may hold more (a paragraph pasted in cp1252 into a German
    # UTF-8 article): one per this many valid ones, up to a bound (each costs a pass over the rest of the file).
    valid_per_allowed_invalid: int = 10
    max_invalid_sequences_long: int = 64
    valid_per_invalid_sequence: int = 2
    unspaced_hangul_min_chars: int = 13  # Korean spaces its words: this many syllables unbroken is Chinese misread
    # clean: format and line rules
    markdown_min_signals: int = 2  # two kinds of Markdown syntax (a heading, a link, an image, a list) make it
    markdown_block_max_chars: int = 5000  # markdown-it is quadratic on some runs: longer blocks read as plain
    prose_min_chars: int = 80  # a line this long reads as prose whatever its ending
    stuffing_edge_lines: int = 2  # lines at each end of the page where a keyword list's shape alone is spam
    stuffing_min_items: int = 4  # fewer comma-separated items are a phrase, not a keyword list
    stuffing_max_median_item_chars: int = 16  # keywords are short; longer items are clauses
    stuffing_min_items_anywhere: int = 10  # a list this long is spam anywhere on the page
    repeated_body_min_lines: int = 3  # one or two repeated lines are a pull quote or a refrain, not a copy
    repeated_body_min_chars: int = 200  # a repeated run this long is a second copy of the body
    repeated_title_head_lines: int = 6  # a headline printed twice stands among the page's first lines
    repeated_headline_max_gap: int = 3  # lines between a headline and its copy under the standfirst
    card_max_lines: int = 8  # a link card's link, heading, teaser and site name: its closing is sought this far
    # clean: title and blocks
    title_max_chars: int = 200  # a first Markdown block this short is the title; longer is a paragraph
    sentence_title_max_chars: int = 120  # a title cut from a first sentence is shortened to this (with …)
    subheading_max_chars: int = 80  # a plain-text subheading between prose lines is this short…
    subheading_max_chars_wide: int = 30  # …or this, in characters, when most of it is wide (CJK)
    edge_notices: int = 10  # notices checked at each end of the page: real pages hold a handful in all
    related_items_before_subheading: int = 2  # only after this many listed headlines may the last be a subheading
    # A page's tail (a press release's "About <company>" and contacts, readers' comments) is looked for
    # only after this many lines of the article's prose: above them such a line is the article's own.
    tail_after_prose_lines: int = 2
    author_bio_max_sentences: int = 3  # a bio at the article's foot: who the author is, what they cover, where
    # A name declined after "About" ("O tvrtki Microsoftu") matches the paragraph's opening one
    # ("Microsoft") when that one is this long and the header's adds a case ending of at most this much.
    declined_name_min_chars: int = 4
    case_ending_max_chars: int = 2
    about_header_max_weight: int = 60  # "About Example Health Inc.": a header, not a paragraph
    caption_max_sentences: int = 2  # a caption is a sentence or two; more is a paragraph
    # The first line under the headline and its byline block, over a bare credit: a standfirst when longer
    # than this (a hero picture's caption there is shorter: "FILE - The offices of Nuance …").
    standfirst_over_credit_min_weight: int = 120
    # clean: furniture signals (furniture.py)
    good_min_weight: int = 70  # a prose line at least this heavy, ending like a sentence, is "good"
    good_min_weight_unspaced: int = 30  # a CJK sentence of 15 characters, ended with 。！？
    good_unended_weight: int = 160  # heavier than this, a line is prose even without an ending (cut off)
    good_unmarked_weight: int = 100  # so is a line this heavy in Thai or Lao, which end no sentence with a mark
    unended_sentence_min_words: int = 6  # the article's last sentence without its full stop has this many words
    table_min_rows: int = 3  # a table set out with bars or tabs: a header and two rows at least
    wrapped_line_min_weight: int = 60  # a hard-wrapped paragraph's lines (a PDF's, an e-mail's) are this long
    link_numbers_min: int = 3  # a text browser's dump: this many links numbered in the text and listed at its end
    link_list_header_max_words: int = 2  # the headers in its list of addresses: "References", "Hidden links:"
    wrap_min_lines: int = 6  # a text is hard-wrapped at one width when this many long lines at least ...
    wrap_min_share: float = 0.6  # ... and this share of them end where a word would have passed that width,
    wrap_max_width: int = 140  # ... no wider than a terminal, an e-mail or a PDF's column (paragraphs are longer)
    good_min_stopwords: float = 0.12  # jusText's idea: prose in a spaced language is full of stopwords
    min_stopword_coverage: float = 0.15  # below this, no stopword list fits the text: density unmeasured
    stopword_sample_words: int = 800  # enough words to tell the language; keeps this linear and cheap
    stopword_sample_chars: int = 20000  # the words are taken from this much of the text, at most
    stopword_min_words: int = 20  # fewer words cannot tell one language's stopwords from another's
    unspaced_max_wide_share: float = 0.25  # a text with more wide characters than this share is unspaced (CJK)
    short_line_weight: int = 100  # notices and labels inside the article are only this short
    notice_max_weight: int = 260  # a notice (cookies, newsletter, copyright) is never longer
    notice_prose_max_weight: int = 160  # a heavier paragraph with a notice's words counts as prose
    consent_banner_max_lines: int = 3  # a banner's title and text above its buttons
    ad_box_max_lines: int = 4  # an advertising label's paragraph: its box, of a few lines…
    ad_box_button_max_weight: int = 30  # …that ends in a button ("Download now") or the sponsor's line
    consent_banner_edge_lines: int = 10  # a consent banner stands among the page's first or last lines
    front_matter_max_lines: int = 60  # a saved page's metadata block (title, author, dates, tags) is shorter
    front_matter_min_fields: int = 2  # fields, one a page's at least (title, date, author, source …)
    mail_header_min_fields: int = 2  # an e-mail's header: two fields at least, with an address
    forward_marker_max_line: int = 15  # a forward's marker stands among the page's first lines (a header, a note)
    nav_item_max_weight: int = 32  # items of a menu or breadcrumb are this short
    nav_min_items: int = 2  # a menu has at least two items between its separators…
    nav_min_items_any_weight: int = 3  # …and with three or more, the whole line may be of any weight
    breadcrumb_headline_max_weight: int = 120  # a breadcrumb's last item may be the headline, as long as one
    nav_two_items_slack: int = 8  # two items stand on a line no heavier than one item and its separator
    spaced_menu_min_items: int = 4  # a line of items set apart by runs of spaces alone is a menu from this many
    spaced_menu_item_max_words: int = 2  # …of a word or two each
    spaced_menu_item_max_weight: int = 16  # in Chinese and Japanese, of a few characters each (CJK count twice)
    spaced_menu_min_items_unspaced: int = 6  # …and six of them: a headline may set four or five phrases apart
    dateline_max_weight: int = 100  # a dateline holds a date, a time, a place, maybe a name: no more
    dateline_in_parts_max_weight: int = 160  # set out in parts: the section, the byline, the place, two dates
    relative_dateline_max_other_words: int = 2  # "Updated 3 hours ago", "jdoe 2 hours ago [–]": beside the time
    relative_dateline_max_words_after: int = 1  # and after it, a mark at most ("[–]", "h")
    date_day_max_words_from_year: int = 4  # "7 de noviembre de 2023": a day is this near its year
    byline_max_weight: int = 90  # "By …", with a name or two and an outlet
    byline_sentence_min_words: int = 4  # a line ending with a full stop and this many words is a sentence
    # After a byline's marker, a clause this much in lower case is a subheading's phrase ("От Google X до
    # самостоятелна компания": "From Google X to an independent company"), not a name.
    byline_phrase_lower_share: float = 0.5
    byline_phrase_min_words: int = 3  # (a name of two words holds no phrase)
    caption_max_weight: int = 180  # a credit's caption, or a caption carrying its credit, is this short
    caption_max_weight_unspaced: int = 100  # in CJK, two sentences longer than 50 characters are a paragraph
    label_max_weight: int = 36  # 【字号】, ［有料会員限定］, (完)
    triangle_list_min_lines: int = 2  # "▲…" lines in a row inside the article: a list; one alone, a caption
    bracketed_subheading_min_chars: int = 4  # in brackets: a section "【買収の概要】", not "【写真】"
    contents_min_entries: int = 2  # numbered lines repeating the article's headings: a table of contents
    chronology_heading_min_entries: int = 2  # a short line heads a chronology after the article over this many
    bracketed_subheading_min_words: int = 2  # where words are spaced: "[시장 반응과 전망]", not "[Video]"
    tagline_max_weight: int = 300  # a site's one-sentence tagline above the headline
    headline_min_weight: int = 12  # shorter is a label or a section name
    kicker_max_weight: int = 40  # a section label above the headline is this short…
    # The headline a browser tab's title names has a headline's size, not a section's ("Health - Site").
    tab_title_min_words: int = 3
    tab_title_min_weight_unspaced: int = 12  # six CJK characters
    kicker_share_of_headline: float = 0.5  # …and under half as long as the headline
    section_label_max_words: int = 2  # a kicker of this few words is a section's label, never a headline
    headline_max_sentences: int = 2  # a headline holds a sentence or two ("Amazon closes Care. What now?")
    headline_max_weight: int = 300  # longer is a paragraph
    headline_byline_reach: int = 5  # a byline or dateline this many lines under a headline-shaped question
    related_item_max_weight: int = 150  # a listed headline of another article
    subheading_share_of_headline: float = 0.8  # a subheading is shorter than the headlines listed above it
    counter_max_weight: int = 40  # "评论 12", "Comments (27)": a few labels and numbers
    counter_label_max_weight: int = 8  # each counter's label is a word or two
    share_bar_max_weight: int = 70  # a few buttons' words
    share_bar_button_weight: int = 30  # a longer bar holds this much per platform ("Compartir en Facebook")
    share_bar_max_buttons: int = 8  # and no bar has more buttons than this
    share_bar_min_platforms: int = 2  # two platforms named make a share bar even without a verb
    share_bar_min_verbs_alone: int = 3  # three buttons' verbs (share, tweet, copy the link) make one without a platform
    share_bar_max_other_weight: int = 12  # besides the buttons' words, a preposition or a font-size widget
    hashtag_list_min_tags: int = 2  # one hashtag may stand in a sentence; two on a line are a tag list
    spam_min_words: int = 6  # fewer lower-case words may be a line cut off mid-sentence
    spam_max_stopwords: float = 0.3  # keyword spam holds few stopwords; prose many more
    name_max_words: int = 4  # "María de la Cruz"; longer is a phrase
    shared_line_min_files: int = 3  # a line found on this many pages of the corpus is the site's furniture
    shared_line_max_weight: int = 120  # menus, footers, site names; longer lines are left to dedupe
    # duplicates (dedupe.py)
    near_duplicate_share: float = 0.8  # a later article whose sentences lie this much inside an earlier one is a copy
    duplicate_candidates: int = 3  # the earlier articles credited with most of its sentences, each measured whole
    fingerprint_min_chars: int = 12  # shorter sentences ("Thank you.") are common to unrelated articles


CLEANING = CleaningThresholds()


# --- metadata and link (metadata.py, link.py) -----------------------------------------------------------


@dataclass(frozen=True)
class MetadataThresholds:
    # A headline in another language than the article's body is the original's (the article a
    # translation): only when it is this long does language detection read it reliably; a short one
    # ("Amazon Care", a brand name) is taken for the body's language.
    foreign_title_min_chars: int = 20
    # The sentence a mention shows around a name is cut to this many characters (half on each side of
    # the name) where the text has no sentence end nearby (a list, a table flattened into one line).
    mention_sentence_max_chars: int = 400


METADATA = MetadataThresholds()


# --- metadata, detect and the attention list: meta lines, the language, what a maintainer should see ---------


@dataclass(frozen=True)
class MetaLineThresholds:
    """Stage 5, metadata: the shapes of datelines, bylines, names, outlets and copyright lines
    (`text_dates`, `datelines`, `bylines`, `outlets`, `meta_lines`), and where a page's head and foot lie.
    Widths count a CJK character twice."""

    date_words_before_year: int = 5  # how far before a year a textual date may start ("25 de enero de 2023")
    max_month: int = 12  # a number above this in a numeric date can only be its day (25/08/2022)
    dateline_max_words: int = 8  # a dateline's remainder once dates and times are out: a place, a name, a marker
    dateline_max_chars: int = 70
    meta_line_max_chars: int = 140  # bylines, datelines, copyright lines are short
    max_digit_share: float = 0.4  # a part this much digits is an issue number or a count, never a name
    latin_name_words: tuple[int, int] = (2, 6)
    role_phrase_max_words: int = 4  # a role after a name: "Consumer Tech Reporter", "Health policy editor"
    latin_name_max_chars: int = 50
    han_name_chars: tuple[int, int] = (2, 4)  # Chinese personal names
    transliterated_name_max_chars: int = 12  # a foreign name in Han, its parts joined by a dot (拉里·埃里森)
    japanese_name_chars: tuple[int, int] = (2, 6)
    japanese_name_parts: int = 2  # family name and given name, written apart or run together
    hangul_name_chars: tuple[int, int] = (2, 4)
    korean_unmarked_name_chars: int = 3  # a Korean name no byline marks: a surname and two syllables ("김민준")
    marked_cjk_name_chars: tuple[int, int] = (2, 10)  # after an explicit marker ("文｜動脈網") a wider shape
    outlet_max_chars: int = 40
    outlet_max_words: int = 6
    cjk_outlet_chars: tuple[int, int] = (2, 24)
    title_case_short_word_chars: int = 3  # words this short (of, de, für) may stay lowercase in a title
    keyword_list_commas: int = 2  # a masthead-like line with this many commas is a list of keywords
    byline_block_lines: int = 3  # a place, a role, an address may stand between a name and its dateline
    # A writer's description under the name, over the dateline ("Cardiologist, board-certified in …",
    # "Chief Medical Information Officer at …"): words enough not to be a section's label ("Health").
    writer_description_min_words: int = 3
    place_min_population: int = 100_000  # a city this large is told by name from a person (places.py)
    # A writer's handle is mostly their name ("miriamkessler", "EverettSandoval_"); an outlet's desk's handle
    # holds more than its section's name ("healthtechdaily" for "Health Tech").
    handle_name_min_share: float = 0.75
    name_word_min_chars: int = 3  # shorter words of an outlet's name (an initial, "de") tell no name apart
    agreeing_words: int = 2  # two names sharing this many telling words are one outlet's
    head_prose_blocks: int = 2  # the head ends with the second paragraph of prose after the headline
    head_max_lines: int = 24  # never more lines than this after the headline
    site_lines: int = 6  # a masthead is among the first lines of the page
    foot_tail_lines: int = 3  # the page's last lines belong to its foot, whatever stands before them
    prose_chars: int = 60  # a block this long and ending like a sentence, or ...
    long_prose_chars: int = 110  # ... this long whatever its ending, is prose (CJK characters count double)


META_LINES = MetaLineThresholds()


@dataclass(frozen=True)
class DetectionThresholds:
    """Stage 3, detect: how much text the language is told from, and the script shares that settle it
    without the statistical model. Letters count a CJK character twice: it carries about a word."""

    # Lingua's time grows with the sample (about 3.5 ms for 1,000 characters of prose), and its
    # answer on a thousand characters of prose is already settled.
    sample_chars: int = 1000
    # fastText names the language of a sample this long that it gives this probability or more; a shorter
    # sample, or one it is less sure of (languages mixed), goes to Lingua, the more accurate on short text.
    quick_min_chars: int = 200
    quick_min_confidence: float = 0.9
    # A language Lingua does not know (Galician, Breton) is named on less: Lingua could only name another.
    quick_min_confidence_unknown_to_lingua: float = 0.5
    script_sample_chars: int = 3000  # Chinese script: counted over more text, to outvote conversion leftovers
    no_word_min_latin: int = 60  # a run of Latin letters this long is no word of any language (a sample leaves it out)
    min_body_letters: int = 40  # a body with fewer letters leaves the language to the title as well
    japanese_kana_share: float = 0.05  # Japanese writes its grammar in kana; Chinese and Korean hold none
    korean_hangul_share: float = 0.3  # above the English names and terms a Korean article carries
    chinese_han_share: float = 0.3  # likewise for Chinese, with no kana at all (else it is Japanese)


DETECTION = DetectionThresholds()


@dataclass(frozen=True)
class AttentionThresholds:
    """The build report's "needs attention" list: what is worth a maintainer's look."""

    min_candidate_count: int = 2  # an organisation named this often across the corpus is worth curating
    max_candidates: int = 40  # the most frequent ones; a longer list is not read
    max_short_unended_weight: int = 30  # a kept paragraph this short and without an ending is likely a label
    # A candidate holding a linked name this long is that company's; shorter names ("GE") sit inside others.
    min_linked_name_chars: int = 4


ATTENTION = AttentionThresholds()


@dataclass(frozen=True)
class QuoteThresholds:
    """The quote stage: how much of each article a profile quotes."""

    # A profile quotes the first sentences of each article that name the entity, and links to the rest:
    # it stays readable (and quick to build) when hundreds of articles mention a company.
    per_article: int = 3
    max_chars: int = 600  # a "sentence" longer than this is a paragraph without stops: shown cut, with …


QUOTES = QuoteThresholds()
