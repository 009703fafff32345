"""menus: a menu's shape, items between separators or set apart by runs of spaces (sentences, headlines,
quotations and table rows are none); a share bar's; a toolbar's."""

import pytest

from dossier.menus import is_navigation, is_share_bar, is_spaced_menu, is_toolbar
from test_furniture import BODY


@pytest.mark.parametrize("line", [
    "Home > Health > Digital",
    "Inicio › Economía › Empresas",
    "首页 | 新闻 | 健康 | 科技",
    "ホーム ＞ ニュース ＞ 国内",
    "Login | Register | Mobile",
    "Política · Economía · Cultura · Deportes",
    # a breadcrumb that ends in the headline, cut short or whole
    "หน้าแรก > เทคโนโลยี > Amazon บุกธุรกิจร้านขายยา เปิดตัว Amazon Pharmacy...",
    "Home › Tech › Amazon closes its Care service for good after three years of trying",
    "होम / टेक / अमेज़न ने अमेरिका में लॉन्च की ऑनलाइन क्लिनिक सेवा Amazon Clinic, मैसेज से होगा इलाज",  # slashes
    "12 | Comments | Share | Print",  # a toolbar that opens with a count: no numbered heading
    "Noticias de Oracle > Comunicados de prensa",  # a breadcrumb of two short items
])
def test_navigation_is_short_items_between_separators(line):
    assert is_navigation(line)


@pytest.mark.parametrize("line", [
    *BODY,
    "Amazon vs. Walmart: who wins the pharmacy war?",
    "«غوغل» تستوعب فريق «ديب مايند» الصحي... وتطبيق «ستريمز» يعيد مخاوف الخصوصية",  # quotes, not a path
    "«Сбер» и «Яндекс» запускают телемедицину",
    "| Region | Clinics | Patients |",
    "01｜从员工福利走向企业市场",  # a numbered section's heading
    "2 | Why the deal matters",
    "Apple > Samsung? The smartwatch numbers for the last quarter say otherwise",
    "Amazon <b>expands</b> its clinic network",  # the > of a tag is no breadcrumb's
    "Revenue grew > 5% > last year, and the company said it would hire more nurses in every clinic.",
    "Tech / health / the 24/7 clinic that Amazon closed after three years, and what its patients did next.",
    "Costs > benefits > for most hospitals, the study found, video visits paid for themselves within a year and "
    "cut the waiting lists of every clinic that offered them…",
])
def test_navigation_leaves_sentences_headlines_and_table_rows(line):
    assert not is_navigation(line)


@pytest.mark.parametrize(("line", "menu"), [
    ("Startseite   Inland   Ausland   Wirtschaft   Wissen", True),  # a menu flattened with runs of spaces
    ("홈  정치  경제  사회  세계", True),
    ("Amazon   closes   its clinics", False),  # too few items
    ("One Medical    1 Main Street    Boston MA 02110    (617) 555-0100", False),  # an address
    ("The doors are shut    the lights are low    the nurses gone    the patients go", False),  # verse
    # Chinese and Japanese set no space between words: one space (or an ideographic one) sets items apart
    ("首頁　科技　財經　生活　健康　國際　影音", True),
    ("トップ 速報 ライブ エキスパート オリジナル みんなの意見 ランキング", True),
    ("구글 핏빗 인수 완료 발표", False),  # Korean spaces its words: a headline
    ("アマゾン、月5ドルの処方薬定額サービス　米国で開始", False),
    ("台積電 聯發科 鴻海 法說會 接力登場", False),  # a headline's phrases, five: a menu has six items or more
])
def test_a_menu_set_apart_by_runs_of_spaces_has_its_shape(line, menu):
    assert is_spaced_menu(line) is menu


@pytest.mark.parametrize("line, expected", [
    ("Share on Facebook", True),
    ("Auf WhatsApp teilen", True),
    ("Compartilhe no Twitter", True),
    ("分享　Facebook　LINE　複製連結", True),
    ("Udostępnij na Facebooku", True),  # a platform's declined name
    ("Distribuie pe Facebook", True),
    ("Сподели във Facebook", True),
    ("Zdieľať na Twitteri", True),
    ("Dalintis „LinkedIn“", True),
    ("Jaa Facebookissa", True),
    ("Jaa Twitterissä", True),  # Finnish vowel harmony
    ("Compartir en Whatsapp Compartir en Facebook Compartir en Twitter Copiar enlace", True),  # a bar of buttons
    ("Partekatu Facebooken", True),
    ("Rhannwch ar Twitter", True),
    ("Deli na Twitterju", True),  # any short case ending on a platform's name
    ("Facebook Twitter WhatsApp", True),
    # a question, a phrase: the article's own lines
    ("Share on X", True),  # the platform by its letter, after "on"
    ("Tweet on x-ray", False),
    ("Vil Facebook dele dataene?", False),
    ("Sdílet data s Facebookem?", False),
    ("En del av Facebook", False),
    ("Facebook and Twitter", False),
    ("Фејсбук и Твитер", False),
    ("Facebook, Twitter and WhatsApp all said on Monday that they would remove the posts", False),
    ("Facebook shares fell 5% after the report", False),
    ("Meta said Facebook would stop sharing the data with advertisers from next month.", False),
    ("فیس بک پر شیئر کریں", True),  # Urdu: the platform written in its own script
    ("सेयर गर्नुहोस्: Facebook Twitter Viber", True),  # Nepali
    ("Chia sẻ qua Zalo", True),  # Vietnam's own messenger
    ("Signal ended the trial early.", False),
])
def test_share_bars(vocabulary, line, expected):
    assert is_share_bar(line, vocabulary) is expected


@pytest.mark.parametrize(("line", "toolbar"), [
    ("印刷 シェア ブックマーク", True), ("保存 共有 印刷", True), ("Share · Print · Save", True),
    ("글자크기 가 가", True),  # a font-size control, its two buttons
    ("Save the date", False), ("Follow the money", False), ("Amazon Pharmacy", False),
])
def test_a_row_of_controls_is_a_toolbar(vocabulary, line, toolbar):
    assert is_toolbar(line, vocabulary) is toolbar
