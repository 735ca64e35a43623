"""Unified social credit code (统一社会信用代码), GB 32100-2015.

18 characters from a 31-symbol alphabet (digits and capitals without I, O, S, V, Z);
the last one is a check character over the first 17, weighted by 3^i mod 31.
"""

from __future__ import annotations

import unicodedata

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
WEIGHTS = tuple(pow(3, i, 31) for i in range(17))  # 1, 3, 9, 27, 19, 26, 16, ...


class CreditCodeError(ValueError):
    """Why a string is not a valid unified social credit code (message in Chinese)."""


def normalise(text: str) -> str:
    """Upper-case, half-width, without spaces: how codes arrive from spreadsheets."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(text.split()).upper()


def check_character(first17: str) -> str:
    total = sum(_VALUE[ch] * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return ALPHABET[(31 - total % 31) % 31]


def validate(text: str) -> str:
    """Return the normalised code, or raise CreditCodeError saying what is wrong."""
    code = normalise(text)
    if len(code) != 18:
        raise CreditCodeError(f"应为18位，实为{len(code)}位")
    bad = sorted({ch for ch in code if ch not in _VALUE})
    if bad:
        raise CreditCodeError(f"含有不允许的字符：{''.join(bad)}")
    expected = check_character(code[:17])
    if code[17] != expected:
        raise CreditCodeError(f"校验位错误：末位应为{expected}，实为{code[17]}")
    return code


def is_valid(text: str) -> bool:
    try:
        validate(text)
    except CreditCodeError:
        return False
    return True


def make(first17: str) -> str:
    """Complete 17 characters with their check character (used for demo and test data)."""
    return first17 + check_character(first17)
