"""furniture: each signal of the clean stage on its own, on lines in the languages the site reads.

Every table holds lines the signal must recognize and lines of article text it must leave alone.
"""

import pytest

from dossier import furniture
from dossier.article_location import line_signal
from dossier.line_shape import stopword_language

BODY = [
    "Die Aktionäre müssen dem Geschäft noch zustimmen, teilte das Unternehmen am Montag in Berlin mit.",
    "La compagnie a indiqué que la décision n’avait aucun lien avec ses autres acquisitions récentes.",
    "去年该平台的在线问诊量增长了三倍，其中超过一半来自三四线城市的用户，医生资源仍然集中在大城市。",
    "同社は来年春までに全国の薬局で電子処方箋に対応する方針を明らかにし、利用者の負担軽減を目指す。",
    "업계에서는 비대면 진료 제도화가 시장 성장의 관건이 될 것으로 보고 있으며, 정부도 관련 지침을 준비 중이다.",
    "The company said it would keep its 2,000 employees and honour existing contracts until June 2025.",
]


@pytest.mark.parametrize("line", [
    "12.03.2022, 14:05 Uhr",
    "Publié le 4 mars 2022 à 10h12",
    "2023年1月25日 10:32",
    "승인 2023.02.23 09:30",
    "Thursday 31 August 2023",
    "Madrid - 14 nov 2019 - 13:05 CET",
    "١٢ مارس ٢٠٢٣، ١٠:٣٠",  # Arabic-Indic digits
    "2021-09-10 09:56:28 来源：示例网",
    "7 de noviembre de 2023",  # the day four words from its year
    "15 มีนาคม 2567",
    # a Buddhist-era year (2565 is 2022) in Thai; set out in parts, its "น." (o'clock) is no sentence's end
    "ข่าวประชาสัมพันธ์ | วันพฤหัสบดีที่ 9 มิถุนายน 2565 เวลา 10:42 น.",
    "วันพุธที่ ๑๘ พฤศจิกายน พ.ศ. ๒๕๖๓",  # the era's name before the year, in Thai digits
    "12.04.2021, 16:48 Uhr · Von Sabine Krämer · Lesezeit: 3 Min.",  # its last part's abbreviation ends no sentence
    # in parts, longer: the section, the byline and its place, two dates
    "Business | By Iris Cheung in Hong Kong | Published: 6:30pm, 8 Dec, 2020 | Updated: 9:12pm, 8 Dec, 2020",
])
def test_datelines(line):
    assert furniture.is_dateline(line)


@pytest.mark.parametrize("line", [*BODY, "Warum 2023 ein Wendepunkt war", "Die Zahl der Praxen stieg auf 190",
                                  "Google\t2019\tFitbit'i satın alma anlaşması imzaladı\t2,1 milyar dolar",
                                  "Clinic 2565 opened on 9 June",  # 2565 a year only in a Buddhist-era script
                                  "ตลาดโฆษณาไทยปี 2566 โตร้อยละ 5",  # and there only with a day and a month
                                  # a year and a number far apart: a headline, not a date
                                  "Apple Event 2018 LIVE: the ECG comes to the Apple Watch Series 4",
                                  "[실시간] 갤럭시 언팩 2020…갤럭시 워치3에 혈압·심전도 측정 탑재",  # "Watch3": a name's number
                                  "1. Google Health (2008–2012)",  # a numbered subheading: its years are a span
                                  "3. Haven, 2018-2021",
                                  "2. PillPack (2018)",  # its year alone in brackets, or its span open
                                  "4. Amazon Pharmacy (2020– )",
                                  "■新規予約は3月10日で停止",  # a subheading marked as one, that says a date
                                  # guillemets are no separators of a dateline's parts: a sentence with a date
                                  "Le 24 août 2022, Amazon a annoncé la fermeture d'un service jugé « pas assez complet ».",
                                  "Die EU-Kommission hatte am 17. Dezember 2020 grünes Licht gegeben, unter «Auflagen».",
                                  # Thai ends no sentence with a full stop: "the service starts on …"
                                  "เริ่มให้บริการวันที่ 1 กรกฎาคม 2567"])
def test_datelines_are_not_sentences_that_mention_a_date(line):
    assert not furniture.is_dateline(line)


@pytest.mark.parametrize(("line", "expected"), [
    ("ב' באדר תשפ\"ג | 23.02.2023 | 07:41", True),
    ("Thursday | 23.02.2023 | 07:41", True),
    ("الرئيسية | تقنية | صحة | 23/04/2024", False),  # a breadcrumb that ends in a date
])
def test_a_dateline_in_parts_is_dates_and_times_between_bars(line, expected):
    assert furniture.is_dateline_in_parts(line) is expected


@pytest.mark.parametrize("line, byline", [
    ("By Jane Doe", True),
    ("Von Anna Schmidt, Korrespondentin", True),
    ("Por María López | Madrid", True),
    ("di Marco Rossi", True),
    ("文｜张三", True),
    ("記者陳小明／台北報導", True),
    ("김철수 기자 kim@example.kr", True),
    ("press@example.org", True),
    ("De acuerdo con la empresa, el servicio seguirá activo.", False),
    ("By the end of the year, the service will close.", False),
    ("Της Μαρίας Παπαδοπούλου", True),
    ("מאת נועה לוי", True),
    ("بقلم محمد عبد الله", True),
    ("Της έδωσαν την άδεια πέρυσι, σύμφωνα με το υπουργείο υγείας της χώρας.", False),
    ("Της Ευρωπαϊκής Ένωσης η θέση", False),  # subheadings that open with the same articles
    ("Του Υπουργείου Υγείας η απόφαση", False),
    ("كتب طبية جديدة للمرضى", False),  # كتب: "books" as well as "wrote"
    ("نویسنده: سارا رضایی", True),
    ("@miriamkessler", True),  # a writer's handle on a line of its own
    # a marker's word opening a subheading's phrase ("From Google X to an independent company")
    ("От Google X до самостоятелна компания", False),
    ("De Amazon a Google: el largo camino", False),
    ("Par Jean-Marc Dupont, envoyé spécial à Pékin", True),  # the phrase after the name's clause
    ("By Jane Doe for The Times", True),
    ("Von Anna Schmidt und Peter Müller", True),
    ("రచన: రాఘవేంద్ర రెడ్డి", True),  # Telugu: "written by"
    ("Propos recueillis par Camille Bertrand", True),  # an interview's
    ("Propos recueillis par la rédaction du journal lors du salon de Lille.", False),
    # a writer's label only with its colon (Hebrew, Greek, Thai), a name in a script without capitals
    ("כתב: עומר לוי", True), ("\u200fכתב: עומר לוי", True), ("Επιμέλεια: Ελένη Γεωργίου", True),
    ("เรื่อง: กิตติพัฒน์ วงศ์ใหญ่", True), ("Written by रोहित शर्मा", True),
    ("כתב העת הודיע על גיליון מיוחד", False), ("Written by hand, the letters were sent to every clinic.", False),
    # a CJK author's marker the metadata reads, a name after it; not a sentence it opens
    ("執筆：小林 直樹（本誌編集部）", True), ("撰稿｜周晓东", True),
    ("筆者は米国の事例を参考にした。", False), ("执笔者会议今日召开", False),
    ("寰宇財訊 記者林佳蓉／綜合報導", True), ("健康时报 记者 张三", True),  # after the outlet's name
    ("科技 记者了解到该平台已上线", False),
    ("来源：远见财经", True), ("Source: company filings and analyst estimates for the year", False),  # a source's
    ("森田 拓海＝メディカルITジャーナル", True), ("売上高＝2兆円", False),  # a name, then the outlet after "＝"
    ("(@DWhitcombeNCI)", True),  # a handle in brackets
    ("提供元：医療経済ウォッチ", True),  # the provider a portal credits
])
def test_bylines(vocabulary, line, byline):
    assert furniture.is_byline(line, vocabulary) is byline


@pytest.mark.parametrize("line, credit", [
    ("Foto: Agentur", True),
    ("Photo: Jane Doe for Example News", True),
    ("© Getty Images", True),
    ("Ein Logo an einem Gebäude in Kalifornien (Getty Images)", True),
    ("手术机器人在医院展示。图片来源：示例图库", True),
    ("新款手表的健康功能。（示例公司提供）", True),
    ("▲김철수 대표 [사진=회사 제공]", True),
    ("© 2024 Example Media. All rights reserved.", False),  # a copyright notice, not a picture's credit
    ("The photo app lets patients send pictures of a rash to a doctor.", False),
    ("Штаб-квартира Amazon в Сиэтле. Фото: Reuters", True),  # a caption ending in its credit
    ("Amazon's headquarters in Seattle. Photo: Example Agency", True),
    ("Một nhà thuốc trực tuyến tại Hàng Châu. Ảnh: Example", True),
    ("צילום: יח\"צ", True),
    ("Twenty-three rivers overflowed in a single day.", False),
    ("Fot. Example Agency", True),
    ("Kuva: Example", True),
    ("Photographs by Theo Lindgren for Example Magazine", True),
    ("Photos by a bystander circulated on social media within minutes, police said.", False),
    ("Jengo la makao makuu ya Amazon mjini Seattle. (PICHA: MAKTABA)", True),
    ("The company said it would stop sharing photos. Photo apps were not affected, it added.", False),
    ("Source: Yes.", False),  # an interview's answer, not a credit
    ("מרפאה של One Medical במנהטן | צילום: AP", True),  # a caption and its credit set apart by a bar
    ("Prices | Photo apps will be cheaper", False),
    ("Apple Park in Cupertino. Photograph: David Ryder/Reuters", True),
    ("Amazon od lat szuka sposobu na wejście do branży. Fot. Shutterstock", True),
    ("A clinic in Seattle – Photo: AP", True),
    ("מרפאה של One Medical בסיאטל | צילום: רויטרס", True),
    ("Así es la clínica de Amazon One Medical en Miami | FOTOS: un recorrido por dentro", False),  # a headline
    ("© FedHealth Watch 2024", False),  # a copyright line, its year anywhere
    ("สงวนลิขสิทธิ์ © 2567 ไทยเทคนิวส์", False),
    ("Լուսանկարը՝ Reuters", True), ("រូបថត៖ AFP", True), ("Nuotr. „Facebook“", True),
    ("ワン・メディカルの診療所（米サンフランシスコ）＝ロイター", True),  # the agency after "＝"
    ("GETTY IMAGES", True), ("EFE", True), ("REUTERS/Stephen Lam", True), ("Foto Johannes Eisele/AFP", True),
    ("AP Photo/File", True), ("AFP Photo / Jim Watson", True), ("AP Photo", True),
    ("Зураг: Reuters", True), ("ડેવિડ ફીનબર્ગ (ફાઈલ તસવીર)", True), ("డేవిడ్ ఫీన్‌బర్గ్ (ఫైల్ ఫోటో)", True),
    ("The AP reported the deal on Monday.", False),
    ("【写真】ベリリーの本社（米カリフォルニア州）", True),
    ("애플워치에서 심전도 앱을 실행한 화면. /애플 제공", True), ("서비스 소개 화면. 네이버 제공", True),
    ("회사는 고객에게 무료 상담 서비스를 제공", False),  # a clause that ends in "provide"
])
def test_credits(vocabulary, line, credit):
    assert furniture.is_credit(line, vocabulary) is credit


@pytest.mark.parametrize("line, expected", [
    ("【字号：大 中 小】", True),
    ("［有料会員限定］", True),
    ("[국제]", True),
    ("（完）", True),
    ("(Reuters) Amazon said on Monday it would close the service.", False),
])
def test_bracketed_labels(line, expected):
    assert furniture.is_bracketed_label(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("收藏3 评论12 分享", True),
    ("阅读 1.2万  赞 58", True),
    ("댓글 0", True),
    ("Comments (27)", True),
    ("Drei Fragen, 12 Antworten", False),
    # a pager: page numbers from 1, its words as long as a menu item's, its arrows no labels
    ("« Previous 1 2 Next »", True),
    ("« Попередня 1 2 3 Наступна »", True),
    ("Poprzednia strona 3 4", False),  # not numbered from 1: no pager, and its label is too long for a counter
    ("Phase 1 → Phase 2 → Phase 3", False),  # arrows between steps, not at a pager's ends
    ("2015: Nabız sensörü", False),  # a year and its words: a slide's heading
    ("2041 lượt xem", True),  # a count that reads like a year is still a count
    ("1. Google Health (2008–2012)", False),  # a numbered subheading; its years are a period
    ("Amazon Care (2019–2022)", False),
])
def test_counters(line, expected):
    assert furniture.is_counter(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("Комментарии (12)", True),
    ("Просмотров: 1 245", True),
    ("Skopiuj link", True),
    ("Yorumlar (4)", True),
    ("Compartir este artículo", True),
    ("Dela", True),
    ("Lyt til artiklen", True),
    ("Erik Lindqvist's avatar", True),
    ("페이스북", True),
    ("URL 복사", True),
    ("LIVE", True),
    ("Artikel verschenken", True),
    ("阅读原文", True),
    ("0:00 / 3:12", True),
    ("글자 크기 변경하기", True),
    ("텍스트 음성 변환 서비스 사용하기", True),  # text-to-speech
    ("Reply", True),
    ("Переглядів: 1 245", True),
    # the same buttons and labels in more languages
    ("Megosztás", True),
    ("Del på Facebook", True),
    ("Deel op LinkedIn", True),
    ("Komentarji", False),  # the bare noun may head a section of the article: it needs a count
    ("Komentarji (4)", True),
    ("Трансляция обновляется автоматически", True),
    ("The app updates automatically when a new version is available.", False),
    ("La página se actualiza automáticamente cada diez minutos, según la Aemet.", False),  # a sentence
    ("Tip: To quickly find your stop, type its number into the search bar.", False),
    ("2. At the top, choose View in browser", False),
    ("Collection: Autumn/Winter 2024", False),
    ("(Reporting by riders through the app will be reviewed every week, the department said.)", False),
    ("Ceci est la version en cache de https://example.fr/article", True),
    ("The Wayback Machine - https://web.archive.org/web/20181114093512/https://example.org/a", True),
    ("¿No ves bien este correo? Ver en el navegador", True),
    ("Asunto: Salud 2.0 | Amazon abre una consulta médica por chat", True),  # a newsletter's e-mail header
    ("Одноклассники", True),
    ("Print this article", True),
    ("(Reporting by Jane Roe in Seattle; Editing by Sam Poe)", True),  # a wire story's credits
    ("Поделиться:", True),
    ("Sujets associés : Santé numérique, Cloud", True),
    ("Kopírovať odkaz", True),
    ("Hozzászólások (14)", True),
    ("Olvasási idő: 3 perc", True),
    ("Čítanie na 4 minúty", True),
    ("Címkék: Facebook, egészség", True),
    ("Sutinku", True),
    ("ஃபேஸ்புக்", True),
    ("Абонирай се", True),
    ("Изпрати по имейл", True),
    ("שלחו במייל", True),
    ("واٹس ایپ", True),  # a platform's lone button, in Urdu script
    ("Αποστολή με email", True),
    # A single everyday word is left to the article locator: it may be the article's own subheading
    # ("Search" in a story about search, "Cita", an appointment, in a how-to).
    ("Поиск", False),
    ("Cita", False),
    ("Uppdatera", False),
    ("زمان مطالعه: ۴ دقیقه", True),
    ("分享至：", True),
    ("Thẻ: Samsung Galaxy Watch Ngưng thở khi ngủ FDA", True),
    ("यह पेज अपने आप अपडेट होता रहेगा", True),  # a live page's notice, in Hindi
    ("Compartilhar", True),
    ("‹ Önceki   Sonraki ›", True),  # a pager without numbers
    ("« Précédent | Suivant »", True),
    ("[Görsel: Apple Watch ekranında nabız bildirimi]", True),  # a picture's place, its description kept
    ("■動画を再生（2分41秒）", True),  # a video player's controls
    ("字幕 オン／オフ", True),
    ("2,3 mil seguidores", True),  # a profile's follower count
    ("Copy Link copied", True),  # a button with the state it shows once clicked
    ("Why you can trust The Example Ledger", True),
    ("Join our WhatsApp Channel", True), ("Show key events only", True),
    ("Larger text size", True), ("License this article", True), ("Loading", True), ("关注", True), ("+ 关注", True),
    ("ブックマーク", True), ("動画を再生する", True), ("全画面表示", True), ("글자크기조정", True), ("가", True),
    ("Ouvir o texto", True), ("Ajouter à vos sélections", True), ("3' di lettura", True), ("ascolta articolo", True),
    ("次のページ ワン・メディカル買収は「本命」なのか", True), ("画像", True), ("いいね！", True), ("보도자료", True),
    ("Kommentare lesen (186 Beiträge)", True), ("Commenter la décision revient au ministre.", False),
    ("Click to share on Facebook (Opens in new window)", True),
    ("Loading the lorries took the whole night, the driver said.", False),
    ("Read Full Story", True), ("Listen to article", True), ("Share Via", True), ("大 中 小", True),
    ("Continue reading your article with an MSJ membership", True),
    ("Continue reading the report, the agency said, before it closed the case.", False),
    ("The next step is previous work.", False),
    ("Next", False),
    ("Previous", False),
    ("Комментарии экспертов были осторожными, а рынок отреагировал спокойно.", False),
    ("Quote of the day: patients want lower prices.", False),
    ("Compartir este artículo con los pacientes fue la idea del hospital.", False),
    ("Live updates on the clinic closures will follow this afternoon.", False),
    ("Sponsored by local firms, the buses would be free.", False),
    ("Presented by the mayor, the plan won a narrow majority.", False),
    # text-size and print buttons; share in Vietnamese, Ukrainian, Greek; a link back to the section
    ("A+", True), ("A-", True), ("طباعة", True), ("Chia sẻ", True), ("Поділитися", True), ("Κοινοποίηση", True),
    ("Trở lại Kinh doanh", True), ("Back to Health", True), ("Download PDF", True), ("Forward to a friend", True),
    ("Bu haber 1.284 kez okundu.", True), ("Apple Podcasts", True), ("Listen on", True), ("Pinned", True),
    ("H.B.", True),  # a live blog reporter's initials under an entry
    # the bars of a copy read elsewhere: a search engine's cache, a library's proxy, a read-it-later app, WeChat
    ("Version en texte seul", True), ("Ask a Librarian", True), ("View Original", True),
    ("点击上方蓝字“医健财经眼”关注我们", True),
    ("Follow Owen on Twitter: @owencastellanos", True),
    # a finance page's ratings widget and quote box
    ("Strong Buy", True), ("Price target: $220 (unchanged)", True), ("※20分ディレイ", True), ("WATCH NOW", True),
    ("Hold on to your receipts, the pharmacy told its customers.", False),
    ("Back to the office", False), ("Overweight", False), ("Rating: 4.7 stars on the App Store", False),
    ("$190.87   -4.26 (-2.18%)   After hours: $186.10", True), ("TDOC   Teladoc Health, Inc.   NYSE", True),
    ("The stock closed at $190.87, -4.26 (-2.18%).", False),
    ("Follow the money on X and you find the pharmacy benefit managers.", False),
    ("Back to the clinic went the nurses, who had been told the strike was over.", False),
    ("Apple Podcasts grew faster than any other service the company ran that year.", False),
    ("Sign up", True), ("注册", True), ("회원가입", True),  # an account's buttons
    ("શેર કરો", True), ("ਸਾਂਝਾ ਕਰੋ", True), ("Pín", True), ("Rhannu'r stori hon", True), ("E-pos", True),
    ("Viber", True), ("Draugiem.lv", True),  # a share button, a mail link, a messenger
    # a revision's time alone, with no date
    ("Updated 12:10", True), ("Actualizado ás 11:02 h.", True), ("Eguneratua: 12:10", True),
    ("Aktualisiert um 14:05 Uhr", True), ("Updated figures show 12:10 as the peak hour", False),
    ("Aumentar texto", True), ("Diminuir texto", True), ("Text size", True), ("Schrift vergrößern", True),
    ("تكبير الخط", True), ("הקטן גופן", True), ("Увеличить шрифт", True),  # in scripts of their own
    ("Haberin Devamı", True), ("Weiterlesen »", True), ("続きを読む", True),  # a "continue reading" button
    ("คัดลอกลิงก์", True), ("מייל", True),  # a share bar's "copy link" and "mail"
    ("Haberin devamında şirket yeni klinikler açacağını açıkladı.", False),
    # a quote line, a rating box's fields, a wire's credits in Portuguese
    ("亚马逊 AMZN.O 222.54 +0.62%", True), ("Amazon.com Inc. 142,59 USD +0,76 %", True),
    ("Teladoc Health Inc. (TDOC) 20,06 USD -39,97%", True), ("Einstufung: Kaufen (bestätigt)", True),
    ("投資建議：買進（維持）", True), ("(Reportagem de Bruno Carvalhal, em São Paulo; Edição de Letícia Prado)", True),
    ("Revenue rose 12% to 7.5 billion +3%", False), ("The shares rose 3% on Tuesday.", False),
    # a CJK toolbar's font-size row, a scroll prompt, a button's verb, a page's keywords and category, a widget's label
    ("【字号：大 中 小】 打印本页 关闭窗口", True), ("請繼續下滑閱讀", True), ("印刷する", True),
    ("キーワード：アップル、ウエアラブル", True), ("分類：企業・産業／ＩＴ・通信", True), ("In this article:", True),
    ("In this article, we explain why the deal matters.", False), ("Comunicado de prensa", True),
    ("Ir para o Conteúdo 1", True), ("Ir para o Rodapé 4", True), ("Skip to navigation", True),  # skip links
    # a review's shop buttons, price widgets, score box and stars, a contents label, a gallery's, a video's title
    ("$399 at Amazon", True), ("449 € en Amazon", True), ("Check price", True), ("Vedi offerta su Amazon", True),
    ("Bestpreis: 349,00 €", True), ("楽天で見る", True), ("在京东购买", True), ("쿠팡에서 보기", True),
    ("Our verdict", True), ("★★★★☆", True), ("評価：★★★★☆", True), ("PocketWise rating: 4.0/5", True),
    ("目次 [表示]", True), ("Bildergalerie: Google Pixel Watch 2 (15 Bilder)", True), ("▶ 播放", True),
    ("Verdict", False), ("The verdict", False),  # a review's own subheading
    ("Sold at 399 dollars at the store, the watch was a hit.", False),
    ("前往 momo 購買", True), ("蝦皮看價格", True), ("HK$3,199 起", True), ("去 Apple Store 睇價", True),
    # a government site's banner and survey, a document's download with its size, a site's search button
    ("An official website of the United States government", True), ("Here's how you know", True),
    ("Offizielle Website der Europäischen Union", True), ("Was this page helpful?", True),
    ("0421 보도자료.hwp (312 KB)", True), ("Search USITC", True), ("Search for a cure took ten years", False),
    # a post's badge and province, an invitation to a phone, a list's controls (a feed reader's)
    ("原创", True), ("发表于上海", True), ("IP属地：广东", True), ("手机看新闻", True),
    ("Tout marquer comme lu", True), ("Trier : du plus récent au plus ancien", True), ("Sortieren nach Datum", True),
    ("Sort of a win for Amazon, analysts say", False), ("原创药企加快出海", False),
    ("Tri : les urgences d'abord", False), ("Sortiert nach Umsatz: Amazon vorn", False),
    # a Korean portal's reaction buttons
    ("좋아요", True), ("후속기사 원해요", True), ("화나요 3", True), ("공감", True), ("小字号", True), ("字體", True),
    ("좋아요를 누른 독자가 늘었다는 분석이 나왔다.", False),
    ("The company will increase text messages to patients.", False),
])
def test_page_chrome_in_more_languages(vocabulary, line, expected):
    assert vocabulary.is_chrome(line) is expected


@pytest.mark.parametrize("line, expected", [
    ("Anzeige", True),
    ("［広告］", True),
    ("PR　無料ウェビナー受付中", True),
    ("【广告】体检套餐限时八折", True),
    ("PUBLICITATE", True),
    ("Continua após a publicidade", True),
    ("Iragarkia", True),
    ("Hysbyseb", True),
    ("Жарнама", True),
    ("Tangazo", True),
    ("বিজ্ঞাপন", True),
    ("آگهي: دوره‌هاي آموزشي شبکه و امنيت", True),  # Persian, with the Arabic yeh of a legacy code page
    ("Διαφήμιση", False),  # one word: an article's subheading as well as a label (ads are its news)
    ("Oglasno sporočilo", True), ("რეკლამა", True), ("Գովազդ", True),
    ("જાહેરાત", True), ("ਇਸ਼ਤਿਹਾਰ", True), ("ప్రకటన", True), ("Ìpolówó ọjà", True), ("Reklāma", True),
    ("Advertisers left the platform after the report.", False),
    ("Sponsored by Meridian Specialty Partners", True), ("Gesponsert von Beispiel AG", True),  # a sponsor's line
    ("Sponsored by three senators, the bill would cap the price of insulin.", False),
])
def test_advertising(vocabulary, line, expected):
    assert (furniture.is_advertising(line, vocabulary) or furniture.is_tagged_furniture(line, vocabulary)) is expected


@pytest.mark.parametrize("line, header, teaser", [
    ("Related", True, False),
    ("Mehr zum Thema", True, False),
    ("À lire aussi :", True, False),
    ("相关阅读", True, False),
    ("관련기사", True, False),
    ("Leggi anche: La sanità digitale accelera", False, True),
    ("Read more: How telehealth changed after the pandemic", False, True),
    ("Related companies reported higher sales in the quarter.", False, False),
    ("ΔΙΑΒΑΣΤΕ ΕΠΙΣΗΣ: Πώς η πανδημία άλλαξε τις αγορές", False, True),  # Greek capitals drop accents
    ("קראו עוד", True, False),
    ("اقرأ أيضا", True, False),
    ("Przeczytaj także: Amazon otwiera apteki", False, True),
    ("Lire aussi le décryptage | Amazon ouvre ses cliniques", False, True),
    ("Související články", True, False),
    ("بیشتر بخوانید", True, False),
    ("یہ بھی پڑھیں", True, False),
    ("Διαβάστε ακόμη: Πώς τα ρολόγια εντοπίζουν την αρρυθμία", False, True),
    ("【相關新聞】醫院資料外洩事件調查", False, True),
    ("Citeşte şi:", True, False),
    ("Прочетете още:", True, False),
    ("Taip pat skaitykite:", True, False),
    ("Kapcsolódó cikkek", True, False),
    ("Darllenwch hefyd", True, False),
    ("Тағы оқыңыз:", True, False),
    ("Oxu həmçinin: Azərbaycanda onlayn aptek xidmətlərinə tələbat artır", False, True),
    ("SOMA PIA: Huduma za afya kwa simu zaongezeka", False, True),
    ("Přečtěte si také: Telemedicína po covidu", False, True),
    ("यो पनि पढ्नुहोस्: अनलाइन परामर्शको अनुभव", False, True),
    ("Also Read: E-pharmacy orders double during lockdown", False, True),
    ("BACA: Saham teknologi China tertekan selepas IPO Ant Group ditangguh", False, True),
    ("热门推荐", True, False),
    ("Key events", True, False),  # a live blog's list of its main updates
    ("Key moments", False, False),  # a timeline's subheading
    ("Preberite tudi: Umetna inteligenca prepozna očesne bolezni", False, True),
    ("Сондай-ақ оқыңыз: Қазақстанда телемедицина", False, True),
    ("Կարդացեք նաև՝ Ինչու են տեխնոլոգիական հսկաները", False, True),
    ("Most Viewed in Business", True, False), ("READ MORE ON APPLE", True, False),
    ("Te recomendamos", True, False), ("Weitere Artikel", True, False), ("この連載の記事", True, False),
])
def test_related_headers_and_teasers(vocabulary, line, header, teaser):
    assert furniture.is_related_header(line, vocabulary) is header
    assert furniture.is_related_teaser(line, vocabulary) is teaser


@pytest.mark.parametrize("line, expected", [
    ("Wir verwenden Cookies, um Ihnen das beste Erlebnis zu bieten.", True),
    ("Recibe cada mañana nuestra newsletter. ¡Apúntate gratis!", True),
    ("Este artículo es exclusivo para suscriptores.", True),
    ("本文系示例网原创，未经授权禁止转载。", True),
    ("저작권자 ⓒ 예시신문 무단전재 및 재배포 금지", True),
    ("Die Kasse weist das zurück und nennt die Kritik unbegründet.", False),
    ("Najważniejsze informacje prosto na skrzynkę. Zapisz się już dziś!", True),
    ("© 2021 Örnek Gazete. Tüm hakları saklıdır.", True),
    ("Google News'te takip et", True),
    ("Polis şüpheliyi iki saat takip etti.", False),  # "followed": no notice
    ("Catch all the Business News, Market News, Breaking News Events and Latest News Updates on Example Mint.",
     True),
    ("Viewers tuned in to catch the latest news on the merger, which had been rumoured for weeks.", False),
    ("Подписка подорожала третий раз за год.", False),  # "the subscription", a noun of the news
    ("Hon slutade prenumerera på tidningen förra året.", False),
    ("Biblioteket sender et nyhedsbrev til sine lånere hver måned, og det blev læst af over 5.000 i januar.", False),
    ("Per stampare correttamente questa pagina è necessario abilitare JavaScript.", True),
    # everyday words that only look like a notice's
    ("Los vecinos pueden enviar sus alegaciones por correo electrónico hasta el 30 de junio.", False),
    ("O boletim epidemiológico divulgado nesta sexta-feira registra 1.200 novos casos.", False),
    ("Forældre kan tilmelde deres børn til den nye skole fra 1. marts.", False),
    ("کليه حقوق اين سايت متعلق به فن‌نيوز مي‌باشد.", True),  # Persian: "all rights of this site belong to …"
    ("Kommentarfeltet er stengt for denne saken.", True),  # Norwegian: comments are closed
    ("The police said the suspect had used a fake email address to rent the van.", False),
    ("Em seu e-mail aos funcionários, o executivo disse que o serviço fecha em março.", False),
    ("■代表取締役 石田誠のコメント", False),  # a subheading a CJK page marks: the chief executive's comment
    # a reader's question in an interview, not a tip line ("… Write to us")
    ("Do you have a tip for parents worried about screen time?", False),
    ("Haben Sie Informationen darüber, wie viele Familien die Uhr bereits nutzen?", False),
    ("Tens alguna informació sobre aquest tema? Escriu-nos", True),
    # an opinion page's and a research note's disclaimers, a print edition's note, a sponsor's slot, a script's
    ("The views expressed in this column are the author's own and do not necessarily reflect ours.", True),
    ("This material is provided for information purposes only and does not constitute advice.", True),
    ("This article appears in the March 2023 print edition with the headline “The Long Game.”", True),
    ("A message from our sponsor", True), ("Gesponsord", True), ("Please turn on JavaScript to use this feature", True),
    ("Critics said the views expressed by regulators were out of date.", False),
    ("The sponsor of the bill said it would reach the floor in March.", False),
    # a paywall's meter
    ("Il vous reste 68 % de l'article à lire", True),
    # an affiliate disclosure, in the words review sites use
    ("GadgetProof is reader-supported. When you buy through links on our site, we may earn an affiliate commission.",
     True),
    ("※当サイトはアフィリエイトプログラムに参加しています。", True), ("本文含有推广链接，通过链接购买，数码前哨可能获得佣金。", True),
    ("이 포스팅은 쿠팡 파트너스 활동의 일환으로, 이에 따른 일정액의 수수료를 제공받습니다.", True),
    ("The insurer will earn a commission on each policy it sells.", False),
    ("本文不构成医疗建议，用药请遵医嘱。", True), ("This article is not medical advice.", True),  # advice declined
])
def test_notices(vocabulary, line, expected):
    assert furniture.is_notice(line, vocabulary) is expected


@pytest.mark.parametrize("line, spam", [
    ("cheap flights hotels online booking best price free cancellation deals", True),
    ("comprar seguro barato online precio oferta gratis rápido", True),
    ("Amazon kauft Praxiskette für 3,9 Milliarden Dollar", False),  # a headline: capitalized
    ("the rest of the sentence continues here after a line break in the scrape.", False),
])
def test_keyword_spam_is_lower_case_keywords_without_sentence_shape(line, spam):
    assert furniture.is_keyword_spam(line, stopword_language(BODY[0] * 3)) is spam


def test_good_prose_is_long_ended_and_full_of_stopwords():
    language = stopword_language(" ".join(BODY[:1]) * 5)
    assert language == "de"
    assert furniture.is_good_prose(BODY[0], language)
    assert all(furniture.is_good_prose(line, None) for line in BODY[2:5])  # CJK: length and ending
    assert not furniture.is_good_prose("Kurzer Satz.", language)
    keywords = "Telemedizin Krankenkasse Videosprechstunde Gesundheitsdaten Datenschutz Ärzte Versicherte Kosten."
    assert not furniture.is_good_prose(keywords, language)


def test_thai_prose_is_good_without_a_sentence_ending():
    # Thai ends no sentence with a mark: a paragraph is told by its weight alone, lower than a cut-off line's.
    paragraph = ("หลังการประกาศ หุ้นของร้านขายยารายใหญ่ในสหรัฐฯ ร่วงลงอย่างหนักในวันเดียวกัน "
                 "สะท้อนความกังวลของนักลงทุนว่าบริการใหม่จะดึงลูกค้าไปจากร้านขายยาแบบเดิม")
    assert furniture.is_good_prose(paragraph, None)
    assert not furniture.is_good_prose("ข่าวที่เกี่ยวข้อง", None)
    assert not furniture.is_good_prose("Amazon shares rose sharply on the news as investors welcomed the pharmacy plan and", None)


def test_a_headline_may_end_with_a_question_but_not_a_full_stop():
    assert furniture.is_headline_shaped("Can AI symptom checkers be trusted?")
    assert not furniture.is_headline_shaped("The company said so on Monday.")
    assert not furniture.is_headline_shaped("Short")


def test_person_names():
    assert furniture.is_person_name("Javier Ortega") and furniture.is_person_name("María de la Cruz")
    assert furniture.is_person_name("王小明") and furniture.is_person_name("김민준")
    assert not furniture.is_person_name("Eigene Praxen statt nur Videosprechstunde")
    assert not furniture.is_person_name("重點摘要")  # a summary's heading under a byline: no surname opens it


def test_a_credit_is_a_credit_though_its_slash_reads_as_a_separator(vocabulary):
    assert line_signal("Foto: Jeff Chiu / AP", vocabulary, "de") == "photo_credit"


# The page's own wording for its buttons, teasers and bylines, in the forms pages write them.
@pytest.mark.parametrize(("line", "signal"), [
    ("Zobrazit v prohlížeči", "page_chrome"),  # a newsletter's "view in browser"
    ("Ouça esta matéria", "page_chrome"),  # "listen to this story", as an imperative
    ("Dela artikeln", "page_chrome"),  # "share the article", its article a suffix
    ("Share this post", "page_chrome"),
    ("Sao chép liên kết", "page_chrome"),  # "copy the link"
    ("A- A+", "page_chrome"),  # font-size buttons
    ("Story continues below advertisement", "advertising"),
    ("Dalsza część artykułu pod reklamą", "advertising"),
    ("Lea también: El nuevo plan de salud digital llega a Bogotá", "related_teaser"),
    ("Läs även: Klockan som mäter blodtrycket", "related_teaser"),
    ("Leia mais: Hospital adota prontuário eletrônico", "related_teaser"),
    ("Por: María Fernanda Gómez", "byline"),  # the marker with a colon
    ("كتبت: ليلى حسن", "byline"),  # "she wrote:"
    ("Reporter: Budi Santoso", "byline"),
    ("聞き手 山田花子", "byline"),  # "interviewer"
    ("Ein Gastbeitrag von Anna Schmidt", "byline"),  # an opinion piece names its kind first
    ("Beeld: ANP", "photo_credit"),
    ("שתפו בטוויטר | שתפו בוואטסאפ | העתק קישור", "share_bar"),  # a button that copies the link among them
    ("シェア はてブ LINEで送る", "share_bar"),  # Hatena's bookmark; "send by LINE"
    ("LINEで送る", "share_bar"), ("LINEで共有", "share_bar"),  # one button alone: the platform run on into its verb
    # a stamp relative to the reader's now, on the article or a comment
    ("Updated 3 hours ago", "dateline"),
    ("Aktualisiert vor 2 Stunden", "dateline"),
    ("Uppdaterad igår 14.05", "dateline"),
    ("آخر تحديث: منذ 5 دقائق", "dateline"),
    ("2時間前", "dateline"),
    ("jdoe_md 2 hours ago [–]", "dateline"),
    ("il y a 2 ans", "dateline"), ("vor 3 Jahren", "dateline"), ("hace 5 meses", "dateline"),
    ("2 years ago", "dateline"), ("3년 전", "dateline"), ("2个月前", "dateline"),  # an old article seen later
    ("Amazon said 3 hours ago that it would close the clinic.", None),  # a sentence that says one
    ("Actualitzat a les 10:05 h", "dateline"),  # an update's time without its date
    # more languages: the ad's "continues below", an ad mark, a related list's header, bylines, a caption's
    # credit, comments, reading time, tags
    ("Pokračování článku pod reklamou", "advertising"),
    ("ΔΙΑΦΗΜΙΣΗ", "advertising"),
    ("Mohlo by vás zajímat", "related_list"),
    ("Szerző: Kovács Anna", "byline"),
    ("한국일보 랭킹 뉴스", "related_list"),  # an outlet's most read, on an aggregator
    ("+ Follow", "page_chrome"), ("＋ フォロー", "page_chrome"),  # a button to follow the writer
    ("Folgen", None),  # its word alone may head a section ("consequences")
    ("Γράφει η Μαρία Κωνσταντίνου", "byline"),
    ("Teksti: Matti Virtanen", "byline"),
    ("โดย สมชาย ใจดี", "byline"),
    ("Potilas odottaa vastaanotolla. Kuva: Lehtikuva", "photo_credit"),
    ("Pesakit menunggu di klinik. – Gambar AFP", "photo_credit"),
    ("Vis kommentarer (12)", "page_chrome"),
    ("पढ़ने का समय: 4 मिनट", "page_chrome"),
    # what those words open in the article itself
    ("Reporter: Were you surprised by the deal?", None),  # an interview's question
    ("取材に対し、同社は「提携先を増やしていく」と述べた。", None),  # "asked by this paper, the company said …"
    ("A column by Warren Buffett, 46 years on", None),  # a subheading: a byline names its author only
    ("잠들기 2시간 전 혈당 관리법", None),  # "2 hours before sleep": 전 is also "before"
    ("حوارات الأمازون: نقاشات متواصلة منذ 5 أيام", None),  # a subheading that says "for 5 days"
    ("Há 5 dias sem luz", None),  # "five days without power": more after the time than a mark
    # Chinese and Japanese portals' toolbars and marks
    ("正在阅读：某健康平台完成新一轮融资", "page_chrome"),  # "now reading: …"
    ("【字号 大 中 小】 【打印】 【关闭】", "page_chrome"),
    ("字号：大 中 小 打印 分享到：微博 微信", "page_chrome"),
    ("[图片] clinic_0817.jpg", "page_chrome"),
    ("【限时】开户即送行情，点击领取>>", "advertising"),
    ("Crédit photo : Reuters", "photo_credit"),
    ("Annonce — Mutuelle santé : comparez les offres", "advertising"),
    ("シェア ツイート ブックマーク この記事のURLをコピー", "share_bar"),
    ("２．２０１８年に買収した薬局が基盤", None),  # a numbered subheading: "2018年" is no date's year alone
    # publishing platforms' buttons, tabs and lines: a blog's, a podcast's, a forum's, a wiki's
    ("Follow", "page_chrome"),
    ("Listen on Spotify", "page_chrome"),
    ("More from Jane Doe", "page_chrome"),
    ("Seguir pregunta", "page_chrome"),
    ("Read Edit View history", "page_chrome"),
    ("From Examplepedia, the free encyclopedia", "page_chrome"),
    ("^ a b Doe, J. (2018). \"A health venture\". Example Review.", "page_chrome"),  # a wiki's reference
    ("Written by Jane Doe", "byline"),
    ("Categories: 2018 establishments | Health care companies", "page_chrome"),
    # more languages' buttons, counters, lists and captions' credits
    ("Deel dit artikel", "page_chrome"),
    ("Shiriki habari hii", "page_chrome"),
    ("ফলো করুন", "page_chrome"),  # "follow"
    ("3 मिनट में पढ़ें", "page_chrome"),  # "a 3-minute read"
    ("1245 прочитания", "page_chrome"),
    ("字體 A- A+", "page_chrome"),
    ("글자크기 변경", "page_chrome"),
    ("व्हाट्सऐप", "page_chrome"),
    ("Najčitanije", "related_list"),
    ("Les més llegides", "related_list"),
    ("ये भी पढ़ें: अमेज़न प्राइम डे सेल शुरू", "related_teaser"),
    ("مزید پڑھیں: واٹس ایپ کی نئی پرائیویسی پالیسی", "related_teaser"),
    ("Een Walmart Health-centrum in Arkansas. Foto Bloomberg", "photo_credit"),
    ("Nembo ya Amazon katika mojawapo ya ofisi zake. PICHA | MAKTABA", "photo_credit"),
    ("Verily е част от Alphabet. Снимка: Ройтерс", "photo_credit"),
    ("Ang logo ng Amazon sa isang warehouse. Reuters/File Photo", "photo_credit"),
    ("Amazon Pharmacy radi u 45 američkih saveznih država / Reuters", "photo_credit"),
    ("Embalagens da PillPack, que separa os remédios - Divulgação", "photo_credit"),
    ("فٹ بٹ کی ایک اسمارٹ واچ — فائل فوٹو", "photo_credit"),  # "a file photo"
    ("微軟已完成收購Nuance。（路透檔案照）", "photo_credit"),
    ("아마존 로고. 로이터연합뉴스", "photo_credit"),
    ("写真＝アマゾン提供", "photo_credit"), ("資料圖片", "photo_credit"),
    ("Listen to this column", "page_chrome"),
    ("Press release", "page_chrome"),  # the kind of page, as a press room labels it
    ("報道関係者各位", "page_chrome"),  # "to the press"
    # sentences that name an agency are no credit, nor a paragraph compiled from its reports
    ("该公司表示，用户数据将在设备端加密处理，不会用于广告投放。（综合路透社报道）", None),
    ("The company declined to comment, Reuters said.", None),
    ("Amazon said the deal closed. Reuters reported it first.", None),
])
def test_furniture_in_the_words_pages_use(vocabulary, line, signal):
    assert line_signal(line, vocabulary, None) == signal


@pytest.mark.parametrize("line, expected", [
    ("#Amazon #Health #Pharmacy", True),
    ("Tags: #Amazon #OneMedical #PrimaryCare", True),
    ("I'm cautiously optimistic. Ask me again after the next upgrade cycle. #HealthIT #EHR #Oracle", False),
    ("Amazon closes its clinics. #Amazon", False),  # one tag after a sentence: too few for a list
    ("Wer auf Twitter nach Reaktionen suchte, fand sie vor allem unter zwei Schlagwörtern: #Fitbit #Datenschutz",
     False),  # a sentence that leads to its tags
])
def test_hashtag_lists(line, expected):
    assert furniture.is_hashtag_list(line) is expected
