"""Reading `seeds/articles/` safely: every entry, in path order, read as a file or refused with a reason.

Nothing outside the tree is read (symbolic links are never followed), reading never blocks (FIFOs,
devices), and a file over the size limit is refused before it is read.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .records import InputOutcome, SourceFile


@dataclass(frozen=True)
class Paths:
    """Where the pipeline's inputs live. Source files are named relative to `project`."""

    project: Path
    seeds: Path
    templates: Path

    @classmethod
    def for_project(cls, project: Path) -> Paths:
        return cls(project, project / "seeds", project / "templates")

    @property
    def articles(self) -> Path:
        return self.seeds / "articles"

    @property
    def curation(self) -> Path:
        return self.seeds / "articles.yml"

    @property
    def cleaning(self) -> Path:
        return self.seeds / "cleaning.yml"

    @property
    def entities(self) -> Path:
        return self.seeds / "entities.yml"


# The biggest file read as an article (`max_file_bytes` in mkdocs.yml): a news article is tens of
# kilobytes; anything near this is a dump or a mistake, and it is refused before it is read.
MAX_FILE_BYTES = 5_000_000

# Opening never follows a link and never waits (on a FIFO swapped in after the check).
_OPEN_FLAGS = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC

_SPECIAL_KINDS = {
    stat.S_IFIFO: "a named pipe (FIFO)",
    stat.S_IFSOCK: "a socket",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
}
_ONLY_FILES = "only regular files inside seeds/articles/ are read"


def read_sources(paths: Paths, max_file_bytes: int = MAX_FILE_BYTES) -> list[SourceFile | InputOutcome]:
    """Every entry under seeds/articles/, hidden ones included, in path order: each regular file read
    (a SourceFile), anything else refused unread (a rejected InputOutcome saying why): symbolic links
    (never followed, not even inside the tree: the file a link points to there is read under its own
    name), FIFOs, sockets, devices, files over `max_file_bytes`, files that cannot be read, names that
    are not UTF-8. Nothing outside the tree is read, and reading never blocks."""
    found: list[SourceFile | InputOutcome] = []
    if paths.articles.is_dir():
        _walk(str(paths.articles), _display_path(paths.articles, paths.project), paths, max_file_bytes, found)
    return found


def _walk(directory: str, shown: str, paths: Paths, max_file_bytes: int,
          found: list[SourceFile | InputOutcome]) -> None:
    """Every entry but folders read or refused, in the order of sorted paths. `shown`: the folder as the
    report names it. (Paths as strings: a reload of 10,000 articles reads them all again.)"""
    for entry, entry_shown in _entries(directory, shown, found):
        found.append(_read_entry(entry.path, entry_shown, paths, max_file_bytes))


def _entries(directory: str, shown: str,
             found: list[SourceFile | InputOutcome]) -> Iterator[tuple[os.DirEntry[str], str]]:
    """The entries other than folders under `directory`, depth first, each folder's sorted by name, with
    their names as the report shows them; a folder that cannot be listed is refused into `found`. A stack
    of listings, not recursion: a tree a thousand folders deep is read as any other."""
    listings = [_listing(directory, shown, found)]
    while listings:
        item = next(listings[-1], None)
        if item is None:
            listings.pop()
        elif _is_folder(item[0]):
            listings.append(_listing(item[0].path, item[1], found))
        else:
            yield item


def _listing(directory: str, shown: str,
             found: list[SourceFile | InputOutcome]) -> Iterator[tuple[os.DirEntry[str], str]]:
    """A folder's entries sorted by name, each with its name as the report shows it; none, and the
    folder refused, when it cannot be listed."""
    try:
        with os.scandir(directory) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        found.append(_refused(shown, f"a folder that cannot be listed ({error.strerror})"))
        return iter(())
    return iter([(entry, f"{shown}/{entry.name}") for entry in entries])


def _is_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir(follow_symlinks=False)
    except OSError:
        return False  # _read_entry says what is wrong with it


def file_count(folder: Path) -> int:
    """How many entries other than folders lie under `folder`, at any depth, as reading the sources walks
    them (a folder that cannot be listed counts none: reading the sources says why)."""
    return sum(1 for _ in _entries(str(folder), "", []))


def _read_entry(path: str, source_file: str, paths: Paths, max_file_bytes: int) -> SourceFile | InputOutcome:
    if source_file != _printable_name(source_file):
        return _refused(source_file, "its name is not valid UTF-8 (shown here with \\x escapes): rename the file")
    try:
        mode = os.lstat(path).st_mode
    except OSError as error:
        return _refused(source_file, f"cannot be examined ({error.strerror})")
    if stat.S_ISLNK(mode):
        return _refused(source_file,
                        f"{_describe_link(Path(path), paths.articles)}: links are not followed; {_ONLY_FILES}")
    if not stat.S_ISREG(mode):
        return _refused(source_file,
                        f"{_SPECIAL_KINDS.get(stat.S_IFMT(mode), 'not a regular file')}: {_ONLY_FILES}")
    try:
        descriptor = os.open(path, _OPEN_FLAGS)
    except OSError as error:
        return _refused(source_file, f"cannot be read ({error.strerror})")
    with os.fdopen(descriptor, "rb") as file:
        info = os.fstat(descriptor)
        if not stat.S_ISREG(info.st_mode):  # replaced between the check and the opening
            return _refused(source_file, f"not a regular file when opened: {_ONLY_FILES}")
        if info.st_size > max_file_bytes:
            return _too_big(source_file, max_file_bytes)
        try:
            data = file.read(max_file_bytes + 1)  # the file may have grown since fstat
        except OSError as error:
            return _refused(source_file, f"cannot be read ({error.strerror})")
    if len(data) > max_file_bytes:
        return _too_big(source_file, max_file_bytes)
    return SourceFile(source_file, data)


def _too_big(source_file: str, max_file_bytes: int) -> InputOutcome:
    return _refused(source_file, f"too big: over the limit of {max_file_bytes:,} bytes per file "
                                 "(max_file_bytes of the dossier plugin in mkdocs.yml)")


def _describe_link(path: Path, articles: Path) -> str:
    """What a symbolic link leads to, examined without reading it (stat only). A target outside the
    tree is not named."""
    try:
        target_mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "a broken symbolic link (its target does not exist)"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "a symbolic link that loops"
        return f"a symbolic link that cannot be followed ({error.strerror})"
    target = Path(os.path.realpath(path))
    kind = "folder" if stat.S_ISDIR(target_mode) else "file"
    if not target.is_relative_to(articles.resolve()):
        return f"a symbolic link to a {kind} outside seeds/articles/"
    where = target.relative_to(articles.resolve()).as_posix()
    return f"a symbolic link to the {kind} {where} in seeds/articles/, which is read where it stands"


def _refused(source_file: str, reason: str) -> InputOutcome:
    """An entry rejected unread (`source_file`: its path as the report names it): it has no sha256. The
    reason may name another entry (a link's target): names that are not UTF-8 are escaped there too."""
    return InputOutcome(_printable_name(source_file), None, "rejected", reason=_printable_name(reason))


def _printable_name(name: str) -> str:
    """The name with the bytes that are not UTF-8 (which Python carries as lone surrogates) written as
    \\xNN escapes, so that the report, the cache key and the page can hold it."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def _display_path(path: Path, project: Path) -> str:
    try:
        return path.relative_to(project).as_posix()
    except ValueError:
        return path.as_posix()
