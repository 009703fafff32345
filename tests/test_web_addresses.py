"""web_addresses: an address from the inputs is linked and cited only when a browser can open it."""

import pytest

from dossier.web_addresses import is_web_address


@pytest.mark.parametrize(("url", "web"), [
    ("https://example.org/a?b=1#c", True),
    ("http://[2001:db8::1]:8080/x", True),
    ("http://[::1", False),  # an IPv6 bracket left open
    ("http://%zz/", False),  # an escape that is not one
    ("http://example.org:99999/", False),  # no such port
    ("https:///path-only", False),
    ("javascript:alert(1)", False),
    ("https://example.org/a b", False),
    ("https://example.org/" + "a" * 2000, True),
    ("https://example.org/" + "a" * 3000, False),  # longer than browsers take: a scrape's trap
    ("https://bank.example@other.example/", False),  # the host is other.example: a spoof
    ('https://example.org/fm"><script>x</script>', False),
    ("https://example.org/a\\b", False),
])
def test_a_web_address_is_one_a_browser_can_open(url, web):
    assert is_web_address(url) is web
