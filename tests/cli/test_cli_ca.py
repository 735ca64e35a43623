"""`hvp-desktop ca`: the panel's root, experts' certificates issued or imported, the root exported
with its fingerprint (issue 20)."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID

from hvp_desktop.store import certificates as certs
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.ops import panel as panel_ops
from tests.cli.conftest import CLI_PASSWORD


def _with_experts(path, *names):
    with WorkingFile.open(path, CLI_PASSWORD) as wf:
        return [panel_ops.add_expert(wf, name, "华南理工大学").value for name in names]


def _self_made_p12(password: bytes) -> bytes:
    now = datetime.now(UTC)
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "李明")])
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(7).not_valid_before(now - timedelta(days=1)).not_valid_after(now + timedelta(days=30))
            .sign(key, hashes.SHA256()))
    return pkcs12.serialize_key_and_certificates(b"li", key, cert, None,
                                                 serialization.BestAvailableEncryption(password))


def test_ca_init_issue_export_and_list(cli, hvpdb, tmp_path):
    _with_experts(hvpdb, "张伟", "李明")
    done = cli("ca", "init", hvpdb, "--year", "2026", "--json")
    assert done.returncode == 0, done.stderr
    made = json.loads(done.stdout)
    assert re.fullmatch(r"([0-9A-F]{4} ){3}[0-9A-F]{4}", made["short_fingerprint"])
    again = cli("ca", "init", hvpdb)
    assert again.returncode == 1 and "SIGN" in again.stderr and "Traceback" not in again.stderr

    pin = tmp_path / "pin.txt"
    pin.write_text("2468-pin\n", encoding="utf-8")
    done = cli("ca", "issue", hvpdb, "--expert", "张伟", "--pin-file", pin, "--json")
    assert done.returncode == 0, done.stderr
    issued = json.loads(done.stdout)
    assert issued["source"] == "issued" and issued["pin_protected"] and issued["issued_by_panel"]

    p12, p12_password = tmp_path / "li.p12", tmp_path / "p12pw.txt"
    p12.write_bytes(_self_made_p12(b"p12-pass"))
    p12_password.write_text("wrong\n", encoding="utf-8")
    refused = cli("ca", "import", hvpdb, "--expert", "李明", p12, "--p12-password-file", p12_password)
    assert refused.returncode == 1 and "密码不正确" in refused.stderr and "wrong password" in refused.stderr
    p12_password.write_text("p12-pass\n", encoding="utf-8")
    done = cli("ca", "import", hvpdb, "--expert", "李明", p12, "--p12-password-file", p12_password)
    assert done.returncode == 0, done.stderr
    assert "not issued by this panel" in done.stdout

    out = tmp_path / "root.pem"
    done = cli("ca", "export-root", hvpdb, out)
    assert done.returncode == 0, done.stderr
    assert made["short_fingerprint"] in done.stdout and made["fingerprint"] in done.stdout
    assert certs.fingerprint(certs.load_certificate(out.read_bytes())) == made["fingerprint"]
    assert out.stat().st_mode & 0o077 == 0

    done = cli("ca", "list", hvpdb, "--json")
    listed = json.loads(done.stdout)
    assert listed["root"]["fingerprint"] == made["fingerprint"]
    assert [(c["expert"], c["source"], c["issued_by_panel"]) for c in listed["certificates"]] == [
        ("张伟", "issued", True), ("李明", "imported", False)]
    assert "PRIVATE" not in done.stdout
    with WorkingFile.open(hvpdb, CLI_PASSWORD) as wf:
        zhang = next(c.expert_id for c in certs.expert_certificates(wf) if c.expert == "张伟")
        key, cert, _chain = certs.signing_identity(wf, zhang, "2468-pin")
        assert certs.same_key(key, cert)


def test_ca_messages_not_tracebacks(cli, hvpdb, tmp_path):
    _with_experts(hvpdb, "张伟")
    done = cli("ca", "issue", hvpdb, "--expert", "张伟")
    assert done.returncode == 1 and "根证书" in done.stderr and "Traceback" not in done.stderr
    done = cli("ca", "export-root", hvpdb, tmp_path / "r.pem")
    assert done.returncode == 1 and "ca init" in done.stderr
    assert cli("ca", "init", hvpdb).returncode == 0
    done = cli("ca", "issue", hvpdb, "--expert", "无此人")
    assert done.returncode == 1 and "无此人" in done.stderr
    done = cli("ca", "import", hvpdb, "--expert", "张伟", tmp_path / "missing.p12")
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_ca_pin_set_changed_and_removed(cli, hvpdb, tmp_path):
    _with_experts(hvpdb, "王芳")
    assert cli("ca", "init", hvpdb).returncode == 0
    assert cli("ca", "issue", hvpdb, "--expert", "王芳").returncode == 0
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text("first-1357\n", encoding="utf-8")
    second.write_text("second-2468\n", encoding="utf-8")
    done = cli("ca", "pin", hvpdb, "--expert", "王芳", "--new-pin-file", first, "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["pin_protected"], done.stderr
    done = cli("ca", "pin", hvpdb, "--expert", "王芳", "--pin-file", second, "--new-pin-file", first)
    assert done.returncode == 1 and "PIN" in done.stderr and "Traceback" not in done.stderr
    assert cli("ca", "pin", hvpdb, "--expert", "王芳", "--pin-file", first, "--new-pin-file", second).returncode == 0
    with WorkingFile.open(hvpdb, CLI_PASSWORD) as wf:
        wang = certs.experts_named(wf, "王芳")[0]
        assert certs.same_key(*certs.signing_identity(wf, wang, "second-2468")[:2])
    assert cli("ca", "pin", hvpdb, "--expert", "王芳", "--pin-file", second).returncode == 0
    with WorkingFile.open(hvpdb, CLI_PASSWORD) as wf:
        certs.signing_identity(wf, wang)  # no PIN any more
