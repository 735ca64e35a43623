"""Unified social credit codes (GB 32100-2015): length, alphabet, check character, normalising."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hvp_desktop.domain import credit_code
from hvp_desktop.domain.credit_code import CreditCodeError

# Codes as published on business licences (valid by GB 32100).
PUBLISHED = [
    "91350100M000100Y43",
    "914403001922038216",
    "9144030071526726XG",
    "91330100716105852F",
    "91110108551385082Q",
]

# The standard's own table, written out rather than computed, so the test does not share the
# implementation's arithmetic: code values 0-9, A=10 … Y=30 without I O S V Z, weights 3^i mod 31.
STANDARD_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
STANDARD_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def reference_check(first17: str) -> str:
    total = sum(STANDARD_ALPHABET.index(ch) * w for ch, w in zip(first17, STANDARD_WEIGHTS, strict=True))
    return STANDARD_ALPHABET[(31 - total % 31) % 31]


first17s = st.text(alphabet=STANDARD_ALPHABET, min_size=17, max_size=17)


@pytest.mark.parametrize("code", PUBLISHED)
def test_published_codes_are_valid(code):
    assert credit_code.validate(code) == code
    assert credit_code.is_valid(code)


def test_alphabet_and_weights_are_the_standards():
    assert credit_code.ALPHABET == STANDARD_ALPHABET
    assert list(credit_code.WEIGHTS) == STANDARD_WEIGHTS


@pytest.mark.parametrize("length", [0, 1, 15, 17, 19, 20])
def test_wrong_length_is_refused_with_the_length(length):
    text = ("91350100M000100Y43" * 2)[:length]
    with pytest.raises(CreditCodeError, match=f"应为18位，实为{length}位"):
        credit_code.validate(text)
    assert not credit_code.is_valid(text)


@pytest.mark.parametrize("letter", list("IOSVZ"))
def test_forbidden_letters_are_refused_and_named(letter):
    bad = "91350100" + letter + "000100Y43"
    assert len(bad) == 18
    with pytest.raises(CreditCodeError) as info:
        credit_code.validate(bad)
    assert "不允许" in str(info.value)
    assert letter in str(info.value)


def test_forbidden_letters_are_refused_even_lower_case():
    with pytest.raises(CreditCodeError, match="O"):
        credit_code.validate("91350100o000100Y43")


@pytest.mark.parametrize("symbol", ["-", "_", "#", "中"])
def test_other_symbols_are_refused(symbol):
    with pytest.raises(CreditCodeError, match=re.escape(symbol)):
        credit_code.validate("91350100" + symbol + "000100Y43")


@pytest.mark.parametrize("wrong", ["4", "0", "Y", "A"])
def test_wrong_check_character_says_what_it_should_be(wrong):
    code = "91350100M000100Y4" + wrong
    with pytest.raises(CreditCodeError) as info:
        credit_code.validate(code)
    message = str(info.value)
    assert "校验位" in message
    assert "应为3" in message
    assert f"实为{wrong}" in message


@pytest.mark.parametrize(
    "typed",
    [
        "９１３５０１００Ｍ０００１００Ｙ４３",  # full-width, as typed with a Chinese IME
        "91350100m000100y43",
        " 9135 0100 M000 100Y 43 ",
        "91350100\u3000M000100Y43",  # ideographic space
        "\t91350100M000100Y43\n",
        "９１３５０１００ｍ０００１００ｙ４３",
    ],
)
def test_normalises_width_case_and_spaces(typed):
    assert credit_code.normalise(typed) == "91350100M000100Y43"
    assert credit_code.validate(typed) == "91350100M000100Y43"


def test_normalise_keeps_wrong_characters_for_the_message():
    assert credit_code.normalise("ab c") == "ABC"


@given(first17s)
def test_make_agrees_with_the_standard_and_validates(first17):
    code = credit_code.make(first17)
    assert code == first17 + reference_check(first17)
    assert credit_code.validate(code) == code


@given(first17s, st.integers(0, 16), st.integers(1, 30))
def test_any_single_substitution_is_caught(first17, position, shift):
    code = credit_code.make(first17)
    old = STANDARD_ALPHABET.index(code[position])
    changed = code[:position] + STANDARD_ALPHABET[(old + shift) % 31] + code[position + 1 :]
    assert not credit_code.is_valid(changed)


@given(first17s, st.integers(0, 15))
def test_any_swap_of_neighbours_is_caught(first17, position):
    code = credit_code.make(first17)
    a, b = code[position], code[position + 1]
    swapped = code[:position] + b + a + code[position + 2 :]
    assert credit_code.is_valid(swapped) == (a == b)


@given(first17s, st.sampled_from(STANDARD_ALPHABET))
def test_exactly_one_check_character_fits(first17, last):
    assert credit_code.is_valid(first17 + last) == (last == reference_check(first17))


def test_error_is_a_value_error():
    assert issubclass(CreditCodeError, ValueError)
