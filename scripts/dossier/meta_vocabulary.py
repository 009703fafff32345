"""The universal words of a page's meta lines (bylines, datelines, copyright and source lines), in one place.

Only words any page in a language may use: nothing here names a site, a file or one article's phrase.
"""

from __future__ import annotations

from dataclasses import dataclass

# An opinion piece names its kind before its author: "Eine Kolumne von …", "A column by …".
_OPINION_PREFIXES = (
    "a column by", "column by", "an opinion by", "opinion by", "analysis by", "an analysis by", "commentary by",
    "eine kolumne von", "ein kommentar von", "ein gastbeitrag von", "eine analyse von", "une chronique de",
    "une tribune de", "una columna de", "una tribuna de", "un commento di", "un'analisi di", "uma coluna de",
    "een column van",
)


# A picture's label in CJK pages ("图片", "사진"): its credit follows, a role of no one.
_PICTURE_WORDS = ("写真", "撮影", "画像", "图片", "圖片", "照片", "资料图", "資料照", "사진", "摄影", "攝影")


@dataclass(frozen=True)
class Vocabulary:
    # Words that open a byline: the name follows. Latin ones are matched as whole words, case-insensitively;
    # a one-character CJK marker (文) needs a separator after it, longer ones (記者) may run into the name.
    byline_prefixes: tuple[str, ...] = (
        *_OPINION_PREFIXES,
        # "by our correspondent …", first: the name follows the role
        "by our correspondent", "from our correspondent", "von unserem korrespondenten", "von unserer korrespondentin",
        "de notre correspondant", "de notre correspondante", "por nuestro corresponsal", "por nuestra corresponsal",
        "dal nostro corrispondente", "door onze correspondent", "door onze correspondente", "do nosso correspondente",
        # an interview's: who asked the questions ("Propos recueillis par …")
        "interview by", "interviewed by", "propos recueillis par", "entretien réalisé par", "interview réalisée par",
        "das interview führte", "interview von", "entrevista realizada por", "entrevista de", "intervista a cura di",
        "interview door",
        "written by", "text by", "words by", "story by", "reporting by", "reported by", "posted by", "hosted by", "by",
        "author", "reporter",
        "von", "text", "autor", "autorin",  # de (autor: also pl, cs, pt, es)
        "par", "texte", "auteur", "autrice",  # fr
        "escrito por", "por", "texto", "autora",  # es, pt
        "a cura di", "di", "autore",  # it
        "geschreven door", "door",  # nl
        "skrivet av", "skrevet af", "skrevet av", "av", "af", "forfatter",  # sv, da, no
        "przez", "autorka", "napisał", "napisała",  # pl
        "napsal", "napsala", "kirjoittanut", "kirjoittaja", "teksti", "szerző", "írta", "autori",  # cs, fi, hu, ro
        "yazan", "yazar", "muhabir",  # tr
        "oleh", "penulis", "pewarta",  # id, ms
        "tác giả", "viết bởi", "bởi", "bài",  # vi
        "автор", "авторы", "текст",  # ru, uk
        "γράφει", "γράφει ο", "γράφει η", "γράφουν οι", "του", "της",  # el ("Της Μαρίας …": by Maria …)
        "מאת",  # he
        "بقلم",  # ar: "by" ("كتبت:", she wrote, is a byline only with its colon: cleaning.yml)
        "نویسنده", "نويسنده", "خبرنگار", "رپورٹ", "تحریر",  # fa (written with either yeh), ur
        "oprac.", "opracowanie",  # pl: "compiled by"
        "ავტორი", "Հեղինակ", "โดย", "ผู้เขียน",  # ka, hy, th
        "लेखक", "द्वारा", "రచన", "లేఖకుడు", "લેખક", "ਲੇਖਕ",  # hi, mr; te ("written by"); gu; pa
        "de", "na", "ni", "nga", "deur", "gan", "eftir", "escrit per", "egilea",  # ro, sw, tl, sq, af, cy, is, ca, eu
        "piše", "napisao", "napisala", "пише", "пишува", "autorius", "autors",  # hr, bs, sr, mk, lt, lv
        "аутор", "ауторка", "autorica", "avtor", "avtorica",  # sr, hr, sl
        "நமது சிறப்பு நிருபர்", "நமது நிருபர்", "சிறப்பு நிருபர்", "நிருபர்",  # ta: "our (special) correspondent"
        "নিজস্ব প্রতিবেদক", "প্রতিবেদক",  # bn: "own correspondent"
        "本报记者", "本報記者", "特约记者", "特約記者", "记者", "記者", "通讯员", "通訊員", "撰文", "撰稿", "作者",
        "执笔", "執筆", "筆者", "取材・文", "文・写真", "编译", "編譯", "文字", "文", "글", "分析师", "分析師",
    )
    # Of those, the ones that name an opinion piece's kind: only the author's name may follow them ("A column by
    # Warren Buffett, 46 years on" is a subheading).
    opinion_prefixes: tuple[str, ...] = _OPINION_PREFIXES
    # The commonest Chinese surnames (Simplified; person_names reads their Traditional forms too), single and
    # compound: a name of Han characters alone that no byline marks opens with one ("张伟", "欧阳娜娜"), a
    # section's word does not ("健康", "科技").
    chinese_surnames: str = (
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭"
        "陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐"
        "易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管"
        "柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬"
        "边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储栗燕楚鄢劳谌奚皮粟冼蔺楼"
        "满闻厉伊区郜阚权帅屠朴练廉禹井祖巴丰"
    )
    chinese_compound_surnames: tuple[str, ...] = (
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "令狐", "慕容", "长孙", "宇文", "司徒", "夏侯",
        "端木", "独孤", "南宫", "西门", "澹台", "轩辕", "呼延",
    )
    # The commonest Korean surnames, single and compound: a name of Hangul alone that no byline marks is three
    # syllables after one of these ("김민준"), four after a compound one ("남궁민수"); a section's word is none
    # ("기업분석", "정치", "스포츠"). Surnames rarer than the words they open ("기", "경", "사", "국") are left out.
    korean_surnames: str = (
        "김이박최정강조윤장임한오서신권황안송전홍유고문양손배백허남심노하곽성차주우구민류나진지엄채원천방공현함변염여추"
        "도소석선설마길위표명"
    )
    korean_compound_surnames: tuple[str, ...] = ("남궁", "황보", "제갈", "선우", "독고", "사공", "서문")
    # Credentials written after a name, after a comma ("Jane Doe, MD", "Wei Lin Tan, CFA"): no part of it.
    credentials: tuple[str, ...] = (
        "md", "m.d.", "phd", "ph.d.", "do", "rn", "np", "pa-c", "dnp", "pharmd", "dds", "dmd", "mph", "mba", "msc",
        "cfa", "cpa", "jd", "j.d.", "esq.", "frcp", "frcs", "facp", "dr. med.",
    )
    # Academic titles before a name in a byline ("Von Dr. Anna Schmidt"): the author is the name.
    honorifics: tuple[str, ...] = ("dr.", "dr", "prof.", "prof", "med.", "dipl.-ing.", "mag.", "ing.", "drs.", "ir.",
                                   "dott.", "dott.ssa", "doç.", "д-р", "проф.")
    # Role words that follow a name ("김민준 기자", "佐藤健太 記者").
    byline_suffixes: tuple[str, ...] = (
        "특파원", "선임기자", "객원칼럼니스트", "칼럼니스트", "논설위원",
        "기자", "記者", "记者", "特派員", "特派员", "通讯员", "通訊員",
    )
    # Words that are roles or desks, never a person's name.
    role_words: tuple[str, ...] = (
        "staff", "reporter", "correspondent", "editor", "editors", "writer", "columnist", "journalist", "newsroom",
        "desk", "redaktion",
        "rédaction", "redacción", "redazione", "redação", "agencies", "agences", "agencias", "agenturen", "agenzie",
        "redactie",
        "redaktionen", "redakcja", "redaksi", "redaktör", "muhabir", "editör", "toimitus", "редакция", "корреспондент",
        "biên tập viên", "phóng viên",
        "التحرير", "تحرير", "محرر", "مراسل", "فريق", "رئيس", "מערכת", "כתב", "כתבת", "עורך", "עורכת",
        "编辑", "編輯", "责任编辑", "責任編輯", "编辑部", "編輯部", "编集部", "編集部", "记者", "記者", "本报记者",
        "本報記者", "通讯员", "通訊員", "实习生", "實習生",
        "综合报道", "綜合報導", "报道", "報導", "报导", "報道", "整理", "编译", "編譯", "기자", "편집",
        "에디터", "特派員",
        *_PICTURE_WORDS,  # a picture's credit, no one's name
    )
    picture_words: tuple[str, ...] = _PICTURE_WORDS
    # A post's publication, named after it on the same line or the next ("Published in" / "Digital Health Notes").
    publication_labels: tuple[str, ...] = (
        "published in", "publicado en", "publié dans", "erschienen in", "veröffentlicht in", "pubblicato su",
        "pubblicato in", "publicado em", "gepubliceerd in",
    )
    # Words of a page's links and of organizations' names that no person's name holds: two capitalized
    # words with one of them are a link or an agency ("Privacy Policy", "Getty Images", "Bloomberg News").
    not_name_words: tuple[str, ...] = (
        "news", "images", "photos", "pictures", "policy", "privacy", "terms", "comments", "article",
        "articles", "board", "agency", "newsletter", "subscribe", "login", "sign", "contact", "magazine", "online",
        "nachrichten", "actualités", "noticias", "notizie", "notícias", "nieuws",
    )
    # Words that open a role after a name and a comma ("Priya Raman, Director of Clinical Programs",
    # "Marcus Oyelaran, Senior Editor, Health Tech").
    role_openers: tuple[str, ...] = (
        "senior", "chief", "deputy", "managing", "executive", "associate", "contributing", "guest", "lead",
        "principal", "director", "head", "founder", "co-founder", "president", "vice", "former", "editor",
        "reporter", "correspondent", "columnist", "analyst", "professor",
    )
    # Words that name a desk before its name, in a byline after the writer's ("Marta Zielińska, dział Firmy").
    desk_words: tuple[str, ...] = (
        "desk", "section", "dział", "oddělení", "oddelenie", "ressort", "rubrique", "sección", "sezione", "secção",
        "seção", "afdeling", "avdelning", "отдел", "відділ", "τμήμα", "rovat", "departamentul", "servis",
    )
    # Labels beside a dateline that are neither a name nor an outlet ("原创" on a reposted article).
    labels: tuple[str, ...] = (
        "原创", "原創", "转载", "轉載", "独家", "獨家", "推荐", "推薦", "置顶", "置頂", "头条", "頭條",
        "字号", "字號", "字级", "字級", "字体", "字體",  # the font-size buttons' label
        "关注", "關注", "订阅", "訂閱", "来源于", "來源於",  # a follow button; "from" before a source
    )
    # The places a Chinese agency's dispatch names after its reporter ("記者沈佩瑜台北30日電"): the cities of
    # Taiwan, the mainland, Hong Kong and the capitals its correspondents write from.
    dispatch_places: tuple[str, ...] = (
        "台北", "臺北", "新北", "桃園", "台中", "臺中", "台南", "臺南", "高雄", "高雄市", "新竹", "基隆", "嘉義",
        "花蓮", "宜蘭", "屏東", "台東", "臺東", "北京", "上海", "廣州", "广州", "深圳", "杭州", "香港", "澳門", "澳门",
        "東京", "东京", "首爾", "首尔", "華盛頓", "华盛顿", "紐約", "纽约", "舊金山", "旧金山", "倫敦", "伦敦", "巴黎",
        "柏林",
    )
    # Words that introduce the source outlet ("来源：X").
    source_markers: tuple[str, ...] = (
        "来源", "來源", "稿源", "出处", "出處", "出典", "提供元", "配信元", "출처", "source", "quelle", "fuente",
        "fonte", "bron",
    )
    # Words that say a date is a publication date (dropped from a dateline's remainder).
    published_markers: tuple[str, ...] = (
        "published", "posted", "publié", "publiée", "publicado", "publicada", "pubblicato", "pubblicata",
        "veröffentlicht", "erschienen", "gepubliceerd", "发表于", "發表於", "发布于", "發佈於", "發布於", "发布时间",
        "發佈時間", "發布時間", "发布", "發佈", "發布", "出版", "时间", "時間", "日期", "公開日", "公開", "掲載",
        "配信", "投稿", "입력", "승인", "등록", "게재", "기사입력", "geplaatst", "publicerad", "publiceret",
        "publisert", "julkaistu", "opublikowano", "publikacja", "zveřejněno", "publicat", "közzétéve",
        "yayınlanma", "yayınlandı", "yayın tarihi", "dipublikasikan", "diterbitkan", "diposting", "опубликовано",
        "публикация", "ngày đăng", "đăng lúc", "đăng", "xuất bản", "نشر في", "نشر", "تاريخ النشر",
        "تاریخ انتشار", "منتشر شده", "פורסם", "опубліковано", "δημοσιεύθηκε", "δημοσίευση",
        "प्रकाशित", "प्रकाशन", "প্রকাশ", "প্রকাশিত", "شائع", "شائع شدہ", "வெளியிடப்பட்டது", "வெளியீடு",
        "objavljeno", "објављено", "публикувано", "imechapishwa", "inilathala", "gepubliceerd op",
    )
    # Small words that stand around a date or a time in a dateline ("à 10h12", "18:42 Uhr", "ore 09:45").
    date_fillers: tuple[str, ...] = (
        "uhr", "h", "ore", "à", "le", "am", "on", "at", "um", "il", "el", "em", "de", "om", "kl", "klo", "saat",
        "pukul", "o", "godz", "в", "lúc", "ngày", "上午", "下午", "中午", "凌晨", "早上", "晚上", "午前", "午後",
        "오전", "오후", "م", "ص", "هـ", "ه",  # Arabic: the era (AD, AH) and the half of the day (AM, PM)
    )
    # Words that say a date is a later revision, not the publication.
    update_markers: tuple[str, ...] = (
        "updated", "update", "modified", "edited", "aktualisiert", "geändert", "mis à jour", "mise à jour",
        "modifié", "actualizado", "actualización", "modificado", "aggiornato", "aggiornamento", "modificato",
        "atualizado", "atualização", "bijgewerkt", "gewijzigd", "更新", "修改", "修订", "修訂", "수정", "업데이트",
        "갱신", "uppdaterad", "opdateret", "oppdatert", "päivitetty", "aktualizacja", "zaktualizowano",
        "aktualizováno", "actualizat", "frissítve", "güncelleme", "güncellendi", "diperbarui", "pembaruan",
        "обновлено", "обновление", "изменено", "cập nhật",
        "अपडेटेड", "अपडेट", "আপডেট", "اپ ڈیٹ", "புதுப்பிக்கப்பட்டது", "ažurirano", "ажурирано", "актуализирано",
        "imesasishwa", "huling update", "actualitzat",
    )
    # Copyright and reprint phrases, longest first where one contains another.
    rights_markers: tuple[str, ...] = (
        "무단전재 및 재배포 금지", "무단 전재 및 재배포 금지", "무단전재-재배포 금지", "무단전재", "무단 전재",
        "재배포 금지", "저작권자", "all rights reserved", "tous droits réservés", "alle rechte vorbehalten",
        "todos los derechos reservados", "todos os direitos reservados", "tutti i diritti riservati",
        "riproduzione riservata", "alle rechten voorbehouden", "alla rättigheter förbehållna",
        "alle rettigheder forbeholdes", "alle rettigheter reservert", "kaikki oikeudet pidätetään",
        "wszelkie prawa zastrzeżone", "všechna práva vyhrazena", "minden jog fenntartva", "toate drepturile rezervate",
        "tüm hakları saklıdır", "hak cipta dilindungi undang-undang", "hak cipta", "все права защищены",
        "усі права захищені", "усі права захищено", "με την επιφύλαξη παντός δικαιώματος", "सर्वाधिकार सुरक्षित",
        "tots els drets reservats", "visos teisės saugomos", "visas tiesības aizsargātas", "kõik õigused kaitstud",
        "sva prava pridržana", "sva prava zadržana", "сва права задржана", "všetky práva vyhradené",
        "vse pravice pridržane", "всички права запазени", "öll réttindi áskilin", "haki zote zimehifadhiwa",
        "lahat ng karapatan ay nakalaan", "cedwir pob hawl", "hawlfraint", "eskubide guztiak erreserbatuta",
        "të gjitha të drejtat e rezervuara", "сите права се задржани", "barlyq quqyqtary qorğalğan",
        "бардық құқықтар қорғалған", "bütün hüquqlar qorunur", "alle regte voorbehou", "सर्व हक्क राखीव",
        # Arabic names the holder after "for" (ل), "the site of", "the newspaper of": longest first.
        "جميع الحقوق محفوظة لموقع", "جميع الحقوق محفوظة لصحيفة", "جميع الحقوق محفوظة لجريدة", "جميع الحقوق محفوظة لـ",
        "جميع الحقوق محفوظة",
        "כל הזכויות שמורות", "جملہ حقوق محفوظ ہیں", "جملہ حقوق محفوظ", "کلیه حقوق محفوظ است", "تمامی حقوق محفوظ است",
        "ყველა უფლება დაცულია", "բոլոր իրավունքները պաշտպանված են", "สงวนลิขสิทธิ์", "hak cipta terpelihara",
        "bản quyền thuộc về", "bản quyền thuộc", "bản quyền", "保留所有权利", "保留所有權利", "版權所有",
        "版权所有", "著作權所有", "著作权所有", "無断転載禁止", "無断転載を禁じます", "copyright", "©", "ⓒ",
        "(c)", "（c）",
    )
    # Legal forms after a publisher's name ("Handelsbote Verlag GmbH").
    legal_forms: tuple[str, ...] = (
        "gmbh & co. kg", "gmbh", "mbh", "ag", "kg", "se", "s.a.", "sa", "s.l.", "sl", "s.p.a.", "spa",
        "s.r.l.", "srl", "sas", "sarl", "ltda.", "ltda", "llc", "l.l.c.", "inc.", "inc", "ltd.", "ltd", "limited",
        "corp.", "corp", "co.", "plc", "b.v.", "n.v.", "股份有限公司", "有限公司", "株式会社", "주식회사", "(주)", "㈜",
    )
    # Lowercase words inside personal names (Ruiz de la Torre, van der Berg, dos Santos) or between two
    # (Anna Schmidt und Peter Müller).
    name_particles: tuple[str, ...] = (
        "de", "del", "della", "der", "den", "di", "da", "das", "do", "dos", "du", "la", "le", "van", "von", "y",
        "e", "bin", "ibn", "al", "el", "ter", "zu", "af", "av", "and", "und", "et", "&",
        "dela", "delos", "binti", "ap", "vel",  # Filipino (dela Cruz), Malay, Welsh (ap Rhys)
        "i",  # Catalan joins two surnames with it (Laia Ferrer i Puig)
    )
    # The words that join two people's names in a byline ("Anna Schmidt und Peter Müller"), by language.
    people_conjunctions: tuple[str, ...] = (
        "and", "und", "et", "y", "e", "en", "og", "och", "i", "és", "ve", "a", "и", "і", "και", "và", "dan", "at",
    )
    # Articles that open outlet names but never personal ones (The Daily Ledger, Le Fil Tech).
    articles: tuple[str, ...] = (
        "the", "a", "an", "le", "la", "les", "l’", "l'", "der", "die", "das", "el", "los", "las", "il", "lo",
        "gli", "i", "o", "os", "as", "het", "een", "de",
    )
    # The menu's first item, "Home", which stands where a masthead would: never an outlet's name.
    home_words: tuple[str, ...] = (
        "home", "homepage", "home page", "startseite", "accueil", "inicio", "início", "página inicial",
        "pagina iniziale", "voorpagina", "hem", "startsida", "forside", "etusivu", "strona główna", "úvod",
        "ana sayfa", "anasayfa", "главная", "головна", "αρχική", "trang chủ", "beranda", "ראשי", "דף הבית",
        "الرئيسية", "الصفحة الرئيسية", "首页", "首頁", "ホーム", "홈",
    )
    # Endings of CJK outlet names (网, 報, 新聞, 신문…): a token ending so names an outlet, not a person.
    outlet_endings: tuple[str, ...] = (
        "网", "網", "报", "報", "社", "刊", "志", "誌", "闻", "聞", "台", "通信", "観察", "观察", "观点", "觀點",
        "评论", "評論", "新聞", "新闻", "日报", "日報", "周刊", "週刊", "财经", "財經", "资讯", "資訊", "传媒", "傳媒",
        "신문", "일보", "뉴스", "경제", "타임스",
        "방송", "ジャーナル", "ニュース", "タイムズ",
    )


VOCABULARY = Vocabulary()
# The markers of a date's line, a publication's or a revision's ("Published", "发表于", "Last Updated").
DATE_MARKERS = VOCABULARY.published_markers + VOCABULARY.update_markers
