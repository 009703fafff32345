"""data_files: the site's data files are the JSON a reader expects, indented as the standard library does."""

import json

import pytest

from dossier.data_files import to_json


@pytest.mark.parametrize(
    "value",
    [
        {"articles": []},
        {"articles": [{"id": "000", "title": "亞馬遜 Care", "entities": ["amazon-care"], "removed": []}]},
        {"nested": {"empty": {}, "list": [[], [1, 2], {"a": None}], "flags": [True, False]}},
        {"text": 'quotes " and \\ backslashes, </script><!-- and & <b>'},
        {"controls": "tab\tnewline\nreturn\rbell\x07nul\x00escape\x1b del\x7f"},
        {"separators": "line\u2028paragraph\u2029 zero\u200bwidth, emoji 🩺, combining é"},
        {"numbers": [0, -1, 2**53, 10**18]},
        [],
        "a lone string",
    ],
)
def test_a_data_file_is_what_json_dumps_writes_indented(value):
    written = to_json(value)
    assert written == json.dumps(value, ensure_ascii=False, indent=2) + "\n"
    assert json.loads(written) == value
