"""Generated pages: a template's `meta` as YAML front matter, then its body.

Front matter is the only way generated text reaches `page.meta`, and the theme prints `page.meta.title`
and `description` into <title>, the header and meta tags (and its search index) as they are: every
string in it is HTML-escaped here, once, and written double-quoted on one line, so that no text can
close the front matter or start a YAML node.
"""

from __future__ import annotations

import re
from typing import TypeAlias

import yaml
from jinja2 import Environment
from markupsafe import escape

# What a template's `meta` holds: YAML's scalars, mappings and lists (None values are left out).
MetaValue: TypeAlias = (str | int | float | bool | dict[str, "MetaValue"] | list["MetaValue"]
                        | tuple["MetaValue", ...] | None)


# libyaml's emitter, where PyYAML was built with it (its wheels are): a few times faster than the
# pure-Python one, which counts with thousands of pages. PyYAML ships no type information: its Dumpers
# are Any to mypy.
class _FrontMatterDumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    """Every string double-quoted on one line."""


_FrontMatterDumper.add_representer(
    str, lambda dumper, text: dumper.represent_scalar("tag:yaml.org,2002:str", text, style='"'))
_ONE_LINE = 2**31 - 1  # libyaml's widest line
# A lone surrogate is no character (Python carries the bytes of a file name that is not UTF-8 so):
# YAML cannot hold one, and MkDocs would read the whole front matter as the page's text.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _text(value: str) -> str:
    return str(escape(_LONE_SURROGATE.sub("\ufffd", value)))


def _escaped(value: MetaValue) -> MetaValue:
    if isinstance(value, str):
        return _text(value)
    if isinstance(value, dict):
        return {_text(key): _escaped(item) for key, item in value.items() if item is not None}
    if isinstance(value, (list, tuple)):
        return [_escaped(item) for item in value]
    return value


def front_matter(meta: dict[str, MetaValue]) -> str:
    """A page's YAML front matter, every string in it HTML-escaped. Any Unicode reads back whole: libyaml
    writes a character beyond the BMP as YAML's `\\U0001F600` escape (JSON's `\\ud83d` escapes are
    surrogates, which YAML rejects)."""
    text = yaml.dump(_escaped(meta), Dumper=_FrontMatterDumper, allow_unicode=True, sort_keys=False, width=_ONE_LINE)
    return f"---\n{text}---\n"


def render_page(env: Environment, template: str, **context: object) -> str:
    """A generated page: the template's `meta` (a `{% set meta = {...} %}` in it) as front matter, then
    its body. Templates hold no front matter of their own, so none can skip the escaping."""
    module = env.get_template(template).make_module(context)
    meta: dict[str, MetaValue] = module.meta  # type: ignore[attr-defined]  # Jinja exports a template's variables as attributes
    return front_matter(meta) + str(module)
