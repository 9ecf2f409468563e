"""What makes two ideas the same, made in bulk for an import, is the very fingerprint of each idea on its own."""

import re
import sys

from hypothesis import example, given
from hypothesis import strategies as st

from game.domain.ideas import ODD_SPACE, fingerprint, fingerprints

SPACES = "".join(chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace())


def test_the_odd_spaces_are_every_white_space_but_the_space():
    odd = {c for c in SPACES if ODD_SPACE.fullmatch(c)}
    assert odd == set(SPACES) - {" "}
    assert all(ODD_SPACE.fullmatch(c) is None for c in map(chr, range(sys.maxunicode + 1)) if not c.isspace())
    assert set(SPACES) == {c for c in map(chr, range(sys.maxunicode + 1)) if re.fullmatch(r"\s", c)}


#: texts made mostly of what changes a fingerprint: spacing of every kind, letters whose case folds to more
#: letters ("ß", "ﬁ"), capitals, and the two separators the bulk way uses
PIECES = [*SPACES, "a", "B", "ß", "ﬁ", "Ё", "İ", "\x00", "\x01", "word"]
texts = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


@given(st.lists(st.tuples(texts, texts), max_size=8))
@example([(" Tea ", "with\u00a0milk"), ("tea", "with  milk"), ("", ""), ("a\tb", "c\n")])
@example([("Straße", "ﬁne"), ("x\x01y", "z")])
def test_in_bulk_each_idea_keeps_its_own_fingerprint(ideas):
    titles, texts = [title for title, _ in ideas], [text for _, text in ideas]
    assert fingerprints(titles, texts) == [fingerprint(title, text) for title, text in ideas]


def test_the_same_idea_spaced_and_cased_otherwise_is_the_same():
    keys = fingerprints(["A gift", " a  GIFT"], ["for\tthe\u2003client ", "for the client"])
    assert keys[0] == keys[1] == "a gift \x00 for the client"
    assert fingerprints(["A gift"], ["for the clients"]) != keys[:1]
