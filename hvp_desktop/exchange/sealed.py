"""The sealed container every `.hvpkg` is (format v1, docs/exchange-format.md): a short plain header,
then the payload signed by its sender and encrypted — sign, then encrypt, so that nobody who picks
up the USB stick learns who sent what, and the header cannot be swapped (it is both signed and the
AEAD's associated data).

    MAGIC (8 bytes) | format version (u16, big-endian) | header length (u32) | header (UTF-8 JSON)
    | AES-256-GCM ciphertext of zlib( envelope length (u32) | envelope JSON | payload )

The content key is either derived from a one-time passphrase with Argon2id (secretary → expert:
the expert has no key yet; the passphrase is handed over on paper) or random and wrapped with HPKE
(RFC 9180: DHKEM(X25519, HKDF-SHA256), HKDF-SHA256, AES-256-GCM) to the panel's exchange key
(expert → panel). Every primitive is the `cryptography` package's.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import secrets
import struct
import zlib
from dataclasses import dataclass

from cryptography import x509
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hpke
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.store import certificates as certs

MAGIC = b"HVPKG\r\n\x1a"  # like PNG's: a transfer that rewrites line ends breaks it visibly
FORMAT = 1
SUFFIX = ".hvpkg"
MAX_HEADER = 64 * 1024
MAX_PACKAGE = 2 * 1024 ** 3  # what a reader accepts from a file (evidence photos make packages big)
MAX_PLAIN = 4 * 1024 ** 3  # decompressed: a zlib bomb stops here …
MAX_RATIO = 64  # … or at 64 times the package's size, whichever is less (JSON compresses ~5–10×)
MAX_ENVELOPE = 1024 * 1024
SIGNED_PREFIX = b"hvpkg-signed-v1\n"
HPKE_SUITE = hpke.Suite(hpke.KEM.X25519, hpke.KDF.HKDF_SHA256, hpke.AEAD.AES_256_GCM)
HPKE_NAME = "DHKEM(X25519,HKDF-SHA256)/HKDF-SHA256/AES-256-GCM"
HPKE_INFO = b"hvpkg v1 content key"
# Argon2id, RFC 9106's second recommended setting (64 MiB): ~120 ms here, once per package opened
ARGON2 = {"iterations": 3, "lanes": 4, "memory_kib": 64 * 1024}
ARGON2_LIMITS = {"iterations": 8, "lanes": 8, "memory_kib": 256 * 1024}  # a reader refuses more (a few s at most)
# The passphrase: 20 characters of an alphabet without look-alikes (no 0/O, 1/I/L): 31 symbols,
# 99 bits, printed and typed in groups of four
PASSPHRASE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
PASSPHRASE_LENGTH = 20


class PackageRefused(RuleViolation):
    """A package that cannot be opened or is not trusted: named, in both languages, never a traceback."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__("PACKAGE", zh, en)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text, what: str) -> bytes:
    try:
        return base64.b64decode(str(text), validate=True)
    except (ValueError, TypeError) as exc:
        raise _malformed(what) from exc


def _malformed(what: str) -> PackageRefused:
    return PackageRefused(f"数据包格式有误（{what}）：文件已损坏或被改动",
                          f"The package is malformed ({what}): the file is damaged or was altered.")


def canonical(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


# -- the passphrase ------------------------------------------------------------------------------
def new_passphrase() -> str:
    chars = "".join(secrets.choice(PASSPHRASE_ALPHABET) for _ in range(PASSPHRASE_LENGTH))
    return "-".join(chars[i:i + 4] for i in range(0, PASSPHRASE_LENGTH, 4))


def normalise_passphrase(typed: str) -> str:
    """What the expert typed, as the key is derived from it: case, spaces and dashes do not matter."""
    text = "".join(ch for ch in (typed or "").upper() if not ch.isspace() and ch not in "-—_")
    strange = sorted({ch for ch in text if ch not in PASSPHRASE_ALPHABET})
    if strange or len(text) != PASSPHRASE_LENGTH:
        raise PackageRefused(
            f"口令应为交接单上的{PASSPHRASE_LENGTH}个字符（字母与数字，不含0、O、1、I、L）",
            f"The passphrase is the {PASSPHRASE_LENGTH} characters on the hand-over slip "
            "(letters and digits, never 0, O, 1, I or L).")
    return text


def _passphrase_key(passphrase: str, salt: bytes, params: dict) -> bytes:
    typed = normalise_passphrase(passphrase).encode("ascii")
    try:
        return Argon2id(salt=salt, length=32, iterations=params["iterations"], lanes=params["lanes"],
                        memory_cost=params["memory_kib"]).derive(typed)
    except ValueError as exc:  # parameters the library refuses
        raise _malformed("key derivation") from exc


# -- sealing ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Sender:
    key: object  # the private key that signs
    certificate: x509.Certificate
    chain: list[x509.Certificate]


def seal_with_passphrase(header: dict, payload: bytes, sender: Sender, passphrase: str) -> bytes:
    salt = os.urandom(16)
    header = {**header, "key": {"method": "argon2id", "salt": _b64(salt), **ARGON2}}
    return _seal(header, payload, sender, _passphrase_key(passphrase, salt, ARGON2))


def seal_to_panel(header: dict, payload: bytes, sender: Sender, panel_key_hex: str) -> bytes:
    try:
        recipient = X25519PublicKey.from_public_bytes(bytes.fromhex(panel_key_hex))
    except ValueError as exc:
        raise PackageRefused("本文件中专家组的交换公钥无法读取", "The panel's exchange key in this file cannot be read.") from exc
    content_key = AESGCM.generate_key(bit_length=256)
    wrapped = HPKE_SUITE.encrypt(content_key, recipient, info=HPKE_INFO)
    header = {**header, "key": {"method": "hpke", "suite": HPKE_NAME, "recipient": panel_key_hex,
                                "wrapped": _b64(wrapped)}}
    return _seal(header, payload, sender, content_key)


def _seal(header: dict, payload: bytes, sender: Sender, content_key: bytes) -> bytes:
    nonce = os.urandom(12)
    header_bytes = canonical({**header, "format": FORMAT, "nonce": _b64(nonce), "compression": "zlib"})
    if len(header_bytes) > MAX_HEADER:
        raise ValueError("package header too large")
    prefix = MAGIC + struct.pack(">HI", FORMAT, len(header_bytes)) + header_bytes
    envelope = canonical({
        "signer": certs.cert_pem(sender.certificate),
        "chain": "".join(certs.cert_pem(c) for c in sender.chain),
        "signature": _b64(certs.sign(sender.key, _signed_bytes(prefix, payload))),
    })
    plain = zlib.compress(struct.pack(">I", len(envelope)) + envelope + payload, 6)
    return prefix + AESGCM(content_key).encrypt(nonce, plain, prefix)


def _signed_bytes(prefix: bytes, payload: bytes) -> bytes:
    """What the sender signs: the whole plain header (magic and version included) and the payload."""
    return SIGNED_PREFIX + hashlib.sha256(prefix).digest() + hashlib.sha256(payload).digest()


# -- opening ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Sealed:
    header: dict
    prefix: bytes  # magic, version, length and header: the AEAD's associated data
    ciphertext: bytes

    @property
    def kind(self) -> str:
        return str(self.header.get("kind", ""))


@dataclass(frozen=True)
class Opened:
    header: dict
    payload: bytes
    signer: x509.Certificate
    chain: list[x509.Certificate]


def read(data: bytes) -> Sealed:
    """The plain header of a package, checked for shape; nothing is decrypted yet."""
    if len(data) > MAX_PACKAGE:
        raise PackageRefused("数据包过大，不是本程序写出的", "The package is too large to be one this app wrote.")
    if not data.startswith(MAGIC[:5]):
        raise PackageRefused("这不是评审数据包（.hvpkg）", "This is not an hvp-desktop package (.hvpkg).")
    if len(data) < len(MAGIC) + 6 or not data.startswith(MAGIC):
        raise PackageRefused("数据包不完整或传输时被改动（文件头）",
                             "The package is incomplete or was altered in transfer (its first bytes).")
    version, length = struct.unpack(">HI", data[len(MAGIC):len(MAGIC) + 6])
    if version != FORMAT:
        if version > FORMAT:
            raise PackageRefused(f"数据包格式版本{version}比本程序能读的（{FORMAT}）新：请升级 hvp-desktop 后再打开",
                                 f"The package is format version {version}, newer than this app reads ({FORMAT}): "
                                 "update hvp-desktop to open it.")
        raise PackageRefused(f"数据包格式版本{version}未知（本程序读版本{FORMAT}）",
                             f"Unknown package format version {version} (this app reads version {FORMAT}).")
    start = len(MAGIC) + 6
    if length > MAX_HEADER or start + length > len(data):
        raise PackageRefused("数据包不完整（被截断）", "The package is incomplete (truncated).")
    header_bytes = data[start:start + length]
    try:
        header = json.loads(header_bytes.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise _malformed("header") from exc
    if not isinstance(header, dict) or header.get("format") != FORMAT or not isinstance(header.get("key"), dict):
        raise _malformed("header")
    if len(data) - start - length < 16 + 4:
        raise PackageRefused("数据包不完整（被截断）", "The package is incomplete (truncated).")
    return Sealed(header, data[:start + length], data[start + length:])


def _nonce(sealed: Sealed) -> bytes:
    nonce = _unb64(sealed.header.get("nonce"), "nonce")
    if len(nonce) != 12:
        raise _malformed("nonce")
    return nonce


def open_with_passphrase(sealed: Sealed, passphrase: str) -> Opened:
    key = sealed.header["key"]
    if key.get("method") != "argon2id":
        raise PackageRefused("这个数据包不是用口令加密的（是交回专家组的数据包）",
                             "This package is not opened with a passphrase (it is a return package for the panel).")
    params = {}
    for name, limit in ARGON2_LIMITS.items():
        value = key.get(name)
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= limit:
            raise _malformed("key derivation")
        params[name] = value
    salt = _unb64(key.get("salt"), "salt")
    if len(salt) != 16 or params["memory_kib"] < 8 * params["lanes"]:
        raise _malformed("key derivation")
    content_key = _passphrase_key(passphrase, salt, params)
    return _decrypt(sealed, content_key, "口令不对，或数据包已损坏、被改动",
                    "Wrong passphrase, or the package is damaged or was altered.")


def open_with_panel_key(sealed: Sealed, private_raw: bytes, public_hex: str, trust=None) -> Opened:
    """`trust(signer, chain)` raises when the signer is not one to accept: called before the payload is
    inflated or read, so that whoever knows only the panel's public key cannot make the reader work."""
    key = sealed.header["key"]
    if key.get("method") != "hpke" or key.get("suite") != HPKE_NAME:
        raise PackageRefused("这个数据包不是交回专家组的数据包（须用口令打开）",
                             "This is not a return package for the panel (it opens with a passphrase).")
    if key.get("recipient") != public_hex:
        raise PackageRefused("这个数据包是加密给另一个专家组（或另一把交换密钥）的，本文件无法打开",
                             "This package was encrypted to another panel (or another exchange key): "
                             "this file cannot open it.")
    try:
        content_key = HPKE_SUITE.decrypt(_unb64(key.get("wrapped"), "wrapped key"),
                                         X25519PrivateKey.from_private_bytes(private_raw), info=HPKE_INFO)
    except (InvalidTag, ValueError) as exc:
        raise PackageRefused("数据包已损坏或被改动（密钥无法解开）",
                             "The package is damaged or was altered (its key cannot be unwrapped).") from exc
    return _decrypt(sealed, content_key, "数据包已损坏或被改动", "The package is damaged or was altered.", trust)


def _decrypt(sealed: Sealed, content_key: bytes, zh: str, en: str, trust=None) -> Opened:
    try:
        compressed = AESGCM(content_key).decrypt(_nonce(sealed), sealed.ciphertext, sealed.prefix)
    except InvalidTag as exc:
        raise PackageRefused(zh, en) from exc
    inflater = zlib.decompressobj()
    budget = min(MAX_PLAIN, MAX_RATIO * (len(sealed.prefix) + len(sealed.ciphertext)) + MAX_ENVELOPE)
    head = _inflate_some(inflater, compressed, 4)
    (length,) = struct.unpack(">I", head) if len(head) == 4 else (None,)
    if length is None or length > MAX_ENVELOPE:
        raise _malformed("envelope")
    raw = _inflate_some(inflater, inflater.unconsumed_tail, length)
    try:
        envelope = json.loads(raw.decode("utf-8"))
        signer = certs.load_certificate(envelope["signer"])
        chain = certs.load_chain(envelope.get("chain") or "")
        signature = _unb64(envelope["signature"], "signature")
    except (UnicodeDecodeError, ValueError, KeyError, TypeError, RecursionError) as exc:
        raise _malformed("envelope") from exc
    if trust is not None:
        trust(signer, chain)
    payload = _inflate_rest(inflater, budget - 4 - length)
    if not certs.verify_signature(signer, signature, _signed_bytes(sealed.prefix, payload)):
        raise PackageRefused("数据包的签名不符：内容在签名后被改动",
                             "The package's signature does not match: its content was changed after signing.")
    return Opened(sealed.header, payload, signer, chain)


def _inflate_some(inflater, data: bytes, size: int) -> bytes:
    """Exactly `size` bytes out of the stream (fewer: malformed)."""
    try:
        out = inflater.decompress(data, size) if size else b""
    except zlib.error as exc:
        raise _malformed("compression") from exc
    if len(out) != size:
        raise _malformed("envelope")
    return out


def _inflate_rest(inflater, budget: int) -> bytes:
    try:
        out = inflater.decompress(inflater.unconsumed_tail, max(budget, 1))
    except zlib.error as exc:
        raise _malformed("compression") from exc
    if inflater.unconsumed_tail or not inflater.eof:
        raise _malformed("compression")
    return out
