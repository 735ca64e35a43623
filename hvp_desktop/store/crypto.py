"""Key derivation for the working file, done once per unlock.

We derive SQLCipher 4's own key (PBKDF2-HMAC-SHA512, 256,000 iterations, 32 bytes, the
file's 16-byte salt) with `cryptography`, then give every connection the raw key and salt.
The file therefore stays a standard SQLCipher 4 file that the `sqlcipher` shell opens with
the plain password, while opening a connection costs ~0.1 ms instead of a full KDF.
Passwords are Unicode-normalised (NFC) before derivation (issue 18): "Café" typed with a
composed é or as e + a combining accent is one password. Files made before that were keyed
with the password as typed; `password_forms` gives the raw form as a second try so nobody is
locked out.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

KDF_ITERATIONS = 256_000  # SQLCipher 4 default; never lower (guessing must cost at least this)
KEY_BYTES = 32
SALT_BYTES = 16


@dataclass(frozen=True)
class RawKey:
    key: bytes  # held as a bytearray, so that `wipe` can zero it in place
    salt: bytes

    def __post_init__(self) -> None:
        object.__setattr__(self, "key", bytearray(self.key))

    def wipe(self) -> None:
        """Zero the key in place (issue 18 §6): every holder of this object sees zeros from now on.
        Python cannot promise more: a transient `bytes` from the KDF or a hex string made for a
        connection may linger in freed memory until it is reused."""
        self.key[:] = bytes(len(self.key))

    __hash__ = None  # a mutable key is not a dict key

    def pragma_value(self) -> str:
        """The `PRAGMA key` literal: x'<key><salt>' tells SQLCipher to skip its KDF."""
        return f"\"x'{self.key.hex()}{self.salt.hex()}'\""

    def __repr__(self) -> str:  # keep keys out of logs and tracebacks
        return "RawKey(<hidden>)"


def new_salt() -> bytes:
    return os.urandom(SALT_BYTES)


def normalise(password: str) -> str:
    """The form a password is derived from: Unicode NFC."""
    return unicodedata.normalize("NFC", password)


def password_forms(password: str) -> list[str]:
    """The forms to try when opening: NFC, then the password as typed if that differs (a file
    keyed before passwords were normalised)."""
    nfc = normalise(password)
    return [nfc] if nfc == password else [nfc, password]


def derive(password: str, salt: bytes, *, normalise: bool = True) -> RawKey:
    """The raw key for `password` (NFC-normalised unless `normalise=False`) and `salt`."""
    text = unicodedata.normalize("NFC", password) if normalise else password
    kdf = PBKDF2HMAC(algorithm=hashes.SHA512(), length=KEY_BYTES, salt=salt, iterations=KDF_ITERATIONS)
    return RawKey(kdf.derive(text.encode("utf-8")), salt)


def read_salt(path: str | os.PathLike) -> bytes:
    """SQLCipher keeps the salt in clear as the first 16 bytes of the file."""
    with open(path, "rb") as f:
        salt = f.read(SALT_BYTES)
    if len(salt) != SALT_BYTES:
        raise ValueError("file too short to be a working file")
    return salt
