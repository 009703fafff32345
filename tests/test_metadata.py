"""metadata: what the text states is extracted (datelines, bylines, mastheads, copyright lines, in every
language); the rest comes from validated, optional curation.

The pages here are written for these tests: their outlets and reporters are invented, and no line is
taken from the evaluation corpus.
"""

import re

import pytest

from dossier.article_curation import load_curation
from dossier.article_ids import article_id
from dossier.bylines import byline_name, lead_byline
from dossier.chinese import convert
from dossier.clean import clean
from dossier.curated_yaml import CurationError
from dossier.datelines import dateline
from dossier.meta_lines import script_of
from dossier.metadata import build_article
from dossier.name_lines import bio_name, name_line, sign_off_name
from dossier.normalize import normalize
from dossier.outlets import names_agree, native_form, plain_word, rights_holder, site_name, source_name
from dossier.page_facts import extract
from dossier.page_layout import page
from dossier.records import Block, CleanText, DecodedText, Detected, Inline, RemovedLine
from dossier.text_dates import date_order, english_order, find_dates

# One paragraph of prose per language: long enough to read as the article's own text.
PROSE = {
    "de": "Der Konzern kündigte am Mittwoch an, sein Angebot für Versicherte in mehreren Bundesländern "
          "auszubauen, und verwies dabei auf die wachsende Nachfrage nach digitalen Sprechstunden.",
    "fr": "Le groupe a annoncé mercredi qu’il allait étendre son offre de téléconsultation à plusieurs "
          "régions, en invoquant une demande croissante de la part des patients et des médecins.",
    "es": "La compañía anunció el miércoles que ampliará su servicio de consultas a distancia a varias "
          "regiones, ante la creciente demanda de pacientes y médicos de familia.",
    "it": "Il gruppo ha annunciato mercoledì che estenderà il servizio di consulti a distanza a diverse "
          "regioni, citando la crescente domanda da parte di pazienti e medici di base.",
    "ca": "L'empresa va anunciar dimecres que ampliarà el seu servei de consultes a distància a més regions, "
          "i va citar la demanda creixent dels pacients i dels metges de família.",
    "pt": "A empresa anunciou na quarta-feira que vai ampliar o serviço de consultas a distância para "
          "várias regiões, citando a demanda crescente de pacientes e médicos.",
    "en": "The company said on Wednesday that it would expand its remote consultation service to several "
          "more states, citing growing demand from patients and family doctors.",
    "zh-Hans": "该公司周三宣布，将把远程问诊服务扩展到更多省份，理由是患者和基层医生的需求持续增长，相关业务预计将在年内完成布局。",
    "zh-Hant": "該公司週三宣布，將把遠距問診服務擴展到更多縣市，理由是病患和基層醫師的需求持續增長，相關業務預計將在年內完成布局。",
    "ja": "同社は水曜日、遠隔診療サービスを複数の地域に広げると発表した。患者やかかりつけ医からの需要が高まっていることを理由に挙げた。",
    "ko": "회사는 수요일 원격 진료 서비스를 여러 지역으로 확대한다고 밝혔다. 환자와 동네 의원의 수요가 꾸준히 늘고 있다는 설명이다.",
    "nl": "Het concern maakte woensdag bekend dat het zijn dienst voor zorg op afstand uitbreidt naar meer "
          "provincies, vanwege de groeiende vraag van patiënten en huisartsen.",
    "sv": "Koncernen meddelade på onsdagen att den utökar sin tjänst för vård på distans till fler regioner, "
          "med hänvisning till den växande efterfrågan från patienter och husläkare.",
    "pl": "Koncern poinformował w środę, że rozszerzy usługę zdalnych konsultacji na kolejne województwa, "
          "powołując się na rosnący popyt ze strony pacjentów i lekarzy rodzinnych.",
    "tr": "Şirket çarşamba günü uzaktan muayene hizmetini daha fazla ile genişleteceğini açıkladı ve hastalar "
          "ile aile hekimlerinden gelen talebin arttığını belirtti.",
    "id": "Perusahaan itu mengumumkan pada hari Rabu bahwa layanan konsultasi jarak jauhnya akan diperluas ke "
          "lebih banyak provinsi karena permintaan pasien dan dokter keluarga terus meningkat.",
    "uk": "Компанія в середу оголосила, що розширить сервіс віддалених консультацій на нові регіони, пославшись "
          "на зростання попиту з боку пацієнтів і сімейних лікарів.",
    "ru": "Компания в среду объявила, что расширит сервис удалённых консультаций на новые регионы, сославшись "
          "на растущий спрос со стороны пациентов и семейных врачей.",
    "vi": "Công ty hôm thứ tư cho biết sẽ mở rộng dịch vụ khám bệnh từ xa ra nhiều tỉnh hơn, với lý do nhu cầu "
          "của bệnh nhân và bác sĩ gia đình ngày càng tăng.",
    "el": "Η εταιρεία ανακοίνωσε την Τετάρτη ότι θα επεκτείνει την υπηρεσία τηλεσυμβουλευτικής σε περισσότερες "
          "περιφέρειες, επικαλούμενη την αυξανόμενη ζήτηση από ασθενείς και οικογενειακούς γιατρούς.",
    "he": "החברה הודיעה ביום רביעי כי תרחיב את שירות הייעוץ מרחוק לאזורים נוספים, בשל הביקוש הגובר מצד "
          "מטופלים ורופאי משפחה.",
    "ar": "أعلنت الشركة يوم الأربعاء أنها ستوسع خدمة الاستشارات عن بعد لتشمل مناطق أخرى، مشيرة إلى الطلب "
          "المتزايد من المرضى وأطباء الأسرة.",
    "hi": "कंपनी ने बुधवार को कहा कि मरीजों और पारिवारिक डॉक्टरों की बढ़ती मांग को देखते हुए वह दूर से परामर्श की "
          "अपनी सेवा को कई और राज्यों में शुरू करेगी।",
    "bn": "প্রতিষ্ঠানটি বুধবার জানিয়েছে, রোগী ও পারিবারিক চিকিৎসকদের ক্রমবর্ধমান চাহিদার কারণে তারা দূরবর্তী "
          "পরামর্শ সেবা আরও কয়েকটি অঞ্চলে সম্প্রসারণ করবে।",
    "th": "บริษัทประกาศเมื่อวันพุธว่าจะขยายบริการปรึกษาแพทย์ทางไกลไปยังอีกหลายจังหวัด "
          "เนื่องจากความต้องการของผู้ป่วยและแพทย์ประจำครอบครัวเพิ่มขึ้น",
}


def make_page(language, head, foot=(), *, kept=(), source_file="seeds/articles/test.txt"):
    """A clean text written by hand: `head` lines, two paragraphs of prose, then `foot` lines.

    A line starting "# " is the headline; "= " a block of the article; anything else a line the clean
    stage removed. Lines listed in `kept` stay in the blocks (a clean stage that leaves bylines in)."""
    lines = [*head, "= " + PROSE[language], "= " + PROSE[language], *foot]
    title, title_line, blocks, removed = "", 0, [], []
    for number, line in enumerate(lines, 1):
        if line.startswith("# "):
            title, title_line = line[2:], number
        elif line.startswith("= ") or line in kept:
            blocks.append(Block("paragraph", (Inline(line.removeprefix("= ")),), number))
        else:
            removed.append(RemovedLine(number, line, "test"))
    return CleanText(source_file, "0" * 64, "plain", title, tuple(blocks), (), (), 0, title_line, tuple(removed))


def facts(language, head, foot=(), **kwargs):
    found = extract(make_page(language, head, foot, **kwargs), language)
    return found.published, found.author, found.publisher


def test_a_saved_pages_metadata_block_gives_its_date_author_and_address(vocabulary):
    text = "\n".join(["---", 'title: "Amazon closes Care"', 'source: "https://news.example.org/amazon-care"',
                      "author:", '  - "[[Dana Whitcomb]]"', "published: 2022-08-24T09:30:00Z", "created: 2024-03-11",
                      "tags:", '  - "clippings"', "---", "# Amazon closes Care", "", PROSE["en"], "", PROSE["en"]])
    cleaned = clean(DecodedText("seeds/articles/care.md", "0" * 64, text, "utf-8"), vocabulary)
    found = extract(cleaned, "en")
    assert (found.published, found.author, found.original_url) == (
        "2022-08-24", "Dana Whitcomb", "https://news.example.org/amazon-care")
    assert cleaned.title == "Amazon closes Care" and not any("clippings" in b.text for b in cleaned.blocks)


def test_a_toml_metadata_block_gives_its_date_and_author(vocabulary):
    text = "\n".join(["+++", 'title = "Amazon closes Care"', "date = 2022-08-24", 'author = "Dana Whitcomb"', "+++",
                      "# Amazon closes Care", "", PROSE["en"], "", PROSE["en"]])
    found = extract(clean(DecodedText("seeds/articles/care.md", "0" * 64, text, "utf-8"), vocabulary), "en")
    assert (found.published, found.author) == ("2022-08-24", "Dana Whitcomb")


def test_a_posts_publication_is_its_publisher_and_its_read_time_no_description_of_the_writer(vocabulary):
    # a blogging platform's post: the writer, a button, the publication under its label, the read time, the date
    text = "\n".join(["Open in app", "Sign up", "Telehealth deals: what founders should learn", PROSE["en"],
                      "Jonah Feld", "Follow", "Published in", "Digital Health Notes", "7 min read", "Sep 14, 2022", "",
                      PROSE["en"], "", PROSE["en"]])
    found = extract(clean(DecodedText("seeds/articles/post.txt", "0" * 64, text, "utf-8"), vocabulary), "en")
    assert (found.publisher, found.author) == ("Digital Health Notes", None)
    assert facts("de", ["# Klinikverbund übernimmt Praxisnetz", "Erschienen in Der Gesundheitsbote"])[2] == (
        "Der Gesundheitsbote")


def test_the_walk_to_the_writers_name_passes_the_buttons_beside_it(vocabulary):
    # a column: the writer's name and role, a button, the dateline
    text = "\n".join(["Clinic chain changes hands, and everyone should worry", "Marcus Ellery", "Columnist", "Follow",
                      "Published May 2, 2024 at 6:00 a.m. EDT", "", PROSE["en"], "", PROSE["en"]])
    cleaned = clean(DecodedText("seeds/articles/column.txt", "0" * 64, text, "utf-8"), vocabulary)
    assert {r.text: r.rule for r in cleaned.removed_lines}["Follow"] == "page_chrome"
    assert extract(cleaned, "en").author == "Marcus Ellery"


def test_the_pages_own_controls_are_no_masthead(vocabulary):
    # the app's buttons over the headline, which the clean stage names as chrome, name no outlet
    text = "\n".join(["Clinic chain changes hands - by Renata Osei", "Open in app", "Sign in",
                      "Clinic chain changes hands", "Renata Osei", "June 16, 2022", "", PROSE["en"], "", PROSE["en"]])
    cleaned = clean(DecodedText("seeds/articles/chain.txt", "0" * 64, text, "utf-8"), vocabulary)
    assert {r.text: r.rule for r in cleaned.removed_lines}["Open in app"] == "page_chrome"
    found = extract(cleaned, "en")
    assert (found.publisher, found.author) == (None, "Renata Osei")


def test_a_metadata_blocks_date_out_of_range_and_a_banners_button_state_nothing(vocabulary):
    # a year no article of the field bears (it would stand first on the home page for good), and a consent
    # banner's lines above the headline, which are no masthead
    text = "\n".join(["---", "title: Amazon closes Care", "published: 9999-12-31", "---",
                      "We use cookies to improve your experience on our site.", "Accept all", "Reject all",
                      "Amazon closes Care", "", PROSE["en"], "", PROSE["en"]])
    found = extract(clean(DecodedText("seeds/articles/care.txt", "0" * 64, text, "utf-8"), vocabulary), "en")
    assert found.published is None and found.publisher is None


def test_a_clippers_date_field_gives_way_to_the_pages_own_dateline(vocabulary):
    # "date" is the day the page was saved; "published" would have been the article's
    text = "\n".join(["---", 'title: "Amazon closes Care"', "date: 2024-11-02", "tags: [clippings]", "---",
                      "# Amazon closes Care", "", "October 28, 2024", "", PROSE["en"], "", PROSE["en"]])
    cleaned = clean(DecodedText("seeds/articles/care.md", "0" * 64, text, "utf-8"), vocabulary)
    assert extract(cleaned, "en").published == "2024-10-28"


# --- one row per dateline or byline form, in each language ------------------------------------------------

FORMS = [
    # German: byline with date and time; date first, byline after; masthead confirmed by the imprint
    ("de", ["Rheinpost – Zeitung für das Rheinland", "# Klinikverbund übernimmt Praxisnetz",
            "Von Anna Schmidt, 12.03.2022, 14:05 Uhr"], ["© 2022 Rheinpost Verlag GmbH"],
     ("2022-03-12", "Anna Schmidt", "Rheinpost")),
    ("de", ["# Klinikverbund übernimmt Praxisnetz", "12. März 2022, 09:30 Uhr | Von Lena Vogt"], [],
     ("2022-03-12", "Lena Vogt", None)),
    ("de", ["# Klinikverbund übernimmt Praxisnetz", "03.11.2020 · 07:15 Uhr · Jonas Albrecht"],
     ["© Wirtschaftsecho 2020 – Alle Rechte vorbehalten"],
     ("2020-11-03", "Jonas Albrecht", "Wirtschaftsecho")),
    # French: "Publié le … mis à jour le …"; "Par X – Publié le JJ/MM/AAAA"
    ("fr", ["Le Quotidien du Sud", "# Un groupe rachète un réseau de cliniques",
            "Publié le 4 mars 2022 à 10h12, mis à jour le 5 mars 2022 à 08h00", "Par Julien Moreau"],
     ["© Le Quotidien du Sud 2022 – Tous droits réservés"],
     ("2022-03-04", "Julien Moreau", "Le Quotidien du Sud")),
    ("fr", ["# Un groupe rachète un réseau de cliniques", "Par Élise Bernard – Publié le 03/11/2021 à 07:45"],
     [], ("2021-11-03", "Élise Bernard", None)),
    # Spanish: "Por X | Ciudad | fecha"; a name alone above "Ciudad - fecha - hora"
    ("es", ["Diario Norte", "# Una cadena de clínicas cambia de dueño",
            "Por María López | Madrid | 26 de enero de 2023"],
     ["© 2023 Ediciones Diario Norte S.A. Todos los derechos reservados."],
     ("2023-01-26", "María López", "Diario Norte")),
    ("es", ["# Una cadena de clínicas cambia de dueño", "Carlos Vega Ramos", "Sevilla - 3 feb 2021 - 10:00 CET"],
     [], ("2021-02-03", "Carlos Vega Ramos", None)),
    # Italian: "di X" above "Pubblicato il …"; a bare dateline
    ("it", ["Salutecon.it", "# Un gruppo acquista una rete di ambulatori", "di Marco Rossi",
            "Pubblicato il 16 novembre 2022"], ["Riproduzione riservata ©"],
     ("2022-11-16", "Marco Rossi", "Salutecon.it")),
    ("it", ["# Un gruppo acquista una rete di ambulatori", "5 luglio 2019 - 18:30"], [], ("2019-07-05", None, None)),
    # Portuguese: "Por X, do Rio"; "DD/MM/AAAA HHhMM · Atualizado há …"
    ("pt", ["Jornal Aberto", "# Rede de clínicas é vendida", "Por Ana Souza, do Rio de Janeiro",
            "07/04/2022 09h15 · Atualizado há 3 dias"], ["© 2022 Jornal Aberto. Todos os direitos reservados."],
     ("2022-04-07", "Ana Souza", "Jornal Aberto")),
    ("pt", ["# Rede de clínicas é vendida", "Traduzido do espanhol · 2 de maio de 2021"], [],
     ("2021-05-02", None, None)),
    # English: "By X · Mon. D, YYYY, time"; an update before the publication; weekday dates
    ("en", ["Skip to main content", "The Morning Post", "# Clinic chain changes hands",
            "By Jane Doe · Jan. 4, 2021, 6:18 PM ET"], ["© 2021 Morning Post Media LLC"],
     ("2021-01-04", "Jane Doe", "The Morning Post")),
    ("en", ["# Clinic chain changes hands", "By Sam Lee", "Updated March 9, 2020", "Published March 8, 2020"],
     [], ("2020-03-08", "Sam Lee", None)),
    ("en", ["Home > Business > Health", "# Clinic chain changes hands",
            "By Ruth Ellis, Health Correspondent", "Friday 1 September 2023"], ["© Harbour Gazette 2023"],
     ("2023-09-01", "Ruth Ellis", "Harbour Gazette")),
    # Simplified Chinese: date + source; source and author markers; "文｜"
    ("zh-Hans", ["# 连锁诊所易主", "2021-09-10 09:56:28 中国健康商报网"], [],
     ("2021-09-10", None, "中国健康商报网")),
    ("zh-Hans", ["# 连锁诊所易主", "2023年1月25日 来源：南方快讯 作者：王小明"], [],
     ("2023-01-25", "王小明", "南方快讯")),
    # a business outlet's name after the date (…财经) on a portal that reposts it, the portal's own rights below
    ("zh-Hans", ["# 连锁诊所易主", "2018年05月04日 10:12  鹭江财经"], ["新浪公司 版权所有"],
     ("2018-05-04", None, "鹭江财经")),
    ("zh-Hans", ["# 连锁诊所易主", "文｜李华", "2022-05-06 08:00"], ["© 2022 新医视界 保留所有权利"],
     ("2022-05-06", "李华", "新医视界")),
    ("zh-Hans", ["# 连锁诊所易主", "原创 林晓 健康产业周刊 2021-06-01 09:00 发表于上海"], [],
     ("2021-06-01", "林晓", "健康产业周刊")),
    # Traditional Chinese: "記者X／台北報導"; update before publication; an issue number after the source
    ("zh-Hant", ["台灣新報　首頁 | 即時 | 財經", "# 連鎖診所易主", "2022/03/05 14:20", "記者陳志明／台北報導"],
     ["版權所有 Copyright 2022 台灣新報 All Rights Reserved."], ("2022-03-05", "陳志明", "台灣新報")),
    ("zh-Hant", ["# 連鎖診所易主", "撰文：黃家明", "更新：2020-09-17 12:10　｜　出版：2020-09-16 08:45"], [],
     ("2020-09-16", "黃家明", None)),
    ("zh-Hant", ["# 連鎖診所易主", "2019-10-02 08:20:28 醫療經濟評論 2019年10期", "周敏"], [],
     ("2019-10-02", "周敏", "醫療經濟評論")),
    # Japanese: date with a later update; "【place＝name】"; "name 記者"; dotted date
    ("ja", ["テック日報 | ニュース | 解説", "# 診療所チェーンが売却", "2023年1月25日 10:32 （2023年1月26日 12:05更新）",
            "【ワシントン＝山田太郎】"], [], ("2023-01-25", "山田太郎", "テック日報")),
    ("ja", ["メディカル速報", "# 診療所チェーンが売却", "2021.01.05", "鈴木一郎 記者"],
     ["Copyright (C) 2021 メディカル速報 All rights reserved."], ("2021-01-05", "鈴木一郎", "メディカル速報")),
    ("ja", ["# 診療所チェーンが売却", "2021年2月3日", "文：高橋さくら"], [], ("2021-02-03", "高橋さくら", None)),
    # Korean: "X 기자 | 입력 … | 수정 …"; "X 기자" above "승인 …"
    ("ko", ["의료IT신문", "# 병원 체인 매각", "박지훈 기자  |  입력 2022.03.31 15:42  |  수정 2022.04.01 16:10"],
     ["박지훈 기자 jhpark@example.kr", "저작권자 ⓒ 의료IT신문 무단전재 및 재배포 금지"],
     ("2022-03-31", "박지훈", "의료IT신문")),
    ("ko", ["헬스경제", "# 병원 체인 매각", "최유진 기자", "승인 2023.02.23 09:30"],
     ["Copyright © 헬스경제. 무단전재 및 재배포 금지"], ("2023-02-23", "최유진", "헬스경제")),
    ("ko", ["# 병원 체인 매각", "등록 2021-11-02 17:40", "= [의료경제=김민수 기자] " + PROSE["ko"]], [],
     ("2021-11-02", "김민수", None)),
    # Dutch: "Door X"; "Gepubliceerd op … om …"
    ("nl", ["De Zorgkrant", "# Ziekenhuisketen verkocht", "Door Pieter van den Berg",
            "Gepubliceerd op 3 juli 2019 om 10:12"], ["© 2019 De Zorgkrant B.V. Alle rechten voorbehouden"],
     ("2019-07-03", "Pieter van den Berg", "De Zorgkrant")),
    # Swedish: "Av X"; publication, then an update on the same line
    ("sv", ["# Vårdkedja säljs", "Av Karin Holm", "Publicerad 14 mars 2021 kl. 07:30 Uppdaterad 15 mars 2021"],
     [], ("2021-03-14", "Karin Holm", None)),
    # Polish: "Autor: X"; "Opublikowano: DD.MM.RRRR"
    ("pl", ["# Sieć przychodni sprzedana", "Autor: Tomasz Nowak", "Opublikowano: 05.10.2020, 12:00"],
     ["© 2020 Zdrowie Dziś. Wszelkie prawa zastrzeżone."], ("2020-10-05", "Tomasz Nowak", "Zdrowie Dziś")),
    # Turkish: "Yazar: X"; "Yayınlanma: … Güncelleme: …"
    ("tr", ["Sağlık Postası", "# Klinik zinciri satıldı", "Yazar: Elif Kaya",
            "Yayınlanma: 9 Mart 2022 08:15 Güncelleme: 10 Mart 2022 09:00"],
     ["© 2022 Sağlık Postası. Tüm hakları saklıdır."], ("2022-03-09", "Elif Kaya", "Sağlık Postası")),
    ("tr", ["# Klinik zinciri satıldı", "Muhabir: Can Öztürk", "9 Mart 2022"], [], ("2022-03-09", "Can Öztürk", None)),
    # Indonesian: "Penulis: X", "Oleh X"; weekday dateline with a time zone
    ("id", ["# Jaringan klinik dijual", "Penulis: Dewi Lestari", "Senin, 4 Apr 2022 14:30 WIB"],
     ["Hak Cipta © 2022 Kabar Sehat"], ("2022-04-04", "Dewi Lestari", "Kabar Sehat")),
    ("id", ["# Jaringan klinik dijual", "Oleh Agus Setiawan", "4 April 2022"], [], ("2022-04-04", "Agus Setiawan", None)),
    # Ukrainian, Greek: the publisher named by the copyright line's own words
    ("uk", ["# Мережу клінік продано", "12 травня 2021, 09:40"], ["© 2021 ТехноВісті. Усі права захищені."],
     ("2021-05-12", None, "ТехноВісті")),
    ("el", ["# Η Amazon ανοίγει φαρμακείο", "12.03.2023, 14:05"],
     ["© 2023 Υγεία Σήμερα. Με την επιφύλαξη παντός δικαιώματος."], ("2023-03-12", None, "Υγεία Σήμερα")),
    # a wire story's or press release's opening dateline, inside its first paragraph
    ("en", ["# Microsoft completes acquisition of Nuance", "= REDMOND, Wash. — March 4, 2022 — Microsoft Corp. today "
            "announced it has completed its acquisition of Nuance Communications."], [], ("2022-03-04", None, None)),
    ("de", ["# Klinikverbund übernimmt Praxisnetz", "= BERLIN, 4. März 2022 (dpa) – Der Klinikverbund hat das "
            "Praxisnetz übernommen, wie ein Sprecher am Freitag mitteilte."], [], ("2022-03-04", None, None)),
    # Russian: "Текст: X"
    ("ru", ["# Сеть клиник продана", "Текст: Павел Орлов", "12 мая 2021, 09:40"], [],
     ("2021-05-12", "Павел Орлов", None)),
    # Vietnamese: weekday dateline with a numeric date; "Tác giả: X"
    ("vi", ["# Chuỗi phòng khám được bán", "Thứ hai, 4/4/2022, 14:30 (GMT+7)", "Tác giả: Hoàng Lan"], [],
     ("2022-04-04", "Hoàng Lan", None)),
    # Greek: "Της X" (by X, a woman's name in the genitive; the article folds to "τησ")
    ("el", ["# Η Amazon ανοίγει φαρμακείο", "Της Μαρίας Παπαδοπούλου", "12.03.2023, 14:05"], [],
     ("2023-03-12", "Μαρίας Παπαδοπούλου", None)),
    # an update marker with a time of its own ("updated 2 years ago") does not claim the date before it
    ("pt", ["# Rede de clínicas vendida", "21 de julho de 2022 10:47 BRT Atualizado há 2 anos"], [],
     ("2022-07-21", None, None)),
    ("en", ["# Clinic chain changes hands", "June 16, 2022 9:12 AM · Updated 3 hours ago"], [],
     ("2022-06-16", None, None)),
    # an update marker before a time and its date: that date is the update's, the only one the page gives
    ("en", ["# Clinic chain changes hands", "By Jane Doe", "Updated 10:32 AM March 12, 2024"], [],
     ("2024-03-12", "Jane Doe", None)),
    # a relative update time, the marker inside a longer word ("update" in "Updated"), no separator
    ("en", ["# Clinic chain changes hands", "March 10, 2024 Updated 3 hours ago"], [], ("2024-03-10", None, None)),
    # a name line beside the dateline that gives the person's role after the name, with or without a comma
    ("en", ["# Clinic chain changes hands", "Harriet Ashdown Health policy editor", "Wed 10 Jul 2019 06.00 BST"], [],
     ("2019-07-10", "Harriet Ashdown", None)),
    ("en", ["# Clinic chain changes hands", "Danny Reeve, Consumer Tech Reporter", "Published: 19:42, 7 Sep 2022"], [],
     ("2022-09-07", "Danny Reeve", None)),
    # a name beside the article's dateline beats the masthead's beside the site's today
    ("en", ["Naira Example", "Monday, March 7, 2022", "# Clinic chain changes hands", "Chidinma Okafor", "March 5, 2022"],
     [], ("2022-03-05", "Chidinma Okafor", "Naira Example")),
    # a byline's dateline that names an agency too beats the site's today
    ("en", ["Wednesday, March 13, 2024", "# Clinic chain changes hands", "By Jane Doe, Reuters | March 12, 2024"],
     [], ("2024-03-12", "Jane Doe", None)),
    # a bare dateline under the byline beats the site's today above the headline
    ("en", ["Wednesday, March 13, 2024", "# Clinic chain changes hands", "By Jane Doe", "March 12, 2024 10:32 AM"],
     [], ("2024-03-12", "Jane Doe", None)),
    # a date under the headline that is not the byline's does not beat the dateline above it
    ("en", ["March 5, 2021 | Health", "# Clinic chain changes hands", "Photo taken on March 1, 2019 in Boston"], [],
     ("2021-03-05", None, None)),
    # the site's today above the masthead's headline, the article's date under it
    ("tr", ["6 Ocak 2021 Çarşamba", "# Haven kapanıyor", "Ayşe Yılmaz | 05.01.2021 09:12"], [],
     ("2021-01-05", "Ayşe Yılmaz", None)),
    # the outlet's name the masthead gives, before the date: the publisher, and the writer in the foot the author
    ("id", ["Teropong Bisnis", "Masuk", "# Saham JD Health melonjak", "Teropong Bisnis - 08/12/2020, 17:05 WIB"],
     ["Penulis : Rina Kusuma"], ("2020-12-08", "Rina Kusuma", "Teropong Bisnis")),
    # Thai: a Buddhist-era year in Thai digits after the era's name (2563 B.E. is 2020)
    ("th", ["# Amazon เปิดตัว Amazon Pharmacy", "วันพุธที่ ๑๘ พฤศจิกายน พ.ศ. ๒๕๖๓"], [], ("2020-11-18", None, None)),
    # Hebrew and Arabic: scripts without capitals
    ("he", ["# אמזון סוגרת את השירות", "מאת נועה לוי", "16.11.2022 11:32"], [], ("2022-11-16", "נועה לוי", None)),
    ("ar", ["# أمازون تستحوذ على وان ميديكال", "بقلم محمد عبد الله", "21.07.2022"], [],
     ("2022-07-21", "محمد عبد الله", None)),
    ("ar", ["# أمازون تستحوذ على وان ميديكال", "كتب - محمود عبد الرحمن", "21.07.2022"], [],
     ("2022-07-21", "محمود عبد الرحمن", None)),  # "wrote", set apart by a dash or a colon
    ("ar", ["# أمازون تستحوذ على وان ميديكال", "كتبت: ريم الحمادي", "21.07.2022"], [],
     ("2022-07-21", "ريم الحمادي", None)),
    # the site's today above the headline, with the Hijri date; "published on" under the byline, with AD and AM
    ("ar", ["السبت 25 فبراير 2023 م - 5 شعبان 1444 هـ", "# أمازون تستكمل الاستحواذ", "كتبت: ريم الحمادي",
            "نشر في: الخميس 23 فبراير 2023 م - 3 شعبان 1444 هـ | 01:20 ص"], [], ("2023-02-23", "ريم الحمادي", None)),
    # the site's today above the headline; "published" and "updated" under it, in Hindi and in Bengali
    ("hi", ["ई-पेपर | २२ जुलाई २०२२", "# अमेज़न ने वन मेडिकल खरीदी", "प्रकाशित: 21 जुलाई 2022, 10:42 PM IST",
            "अपडेटेड: 22 जुलाई 2022, 08:15 AM IST"], [], ("2022-07-21", None, None)),
    ("bn", ["ঢাকা, বুধবার, ২৭ ডিসেম্বর ২০২৩", "# অ্যাপল ওয়াচের আমদানি নিষিদ্ধ", "প্রকাশ: ২৬ ডিসেম্বর ২০২৩, ২১: ৩০",
            "আপডেট: ২৭ ডিসেম্বর ২০২৩, ০৯: ১৫"], [], ("2023-12-26", None, None)),
    # Arabic copyright lines: the holder after the year, or after "for the site of"
    ("ar", ["# أمازون تستحوذ على وان ميديكال", "21.07.2022"], ["جميع الحقوق محفوظة © 2022 الصحة اليوم"],
     ("2022-07-21", None, "الصحة اليوم")),
    ("ar", ["# أمازون تستحوذ على وان ميديكال", "21.07.2022"], ["جميع الحقوق محفوظة لموقع الصحة اليوم"],
     ("2022-07-21", None, "الصحة اليوم")),
]


@pytest.mark.parametrize("language, head, foot, expected", FORMS,
                         ids=[f"{row[0]}-{n}" for n, row in enumerate(FORMS)])
def test_dateline_and_byline_forms(language, head, foot, expected):
    assert facts(language, head, foot) == expected


@pytest.mark.parametrize("language, head, foot, expected", FORMS[::3],
                         ids=[f"{row[0]}-{n * 3}" for n, row in enumerate(FORMS[::3])])
def test_bylines_left_in_the_blocks_are_read_the_same(language, head, foot, expected):
    """A clean stage that keeps bylines and datelines as blocks of the article loses no fact."""
    kept = [line for line in head if not line.startswith("# ")]
    assert facts(language, head, foot, kept=kept) == expected


# --- what must not be taken for a fact --------------------------------------------------------------------


def test_a_sentence_that_mentions_a_date_is_no_dateline():
    head = ["# Klinikverbund übernimmt Praxisnetz",
            "= Am 21.07.2022 kündigte der Konzern an, das Praxisnetz für 3,9 Milliarden Dollar zu kaufen."]
    assert facts("de", head)[0] is None
    assert facts("zh-Hans", ["# 连锁诊所易主", "= 2020年12月8日，该公司正式在香港联交所主板挂牌。"])[0] is None


def test_impossible_and_partial_dates_are_ignored():
    assert facts("zh-Hant", ["# 連鎖診所易主", "2020-02-30 08:00 某報"])[0] is None
    assert facts("en", ["# Clinic chain changes hands", "March 2022"])[0] is None
    assert facts("en", ["# Clinic chain changes hands", "Listen to this article · 6 min"])[0] is None


@pytest.mark.parametrize(("language", "line"), [
    ("zh-Hant", "2018年5月4日 下午3:15"),  # "in the afternoon": no name
    ("vi", "Thứ Sáu, 15/1/2021, 08:20 (GMT+7)"),  # Friday
    ("id", "Jumat, 22 Juli 2022 | 09:15 WIB"),
    ("pt", "Quarta-feira, 3 de março de 2021"),
    ("en", "Updated: 14 Aug 2020, 10:42 PM IST"),  # the time's "PM" and its zone
    ("te", "Last Updated: ఆగస్టు 21, 2021, 15:05 IST"),  # a date's label, its marker last
    ("de", "Zuletzt aktualisiert: 21.08.2021"),
])
def test_the_day_of_the_week_or_a_dates_label_in_a_dateline_is_nobodys_name(language, line):
    assert dateline(line, language).parts == ()


def test_a_link_with_a_date_is_no_dateline():
    assert dateline("[18]https://example.org/report 检索于 2020/01/05 8:20 CEST", "zh-Hans") is None


@pytest.mark.parametrize(("language", "line", "published", "parts"), [
    ("fr", "Par Camille Roussel | Publié le 12 novembre 2019 à 18h42 | Mis à jour le 13 novembre 2019 à 09h15",
     "2019-11-12", ("Par Camille Roussel",)),
    ("en", "Business | By Iris Cheung in Hong Kong | Published: 6:30pm, 8 Dec, 2020 | Updated: 9:12pm, 8 Dec, 2020",
     "2020-12-08", ("Business", "By Iris Cheung in Hong Kong")),
    ("vi", "Nguyễn Hải Đăng | 25/01/2023", "2023-01-25", ("Nguyễn Hải Đăng",)),  # "đăng" (posted) ends a name here
])
def test_a_dateline_set_out_in_parts_is_read_part_by_part(language, line, published, parts):
    found = dateline(line, language)
    assert (found.published.isoformat(), found.parts) == (published, parts)


def test_a_prefix_like_a_times_meridiem_is_left_to_its_part():
    assert dateline("PM Modi | March 12, 2024", "en").parts == ("PM Modi",)


def test_the_editor_in_charge_at_the_foot_is_no_author():
    assert facts("zh-Hans", ["# 连锁诊所易主", "2023-01-25 08:00"], ["责任编辑：王伟"])[1] is None


def test_a_banner_that_says_when_a_policy_was_updated_dates_no_article():
    assert facts("en", ["We updated our Privacy Policy on Jan. 5, 2022. Learn more", "# Clinic chain changes hands",
                        "By Jane Doe", "2 hours ago"])[0] is None


def test_a_page_that_gives_only_the_date_it_was_updated_is_dated_by_it():
    assert facts("en", ["# Clinic chain changes hands", "Updated March 9, 2020"])[0] == "2020-03-09"
    assert facts("en", ["# Clinic chain changes hands", "Updated March 9, 2020", "Published March 8, 2020"])[0] \
        == "2020-03-08"


@pytest.mark.parametrize(("language", "head", "foot"), [
    ("ar", ["# أمازون تستحوذ على وان ميديكال", "أخبار الصحة", "21.07.2022"], []),  # "health news"
    ("ar", ["# أمازون تستحوذ على وان ميديكال", "21.07.2022 | أخبار الصحة"], []),
    ("he", ["# אמזון סוגרת את השירות", "16.11.2022 11:32 | עדכון אחרון"], []),  # "last update"
    ("ar", ["# أمازون تستحوذ على وان ميديكال", "21.07.2022"], ["كتب ذات صلة"]),  # "related books"
    ("ar", ["# أمازون تستحوذ على وان ميديكال", "بقلم رئيس التحرير", "21.07.2022"], []),  # "by the editor-in-chief"
    ("he", ["# אמזון סוגרת את השירות", "מאת מערכת האתר", "16.11.2022 11:32"], []),  # "by the site's staff"
])
def test_words_of_a_script_without_capitals_are_a_name_only_after_a_byline_marker(language, head, foot):
    assert facts(language, head, foot)[1] is None


@pytest.mark.parametrize("byline", [
    "By newsdesk@example.com", "By Staff Reporter", "编辑：周鹭 | 审核：陈其", "Por qué Amazon compra clínicas",
    "By 2030, hospitals will", "Mit freundlichen Grüßen,", "By THE NUMBERS",
])
def test_roles_addresses_and_ordinary_words_are_no_author(byline):
    assert byline_name(byline) is None
    assert facts("en", ["# Clinic chain changes hands", byline, "June 16, 2022"])[1] is None


def test_a_photo_credit_mid_article_is_not_the_publisher():
    head = ["# Una cadena de clínicas cambia de dueño", "Carlos Vega Ramos", "Sevilla - 3 feb 2021"]
    foot = ["Un centro de salud en Madrid.", "© Getty Images", "= " + PROSE["es"], "Archivado en: Salud"]
    assert facts("es", head, foot) == ("2021-02-03", "Carlos Vega Ramos", None)


def test_photo_credits_are_neither_author_nor_publisher():
    head = ["# Clinic chain changes hands", "June 16, 2022", "A clinic in Ohio.", "= " + PROSE["en"],
            "Source: Getty Images"]
    assert facts("en", head) == ("2022-06-16", None, None)
    assert facts("ko", ["# 병원 체인 매각", "▲병원 전경 [사진=의료재단 제공]", "입력 2022.03.31 15:42"]) == (
        "2022-03-31", None, None)


def test_an_outlet_beside_a_dateline_is_not_the_author():
    """A name-shaped masthead next to the dateline is the outlet when the copyright line names it."""
    head = ["Portal Norte", "25/08/2022", "# Rede de clínicas é vendida"]
    assert facts("pt", head, ["© 2022 Portal Norte. Todos os direitos reservados."]) == (
        "2022-08-25", None, "Portal Norte")


def test_page_chrome_is_no_masthead():
    assert facts("en", ["Skip to content", "# Clinic chain changes hands", "June 16, 2022"])[2] is None
    assert facts("en", ["Skip to content", "The Civic Post", "# Clinic chain changes hands"])[2] == "The Civic Post"
    keywords = "在线问诊,医院排名,减肥药排行榜,植发多少钱,整形医院"
    assert facts("zh-Hans", [keywords, "# 连锁诊所易主"])[2] is None


def test_a_bilingual_masthead_is_named_in_the_articles_script():
    head = ["健康點評 HealthTalk HK", "# 連鎖診所易主"]
    assert facts("zh-Hant", head, ["© 2020 健康點評 HealthTalk HK 版權所有"])[2] == "健康點評"


@pytest.mark.parametrize(("language", "head"), [
    ("ca", ["# L'empresa tanca la divisió", "Laia Ferrer i Puig", "Barcelona", "Dijous, 27 d'abril de 2023, 08:15 h"]),
    ("pt", ["# Empresa compra farmácia on-line", "Laia Ferrer i Puig", "São Paulo", "28.jun.2018 às 19h12"]),
    ("es", ["# La empresa cierra la división", "Por Laia Ferrer i Puig. Nueva York", "3 de febrero de 2021"]),
    # a role and an address between them too
    ("en", ["# Clinic chain changes hands", "Laia Ferrer i Puig", "Journalist", "laia@example.com", "June 16, 2022"]),
])
def test_a_place_between_the_name_and_the_dateline_is_not_the_author(language, head):
    assert facts(language, head)[1] == "Laia Ferrer i Puig"


@pytest.mark.parametrize(("head", "author"), [
    # a profile's post, an answer site: the writer's description between the name and the dateline
    (["# Ambient AI charting: a year on", "Miriam Castellanos",
      "Chief Medical Information Officer at Riverside Valley Health | Internal Medicine", "Published Mar 3, 2024"],
     "Miriam Castellanos"),
    (["# Can the Apple Watch detect a heart attack?", "Tobias Greer",
      "Cardiologist, board-certified in clinical cardiac electrophysiology", "Answered December 10, 2018"],
     "Tobias Greer"),
    # a caption that names the name above it describes a picture's subject
    (["# Clinic chain changes hands", "Andy Jassy", "Amazon chief executive Andy Jassy at an event", "June 16, 2022"],
     None),
    # a section's label is no description, and one line is walked past, no more
    (["# Clinic chain changes hands", "Miriam Castellanos", "Health", "June 16, 2022"], None),
    (["# Clinic chain changes hands", "Miriam Castellanos", "Chief Medical Information Officer at Riverside",
      "Writes on internal medicine and informatics", "June 16, 2022"], None),
    # the writer's role in a few words between the name and the dateline
    (["# Clinic chain changes hands", "Colin Marsh", "Senior Editor, Wearables", "June 16, 2022"], "Colin Marsh"),
    (["# Clinic chain changes hands", "Marisa Okafor, PharmD", "Senior Editor", "June 16, 2022"], "Marisa Okafor"),
    # nor a description above the headline: the site's today is no byline
    (["Miriam Castellanos", "Chief Medical Information Officer at Riverside", "June 16, 2022",
      "# Clinic chain changes hands"], None),
])
def test_a_writers_description_between_the_name_and_the_dateline(head, author):
    assert facts("en", head)[1] == author


@pytest.mark.parametrize(("language", "head", "author"), [
    # a section over the place, in capitals or in a script without them, is no one
    ("en", ["# Clinic chain changes hands", "HEALTH CARE", "London", "June 16, 2022"], None),
    ("hi", ["# अमेज़न ने वन मेडिकल खरीदी", "व्यापार समाचार", "नई दिल्ली", "21 जुलाई 2022"], None),
    # a picture's label is not walked past to its credit
    ("zh-Hans", ["# 连锁诊所易主", "2022年6月16日 08:00", "图片", "视觉中国"], None),
    # a place beside the dateline is where it was written, a city, a state or a country: a writer named as a
    # city is lost with them (a place far more often than a name there); an initial is no full stop of a place
    ("es", ["# La empresa cierra la división", "Juan Díaz", "3 de febrero de 2021"], None),
    ("en", ["# Clinic chain changes hands", "San Francisco", "June 16, 2022"], None),
    ("en", ["# Clinic chain changes hands", "New Jersey", "June 16, 2022"], None),
    ("zh-Hans", ["# 连锁诊所易主", "北京", "2022年6月16日"], None),
    # a section's word over it, in Han characters alone, is no one's name; a name with a surname is
    ("zh-Hans", ["# 连锁诊所易主", "健康", "2022年6月16日"], None),
    ("zh-Hans", ["# 连锁诊所易主", "张伟", "2022年6月16日"], "张伟"),
    ("ru", ["# Акции JD Health выросли в первый день торгов", "Б.Сарнай", "2020-12-08 17:25"], "Б.Сарнай"),
    ("en", ["# Clinic chain changes hands", "By John T. Jackson", "June 16, 2022"], "John T. Jackson"),
])
def test_what_the_byline_block_walk_leaves_alone(language, head, author):
    assert facts(language, head)[1] == author


def test_several_authors_are_listed_whatever_joined_them_on_the_page():
    assert facts("de", ["# Klinikkette wird verkauft", "Von Katrin Vollmer und Jonas Reiter"])[1] == (
        "Katrin Vollmer, Jonas Reiter")
    assert facts("en", ["# Clinic chain changes hands", "By Research and Markets"])[1] == "Research and Markets"


def test_a_name_over_a_handle_that_spells_it_is_the_author():
    head = ["# Clinic chain changes hands", "A standfirst about the sale.", "Miriam Kessler", "@miriamkessler"]
    assert facts("en", head)[1] == "Miriam Kessler"
    assert facts("en", ["# Clinic chain changes hands", "Everett Sandoval", "@EverettSandoval"])[1] == "Everett Sandoval"
    # the outlet's section over the outlet's handle, and a name over someone else's handle, name no one
    assert facts("en", ["# Clinic chain changes hands", "Health Tech", "@healthtechdaily"])[1] is None
    assert facts("en", ["# Clinic chain changes hands", "Miriam Kessler", "@northfieldpost"])[1] is None
    # an embedded post's author and handle in the article, under the dateline, are not its author
    embed = ["# Clinic chain changes hands", "June 16, 2022", "= " + PROSE["en"], "Tim Cook", "@tim_cook"]
    assert facts("en", embed)[1] is None


def test_the_foot_is_read_when_the_head_says_nothing():
    head = ["# 병원 체인 매각"]
    foot = ["정다은 기자 dajeong@example.kr", "저작권자 ⓒ 의료IT신문 무단전재 및 재배포 금지"]
    assert facts("ko", head, foot) == (None, "정다은", "의료IT신문")


# --- authors further down the page, outlets the footer confirms, day/month order the page settles -----------

LATE_AUTHORS = [
    # a byline inside a dateline's remainder
    ("en", ["# Clinic chain changes hands", "Posted on May 14, 2021 by Tom Baker"], [],
     ("2021-05-14", "Tom Baker", None)),
    ("fr", ["# Un groupe rachète un réseau de cliniques", "Publié le 3 juin 2021 par Nadia Roche"], [],
     ("2021-06-03", "Nadia Roche", None)),
    # a bracketed byline opening the first paragraph, or the second under a standfirst
    ("zh-Hant", ["# 連鎖診所易主", "2022/03/05 14:20", "= 〔記者王小明／台北報導〕" + PROSE["zh-Hant"]], [],
     ("2022-03-05", "王小明", None)),
    ("zh-Hans", ["# 连锁诊所易主", "2022-03-05 14:20", "= 摘要：" + PROSE["zh-Hans"],
                 "= 寰宇网讯（记者 周斌）" + PROSE["zh-Hans"]], [], ("2022-03-05", "周斌", None)),
    # a byline on its own line below the article's first paragraphs, above an author box
    ("en", ["# Clinic chain changes hands", "June 16, 2022"],
     ["Written by Omar Haddad", "= Omar writes about hospitals, insurers and the software they buy, from an office "
      "in Leeds, and edits a weekly newsletter."], ("2022-06-16", "Omar Haddad", None)),
    # a name line over a bio that opens with the name, as the page's last paragraph
    ("en", ["# Clinic chain changes hands", "June 16, 2022"],
     ["Nora Fitzgerald", "= Nora Fitzgerald covers hospitals and insurers for the paper. She previously reported "
      "from Dublin and London."], ("2022-06-16", "Nora Fitzgerald", None)),
    # a sign-off after the last paragraph (a caption may stand between), the source in brackets
    ("es", ["# Una cadena de clínicas cambia de dueño", "3 de febrero de 2021"],
     ["Un centro de salud en Madrid, en una imagen de archivo tomada el pasado mes de enero.",
      "Lucía Ferrer (con agencias)", "Compartir"], ("2021-02-03", "Lucía Ferrer", None)),
    ("vi", ["# Chuỗi phòng khám được bán", "Thứ hai, 4/4/2022, 14:30 (GMT+7)"], ["Thu Hà", "Chia sẻ"],
     ("2022-04-04", "Thu Hà", None)),
]


@pytest.mark.parametrize("language, head, foot, expected", LATE_AUTHORS,
                         ids=[f"{row[0]}-{n}" for n, row in enumerate(LATE_AUTHORS)])
def test_authors_named_further_down_the_page(language, head, foot, expected):
    assert facts(language, head, foot) == expected


@pytest.mark.parametrize("head, foot", [
    # a profile: a name heading over a paragraph about that person, with the article going on after it
    (["# Clinic chain changes hands", "June 16, 2022", "= " + PROSE["en"], "Tim Brooks",
      "= Tim Brooks has run the hospital group since 2015 and says the sale will not change how its clinics work."],
     []),
    # the first line after the article is made of words the page also writes in lowercase
    (["# Clinic chain changes hands", "June 16, 2022"], ["Remote Service", "Family Doctors"]),
    # a place under the article is where it was written
    (["# Clinic chain changes hands", "June 16, 2022"], ["Hong Kong"]),
])
def test_what_is_no_late_author(head, foot):
    assert facts("en", head, foot)[1] is None


PUBLISHERS = [
    # the masthead the footer repeats, not an overlay's button above it
    ("de", ["Schließen", "Der Gesundheitsbote", "# Klinikverbund übernimmt Praxisnetz", "Von Anna Schmidt"],
     ["Der Gesundheitsbote | Impressum | Datenschutz"], "Der Gesundheitsbote"),
    # a lone ordinary word is no outlet ...
    ("fr", ["Fermer", "# Un groupe rachète un réseau de cliniques", "Par Julien Moreau"], [], None),
    ("en", ["MENU", "# Clinic chain changes hands", "By Sam Lee"], [], None),
    # ... unless the page names it again
    ("de", ["Handelsblick", "# Klinikverbund übernimmt Praxisnetz", "Von Anna Schmidt"],
     ["Ein Angebot von Handelsblick"], "Handelsblick"),
    # a section word repeated in the footer's menu is no outlet
    ("en", ["Health", "# Clinic chain changes hands", "By Sam Lee"], ["Health | Business | Politics"], None),
    # the menu's "Home", in any language, is no outlet, repeated or not
    ("tr", ["Ana Sayfa", "# Klinik zinciri satıldı", "Yazar: Elif Kaya"], ["Ana Sayfa | Ekonomi | Spor"], None),
    ("ru", ["Главная", "# Сеть клиник продана", "12 мая 2021"], ["Главная | Экономика"], None),
    # the masthead in the article's own script, not the copyright holder's name in another
    ("ja", ["メディカル日報", "# 診療所チェーンが売却", "2021年2月3日"],
     ["Copyright © 2021 Medical Nippo Inc. All rights reserved."], "メディカル日報"),
    ("ru", ["МедВести", "# Сеть клиник продана", "12 мая 2021"], ["© 2021 MedVesti LLC"], "МедВести"),
    # in the same script the copyright holder still wins over an unconfirmed masthead
    ("en", ["Clinic Insider", "# Clinic chain changes hands", "June 16, 2022"], ["© 2022 Harbour Media Ltd"],
     "Harbour Media"),
    # the site a browser tab's title names after the headline, not the masthead's UI under it
    ("en", ["I Tried a Virtual Clinic So You Do Not Have To | by Renata Osei | Quillpost", "Open in app", "Sign up",
            "# I Tried a Virtual Clinic So You Do Not Have To", "Renata Osei", "Dec 6, 2022"], [], "Quillpost"),
    ("de", ["Klinikverbund übernimmt Praxisnetz - Der Gesundheitsbote", "Anmelden",
            "# Klinikverbund übernimmt Praxisnetz", "Von Anna Schmidt"], [], "Der Gesundheitsbote"),
    # ... where its last part is an outlet's name: not its author, nor a line that only opens like the headline
    ("en", ["Clinic chain changes hands - by Renata Osei", "# Clinic chain changes hands", "June 16, 2022"], [],
     None),
    ("en", ["Clinic chain changes hands hands down | Ledger", "# Clinic chain changes hands", "June 16, 2022"], [],
     None),
    # a word alone after the headline may be its section; a copyright line outranks it, and a number is no outlet
    ("en", ["Clinic chain changes hands | Opinion", "# Clinic chain changes hands", "June 16, 2022"], [], None),
    ("en", ["Clinic chain changes hands | Ledgerline", "# Clinic chain changes hands", "June 16, 2022"],
     ["© 2024 Daily Planet"], "Daily Planet"),
    ("en", ["Episode 87", "# Clinic chain changes hands", "June 16, 2022"], [], None),
]


@pytest.mark.parametrize("language, head, foot, expected", PUBLISHERS,
                         ids=[f"{row[0]}-{n}" for n, row in enumerate(PUBLISHERS)])
def test_which_masthead_names_the_outlet(language, head, foot, expected):
    assert facts(language, head, foot)[2] == expected


@pytest.mark.parametrize("language, texts, order", [
    ("en", ["04/03/2022", "Last reviewed 21/03/2022"], "DMY"),  # another date only one order reads
    ("fr", ["04/03/2022", "Mis en ligne le 03/21/2022"], "MDY"),
    ("en", ["04/03/2022", "Friday 4 March 2022"], "DMY"),  # the page's dates with month names
    ("en", ["04/03/2022", "Friday, March 4, 2022"], "MDY"),
    ("en", ["04/03/2022", "March 1st, 2022"], "MDY"),
    ("es", ["04/03/2022", "4 de marzo de 2022"], "DMY"),
    ("en", ["04/03/2022", "The organisation said its paediatric centres stay open."], "DMY"),  # the spelling
    ("en", ["04/03/2022", "The organization said its pediatric centers stay open."], "MDY"),
    ("en", ["04/03/2022", "A World Health Organization report"], None),  # a proper name is no spelling
    ("en", ["21/03/2022"], None),  # nothing ambiguous to settle
    ("de", ["04.03.2022", "03.21.2022"], None),  # dotted dates are day first everywhere
    ("fr", ["04/03/2022"], None),  # no evidence: the language decides
])
def test_date_order(language, texts, order):
    assert date_order(texts, language) == order


@pytest.mark.parametrize("language, head, foot, published", [
    ("en", ["# Clinic chain changes hands", "By Sam Lee · 03/04/2022"], [], "2022-03-04"),
    ("en", ["# Clinic chain changes hands", "By Sam Lee · 03/04/2022"], ["Last reviewed 28/04/2022"],
     "2022-04-03"),
    ("en", ["# Clinic chain changes hands", "By Sam Lee · 03/04/2022",
            "= The organisation behind the clinics said its paediatric centres would stay open during the sale."],
     [], "2022-04-03"),
    ("fr", ["# Un réseau de cliniques vendu", "Par Léa Roux · 03/04/2022"], ["Mis à jour le 04/25/2022"],
     "2022-03-04"),
    ("en", ["# Clinic chain changes hands", "By Sam Lee · 25/08/2022"], ["Filed 03/04/2022"], "2022-08-25"),
])
def test_the_page_settles_day_and_month(language, head, foot, published):
    assert facts(language, head, foot)[0] == published


@pytest.mark.parametrize("text, order", [
    ("The authorisation covers a sleep apnoea feature.", "DMY"),
    ("The authorization covers a sleep apnea feature.", "MDY"),
    ("Its colour screen and the behaviour of its sensors", "DMY"),
    ("The chemotherapy centre", "DMY"),
    ("Mathematics and chemotherapy", None),
    ("Jazz improvisation", None),
    ("The Stanford Medical Center and the Department of Defense", None),
])
def test_english_order(text, order):
    assert english_order(text) == order


@pytest.mark.parametrize("line, following, expected", [
    ("Jane Doe", "Jane Doe covers health policy from Washington and has written about insurers for a decade.",
     "Jane Doe"),
    ("Jane Doe", "Jane Doe, a former nurse, covers hospitals from Ottawa for the paper and its newsletters.",
     "Jane Doe"),
    ("Jane Doe", "Janet Doerr covers health policy from Washington and has written about insurers for years.", None),
    ("Jane Doe", "Jane Doe.", None),
    ("Jane Doe", "Jane Doe on Mastodon", None),  # no paragraph
])
def test_bio_name(line, following, expected):
    assert bio_name(line, following) == expected


@pytest.mark.parametrize("text, page_text, expected", [
    ("Thu Hà", "", "Thu Hà"),
    ("Lucía Ferrer (con agencias)", "", "Lucía Ferrer"),
    ("Minh Thu", "doanh thu tăng", "Minh Thu"),  # one word shared with the language
    ("Related Articles", "the related articles", None),  # all its words ordinary ones
    ("Compartir", "", None),
    ("陳大文", "", None),  # a CJK sign-off has its role word ("記者"), read by byline_name
])
def test_sign_off_name(text, page_text, expected):
    assert sign_off_name(text, page_text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Fermer", True), ("Menu", True), ("STARTSEITE", True), ("Handelsblick", True), ("Здоров’я", True),
    ("Aujourd'hui", True),
    ("TechCrunch", False), ("Salutecon.it", False), ("Le Fil Santé", False), ("9to5Mac", False), ("科技日報", False),
])
def test_plain_word(text, expected):
    assert plain_word(text) is expected


@pytest.mark.parametrize("text, expected", [
    ("Medical Nippo", "LATIN"), ("メディカル日報", "cjk"), ("МедВести", "CYRILLIC"), ("健康 Talk 健康", "cjk"),
    ("2024", None),
])
def test_script_of(text, expected):
    assert script_of(text) == expected


# --- the signals one by one ---------------------------------------------------------------------------------


@pytest.mark.parametrize("language, text, dates", [
    ("de", "12.03.2022", ["2022-03-12"]),
    ("en", "03/04/2021", ["2021-03-04"]),  # month first where the language writes it so
    ("fr", "03/04/2021", ["2021-04-03"]),
    ("es", "01 MAY 2024 - 06:15 CEST", ["2024-05-01"]),
    ("pt", "10 de junho de 2022", ["2022-06-10"]),
    ("it", "ore 09:45 del 16 novembre 2022", ["2022-11-16"]),
    ("en", "Thursday 31 August 2023", ["2023-08-31"]),
    ("ko", "2022년 3월 31일", ["2022-03-31"]),
    ("ja", "2023年1月25日 10:32 （2023年1月26日 12:05更新）", ["2023-01-25", "2023-01-26"]),
    ("zh-Hans", "2021-09-10 09:56:28", ["2021-09-10"]),
    ("en", "© 2008-2020 All Rights Reserved", []),
    ("de", "Lesezeit: 4 Min.", []),
    # in any script's digits: Arabic-Indic, Persian, Devanagari
    ("ar", "١٢ مارس ٢٠٢٣", ["2023-03-12"]),
    ("fa", "۱۲ مارس ۲۰۲۳", ["2023-03-12"]),
    ("hi", "१३ अगस्त २०२०, ०९:४५", ["2020-08-13"]),
    ("fa", "۱۲ دی ۱۳۹۸", ["2020-01-02"]),  # a Solar Hijri date: read as the Gregorian day it is
    # a date in English on a page in another language
    ("hi", "अपडेटेड: 13 Aug 2020, 09:45 AM IST", ["2020-08-13"]),
    ("de", "Stand: 10 May 2022", ["2022-05-10"]),
    ("de", "10. Mai 2022", ["2022-05-10"]),
    # the year first, then the month's name and the day
    ("hu", "2023. február 23. 08:40", ["2023-02-23"]),
    ("lt", "Vilnius, 2023 m. vasario 23 d.", ["2023-02-23"]),
    ("en", "In 2023 Google paid 3.9 billion", []),
    # Thai years in the Buddhist era
    ("th", "เผยแพร่: 28 เม.ย. 2563 14:20 น.", ["2020-04-28"]),
    ("th", "28/04/2563", ["2020-04-28"]),
    # a month's abbreviation between full stops ("28.jun.2018"), never a number's ("v3.2018")
    ("pt", "28.jun.2018 às 19h12", ["2018-06-28"]),
    ("en", "Release notes v3.2018", []),
])
def test_find_dates(language, text, dates):
    assert [found.value.isoformat() for found in find_dates(text, language)] == dates


@pytest.mark.parametrize("language, text, marks", [
    ("ja", "2023年1月25日 10:32 （2023年1月26日 12:05更新）", [False, True]),
    ("ko", "입력 2022.03.31 15:42 | 수정 2022.04.01 16:10", [False, True]),
    ("fr", "Publié le 4 mars 2022, mis à jour le 5 mars 2022", [False, True]),
    ("en", "Updated March 9, 2020 · Published March 8, 2020", [True, False]),
    # no separator between the dates: the marker belongs to the nearest FOLLOWING date ...
    ("en", "June 3, 2021 10:00 AM ET Updated June 4, 2021", [False, True]),
    ("de", "03.06.2021, 10:00 Uhr aktualisiert am 04.06.2021", [False, True]),
    ("fr", "Publié le 3 juin 2021 à 10h00 mis à jour le 4 juin 2021", [False, True]),
    ("ko", "입력 2021.06.03 10:00 수정 2021.06.04 09:00", [False, True]),
    ("tr", "Yayınlanma: 3 Haziran 2021 10:00 Güncelleme: 4 Haziran 2021 09:00", [False, True]),
    # ... unless it is glued to the time before it, as markers written after their date are
    ("ja", "2021年6月3日 10:00 2021年6月4日 09:00更新", [False, True]),
    ("zh-Hans", "2021-06-04 09:00更新 2021-06-03 08:00发布", [True, False]),
])
def test_update_markers_mark_revisions_in_every_position(language, text, marks):
    assert [found.update for found in find_dates(text, language)] == marks


@pytest.mark.parametrize("language, text, published", [
    ("en", "Updated March 9, 2020 · Published March 8, 2020", "2020-03-08"),
    ("en", "June 3, 2021 10:00 AM ET Updated June 4, 2021", "2021-06-03"),
    ("sv", "Publicerad 3 juni 2021 kl. 10:00 Uppdaterad 4 juni 2021", "2021-06-03"),
    ("en", "Updated June 4, 2021", None),
])
def test_the_first_date_not_marked_as_a_revision_is_the_publication(language, text, published):
    found = dateline(text, language).published
    assert (found.isoformat() if found else None) == published


@pytest.mark.parametrize("text, expected", [
    ("Von Katharina Brandt, 21.07.2022, 18:42 Uhr", "Katharina Brandt"),
    ("Par Claire Dupuis", "Claire Dupuis"),
    ("Por Rafael Lima, de São Paulo", "Rafael Lima"),
    ("di Giulia Conti", "Giulia Conti"),
    ("By Helen Marsh, Health Technology Correspondent", "Helen Marsh"),
    ("Von Anna Schmidt und Peter Müller", "Anna Schmidt und Peter Müller"),
    ("文｜叶秋", "叶秋"),
    ("文|某某網", "某某網"),  # after an explicit marker, an agency's name is the author too
    ("記者陳怡華／綜合報導", "陳怡華"),
    ("记者 张三 报道", "张三"),
    ("記者陳家豪報道", "陳家豪"),  # no space between the name and the verb
    ("撰文：梁家豪", "梁家豪"),
    ("김민호 기자", "김민호"),
    ("이지은 기자 jelee@example.kr", "이지은"),
    ("佐藤健 記者", "佐藤健"),
    ("【ロンドン＝田中花子】", "田中花子"),
    ("[의료경제=김민수 기자]", "김민수"),
    ("By JOHN SMITH", "JOHN SMITH"),
    ("Автор: Иван Петров, 4 января 2021", "Иван Петров"),
    ("Vondelpark", None),
    ("Text und Bild", None),
    # the universal markers, one row per language
    ("Door Femke de Jong", "Femke de Jong"),
    ("Geschreven door Bram Visser", "Bram Visser"),
    ("Av Sofia Berg", "Sofia Berg"),
    ("Skrevet af Mads Holm", "Mads Holm"),
    ("Autor: Marta Zielińska", "Marta Zielińska"),
    ("Autorka: Ewa Mazur", "Ewa Mazur"),
    ("Autor: João Pereira", "João Pereira"),
    ("Yazar: Zeynep Arslan", "Zeynep Arslan"),
    ("Muhabir: Emre Şahin", "Emre Şahin"),
    ("Oleh: Budi Santoso", "Budi Santoso"),
    ("Penulis: Siti Rahmawati", "Siti Rahmawati"),
    ("Tác giả: Thu Hà", "Thu Hà"),
    ("Текст: Мария Волкова", "Мария Волкова"),
    ("Napsal Jan Dvořák", "Jan Dvořák"),
    ("de Andreea Ionescu | joi, 23 februarie 2023, 09:14", "Andreea Ionescu"),
    ("Na Amina Mwakyusa", "Amina Mwakyusa"),
    ("Ni Jerome dela Cruz", "Jerome dela Cruz"),
    # in scripts without capitals, after a marker: a few words
    ("நமது சிறப்பு நிருபர் க. செந்தில்குமார்", "க. செந்தில்குமார்"),
    ("लेखक: सुमन शर्मा", "सुमन शर्मा"),
    ("نويسنده: سارا محمدي", "سارا محمدي"),  # Persian as a legacy code page writes it: the Arabic yeh
    ("رپورٹ: عائشہ ملک", "عائشہ ملک"),
    ("ავტორი: ნინო კვარაცხელია", "ნინო კვარაცხელია"),  # Georgian: capitals in Unicode, unused in names
    ("Հեղինակ՝ Անի Հովհաննիսյան", "Անի Հովհաննիսյան"),  # Armenian sets the label apart with ՝
    ("oprac. Marta Zielińska", "Marta Zielińska"),
    ("Γράφει ο Νίκος Παππάς", "Νίκος Παππάς"),  # Greek: "writes", the name with its article
    ("A column by Warren Buffett, 46 years on", None),  # a subheading: an opinion's byline names only its author
    ("Teksti: Matti Virtanen", "Matti Virtanen"),
    ("【本報記者 陳家豪 報道】", "陳家豪"),  # a byline in brackets on its own line
    ("लेखक के बारे में", None),  # "About the author": after the marker, words that are no name
    # an opinion piece names its kind first; an academic title is not the name
    ("Eine Kolumne von Dr. Anna Schmidt", "Anna Schmidt"),
    ("A column by Prof. Jane Doe", "Jane Doe"),
    ("By Dr Who", "Dr Who"),  # a title and one word: all of the name there is
    # the same words opening ordinary sentences, or naming a desk
    ("Door de nieuwe regels stijgen de kosten", None),
    ("Av alla patienter", None),
    ("Oleh karena itu", None),
    ("By Jane Doe in New York", "Jane Doe"),  # the place after the name
    ("Аутор: Милош Јовановић", "Милош Јовановић"),
    ("纵面新闻记者 | 林思远", "林思远"), ("潮涌新闻记者 沈嘉禾", "沈嘉禾"),  # the outlet's reporter
    ("字号", None), ("关注", None),
    ("ავტორი: ნინო ბერიძე", "ნინო ბერიძე"),  # a script whose letters are all lower case
    ("Business | By Iris Cheung in Hong Kong | Published: 6:30pm, 8 Dec, 2020", "Iris Cheung"),
    ("Penulis: Tim Redaksi", None),
    ("Hosted by Maya Okafor and Ben Castell", "Maya Okafor and Ben Castell"),  # a podcast's hosts
    ("✍️ Por Mariana Costa · Tecnoclínica · 15/11/2022", "Mariana Costa"),  # after a post's pictograph
    # a channel's blurb that runs on into a second sentence: no byline in its parts
    ("Notícias de saúde digital e telemedicina, de São Paulo à Amazônia. Contato: @saudedigital", None),
    ("김도윤 객원칼럼니스트", "김도윤"),  # a guest columnist
    ("كتب - محمود عبد الرحمن", "محمود عبد الرحمن"), ("كتب الرئيس التنفيذي رسالة", None),  # "wrote", with its mark
    # Chinese reporters spaced apart after their marker, or the outlet's; a name over where the report is
    # from; a name before its outlet in brackets; a picture's credit so written is no one's
    ("记者 何建国 郑雪", "何建国, 郑雪"), ("本网记者　何建国　郑雪", "何建国, 郑雪"), ("健康时报 记者 张三", "张三"),
    ("【張家豪／台北報導】", "張家豪"), ("[山口悠人，PC Wave]", "山口悠人"), ("【写真，ロイター】", None),
    ("Door onze correspondent Thijs van Dam", "Thijs van Dam"),  # "by our correspondent …"
    ("Von unserem Korrespondenten Peter Müller", "Peter Müller"),
    ("【生活中心／台北報導】", None), ("财经频道/综合报道", None), ("[北京，新华社电]", None),  # a desk, a place
    ("本报记者 张三 北京报道", "张三"), ("中新网记者 张三 北京", "张三"), ("新华网记者 林思远 摄影", "林思远"),
    ("记者 金峰", "金峰"), ("记者 夏阳 郑雪", "夏阳, 郑雪"),  # reporters whose names are also cities' names
    ("分析師：林怡君", "林怡君"),  # a research note's analyst
    ("森田 拓海＝メディカルITジャーナル", "森田 拓海"), ("売上高＝2兆円", None),  # a name, then its outlet
    ("ニューヨーク＝佐藤健一", "佐藤健一"), ("北京＝中村裕", "中村裕"), ("アマゾン＝巨大企業", None),  # a dispatch's place
    ("రచన: రాఘవేంద్ర రెడ్డి", "రాఘవేంద్ర రెడ్డి"),  # Telugu: "written by"
    # a flattened byline: the date's marker, an agency or a desk after the name are none of it
    ("By Jane Doe Updated 25 January 2023", "Jane Doe"), ("By Jane Doe and AFP", "Jane Doe"),
    ("Par Jean Dupont et AFP", "Jean Dupont"), ("Von Max Müller und Agenturen", "Max Müller"),
    ("By Jane Doe & Reuters Staff", "Jane Doe"), ("By Jane Doe and Health Desk", "Jane Doe"),
    ("Por José Ortega y Gasset", "José Ortega y Gasset"),  # one name, its surnames joined
    # an interview's: who asked the questions
    ("Propos recueillis par Camille Bertrand", "Camille Bertrand"), ("Interview by Dana Whitcomb", "Dana Whitcomb"),
    ("Das Interview führte Anna Schmidt", "Anna Schmidt"),
    # a particle's article is the name's, a publication's marker may be a name's word, a surname a word
    ("By Ana De Los Ríos Pérez", "Ana De Los Ríos Pérez"), ("Tác giả: Nguyễn Hải Đăng", "Nguyễn Hải Đăng"),
    ("By Eyal Press", "Eyal Press"),
    # the outlet after the name, its comma lost; a name's own capitalized particle, or a short surname, stays
    ("By Jordan Pell The Associated Press", "Jordan Pell"), ("Por Ana Ruiz Los Angeles Times", "Ana Ruiz"),
    ("Par Jean-Luc La Fontaine", "Jean-Luc La Fontaine"), ("By Kevin Lo", "Kevin Lo"),
])
def test_byline_name(text, expected):
    assert byline_name(text) == expected


@pytest.mark.parametrize("text, language, expected", [
    # Japanese pages space one name between family and given name; Chinese ones space two people apart
    ("執筆：小林 直樹（本誌編集部）", "ja", "小林 直樹"), ("執筆：小林 直樹（本誌編集部）", "zh-Hant", "小林, 直樹"),
    ("執筆：小林　直樹", "ja", "小林 直樹"), ("文・写真：小林 さくら", "ja", "小林 さくら"),
    ("执笔：何建国 郑雪", "zh-Hans", "何建国, 郑雪"), ("执笔：何建国 郑雪", "und", "何建国, 郑雪"),
    ("取材・文：小林 直樹、山田 花子", "ja", "小林 直樹"),  # people set apart by "、": the first
])
def test_byline_names_spaced_as_the_page_language_spaces_them(text, language, expected):
    assert byline_name(text, language) == expected


@pytest.mark.parametrize("text, expected", [
    ("【ロンドン＝田中花子】英政府は", "田中花子"),
    ("[의료경제=김민수 기자] 회사는", "김민수"),
    ("〔記者王小明／台北報導〕該公司", "王小明"),
    ("（記者陳大文／綜合報導）該公司", "陳大文"),
    ("[Por Ana Ruiz] La empresa anunció", "Ana Ruiz"),
    ("(Reuters) - The company said", None),
    ("【编者按】本文介绍", None),
    ("[사진=의료재단 제공] 회사는", None),
    ("鹭江财经讯（记者 陈思远）5月4日，平安好医生正式挂牌", "陈思远"),  # after a dispatch's opening
    ("新华社北京5月4日电（记者 张晓明）国家卫健委", "张晓明"),
    ("平安好医生（01833.HK）正式在香港挂牌", None),  # a bracket after a name, not a dispatch
    ("本报讯（记者 周晓东 通讯员 李婷婷）6月17日，", "周晓东"),  # the reporter, not the correspondent with him
    ("【文/瞭望者网 齐晗 编辑/周鹏】当地时间1月10日，", "齐晗"),  # the outlet's name before the writer's
    ("（寶島社記者沈佩瑜台北30日電）衛生福利部修正", "沈佩瑜"),  # an agency's dispatch: reporter, place, day
    ("（中央社記者王明台北5日電）行政院今天", "王明"),
    ("〔編譯張孟儒∕綜合報導〕美國電商巨擘亞馬遜", "張孟儒"),
    ("（中央社記者王明高雄市5日電）行政院今天", "王明"),  # a place of three characters
    ("（中央社記者沈佩瑜30日電）行政院今天", None),  # no place the name can be told from
])
def test_lead_byline(text, expected):
    assert lead_byline(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Javier Ortega", "Javier Ortega"),
    ("Danny Reeve, Consumer Tech Reporter", "Danny Reeve"),
    ("Harriet Ashdown Health policy editor", "Harriet Ashdown"),
    ("Consumer Tech Reporter", None),
    ("Danny Reeve, who covers consumer tech", None),  # no role word at the end
    ("Amazon Fires Its Health Editor", None),  # a headline in title case: no role in lower case
    ("Trump Fires Fox News Columnist", None),
    ("Amazon Care closes its doors for good", None),
    ("Marta Zielińska, dział Firmy", "Marta Zielińska"),  # the name, then the desk
    ("Priya Raman, Director of Clinical Programs", "Priya Raman"),  # or a role that opens with its title
    ("Amazon, Director of Nothing", None),  # no person's name before the comma
    ("Andy Jassy, chief executive of Amazon", None),  # a caption: a role in lower case, a company after it
    ("Ravi Dhaliwal @ravidhal", "Ravi Dhaliwal"),  # the name, then where to follow the writer
    ("Ravi Dhaliwal | @ravi_d", "Ravi Dhaliwal"),
    ("Follow us @techsignal", None),  # no name before the handle
    # several people, however the page joins them; never places so listed
    ("Kadri Tamm, Mart Lepik", "Kadri Tamm, Mart Lepik"),
    ("Hennie Botha en Marelize van der Merwe", "Hennie Botha en Marelize van der Merwe"),
    ("New York, Los Angeles", None), ("Health, Science", None),
    ("Marisa Okafor, PharmD", "Marisa Okafor"), ("Jane Doe, MD", "Jane Doe"),  # without the credential
])
def test_name_line(text, expected):
    assert name_line(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("© 2022 Rheinpost Verlag GmbH", "Rheinpost Verlag"),
    ("© 2023 Ediciones Diario Norte S.L. Todos los derechos reservados.", "Ediciones Diario Norte"),
    ("Le Quotidien du Sud – Tous droits réservés – 2023", "Le Quotidien du Sud"),
    ("저작권자 ⓒ 의료IT신문 무단전재 및 재배포 금지", "의료IT신문"),
    ("Copyright (C) 2021 メディカル速報 All rights reserved.", "メディカル速報"),
    ("（C）テック日報", "テック日報"),
    ("版權所有 Copyright 2022 台灣新報 All Rights Reserved.", "台灣新報"),
    ("כל הזכויות שמורות © ביזטק 2023", "ביזטק"),
    ("© 2022 ٹیک نامہ۔ جملہ حقوق محفوظ ہیں", "ٹیک نامہ"),  # Urdu's full stop after the name
    ("สงวนลิขสิทธิ์ © 2565 ไทยเทคนิวส์", "ไทยเทคนิวส์"),  # a Buddhist-era year
    ("© 2023 ტექ ამბები. ყველა უფლება დაცულია", "ტექ ამბები"),
    ("© Riproduzione riservata", None),
    ("Riproduzione riservata ©", None),
    ("The company reported higher revenue.", None),
])
def test_rights_holder(text, expected):
    assert rights_holder(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Rheinpost – Zeitung für das Rheinland", "Rheinpost"),
    ("台灣新報　首頁 | 即時 | 財經", "台灣新報"),
    ("テック日報 | ニュース | 解説", "テック日報"),
    ("Salutecon.it", "Salutecon.it"),
    ("Home > Business > Health", None),
    ("Suscríbete: el primer mes por 1 €", None),
    ("Gesundheit digital: Apps, Daten und die Menschen dahinter", None),
    ("在线问诊,医院排名,减肥药排行榜", None),
    ('<input id="x"></input>', None),
])
def test_site_name(text, expected):
    assert site_name(text) == expected


def test_source_markers_name_the_outlet_but_not_a_photo_credit():
    assert source_name("2021-12-21 10:05:33 來源：醫療快訊") == "醫療快訊"
    assert source_name("图片来源：视觉中国") is None
    assert source_name("Quelle: Rheinpost") == "Rheinpost"


def test_outlet_names_agree_across_forms():
    assert names_agree("The Morning Post", "Morning Post Media")
    assert names_agree("Rheinpost", "Rheinpost Verlag")
    assert not names_agree("Anzeige", "Rheinpost Verlag")
    assert native_form("健康點評 HealthTalk HK", "zh-Hant") == "健康點評"
    assert native_form("Health Talk HK", "en") == "Health Talk HK"


def test_the_head_ends_with_the_second_paragraph_after_the_headline():
    layout = page(make_page("en", ["Masthead Times", "# Headline", "By Jane Doe"], ["© Masthead Times"]))
    assert [line.text for line in layout.masthead] == ["Masthead Times"]
    assert [line.text for line in layout.head][-3:] == ["By Jane Doe", PROSE["en"], PROSE["en"]]
    assert [line.text for line in layout.foot] == ["© Masthead Times"]


# --- build_article: extraction under optional curation ------------------------------------------------------


def normalized(language, head, foot=()):
    clean = make_page(language, head, foot)
    return normalize(Detected(clean, language, language.split("-")[0]))


def test_an_uncurated_article_has_its_texts_facts_and_no_english_title():
    article = build_article(normalized("de", ["# Klinikverbund übernimmt Praxisnetz",
                                              "Von Anna Schmidt, 03.04.2022, 14:05 Uhr"]), None)
    assert (article.title_en, article.summary_en) == ("", "")
    assert (article.published.value, article.published.provenance) == ("2022-04-03", "text")
    assert (article.author.value, article.author.provenance) == ("Anna Schmidt", "text")
    assert article.publisher.provenance == "unknown"


def test_a_headline_over_a_body_only_fasttext_can_name_marks_no_translation():
    # Lingua calls this Breton headline Basque, fastText Breton: against a Breton body that would read as a
    # translation from Basque; against a German one the two identifiers disagree, so nothing is claimed.
    page = make_page("de", ["# Amazon a serr e servij yec'hed"])
    breton = build_article(normalize(Detected(page, "br", "br")), None)
    german = build_article(normalize(Detected(page, "de", "de")), None)
    assert breton.translated_from is None
    assert german.translated_from is None


@pytest.mark.parametrize(("language", "headline", "translated_from"), [
    # A few words and names: Lingua alone called these German, Spanish and Tagalog.
    ("en", "Amazon Pharmacy adds RxPass", None),
    ("en", "Amazon Halo discontinued", None),
    ("en", "Alibaba Health Q3 revenue up", None),
    ("en", "Krankenkasse weitet Videosprechstunde aus", "de"),  # both name it
    ("de", "Haven health venture to disband", "en"),
    ("en", "Microsoft fullfører oppkjøpet av Nuance", "nb"),  # fastText's "no" stands for Bokmål too
    ("en", "亚马逊健康业务的新动向：在线药房与远程医疗服务同步扩张", "zh"),  # told by its script
])
def test_a_headline_in_another_language_is_claimed_only_when_both_identifiers_name_it(language, headline,
                                                                                       translated_from):
    article = build_article(normalized(language, [f"# {headline}"]), None)
    assert (article.translated_from.language if article.translated_from else None) == translated_from


def test_the_articles_language_decides_day_and_month():
    english = build_article(normalized("en", ["# Clinic chain changes hands", "By Sam Lee · 03/04/2022"]), None)
    french = build_article(normalized("fr", ["# Un réseau de cliniques vendu", "Par Léa Roux · 03/04/2022"]), None)
    assert (english.published.value, french.published.value) == ("2022-03-04", "2022-04-03")


def test_curation_overrides_what_the_text_states():
    article = build_article(normalized("de", ["# Klinikverbund übernimmt Praxisnetz",
                                              "Von Anna Schmidt, 03.04.2022, 14:05 Uhr"]),
                            {"author": "Anna M. Schmidt", "publisher": "Rheinpost", "title_en": "Clinics sold"})
    assert (article.author.value, article.author.provenance) == ("Anna M. Schmidt", "curated")
    assert (article.publisher.value, article.publisher.provenance) == ("Rheinpost", "curated")
    assert article.published.provenance == "text"
    assert article.title_en == "Clinics sold"


def test_a_curated_title_replaces_the_extracted_one_in_every_script():
    source = normalized("zh-Hant", ["# 頁面選單", "2022/03/05 14:20"])
    article = build_article(source, {"title": "微軟完成收購語音公司"})
    own, other = article.normalized.renditions
    assert article.clean.title == own.title == "微軟完成收購語音公司"
    assert other.language == "zh-Hans" and other.title == convert("微軟完成收購語音公司", "zh-Hans") != own.title
    assert article.clean.blocks == source.detected.clean.blocks
    assert build_article(source, {}).clean.title == "頁面選單"


# --- the real seeds keep what their text states ----------------------------------------------------------


FOUNDING_FACTS = {  # what each founding article's own text states (published, publisher, author, original)
    "000": (None, None, "動脈網", None),
    "001": (None, None, None, "https://medium.datadriveninvestor.com/the-wellcare-new-trail-8f354fd78c19"
                              "?source=collection_archive---------13-----------------------"),
    "002": (None, None, None, None),
    "003": ("2020-04-29", "21世紀商業評論", "韓璐", None),
    "004": (None, None, None, None),
}


@pytest.mark.parametrize("prefix", sorted(FOUNDING_FACTS))
def test_the_founding_articles_keep_the_facts_their_text_states(articles, prefix):
    found = extract(articles[prefix].clean, articles[prefix].language)
    assert (found.published, found.publisher, found.author, found.original_url) == FOUNDING_FACTS[prefix]


def test_003_dateline_publication_and_author_come_from_the_text(articles):
    article = articles["003"]
    assert (article.published.value, article.published.provenance) == ("2020-04-29", "text")
    assert article.publisher.value == "21世紀商業評論"
    assert (article.author.value, article.author.provenance) == ("韓璐", "text")


def test_001_original_url_comes_from_the_text(articles):
    article = articles["001"]
    assert article.original_url.value.startswith("https://medium.datadriveninvestor.com/the-wellcare-new-trail")
    assert article.original_url.provenance == "text"
    assert article.translated_from.language == "en"
    assert article.published.value is None  # the dates of its reference list are no publication date


def test_000_byline_names_the_source_outlet(articles):
    assert (articles["000"].author.value, articles["000"].author.provenance) == ("動脈網", "text")
    assert articles["000"].publisher.provenance == "curated"


def test_004_english_headline_marks_a_translation(articles):
    translated = articles["004"].translated_from
    assert translated.language == "en"
    assert translated.title == "Amazon to shut down its telehealth offering"
    assert articles["004"].author.value is None  # "Your email address will not be published" names no one


def test_article_ids_are_url_safe():
    assert article_id("seeds/articles/000_8c560dd54438cdbd.txt") == "000_8c560dd54438cdbd"
    assert re.fullmatch(r"uber-uns-2--[0-9a-f]{8}", article_id("seeds/articles/Über uns (2).TXT"))  # see test_inputs
    # A character drawn as nothing (a grapheme joiner, a Hangul filler) is not kept in an address.
    for name in ("report\u034f.md", "report\u3164.md", "report\ufe0f.md"):
        assert re.fullmatch(r"report--[0-9a-f]{8}", article_id(f"seeds/articles/{name}")), article_id(name)


# --- curation: optional, validated, errors name file, line and field ---------------------------------------


def load(tmp_path, yaml_text, names=("a.txt",)):
    path = tmp_path / "articles.yml"
    path.write_text(yaml_text, encoding="utf-8")
    return path, load_curation(path, set(names))


def test_every_curated_field_is_optional(tmp_path):
    _, entries = load(tmp_path, "articles:\n  a.txt:\n    publisher: Rheinpost\n  b.txt: {}\n", ("a.txt", "b.txt"))
    assert entries == {"a.txt": {"publisher": "Rheinpost"}, "b.txt": {}}
    _, entries = load(tmp_path, "articles:\n")
    assert entries == {}


def test_a_full_entry_loads(tmp_path):
    _, entries = load(tmp_path, (
        "articles:\n  a.txt:\n    title: Klinikverbund übernimmt Praxisnetz\n    title_en: Clinics sold\n"
        "    summary_en: A clinic network is sold.\n    published: '2022-03-12'\n"
        "    drop_lines:\n      - 'Lesezeit: 4 Min.'\n    keep_lines:\n      - Fragen und Antworten\n"
    ))
    entry = entries["a.txt"]
    assert entry["title"] == "Klinikverbund übernimmt Praxisnetz"
    assert entry["drop_lines"] == ["Lesezeit: 4 Min."] and entry["keep_lines"] == ["Fragen und Antworten"]


@pytest.mark.parametrize(
    "yaml_text, line, field",
    [
        ("articles:\n  a.txt:\n    title_en: T\n    summary_en: S\n    colour: red\n", 5, "articles.a.txt.colour"),
        ("articles:\n  a.txt:\n    title_en: [T]\n", 3, "articles.a.txt.title_en"),
        ("articles:\n  a.txt:\n    title: ''\n", 3, "articles.a.txt.title"),
        ("articles:\n  a.txt:\n    title_en: T\n    published: 2022-13-45\n", 4, "articles.a.txt.published"),
        ("articles:\n  a.txt:\n    title_en: T\n    published: 24.08.2022\n", 4, "articles.a.txt.published"),
        ("articles:\n  a.txt:\n    drop_lines: Anzeige\n", 3, "articles.a.txt.drop_lines"),
        ("articles:\n  a.txt:\n    drop_lines:\n      - Anzeige\n      - ''\n", 5, "articles.a.txt.drop_lines.1"),
        ("articles:\n  a.txt:\n    keep_lines:\n      - Anzeige\n      - Anzeige\n", 4, "articles.a.txt.keep_lines"),
        ("articles:\n  a.txt:\n    drop_lines: [Anzeige, Foto]\n    keep_lines:\n      - Lesezeit\n      - Foto\n",
         6, "articles.a.txt.keep_lines.1"),
        ("articles:\n  b.txt:\n    title_en: T\n", 3, "articles.b.txt"),
        ("articles:\n  a.txt:\n    title_en: [unclosed\n", 4, None),
        ("articles:\n  a.txt:\n    title_en: T\n    title_en: U\n", 4, None),
    ],
    ids=["unknown field", "wrong type", "empty title", "impossible date", "malformed date", "lines not a list",
         "empty line", "repeated line", "kept and dropped", "unknown article", "syntax error", "duplicate key"],
)
def test_malformed_curation_names_file_line_and_field(tmp_path, yaml_text, line, field):
    with pytest.raises(CurationError) as error:
        load(tmp_path, yaml_text)
    message = str(error.value)
    assert message.startswith(f"{tmp_path / 'articles.yml'}:{line}:")
    if field:
        assert f"field '{field}'" in message
