"""Is a new password good enough? A short, explicit rule set (issue 18), no dictionary download.

A working file's only protection against someone who copies it is its password (the KDF makes
each guess cost ~0.2 s, nothing more), so a new password is refused when it is:

1. shorter than 8 characters (after Unicode NFC normalisation);
2. only spaces or other whitespace;
3. one character repeated ("aaaaaaaa"), or made of fewer than 4 different characters;
4. a short block repeated ("abcdabcd", "12121212");
5. a run of the alphabet, the digits or a keyboard row, forwards or backwards
   ("12345678", "abcdefgh", "87654321", "qwertyui", "1qaz2wsx");
6. one of the most common passwords, or one with only digits and symbols around it or
   letters swapped for look-alike digits ("password", "Passw0rd!", "woaini1314", "admin@123",
   the app's own name "hvp2026").

`problem(password)` returns the reason in Chinese and English, or None. Plain Python.
"""

from __future__ import annotations

import unicodedata

MIN_LENGTH = 8
MIN_DISTINCT = 4

# The most common passwords of the public leak lists (Chinese and international), lower case,
# plus words of this app. Compared after the steps in `_cores`.
COMMON = frozenset("""
password passwd pass word passport passwort motdepasse contrasena secret letmein welcome login admin
administrator root master default guest user test tester changeme iloveyou loveyou love lovely
princess sunshine shadow dragon monkey football baseball basketball soccer superman batman
trustno1 whatever freedom starwars michael jennifer jordan hunter ranger buster charlie thomas
harley hello helloworld computer internet qwerty qwertz azerty asdf asdfgh asdfghjkl zxcv zxcvbn
zxcvbnm qazwsx qwe qweasd qweasdzxc qwerasdf abc abcd abcde abcdef abcdefg abcdefgh abc123
a1b2c3 a1b2c3d4 aa aaa aaaa aa123456 a123456 a12345678 aa12345678 qq qq123456 woaini woaini1314
wo520 iloveu 5201314 1314520 5211314 7758521 woaiwojia zhangwei wangwei liwei baidu taobao
tencent weixin wechat huawei xiaomi china zhongguo beijing shanghai guangzhou shenzhen huangpu
dragon888 888888 666666 168168 518518 abcabc test123 admin123 root123 pass123
hvp hvpdb hvpdesktop hvp-desktop hvp_desktop demo patent patents zhuanli
gaojiazhi peiyu expert experts zhuanjia mima mimamima
""".split())

# Runs that make a "sequence" when any 5+ characters of them (or of them reversed) are typed in a row.
SEQUENCES = (
    "abcdefghijklmnopqrstuvwxyz",
    "01234567890123456789",
    "qwertyuiop", "asdfghjkl", "zxcvbnm", "qwertzuiop", "azertyuiop",
    "1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik9ol0p",
    "1q2w3e4r5t6y7u8i9o0p", "q1w2e3r4t5y6u7i8o9p0",
    "qazwsxedcrfvtgbyhnujmikolp", "zaqxswcdevfrbgtnhymju",
)
_LEET = str.maketrans({"0": "o", "1": "i", "3": "e", "4": "a", "5": "s", "7": "t", "@": "a", "$": "s", "!": "i"})
_SEQUENCE_MIN = 5


def problem(password: str) -> str | None:
    """Why `password` is refused as a new password (Chinese and English), or None if it is fine."""
    text = unicodedata.normalize("NFC", password)
    if len(text) < MIN_LENGTH:
        return f"密码至少需要{MIN_LENGTH}个字符。 (The password needs at least {MIN_LENGTH} characters.)"
    if not text.strip():
        return "密码不能只由空格组成。 (The password cannot be only spaces.)"
    distinct = len(set(text))
    if distinct == 1:
        return "密码不能是同一个字符的重复。 (The password cannot be one character repeated.)"
    if distinct < MIN_DISTINCT:
        return (f"密码至少需要{MIN_DISTINCT}个不同的字符。"
                f" (The password needs at least {MIN_DISTINCT} different characters.)")
    lower = text.lower()
    if _repeated_block(lower):
        return "密码不能是一小段字符的重复（如abcabc）。 (The password cannot be a short block repeated.)"
    if _is_sequence(lower):
        return ("密码不能是连续的字母、数字或键盘上的一排键（如12345678、abcdefgh、qwertyui）。"
                " (The password cannot be a run of letters, digits or keyboard keys.)")
    if any(core in COMMON for core in _cores(lower)):
        return ("这是最常用的密码之一（或只在其前后加了数字和符号），很容易被猜中。"
                " (This is one of the most common passwords, or one with only digits and symbols added.)")
    return None


def _repeated_block(text: str) -> bool:
    return any(len(text) % size == 0 and text == text[:size] * (len(text) // size)
               for size in range(1, len(text) // 2 + 1))


def _is_sequence(text: str) -> bool:
    """The whole text is one run, or a run plus at most a couple of digits or symbols."""
    for candidate in {text, _strip_ends(text)}:
        if len(candidate) < _SEQUENCE_MIN:
            continue
        if _step_run(candidate):
            return True
        if any(candidate in run or candidate in run[::-1] for run in SEQUENCES):
            return True
    return False


def _step_run(text: str) -> bool:
    """Each character one code point after (or before) the previous: "abcdefgh", "98765432"."""
    steps = {ord(b) - ord(a) for a, b in zip(text, text[1:], strict=False)}
    return steps in ({1}, {-1})


def _strip_ends(text: str) -> str:
    """Without the digits and symbols people put before or after a word ("Password123!")."""
    return text.strip("0123456789!@#$%^&*()-_=+.,;:'\"?/\\|`~[]{}<> \t")


def _cores(text: str) -> set[str]:
    stripped = _strip_ends(text)
    forms = {text, stripped, text.translate(_LEET), stripped.translate(_LEET),
             _strip_ends(text.translate(_LEET))}
    forms |= {f.replace(" ", "").replace("-", "").replace("_", "").replace(".", "") for f in set(forms)}
    forms.discard("")
    if not stripped:  # only digits and symbols: the whole of it is what is compared
        forms.add(text)
    return forms
