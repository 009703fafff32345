"""cleaning_vocabulary: seeds/cleaning.yml compiled, and the answers the clean stage asks for again."""

from dossier.cleaning_vocabulary import NOTICE_ANSWERS_KEPT


def test_a_line_asked_about_again_gets_the_patterns_answer(vocabulary):
    lines = ["Subscribe to our newsletter", "© 2023 Example Media. All rights reserved.", "Jetzt anmelden",
             "Amazon opened its first clinics in Seattle.", "亚马逊关闭诊所", ""]
    expected = [bool(vocabulary.notice.search(line)) for line in lines]
    assert expected[:3] == [True, True, True] and expected[3:] == [False, False, False]
    assert [vocabulary.has_notice_words(line) for line in lines * 2] == expected * 2


def test_the_answers_kept_stay_within_their_bound(vocabulary):
    lines = [f"Line {n} of a long page" for n in range(NOTICE_ANSWERS_KEPT + 10)] + ["Sign in to comment"]
    assert [vocabulary.has_notice_words(line) for line in lines] == [False] * (NOTICE_ANSWERS_KEPT + 10) + [True]
    assert 0 < len(vocabulary._notice_answers) <= NOTICE_ANSWERS_KEPT
