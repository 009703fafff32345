"""A generated corpus of every kind of file a maintainer might drop into seeds/articles/.

Each case names the file, its bytes, and what the build must make of it: the status, and for
duplicates the file it copies. Built from the founding articles (the fixture copies under
tests/fixtures/founding/: re-encoded, renamed, re-chromed), never from whatever seeds/ holds, and from a
few short texts of our own in other languages.
"""

from __future__ import annotations

import os
import random
import socket
import stat
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from conftest import FOUNDING_FILES
from dossier.chinese import SIMPLIFIED, convert


def seed_text(prefix: str) -> str:
    return FOUNDING_FILES[prefix].read_text(encoding="utf-8")


JAPANESE = (
    "アマゾン、遠隔医療サービスを年内で終了\n\n"
    "米アマゾン・ドット・コムは、従業員向けに始めた遠隔医療サービス「アマゾン・ケア」を年内で終了すると発表した。"
    "同社は企業の顧客にとって十分なサービスではなかったと説明している。"
    "一方で、七月に買収で合意したワン・メディカルを通じて、医療事業への投資は続ける方針だという。"
    "関係者によると、多くの従業員は社内の別の部署に移る見通しである。"
    "アマゾンは二〇一八年に薬局のピルパックを買収しており、医療分野での取り組みを広げてきた。\n"
)
ENGLISH = (
    "Amazon closes its in-house clinic pilot\n\n"
    "Amazon said on Wednesday that it would wind down the clinic it had run for its own staff since 2019. "
    "The company told employees the service had not drawn enough interest from outside employers. "
    "It will keep investing in health care through its pharmacy business and its planned purchase of a "
    "primary care chain, a spokesperson said, adding that most staff would move to other teams.\n"
)
SPANISH = (
    "Amazon cerrará su servicio de atención médica para empleados\n\n"
    "Amazon anunció que cerrará a finales de año el servicio de telemedicina que creó para sus empleados. "
    "Según un correo interno, la compañía concluyó que no era una oferta lo bastante completa para las "
    "grandes empresas. La decisión no afecta a su farmacia en línea ni a la compra de una cadena de "
    "clínicas de atención primaria, señaló un portavoz. Muchos empleados serán reubicados en otros equipos.\n"
)
CHINESE_SIMPLIFIED = (
    "京东健康发布年度业绩\n\n"
    "京东健康公布了上一年度的业绩，收入同比增长，主要来自线上药房业务。"
    "公司表示，将继续扩大与医院和药企的合作，并加强互联网医院的在线问诊服务。"
    "分析人士认为，疫情期间形成的线上购药习惯仍在延续，但行业竞争也在加剧。"
    "京东健康还计划在更多城市推出送药上门服务，以缩短患者等待时间。\n"
)

HOSTILE_PLAIN = (
    "Sicherheitsbericht: was eine Seite alles enthalten kann\n\n"
    "Dieser Artikel zitiert Code, den niemand ausführen darf: <script>alert('xss')</script> steht hier als Text.\n\n"
    "Ein Rahmen <iframe src=\"https://evil.example/\"></iframe> und ein Stil <style>body{display:none}</style> ebenso.\n\n"
    "Ein Bild <img src=x onerror=\"alert(2)\"> und ein Link <a href=\"javascript:alert(3)\">hier klicken</a> bleiben Zeichen.\n\n"
    "Ein Kommentar <!-- versteckt --> und Vorlagen {{ config.site_name }} sowie {% include 'x.html' %} werden gezeigt.\n\n"
    "---\ntitle: gehackt\n---\n\n"
    "| Spalte A | Spalte B |\n|---|---|\n| 1 | 2 |\n\n"
    "# Das ist keine Überschrift, sondern ein Satz mit einem Rautenzeichen am Anfang.\n\n"
    "Steuerzeichen\x00 und\x07 Glocken\x1b werden entfernt, der Rest des Satzes bleibt erhalten.\n\n"
    "Am Ende steht ein ganz normaler Absatz, damit der Bericht wie ein Artikel aussieht und lang genug ist.\n"
)
HOSTILE_MARKDOWN = (
    "# Markdown mit Fallen\n\n"
    "Ein [Link mit javascript](javascript:alert(1)) und ein [data-Link](data:text/html,<script>alert(1)</script>) "
    "werden nicht verlinkt, ein [normaler Link](https://example.org/) schon.\n\n"
    "![Bild mit onerror](x\" onerror=\"alert(1))\n\n"
    "- Ein Listenpunkt mit <b onclick=\"alert(1)\">HTML</b> darin.\n"
    "- Noch ein Punkt mit <script>alert(1)</script> darin.\n\n"
    "> Ein Zitat mit {{ page.title }} und {% if true %}Vorlagensyntax{% endif %}.\n\n"
    "Der letzte Absatz ist gewöhnlicher Text, damit die Datei als Artikel gilt und lang genug ist, um zu zählen.\n"
)


@dataclass(frozen=True)
class Case:
    name: str
    data: bytes
    status: str
    duplicate_of: str | None = None
    language: str | None = None
    must_show: tuple[str, ...] = ()  # text a reader must see on the article page


def _crlf(text: str) -> str:
    return text.replace("\n", "\r\n")


def cases() -> list[Case]:
    # 000 without its spam and chrome: only the first copy of the body.
    zh_000 = seed_text("000")
    body_000 = zh_000[zh_000.index("互聯網巨頭再次折戟醫療") : zh_000.index("本文為轉載內容")]
    german = seed_text("002")
    german_edited = german.replace("Das Unternehmen machte keine Angaben", "Das Unternehmen nannte keine Zahlen")
    long_line = " ".join(f"Satz Nummer {n} über Amazon Care und die Gesundheitsbranche." for n in range(3500))
    rng = random.Random(5)
    noise = bytes(rng.choice([*range(0x80, 0x100), 0x20]) for _ in range(4000))
    return [
        # encodings: each read back exactly
        Case("enc/000-utf8-bom-crlf.txt", b"\xef\xbb\xbf" + _crlf(zh_000).encode(), "published", language="zh-Hant",
             must_show=("互聯網巨頭再次折戟醫療",)),
        Case("enc/001-gbk-crlf.txt", _crlf(seed_text("001")).encode("gbk"), "published", language="zh-Hans",
             must_show=("药丸包",)),
        Case("enc/002-cp1252-cr.txt", german.replace("\n", "\r").encode("cp1252", errors="replace"), "published",
             language="de", must_show=("Gesundheitsdienste", "Überschneidungen", "schließen")),
        Case("enc/003-big5.txt", seed_text("003").encode("big5", errors="replace"), "published", language="zh-Hant",
             must_show=("阿里健康謀局",)),
        Case("enc/004-utf16le-bom.txt", b"\xff\xfe" + seed_text("004").encode("utf-16-le"), "published",
             language="fr", must_show=("Amazon fermera Amazon Care",)),
        Case("enc/en-utf16be-bom.txt", b"\xfe\xff" + ENGLISH.encode("utf-16-be"), "published", language="en"),
        Case("enc/es-latin1.txt", SPANISH.encode("latin-1"), "published", language="es",
             must_show=("atención médica", "compañía")),
        Case("enc/ja-shift-jis.txt", JAPANESE.encode("shift_jis"), "published", language="ja",
             must_show=("遠隔医療サービス",)),
        Case("enc/zh-gb18030.txt", CHINESE_SIMPLIFIED.encode("gb18030"), "published", language="zh-Hans",
             must_show=("京东健康发布年度业绩",)),
        # duplicates: later copies by path order
        Case("enc/zz-004-renamed-copy.txt", seed_text("004").encode(), "duplicate",
             duplicate_of="enc/004-utf16le-bom.txt"),
        Case("enc/zz-003-utf8.txt", _crlf(seed_text("003")).encode(), "duplicate", duplicate_of="enc/003-big5.txt"),
        Case("enc/zz-000-without-chrome.txt", body_000.encode(), "duplicate",
             duplicate_of="enc/000-utf8-bom-crlf.txt"),
        Case("enc/zz-000-simplified.txt", convert(zh_000, SIMPLIFIED).encode(), "duplicate",
             duplicate_of="enc/000-utf8-bom-crlf.txt"),
        Case("enc/zz-002-edited.txt", german_edited.encode(), "duplicate", duplicate_of="enc/002-cp1252-cr.txt"),
        # junk
        # A name whose right-to-left override shows it as "spoofgpj.txt": the report writes the override out.
        Case("junk/spoof\u202etxt.jpg", b"", "rejected"),
        Case("junk/empty.txt", b"", "rejected"),
        Case("junk/whitespace.txt", b" \n\t\r\n   \n", "rejected"),
        Case("junk/image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 8, "rejected"),
        Case("junk/short.txt", "Amazon Care schließt.".encode(), "rejected"),
        Case("junk/noise.txt", noise, "rejected"),
        Case("junk/.DS_Store", b"\x00\x00\x00\x01Bud1" + b"\x00" * 64, "rejected"),
        Case("junk/only-chrome.txt", ("Leave a Comment\n\n" * 40 + "評論\n\n" * 40).encode(), "rejected"),
        # hostile text: shown, never run
        Case("hostile/plain.txt", HOSTILE_PLAIN.encode(), "published", language="de",
             must_show=("<script>alert('xss')</script>", "{{ config.site_name }}", "{% include 'x.html' %}",
                        "<!-- versteckt -->", "title: gehackt", "| Spalte A | Spalte B |",
                        "# Das ist keine Überschrift", "<style>body{display:none}</style>")),
        Case("hostile/markdown.md", HOSTILE_MARKDOWN.encode(), "published", language="de",
             must_show=("Link mit javascript", "<script>alert(1)</script>", "{{ page.title }}")),
        Case("hostile/long-line.txt", long_line.encode(), "published", language="de",
             must_show=("Satz Nummer 3499",)),
        *SAME_SLUG_CASES,
    ]


# Three names that reduce to one slug ("article" under the old scheme): each gets an id of its own,
# which no other file's arrival or departure changes.
CHINESE_TRADITIONAL = (
    "阿里健康擴大線上藥房服務\n\n"
    "阿里健康宣布擴大其線上藥房的配送範圍，今年內將覆蓋更多三四線城市。"
    "公司表示，患者可以透過手機應用程式預約醫生，並在一小時內收到處方藥品。"
    "業內人士指出，疫情改變了民眾的購藥習慣，線上問診的需求仍在增長。"
    "阿里健康同時計劃與更多地方醫院合作，建立處方流轉平台，以縮短患者的等待時間。\n"
)
ENGLISH_HAVEN = (
    "Haven, the health venture of three large employers, winds down\n\n"
    "Haven, the joint venture that Amazon, Berkshire Hathaway and JPMorgan Chase formed to lower the cost of "
    "health care for their employees, will disband at the end of February, the companies said. The partners "
    "will keep working on health benefits on their own and share what they learned with each other, a "
    "spokesperson said, adding that some of its staff would join the three companies.\n"
)
FRENCH_PILLPACK = (
    "Amazon rachète la pharmacie en ligne PillPack\n\n"
    "Amazon a annoncé le rachat de PillPack, une pharmacie en ligne qui livre des médicaments triés par dose "
    "aux patients atteints de maladies chroniques. Le montant de la transaction n'a pas été dévoilé, mais la "
    "presse américaine l'estime à près d'un milliard de dollars. L'annonce a fait chuter le cours des grandes "
    "chaînes de pharmacies, qui craignent l'arrivée du géant de la distribution sur leur marché.\n"
)
GERMAN_ONE_MEDICAL = (
    "Amazon übernimmt die Praxiskette One Medical\n\n"
    "Amazon kauft die amerikanische Praxiskette One Medical für rund 3,9 Milliarden Dollar. Der Konzern will "
    "damit seine Angebote im Gesundheitswesen ausbauen, nachdem er seinen eigenen Telemedizin-Dienst für "
    "Arbeitgeber eingestellt hat. Die Kartellbehörde prüft die Übernahme, die noch genehmigt werden muss, "
    "teilte das Unternehmen mit.\n"
)
SAME_SLUG_CASES = [
    Case("ids/中文.txt", CHINESE_TRADITIONAL.encode(), "published", language="zh-Hant", must_show=("阿里健康擴大線上藥房服務",)),
    Case("ids/..txt", ENGLISH_HAVEN.encode(), "published", language="en", must_show=("Haven, the joint venture",)),
    Case("ids/article.txt", FRENCH_PILLPACK.encode(), "published", language="fr", must_show=("pharmacie en ligne",)),
]

# The size limit the fixture site sets (max_file_bytes in its mkdocs.yml): above hostile/long-line.txt.
FIXTURE_MAX_FILE_BYTES = 400_000


@dataclass(frozen=True)
class Special:
    """An entry that is not a regular file inside seeds/articles/, or that must not be read: `make`
    creates it at its path (with `outside`, a folder beside the project, for what links point to).
    The report lists it as `report_name`, rejected with a reason that contains `reason`."""

    name: str | bytes  # bytes: a name that is not UTF-8
    make: Callable[[Path, Path], None]
    reason: str
    report_name: str


# Text that would be published if it were read: the tests look for it in the built site.
SECRET_MARKER = "SECRET-7f3a9c-NEVER-PUBLISHED"
OUTSIDE_FOLDER_MARKER = "OUTSIDE-FOLDER-b41e07-NEVER-PUBLISHED"


def _private_article(marker: str) -> bytes:
    sentence = f"The private note {marker} holds what must never leave this machine, whatever the build reads. "
    return (f"Private note {marker}\n\n" + sentence * 4).encode()


def _secret(path: Path, outside: Path) -> None:
    (outside / "secret.txt").write_bytes(_private_article(SECRET_MARKER))
    os.symlink(outside / "secret.txt", path)


def _outside_folder(path: Path, outside: Path) -> None:
    (outside / "folder").mkdir()
    (outside / "folder" / "article.txt").write_bytes(_private_article(OUTSIDE_FOLDER_MARKER))
    os.symlink(outside / "folder", path)


def _socket(path: Path, outside: Path) -> None:
    with socket.socket(socket.AF_UNIX) as listener:
        listener.bind(str(path))


def _loop_pair(path: Path, outside: Path) -> None:
    os.symlink("loop-b", path)
    os.symlink(path.name, path.with_name("loop-b"))


def _can_make_devices() -> bool:
    """mknod needs privileges a CI runner lacks; the device case is then covered by a unit test."""
    probe = Path(tempfile.mkdtemp()) / "device"
    try:
        os.mknod(probe, 0o600 | stat.S_IFCHR, os.makedev(1, 3))
        return True
    except OSError:
        return False
    finally:
        probe.unlink(missing_ok=True)
        probe.parent.rmdir()


def special_entries() -> list[Special]:
    outside_file = "a symbolic link to a file outside seeds/articles/"
    entries = [
        Special("special/fifo.txt", lambda path, _: os.mkfifo(path), "a named pipe (FIFO)", "special/fifo.txt"),
        Special("special/socket.txt", _socket, "a socket", "special/socket.txt"),
        Special("special/passwd.txt", lambda path, _: os.symlink("/etc/passwd", path), outside_file,
                "special/passwd.txt"),
        Special("special/secret.txt", _secret, outside_file, "special/secret.txt"),
        Special("special/proc-mem.txt", lambda path, _: os.symlink("/proc/self/mem", path), outside_file,
                "special/proc-mem.txt"),
        Special("special/outside-folder", _outside_folder, "a symbolic link to a folder outside seeds/articles/",
                "special/outside-folder"),
        Special("special/broken.txt", lambda path, _: os.symlink("missing.txt", path), "a broken symbolic link",
                "special/broken.txt"),
        Special("special/loop.txt", lambda path, _: os.symlink("loop.txt", path), "a symbolic link that loops",
                "special/loop.txt"),
        Special("special/loop-a", _loop_pair, "a symbolic link that loops", "special/loop-a"),
        Special("special/loop-b", lambda path, _: None, "a symbolic link that loops", "special/loop-b"),
        Special("special/inside-file.txt", lambda path, _: os.symlink("../enc/es-latin1.txt", path),
                "a symbolic link to the file enc/es-latin1.txt in seeds/articles/", "special/inside-file.txt"),
        Special("special/inside-folder", lambda path, _: os.symlink("../enc", path),
                "a symbolic link to the folder enc in seeds/articles/", "special/inside-folder"),
        Special(b"special/caf\xe9.txt", lambda path, _: path.write_bytes(GERMAN_ONE_MEDICAL.encode()),
                "its name is not valid UTF-8", "special/caf\\xe9.txt"),
        Special("special/to-undecodable.txt", lambda path, _: os.symlink(b"caf\xe9.txt", path),
                "a symbolic link to the file special/caf\\xe9.txt in seeds/articles/", "special/to-undecodable.txt"),
        Special("special/too-big.txt",
                lambda path, _: path.write_bytes((ENGLISH_HAVEN * 1000)[: FIXTURE_MAX_FILE_BYTES + 1].encode()),
                "too big: over the limit of 400,000 bytes", "special/too-big.txt"),
    ]
    if _can_make_devices():
        entries.append(Special("special/null-device.txt",
                               lambda path, _: os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 3)),
                               "a character device", "special/null-device.txt"))
    return entries


def make_special_entries(articles: Path, outside: Path, entries: list[Special]) -> None:
    """Each of `entries` made in the `articles` folder (its folders with it); `outside`: a folder out of the
    project, for the links that lead out of it."""
    for entry in entries:
        path = articles / os.fsdecode(entry.name)
        path.parent.mkdir(parents=True, exist_ok=True)
        entry.make(path, outside)
