"""On-site work between laptops (issue 21 §2–3), on the demo's rectification re-assessment: the
expert changes a finding and adds a photo on their laptop; the chair's merge takes both; a photo the
expert took off goes, one the office added stays; and a visit from a laptop is held to the rules
`open_visit` applies."""

from __future__ import annotations

import io
import json
import uuid

from PIL import Image

from hvp_desktop.exchange import packages, sealed
from hvp_desktop.store import certificates as certs
from hvp_desktop.store import packages as store_packages
from hvp_desktop.store import panel, queries, visits
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.expert_file import expert_of
from hvp_desktop.store.ops import visits as visit_ops
from tests.conftest import DEMO_PASSWORD


def _photo(colour) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, "JPEG")
    return out.getvalue()


def _laptop(demo_wf, tmp_path):
    """The rectification round's first visiting expert, their laptop file, their visit there."""
    round_id = next(r.id for r in queries.rounds(demo_wf) if r.kind == "rectification")
    with demo_wf.session() as s:
        from sqlalchemy import select

        from hvp_desktop.store.models import Application, Visit

        visit = s.scalars(select(Visit).join(Application, Application.id == Visit.application_id)
                          .where(Application.round_id == round_id, Visit.expert_id.is_not(None))
                          .order_by(Visit.id)).first()
        expert_id, visit_uuid, app_id = visit.expert_id, visit.uuid, visit.application_id
    data, phrase, _ = packages.build_expert_package(demo_wf, round_id, expert_id)
    path = tmp_path / "laptop.hvpdb"
    packages.unpack(data, phrase, path, DEMO_PASSWORD)
    return round_id, expert_id, visit_uuid, app_id, path


def _local_visit(wf, visit_uuid: str) -> int:
    from sqlalchemy import select

    from hvp_desktop.store.models import Visit

    with wf.session() as s:
        return s.scalar(select(Visit.id).where(Visit.uuid == visit_uuid))


def _returned(path, tmp_path, name: str):
    with WorkingFile.open(path, DEMO_PASSWORD) as mine:
        data, _ = packages.build_return(mine)
    out = tmp_path / name
    out.write_bytes(data)
    return out


def test_findings_and_photos_come_back_and_the_offices_own_stay(demo_wf, tmp_path):
    _round_id, _expert, visit_uuid, _app, laptop = _laptop(demo_wf, tmp_path)
    with WorkingFile.open(laptop, DEMO_PASSWORD) as mine:
        vid = _local_visit(mine, visit_uuid)
        code = visits.get_visit(mine, vid).checklist.items[0].code
        visit_ops.set_finding(mine, vid, code, "met", note="整改后现场复核：已到位")
        photo = visit_ops.add_evidence(mine, vid, code, "现场照片.jpg", _photo("red")).value
    first = _returned(laptop, tmp_path, "first.hvpkg")
    summary = packages.merge(demo_wf, [first]).results[0].summary
    assert summary.status == "merged" and summary.findings >= 1 and summary.evidence == 1, summary.refused
    chair_vid = _local_visit(demo_wf, visit_uuid)
    view = visits.get_visit(demo_wf, chair_vid)
    assert view.finding(code).note == "整改后现场复核：已到位"
    assert [e.filename for e in view.evidence[code]][-1] == "现场照片.jpg"
    # the office adds a scan to the same item; the expert takes their photo off and returns again
    visit_ops.add_evidence(demo_wf, chair_vid, code, "办公室补充扫描件.jpg", _photo("blue"))
    with WorkingFile.open(laptop, DEMO_PASSWORD) as mine:
        visit_ops.remove_attachment(mine, photo)
    second = _returned(laptop, tmp_path, "second.hvpkg")
    assert packages.merge(demo_wf, [second]).results[0].summary.evidence == 1
    names = [e.filename for e in visits.get_visit(demo_wf, chair_vid).evidence[code]]
    assert "现场照片.jpg" not in names and "办公室补充扫描件.jpg" in names
    assert queries.replay_report(demo_wf).problems == []


def test_a_visit_from_a_laptop_is_held_to_the_rules_of_open_visit(demo_wf, tmp_path):
    round_id, expert_id, visit_uuid, app_id, laptop = _laptop(demo_wf, tmp_path)
    first = _returned(laptop, tmp_path, "first.hvpkg")
    key = store_packages.exchange_key(demo_wf)
    payload = json.loads(sealed.open_with_panel_key(sealed.read(first.read_bytes()), *key).payload)
    tables = payload["snapshot"]["tables"]
    mine_visit = next(v for v in tables["visits"] if v["uuid"] == visit_uuid)
    # a second visit to the same centre, with a finding that is not a finding, and one for a centre
    # the expert is not assigned to
    other_app = next(a for a, _n in panel.sheet_matrix(demo_wf, round_id).applications if a != app_id)
    with demo_wf.session() as s:
        from hvp_desktop.store.models import Application

        other_uuid = s.get(Application, other_app).uuid
    unassigned = {a for a, _n, _s in panel.assignments_of(demo_wf, expert_id)}
    twin = dict(mine_visit, uuid=str(uuid.uuid4()), rectification_of=None)
    stranger = dict(mine_visit, uuid=str(uuid.uuid4()), application_id=other_uuid, rectification_of=None)
    tables["visits"] += [twin] + ([stranger] if other_app not in unassigned else [])
    bogus = dict(next(f for f in tables["findings"] if f["visit_id"] == visit_uuid), uuid=str(uuid.uuid4()),
                 item_code="NO-SUCH-ITEM")
    tables["findings"].append(bogus)
    with WorkingFile.open(laptop, DEMO_PASSWORD) as mine:
        signer = certs.signing_identity(mine, expert_of(mine))
    header = {"kind": "return", "package": str(uuid.uuid4()), "created": "2026-11-30T08:00:00+00:00",
              "panel": certs.root_fingerprint(demo_wf), "app": "test"}
    forged = tmp_path / "forged.hvpkg"
    forged.write_bytes(sealed.seal_to_panel(header, sealed.canonical(payload), sealed.Sender(*signer), key[1]))
    summary = packages.merge(demo_wf, [forged]).results[0].summary
    reasons = [r["en"] for r in summary.refused]
    assert "the expert already has another visit to this centre" in reasons
    assert "the checklist has no item NO-SUCH-ITEM" in reasons
    assert summary.visits == 0
    assert queries.replay_report(demo_wf).problems == []
