"""ingest: bytes -> text, or a rejection with a reason a maintainer understands."""

import hashlib
import json
import random

import pytest

from conftest import ROOT, SEED_FILES
from dossier.ingest import COMMON_ENCODINGS, decode, ingest, normalize_text
from dossier.plausibility import plausibility
from dossier.records import DecodedText, Rejection, SourceFile
from dossier.thresholds import CLEANING

MIN_ARTICLE_CHARS = CLEANING.min_article_weight
MIN_PLAUSIBILITY = CLEANING.min_plausibility

PROSE = "Amazon Care startete 2019 als Pilotprogramm für Mitarbeiter in der Region Seattle. " * 5


@pytest.mark.parametrize("prefix", sorted(SEED_FILES))
def test_every_seed_decodes_as_utf8_and_keeps_its_raw_sha256(prefix):
    path = SEED_FILES[prefix]
    decoded = ingest(SourceFile(path.name, path.read_bytes()))
    assert isinstance(decoded, DecodedText)
    assert decoded.encoding == "utf-8"
    assert decoded.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_newlines_are_unified_and_unicode_composed():
    text, removals = normalize_text("A\r\nB\rCe\u0301")
    assert text.split("\n") == ["A", "B", "Cé"]
    assert removals == []


def test_every_character_that_ends_a_line_or_a_paragraph_ends_one():
    # U+2029 (a paragraph's end, from Word or a script), a form feed between a PDF's pages; a soft line break
    # inside a paragraph (U+2028, Word's vertical tab) is a space, so the paragraph stays one line
    text, removals = normalize_text("Headline\u2029First paragraph,\u2028its second line\x0bgoes on.\x0cNext page.")
    assert text.split("\n") == ["Headline", "First paragraph, its second line goes on.", "Next page."]
    assert removals == []


def test_control_characters_are_removed_and_recorded_by_line():
    text, removals = normalize_text("clean line\nbad\x00li\x07ne")
    assert text == "clean line\nbadline"
    assert [(r.rule, r.line_start, r.chars) for r in removals] == [("control_characters", 2, 2)]


def test_tag_characters_and_noncharacters_are_removed_and_a_flag_keeps_its_letters():
    # Tag characters draw nothing and may spell hidden words ("Ignore" after "network"); a country's flag
    # is drawn from regional indicators, which stay.
    text, removals = normalize_text("Amazon expands its network\U000e0049\U000e0067\U000e006e in Utah\ufdd0 🇺🇸")
    assert text == "Amazon expands its network in Utah 🇺🇸"
    assert [(r.rule, r.chars) for r in removals] == [("control_characters", 4)]


def test_bidirectional_overrides_are_removed_and_right_to_left_marks_kept():
    # An override reverses the text after it, beyond the line: "\u202egnp.exe" shows as "exe.png".
    text, removals = normalize_text("Report\u202egnp.exe\nאמזון\u200f (Amazon) \u2067isolated\u2069")
    assert text == "Reportgnp.exe\nאמזון\u200f (Amazon) isolated"
    assert [(r.rule, r.line_start, r.chars) for r in removals] == [("control_characters", 1, 1),
                                                                    ("control_characters", 2, 2)]


@pytest.mark.parametrize(
    "data, reason",
    [
        (b"", "empty file"),
        (b"  \n\t \r\n", "whitespace only"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
        (b"short note", "too short"),
        # UTF-16 without its byte-order mark: read only with it, and the reason says so
        (("Amazon Care closes its clinics for good. " * 20).encode("utf-16-le"),
         "UTF-16 text saved without its byte-order mark"),
    ],
)
def test_junk_is_rejected_with_a_reason(data, reason):
    result = ingest(SourceFile("x.txt", data))
    assert isinstance(result, Rejection)
    assert reason in result.reason


def test_minimum_length_counts_visible_characters():
    assert isinstance(ingest(SourceFile("x.txt", ("a " * (MIN_ARTICLE_CHARS - 1)).encode())), Rejection)
    assert isinstance(ingest(SourceFile("x.txt", ("a " * MIN_ARTICLE_CHARS).encode())), DecodedText)


@pytest.mark.parametrize(
    "data",
    [
        b"\xef\xbb\xbf" + PROSE.encode("utf-8"),
        b"\xff\xfe" + PROSE.encode("utf-16-le"),
        b"\xfe\xff" + PROSE.encode("utf-16-be"),
    ],
)
def test_byte_order_marks_are_trusted(data):
    text, used = decode(data)
    assert text == PROSE
    assert used.startswith("utf-")


def test_legacy_encodings_are_read_without_mojibake():
    german = "Die Krankenversicherung für Mitarbeiter: Überblick, Gebühren und Maßnahmen. " * 4
    text, used = decode(german.encode("cp1252"))
    assert text == german  # "für", not "fÃ¼r" or "f眉r"
    assert used == "cp1252"  # no € or œ: cp1252 and ISO-8859-15 read it alike, and the commoner is named


# --- Legacy encodings: short articles of our own, in each language, encoded in each encoding ----------

KOREAN = (
    "카카오헬스케어, 연속혈당측정 서비스 출시\n\n"
    "카카오의 헬스케어 자회사가 인공지능 기반 혈당 관리 서비스를 선보였다. 이용자는 스마트폰 앱으로 혈당 "
    "변화를 확인하고, 식사와 운동 기록에 맞춘 조언을 받을 수 있다. 회사 측은 내년까지 병원 백여 곳과 협력해 "
    "서비스를 넓히겠다고 밝혔다. 업계에서는 네이버와 삼성전자도 디지털 헬스 시장에 뛰어들면서 경쟁이 더욱 "
    "치열해질 것으로 보고 있다.\n"
)
JAPANESE = (
    "アマゾン、オンライン診療の新サービスを発表\n\n"
    "米アマゾンは、利用者がスマートフォンから医師に相談できる新しいオンライン診療サービスを始めると発表した。"
    "風邪や花粉症など三十種類以上の症状に対応し、料金は一回あたり定額とする。同社は昨年、会員制の診療所を運営する"
    "企業を買収しており、医療分野への投資を続けている。専門家は、個人情報の扱いについて丁寧な説明が必要だと指摘している。\n"
)
SIMPLIFIED = (
    "阿里健康发布新财年业绩\n\n"
    "阿里健康公布了截至三月底的财年业绩，收入同比增长超过两成，医药电商业务仍是主要来源。公司表示，将继续扩大与"
    "医院和药企的合作，并加强在线问诊和慢病管理服务。分析人士认为，线上购药的习惯已经形成，但处方药监管和行业竞争"
    "仍是未来的不确定因素。\n"
)
TRADITIONAL = (
    "微軟完成收購語音辨識公司\n\n"
    "微軟宣布已完成對語音辨識公司的收購，交易金額約一百九十七億美元。該公司的技術被廣泛用於醫院，醫師看診時可由"
    "系統自動整理病歷，減輕文書工作負擔。微軟表示，將把相關技術整合進旗下雲端服務，協助醫療機構提升效率。市場人士"
    "指出，這是微軟近年來規模第二大的收購案。\n"
)
# cp1252: curly quotes (0x92, 0x93), œ (0x9C) and € (0x80), bytes that ISO-8859-15 reads as C1 controls.
FRENCH_CP1252 = (
    "Amazon ferme son service de télémédecine\n\n"
    "Amazon a annoncé qu’il fermera « Amazon Care » à la fin de l’année. Selon un courriel interne, l’offre "
    "n’était pas assez complète pour les grandes entreprises. “Nous avons tiré les leçons de cette expérience”, "
    "a déclaré la vice-présidente, qui veut mettre tout son cœur à l’œuvre dans la pharmacie en ligne. "
    "L’abonnement coûtait 5 € par mois.\n"
)
# ISO-8859-15: € (0xA4) and œ (0xBD), which cp1252 reads as ¤ and ½ ("c½ur").
FRENCH_LATIN9 = (
    "Les hôpitaux misent sur la téléconsultation\n\n"
    "Le ministère a débloqué 120 millions d'euros, soit près de 40 € par patient suivi, pour équiper les "
    "hôpitaux. « C'est le cœur de notre stratégie », explique une directrice, qui salue le travail des sœurs "
    "infirmières et des médecins. L'œuvre est immense, mais les premiers résultats sont encourageants.\n"
)
ITALIAN_LATIN9 = (
    "La sanità digitale costa meno del previsto\n\n"
    "Secondo lo studio, una visita in telemedicina costa in media 18 € contro i 35 € di una visita in "
    "ambulatorio. È un risparmio che, per il ministero, può finanziare nuovi servizi. Più della metà dei "
    "pazienti si dice soddisfatta, anche se molti anziani chiedono ancora più aiuto con le app.\n"
)
GERMAN_LATIN9 = (
    "Krankenkassen zahlen für Gesundheits-Apps\n\n"
    "Ärztinnen und Ärzte dürfen seit 2020 digitale Gesundheitsanwendungen verschreiben. Eine Verordnung kostet "
    "die Kassen im Schnitt 400 € pro Quartal. Kritiker bemängeln, dass der Nutzen vieler Apps erst nach einem "
    "Jahr geprüft wird; die Hersteller verweisen auf große Studien, die bald Ergebnisse liefern.\n"
)
SPANISH_CP1252 = (
    "Amazon abre una farmacia en línea en España\n\n"
    "¿Comprará la gente sus medicamentos por internet? Amazon cree que sí: su nueva farmacia promete entregas "
    "en dos días y un descuento del 10 % para los clientes Prime. «Queremos que sea tan fácil como pedir un "
    "libro», dijo el director. Los farmacéuticos españoles advierten de los riesgos — ¡y piden más control!\n"
)
PORTUGUESE_CP1252 = (
    "Oracle conclui a compra da Cerner\n\n"
    "A Oracle concluiu a aquisição da Cerner, empresa de registos clínicos eletrónicos, por cerca de 28,3 mil "
    "milhões de dólares. A operação é a maior da história da empresa. Segundo a direção, os hospitais terão "
    "acesso a uma plataforma única na nuvem, e os médicos passarão menos tempo em tarefas administrativas.\n"
)

RUSSIAN = ("Amazon закрывает службу Amazon Care\n\n"
    "Компания Amazon объявила, что к концу года закроет свою службу медицинской помощи Amazon Care. По словам "
    "руководителя подразделения, сервис не стал достаточно полным решением для крупных работодателей. "
    "Сотрудникам предложат перейти в другие отделы компании.\n")
GREEK = ("Η Amazon ανοίγει ηλεκτρονικό φαρμακείο\n\n"
    "Η Amazon ανακοίνωσε ότι το ηλεκτρονικό της φαρμακείο θα παραδίδει συνταγογραφούμενα φάρμακα σε περισσότερες "
    "πόλεις. Σύμφωνα με την εταιρεία, οι πελάτες του Prime θα έχουν έκπτωση έως και 80% στα γενόσημα φάρμακα.\n")
ARABIC = ("أمازون تستحوذ على شركة وان ميديكال\n\n"
    "أعلنت شركة أمازون أنها ستستحوذ على شركة وان ميديكال للرعاية الصحية الأولية مقابل نحو ثلاثة مليارات وتسعمائة "
    "مليون دولار. وقالت الشركة إن الصفقة ستساعد المرضى على الحصول على الرعاية بسهولة أكبر، بينما يخشى بعض "
    "المنتقدين على خصوصية البيانات.\n")
HEBREW = ("אמזון סוגרת את שירות הרפואה שלה\n\n"
    "חברת אמזון הודיעה כי תסגור את שירות הרפואה המקוונת שלה בסוף השנה. לדברי מנהלת החטיבה, השירות לא היה "
    "פתרון שלם מספיק עבור מעסיקים גדולים. העובדים יקבלו הצעה לעבור לתפקידים אחרים בחברה.\n")
THAI = ("อเมซอนเปิดร้านขายยาออนไลน์\n\n"
    "บริษัทอเมซอนประกาศว่าร้านขายยาออนไลน์ของบริษัทจะจัดส่งยาตามใบสั่งแพทย์ไปยังเมืองต่างๆ มากขึ้น "
    "ผู้บริหารกล่าวว่าลูกค้าจะได้รับส่วนลดสำหรับยาสามัญ และเภสัชกรจะพร้อมให้คำปรึกษาตลอดเวลา\n")
POLISH = ("Amazon przejmuje sieć przychodni One Medical\n\n"
    "Amazon ogłosił, że przejmie sieć przychodni One Medical za około 3,9 mld dolarów. Według spółki pacjenci "
    "będą mogli łatwiej umówić wizytę u lekarza, a część porad odbędzie się przez aplikację. Krytycy obawiają "
    "się jednak, że firma zyska dostęp do wrażliwych danych zdrowotnych.\n")
TURKISH = ("Haven sağlık girişimi kapanıyor\n\n"
    "Amazon, Berkshire Hathaway ve JPMorgan'ın kurduğu sağlık girişimi Haven, şubat ayının sonunda "
    "faaliyetlerini durduracak. Şirketin açıklamasına göre çalışanların çoğu ortak şirketlerde yeni görevlere "
    "geçecek. Uzmanlar, girişimin sağlık maliyetlerini düşürme hedefine ulaşamadığını söylüyor.\n")
CZECH = ("Amazon otevírá online lékárnu\n\n"
    "Společnost Amazon oznámila, že její internetová lékárna bude doručovat léky na předpis do dalších měst. "
    "Zákazníci s předplatným Prime získají slevu na generické léky a lékárníci budou k dispozici nepřetržitě.\n")

LEGACY = [
    ("ko", "cp949", KOREAN),
    ("ko", "euc_kr", KOREAN),
    ("ja", "shift_jis", JAPANESE),
    ("ja", "euc_jp", JAPANESE),
    ("zh-Hans", "gb18030", SIMPLIFIED),
    ("zh-Hans", "gb2312", SIMPLIFIED),
    ("zh-Hant", "big5", TRADITIONAL),
    ("zh-Hant", "gb18030", TRADITIONAL),  # GBK holds the Traditional characters too
    ("fr", "cp1252", FRENCH_CP1252),
    ("fr", "iso-8859-15", FRENCH_LATIN9),
    ("it", "iso-8859-15", ITALIAN_LATIN9),
    ("de", "iso-8859-15", GERMAN_LATIN9),
    ("es", "cp1252", SPANISH_CP1252),
    ("es", "latin-1", SPANISH_CP1252.replace("—", "-")),
    ("pt", "cp1252", PORTUGUESE_CP1252),
    # Alphabets other than Latin, their code pages and their ISO counterparts.
    ("ru", "cp1251", RUSSIAN),
    ("ru", "koi8_r", RUSSIAN),
    ("el", "iso-8859-7", GREEK),
    ("ar", "cp1256", ARABIC),
    ("ar", "iso-8859-6", ARABIC),
    ("he", "cp1255", HEBREW),
    ("he", "iso-8859-8", HEBREW),
    ("th", "cp874", THAI),
]


# The encoding reported for a file: the one it was written in, or the superset that stands for it.
REPORTED = {"euc_kr": "cp949", "shift_jis": "cp932", "gb2312": "gb18030", "latin-1": "cp1252",
            "iso-8859-7": "cp1253", "iso-8859-6": "iso8859_6", "iso-8859-8": "cp1255"}


@pytest.mark.parametrize("language, encoding, text", LEGACY, ids=[f"{language}-{e}" for language, e, _ in LEGACY])
def test_legacy_encodings_decode_to_the_original_text(language, encoding, text):
    decoded, used = decode(text.encode(encoding))
    assert decoded == text
    assert used == REPORTED.get(encoding, encoding)


@pytest.mark.parametrize("language, encoding, text", LEGACY, ids=[f"{language}-{e}" for language, e, _ in LEGACY])
def test_legacy_encodings_decode_a_headline_and_first_sentence_alone(language, encoding, text):
    # Short texts are where detectors confuse GBK with Big5, or Korean with EUC-JP.
    short = text[: max(text.find("。", 40), text.find(". ", 40), 60) + 1]
    assert decode(short.encode(encoding))[0] == short


# The code pages always weighed whose readings of one text may tie letter by letter: the Latin ones beside
# cp1252, and those of the other alphabets (each byte of Hebrew's cp1255 is a letter in Cyrillic's cp1251 or
# Greek's cp1253): the language tells them apart (below).
CODE_PAGES_TOLD_BY_LANGUAGE = frozenset({"cp1250", "iso-8859-2", "cp1257", "cp1251", "cp1253", "cp1255", "cp1256"})


@pytest.mark.parametrize("language, encoding, text", LEGACY, ids=[f"{language}-{e}" for language, e, _ in LEGACY])
def test_the_right_reading_is_more_plausible_than_every_wrong_one(language, encoding, text):
    data = text.encode(encoding)
    right = plausibility(text, encoding)
    assert right >= MIN_PLAUSIBILITY
    for other in COMMON_ENCODINGS:
        try:
            wrong = data.decode(other)
        except UnicodeDecodeError:
            continue
        if wrong != text and other in CODE_PAGES_TOLD_BY_LANGUAGE:
            assert decode(data)[0] == text, other  # Portuguese ã is ă in cp1250: as plausible letter by letter
        elif wrong != text:
            assert plausibility(wrong, other) < right, other


# Code pages of one script that differ by a few letters, each of them plausible alone: the language tells
# the readings apart (Turkish ğ ı ş are ð ý þ in cp1252; Czech ž ě ř are ľ ì ř in cp1250 or ž ì ø in
# cp1252; Polish ć is æ in ISO-8859-10). A headline and a few words may hold none of those letters.
LATVIAN = ("Valdība otrdien apstiprināja reformu, kurai jāuzlabo veselības aprūpe lauku reģionos. Pēc ministra "
           "teiktā, veselības centri nākamgad saņems vairāk ārstu, un rindas saīsināsies.\n")
LITHUANIAN = ("Vyriausybė antradienį pritarė reformai, kuri turėtų pagerinti sveikatos priežiūrą kaimo vietovėse. "
              "Pasak ministro, į sveikatos centrus kitais metais ateis daugiau gydytojų, o eilės sutrumpės.\n")
HUNGARIAN = ("A kormány kedden jóváhagyta a reformot, amely javítja a vidéki egészségügyi ellátást. A miniszter "
             "szerint jövőre több orvos érkezik az egészségügyi központokba, és rövidülnek a várólisták.\n")
ROMANIAN = ("Guvernul a aprobat marţi reforma care ar trebui să îmbunătăţească asistenţa medicală din zonele "
            "rurale. Potrivit ministrului, centrele de sănătate vor primi anul viitor mai mulţi medici.\n")
SLOVENIAN = ("Britansko podjetje za umetno inteligenco, ki je v lasti Alphabeta, se umika iz neposrednega dela z "
             "bolnišnicami. Kritiki opozarjajo, da se bodo podatki pacientov znašli pri Googlu, čeprav je podjetje "
             "obljubilo drugače. Šest bolnišnic bo moralo pogodbe preurediti, odločitev pa bodo preverili tudi "
             "pooblaščenci za varstvo podatkov.\n")
HEBREW = ("הממשלה אישרה ביום שלישי את הרפורמה שאמורה לשפר את שירותי הבריאות באזורים הכפריים. לדברי השר, "
          "מרכזי הבריאות יקבלו בשנה הבאה יותר רופאים והתורים יתקצרו.\n")
SAME_SCRIPT = [
    ("lv", "cp1257", LATVIAN),  # the cp1252 reading's language writes none of its letters; lv's does
    ("pl", "iso-8859-2", POLISH),
    ("pl", "cp1250", POLISH),
    ("tr", "cp1254", TURKISH),
    ("tr", "iso-8859-9", TURKISH),
    ("cs", "cp1250", CZECH),
    ("cs", "iso-8859-2", CZECH),
    ("lt", "cp1257", LITHUANIAN),  # stopwords-iso's Lithuanian list is itself cp1257 read as cp1252
    ("hu", "iso-8859-2", HUNGARIAN),  # and its Hungarian one writes ő as õ
    # ISO-8859-2's š and ž are cp1250's ą and ľ: a page with neither in cp1250's own places (no byte from
    # 0x80 to 0x9F) is read both ways, and the detector may not propose ISO-8859-2 at all
    ("sl", "iso-8859-2", SLOVENIAN),
    ("hr", "iso-8859-2", SLOVENIAN.replace("podjetje", "tvrtka")),
    ("ro", "cp1250", ROMANIAN),  # not ISO-8859-16, which writes ş as ș
    ("he", "cp1255", HEBREW),  # not Cyrillic letters, each of them Russian, in words that are not
    # a right-to-left mark (cp1255's 0xFE, a Cyrillic letter in cp1251) before a date: typography, not debris
    ("he", "cp1255", "\u200f23.04.2021 | " + HEBREW),
    ("ar", "cp1256", "\u200f23.04.2021 | " + ARABIC),
    # Turkish ı and ş are cp1256's direction marks: inside a word, no typography
    ("tr", "cp1254", "Instagram'a erişim engeli dokuz gün sonra kaldırıldı. Bakan, firmanın yasalara uyacağını "
                     "söyledi ve erişimin bu sabah açıldığını duyurdu.\n"),
]


@pytest.mark.parametrize("language, encoding, text", SAME_SCRIPT, ids=[f"{language}-{e}" for language, e, _ in SAME_SCRIPT])
def test_code_pages_of_one_script_are_told_apart_by_the_language(language, encoding, text):
    data = text.encode(encoding)
    others = ("cp1252", "iso-8859-10", "iso-8859-14", "cp1250", "iso-8859-2", "iso-8859-16", "cp1251", "cp1257")
    wrong = {data.decode(other) for other in others
             if data.decode(other, errors="replace") != text and _decodes(data, other)}
    assert wrong, "the test needs a reading as plausible letter by letter"
    assert decode(data)[0] == text


# Western text whose code pages tie letter by letter with cp1252 (í is ķ in cp1257, ç is č in cp1250):
# the language identifier is a few points more or less sure of each reading, noise a tie-break must not
# follow.
CP1252_TEXTS = [
    "Hospital chain Quirónsalud said on Tuesday that its chief executive Héctor Ortíz would extend video "
    "consultations to all regions, after a pilot in Logroño and Cádiz was well received.",
    "El grup hospitalari va anunciar dimarts que ampliarà les consultes per vídeo a totes les regions l'any "
    "vinent, després d'una prova pilot reeixida a dues ciutats. Els metges n'estan satisfets.",
    "O grupo hospitalar anunciou na terça-feira que vai alargar as consultas por vídeo a todas as regiões no "
    "próximo ano, após um projeto-piloto bem-sucedido em duas cidades. Os médicos estão satisfeitos.",
    "Brazilian health startup Dr. Consulta said on Tuesday that patients in São Paulo and Goiânia would get "
    "video consultations, after a pilot led by João Conceição was well received.",
    "Sjukhusgruppen meddelade på tisdagen att den nästa år kommer att utöka videokonsultationerna till alla "
    "regioner efter ett lyckat försök i två städer. Läkarna är nöjda med lösningen.",
]


@pytest.mark.parametrize("text", CP1252_TEXTS, ids=["en-es", "ca", "pt", "en-pt", "sv"])
@pytest.mark.parametrize("length", [None, 120, 80], ids=["whole", "120", "80"])
def test_western_text_in_cp1252_is_not_read_as_another_latin_code_page(text, length):
    sample = text[:length]
    assert decode(sample.encode("cp1252")) == (sample, "cp1252")

def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


@pytest.mark.parametrize(
    "encoding, text",
    [("utf-8", KOREAN), ("utf-8", TRADITIONAL), ("utf-8", FRENCH_CP1252), ("utf-16-le", JAPANESE)],
)
def test_unicode_encodings_are_read_as_such(encoding, text):
    data = text.encode(encoding)
    if encoding.startswith("utf-16"):
        data = b"\xff\xfe" + data
    decoded, used = decode(data)
    assert decoded == text and used.startswith(encoding)
    assert decode(b"\xef\xbb\xbf" + text.encode()) == (text, "utf-8 (BOM)")


_ZH = SIMPLIFIED.encode()
_CUT = len(SIMPLIFIED[:20].encode())  # between two characters
_DE = GERMAN_LATIN9.replace("€", "Euro")


@pytest.mark.parametrize(("data", "text", "encoding"), [
    (_ZH[:_CUT] + b"\xff" + _ZH[_CUT:], SIMPLIFIED, "utf-8 (1 invalid byte sequence repaired)"),
    (_ZH[:_CUT] + "\ud800".encode("utf-8", "surrogatepass") + _ZH[_CUT:], SIMPLIFIED,
     "utf-8 (3 invalid byte sequences repaired)"),
    (_ZH.rstrip(b"\n")[:-1], SIMPLIFIED.rstrip("\n")[:-1], "utf-8 (1 invalid byte sequence repaired)"),  # cut mid-character
    (_DE.encode().replace("für".encode(), "für".encode("latin-1"), 1).replace("große".encode(), "große".encode("latin-1")),
     _DE, "utf-8 (2 invalid byte sequences repaired)"),  # Latin-1 letters in a UTF-8 file
    (b"\xff\xfe" + "Amazon Care schließt.".encode("utf-16-le") + b"\x00\xd8" + " Ende.".encode("utf-16-le"),
     "Amazon Care schließt. Ende.", "utf-16-le (BOM, 1 invalid byte sequence repaired)"),  # a lone surrogate
], ids=["a stray byte amid Chinese", "an encoded surrogate", "a character cut at the end",
        "Latin-1 letters in a UTF-8 file", "a lone surrogate in UTF-16"])
def test_a_few_invalid_byte_sequences_are_repaired_not_a_reason_to_lose_the_file(data, text, encoding):
    assert decode(data) == (text, encoding)


def test_a_file_in_another_encoding_is_not_read_as_repaired_utf8():
    # Every accent of a cp1252 file is an invalid UTF-8 sequence, with no valid one beside it.
    assert decode(FRENCH_CP1252.encode("cp1252")) == (FRENCH_CP1252, "cp1252")
    # Eleven stray bytes among a hundred valid characters: more than a handful, and than a tenth of them.
    many = b"\xff".join([_ZH[:30]] * 10) + b"\xff\xff"
    assert decode(many) is None or "repaired" not in decode(many)[1]


def test_a_paragraph_pasted_in_cp1252_into_a_long_utf8_article_is_repaired_not_the_whole_file_misread():
    # Twelve invalid sequences, more than a handful, but among hundreds of valid characters beyond ASCII.
    article = (_DE + "\n") * 24
    pasted = "Ein Sprecher nannte die Entscheidung endgültig; Analysten sprachen von einem Rückschlag. " * 6
    text, encoding = decode(article.encode() + pasted.encode("cp1252"))
    assert encoding == "utf-8 (12 invalid byte sequences repaired)"
    assert text == article + pasted


def test_korean_is_read_as_cp949_not_as_another_cjk_encoding():
    # Every Korean syllable of KS X 1001 is also a valid GB2312 ideograph (and EUC-JP kanji): only the
    # script's own habits tell them apart (Korean spaces its words; Chinese does not).
    decoded, used = decode(KOREAN.encode("cp949"))
    assert used == "cp949" and decoded == KOREAN
    # cp949's own extension (syllables outside KS X 1001, here 똠 and 햏) is read too.
    extended = KOREAN.replace("조언을", "똠방각하의 조언을").replace("밝혔다", "햏 밝혔다")
    assert decode(extended.encode("cp949")) == (extended, "cp949")


def test_iso_8859_15_and_cp1252_are_told_apart_by_euro_and_oe():
    assert decode(FRENCH_LATIN9.encode("iso-8859-15")) == (FRENCH_LATIN9, "iso-8859-15")
    assert decode(FRENCH_CP1252.encode("cp1252")) == (FRENCH_CP1252, "cp1252")
    # The wrong readings: ISO-8859-15 turns cp1252's quotes into C1 controls; cp1252 turns œ into ½.
    assert plausibility(FRENCH_CP1252.encode("cp1252").decode("iso-8859-15"), "iso-8859-15") == 0
    misread = FRENCH_LATIN9.encode("iso-8859-15").decode("cp1252")
    assert "c½ur" in misread and plausibility(misread, "cp1252") < plausibility(FRENCH_LATIN9, "iso-8859-15")


def test_text_without_euro_or_oe_is_reported_as_cp1252():
    # Where cp1252 and ISO-8859-15 give the same text, the commoner name is reported.
    assert decode(PORTUGUESE_CP1252.encode("iso-8859-15")) == (PORTUGUESE_CP1252, "cp1252")


def test_accents_after_a_long_ascii_preamble_still_decide_the_encoding():
    text = "Amazon said on Wednesday that it would wind down the clinic it ran for its staff.\n" * 200
    text += FRENCH_LATIN9 + FRENCH_LATIN9
    assert decode(text.encode("iso-8859-15")) == (text, "iso-8859-15")
    german = text.replace(FRENCH_LATIN9, GERMAN_LATIN9.replace("€", "Euro"))
    assert decode(german.encode("cp1252"))[0] == german


@pytest.mark.parametrize(
    "mojibake, encoding",
    [
        (KOREAN.encode("cp949").decode("gb18030"), "gb18030"),  # Korean read as Chinese: spaced ideographs
        (KOREAN.encode("cp949").decode("cp1252"), "cp1252"),
        (TRADITIONAL.encode("big5").decode("gb18030"), "gb18030"),  # Big5 read as GBK: rare ideographs, kana
        (JAPANESE.encode("shift_jis").decode("gb18030"), "gb18030"),
        ("Die Gebühren für Mitarbeiter steigen. " * 10, None),  # fine: a control
    ],
)
def test_mojibake_scores_below_the_threshold(mojibake, encoding):
    # (Where a wrong reading keeps much of the text, as GB18030 keeps EUC-JP's kana, it is not rejected
    # outright but outscored by the right one: test_the_right_reading_is_more_plausible_than_every_wrong_one.)
    score = plausibility(mojibake, encoding)
    if encoding is None:
        assert score >= MIN_PLAUSIBILITY
    else:
        assert score < MIN_PLAUSIBILITY


def test_random_high_bytes_are_not_text():
    rng = random.Random(7)
    for _ in range(20):
        noise = bytes(rng.choice([*range(0x80, 0x100), 0x20, 0x0A]) for _ in range(rng.randint(300, 3000)))
        assert decode(noise) is None


# --- The evaluation corpus (eval/devset): every file decodes to what its gold encoding gives -----------

DEVSET = ROOT / "eval" / "devset"
DEVSET_GOLD = json.loads((DEVSET / "gold.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(DEVSET_GOLD))
def test_every_devset_file_decodes_as_its_gold_encoding(name):
    data = (DEVSET / "articles" / name).read_bytes()
    expected = data.decode(DEVSET_GOLD[name]["encoding"])  # utf-8-sig drops the BOM, as ingest does
    decoded, used = decode(data)
    assert decoded == expected, used
