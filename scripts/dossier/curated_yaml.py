"""Curated YAML under `seeds/`: loaded with line numbers, checked for shape (no anchors or aliases, no
deep nesting) before it is built, and validated against a JSON Schema.

Every error names the file, the line and the field, so a maintainer can go straight to it.
"""

from __future__ import annotations

import datetime
import functools
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from re import _constants as sre_constants  # type: ignore[attr-defined]  # Python's own pattern parser: typeshed omits it
from re import _parser as sre_parser  # type: ignore[attr-defined]
from typing import Any

import jsonschema
import yaml

from .characters import plain_strings, plain_text


class CurationError(Exception):
    """A curated YAML file is malformed; the message names file, line and field."""


# A parsed YAML document: mappings, lists and scalars, of a shape known only once its schema has checked
# it (each loader then reads it as its own TypedDict).
YamlData = Any  # PyYAML ships no type information; `yaml.load` returns Any


@dataclass(frozen=True)
class YamlDocument:
    """A curated file as parsed (`data`) and as composed (`root`, the node tree that knows lines)."""

    path: Path
    data: YamlData
    root: yaml.Node | None

    def line_of(self, field_path: Iterable[str | int]) -> int:
        """1-based line of the deepest node along `field_path` that exists."""
        node = self.root
        line = node.start_mark.line + 1 if node is not None else 1
        for key in field_path:
            child = _child(node, key)
            if child is None:
                break
            node = child
            line = node.start_mark.line + 1
        return line

    def error(self, field_path: Iterable[str | int], message: str) -> CurationError:
        field_path = list(field_path)
        field = ".".join(str(part) for part in field_path) or "(top level)"
        return CurationError(f"{self.path}:{self.line_of(field_path)}: field '{field}': {message}")


def _child(node: yaml.Node | None, key: str | int) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            if key_node.value == str(key):
                return value_node
    if isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
        return node.value[key]
    return None


_TEXT_KEY_TAG = "tag:yaml.org,2002:str"
# YAML's merge key "<<": with anchors refused it could only merge a mapping written beside it, and what it
# merges in would pass the checks below unseen (a duplicate entry, a null id).
_MERGE_KEY_TAG = "tag:yaml.org,2002:merge"


# The longest integer a curated file holds is a year or a count; anything longer is a mistake.
MAX_INTEGER_CHARS = 30


# libyaml's loader when available. PyYAML ships no type information, so its loader is Any to mypy.
class _UniqueKeyLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """SafeLoader that refuses duplicate keys instead of silently keeping the last one, and keeps
    dates as the strings they are written as (the schema checks their form)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[object, object]:
        seen: set[str] = set()
        for key_node, _ in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.tag == _MERGE_KEY_TAG:
                raise yaml.constructor.ConstructorError(
                    None, None, "the merge key << is not allowed: write the fields out", key_node.start_mark)
            # A key is a name, an id or a file name: text, never a list, a mapping, a number or a boolean.
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _TEXT_KEY_TAG:
                shown = key_node.value if isinstance(key_node, yaml.ScalarNode) else "a list or mapping"
                raise yaml.constructor.ConstructorError(
                    None, None, f"a key must be text: {shown} (quote it if it is a name)", key_node.start_mark)
            key = plain_text(key_node.value)  # as the data will hold it: two keys that differ only in
            if key in seen:  # invisible characters or Unicode form would be one, the first lost
                raise yaml.constructor.ConstructorError(
                    None, None, f"duplicate key '{key}'", key_node.start_mark
                )
            seen.add(key)
        mapping: dict[object, object] = super().construct_mapping(node, deep)
        return mapping

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int:
        """An integer, if one a curated field may hold: a number longer than any count or year is a mistake,
        and past 4,300 digits Python refuses to read or print it (a traceback naming no file)."""
        if len(node.value) > MAX_INTEGER_CHARS:
            raise yaml.constructor.ConstructorError(
                None, None, f"a number of {len(node.value)} characters (quote it if it is text)", node.start_mark)
        value: int = super().construct_yaml_int(node)
        return value


_UniqueKeyLoader.add_constructor("tag:yaml.org,2002:int", _UniqueKeyLoader.construct_yaml_int)
_UniqueKeyLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


# The curated files nest six levels deep; far deeper is a mistake or an attack on the parser's stack.
MAX_DEPTH = 20


def load_yaml(path: Path) -> YamlDocument:
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except OSError as exc:
        raise CurationError(f"{path}:1: cannot be read: {exc.strerror}") from exc
    except UnicodeDecodeError as exc:  # at the line of the first byte that is not UTF-8 (a file saved as Latin-1)
        line = raw.count(b"\n", 0, exc.start) + 1
        raise CurationError(f"{path}:{line}: cannot be read as UTF-8 text: {exc}") from exc
    try:
        _check_shape(path, text)
        loader = _UniqueKeyLoader(text)
        try:  # parsed once: the node tree (which knows lines), then the data built from it
            root = loader.get_single_node()
            data = loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise CurationError(f"{path}:{line}: YAML syntax error: {exc.problem or exc}") from exc
    except yaml.YAMLError as exc:  # a character YAML does not allow (a control character): no mark
        line = text.count("\n", 0, getattr(exc, "position", 0)) + 1
        raise CurationError(f"{path}:{line}: YAML error: {str(exc).splitlines()[0]}") from exc
    # A control character written as an escape ("\x02") is text no page can show: curated strings take
    # the form article text takes, so that the pages, the JSON and the search index agree.
    return YamlDocument(path, plain_strings(data), root)


def _check_shape(path: Path, text: str) -> None:
    """Refuse, from the parser's events and before anything is built, what no curated file needs:
    anchors and aliases (an alias bomb, "billion laughs", expands a few lines into billions of nodes)
    and nesting deeper than MAX_DEPTH."""
    depth = 0
    for event in yaml.parse(text, Loader=_UniqueKeyLoader):
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
            raise CurationError(f"{path}:{line}: YAML anchors and aliases (&name, *name) are not allowed in "
                                "curated files: write each value out")
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_DEPTH:
                raise CurationError(f"{path}:{line}: nested deeper than {MAX_DEPTH} levels")
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1


def validate(document: YamlDocument, schema: Mapping[str, object]) -> None:
    validator = jsonschema.Draft202012Validator(schema)
    errors = sorted(validator.iter_errors(document.data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        first = errors[0]
        path = list(first.absolute_path)
        message = first.message
        if first.validator == "additionalProperties":
            unknown = sorted(set(first.instance) - set(first.schema.get("properties", {})))
            path += unknown[:1]
            message = f"unknown field (allowed: {', '.join(sorted(first.schema.get('properties', {})))})"
        raise document.error(path, message)


def value_at(data: Any, field_path: Iterable[str | int]) -> Any:
    """The value at `field_path` in parsed YAML (keys of nested mappings), or None where the path stops."""
    for key in field_path:
        data = data.get(key) if isinstance(data, dict) else None
    return data


def check_date(document: YamlDocument, field_path: list[str | int]) -> None:
    """The schema checks a date's form (YYYY-MM-DD); this, that it is a day of the calendar."""
    value = value_at(document.data, field_path)
    if value is None:
        return
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        raise document.error(field_path, f"not a calendar date: {value}") from None


def _alternatives(patterns: list[str]) -> re.Pattern[str]:
    return compiled_pattern("|".join(patterns))


def load_validated(path: Path, schema: Mapping[str, object], regex_fields: Iterable[str] = (),
                   joined: Callable[[list[str]], re.Pattern[str]] = _alternatives) -> YamlData:
    """Load, validate against `schema`, and check that the named lists hold regular expressions that
    compile as they are used: each alone, then each list `joined` into one pattern (a flag written
    inside one, or a group name two of them use, fails only there)."""
    document = load_yaml(path)
    validate(document, schema)
    for field in regex_fields:
        patterns = document.data.get(field, [])
        for index, pattern in enumerate(patterns):
            if _compiled(document, [field, index], joined, [pattern]).fullmatch("") is not None:
                raise document.error([field, index], "matches an empty line (an empty alternative, as in a||b?): "
                                     "it would take lines it was never meant for")
            shape = repeat_shape(pattern)
            if shape.depth > 1:
                raise document.error([field, index], "a repeat inside a repeat, as in (a+)+: on some lines its "
                                     "matching takes exponential time, and the build would hang; rewrite it")
            if shape.holds_alternatives:
                raise document.error([field, index], "alternatives inside a repeat, as in (a|ab)+: where two of "
                                     "them match the same text, matching takes exponential time; rewrite it")
        _compiled(document, [field], joined, patterns)
    return document.data


@dataclass(frozen=True)
class RepeatShape:
    """What a pattern's unbounded repeats (+, *, {n,}) hold, read from the parse tree of Python's own
    regular-expression compiler. Either below makes a line that almost matches take exponential time to
    fail, and the build hang."""

    depth: int  # how deep they nest (star height): "(x+x+)+y" on forty x's, at 2
    holds_alternatives: bool  # "(a|a)+b": where two alternatives match the same text


# A compiled pattern is its string's and flags' alone, and `re` keeps only 512: the vocabulary and the
# registry hold more, so a test process or a server that builds again would compile every one again.
@functools.lru_cache(maxsize=8192)
def compiled_pattern(pattern: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(pattern, flags)


# A pattern's shape is its string's alone: the vocabulary's patterns are walked once per process, not again
# at each build a test process or a server runs (a cached pattern, as `re` caches compiled ones).
@functools.lru_cache(maxsize=4096)
def repeat_shape(pattern: str) -> RepeatShape:
    depth, alternatives = _shape(sre_parser.parse(pattern), depth=0)
    return RepeatShape(depth, alternatives)


def _shape(node: object, depth: int) -> tuple[int, bool]:
    """The deepest nesting of unbounded repeats in a parse tree's node (an item, a sequence of items, or an
    operator's arguments), counted from `depth`, and whether alternatives stand inside one of them."""
    if isinstance(node, tuple) and len(node) == 2 and node[0] in _LEAVES:  # noqa: PLR2004 (an item: op, value)
        return depth, False  # a character, a set of them, an anchor: nothing nested (most of a tree's items)
    if isinstance(node, tuple) and len(node) == 2 and node[0] in _REPEATS:  # noqa: PLR2004
        _low, high, sub = node[1]
        return _shape(sub, depth + (high == sre_constants.MAXREPEAT))
    alternatives = isinstance(node, tuple) and len(node) == 2 and node[0] == sre_constants.BRANCH and depth > 0  # noqa: PLR2004
    deepest = depth
    if isinstance(node, (sre_parser.SubPattern, list, tuple)):
        for child in node:
            child_depth, child_alternatives = _shape(child, depth)
            deepest = max(deepest, child_depth)
            alternatives = alternatives or child_alternatives
    return deepest, alternatives


_REPEATS = frozenset({sre_constants.MAX_REPEAT, sre_constants.MIN_REPEAT, sre_constants.POSSESSIVE_REPEAT})
# The operators whose value holds no pattern: the walk need not go inside them.
_LEAVES = frozenset({sre_constants.LITERAL, sre_constants.NOT_LITERAL, sre_constants.ANY, sre_constants.IN,
                     sre_constants.AT, sre_constants.CATEGORY, sre_constants.GROUPREF})


def _compiled(document: YamlDocument, field_path: list[str | int], joined: Callable[[list[str]], re.Pattern[str]],
              patterns: list[str]) -> re.Pattern[str]:
    try:
        return joined(patterns)
    except (re.error, OverflowError, RecursionError) as exc:  # a repeat count too large overflows
        what = "invalid regular expression" if len(patterns) == 1 else "these regular expressions cannot be joined"
        raise document.error(field_path, f"{what}: {exc}") from exc
