"""Issue 19 in the demo: year-1 visits with findings and evidence, the centres that failed carried
into a re-assessment that shows before / after, and the applications' own documents — real
files that decode (PNG, JPEG, PDF rendered by poppler), drawn the same at every build."""

from __future__ import annotations

import io
import shutil
import struct
import subprocess
from datetime import date
from decimal import Decimal

import pytest
from PIL import Image

from hvp_desktop import demo_files as files
from hvp_desktop.domain import checklist as checklists
from hvp_desktop.store import visits


def _visits_by_kind(wf) -> dict[str, list[visits.VisitView]]:
    with wf.engine.connect() as c:
        rows = c.exec_driver_sql("SELECT v.id, r.kind FROM visits v JOIN applications a ON a.id = v.application_id "
                                 "JOIN rounds r ON r.id = a.round_id ORDER BY v.id").all()
    out: dict[str, list[visits.VisitView]] = {}
    for visit_id, kind in rows:
        out.setdefault(kind, []).append(visits.get_visit(wf, visit_id))
    return out


def _names(wf) -> dict[int, str]:
    with wf.engine.connect() as c:
        return dict(c.exec_driver_sql("SELECT id, enterprise_name FROM applications").all())


def test_the_year1_round_holds_visits_with_details_findings_for_every_item_and_evidence(demo_wf):
    year1 = _visits_by_kind(demo_wf)["year1"]
    by_centre: dict[int, list[visits.VisitView]] = {}
    for view in year1:
        by_centre.setdefault(view.application_id, []).append(view)
    assert len(by_centre) >= 3 and all(len(vs) >= 2 for vs in by_centre.values())
    assert len({v.expert_id for v in year1}) >= 4
    for view in year1:
        assert view.visited_on and date(2026, 10, 17) < view.visited_on < date(2026, 11, 6)  # before the lock
        assert view.visited_on.weekday() < 5 and view.started_at < view.ended_at
        assert view.place and "、" in view.panel_participants and "；" in view.enterprise_participants
        assert all(view.finding(i.code).status != checklists.Status.NOT_CHECKED for i in view.checklist.items)
        assert all(view.finding(i.code).note for i in view.checklist.items)
        assert 2 <= sum(len(a) for a in view.evidence.values()) <= 4
    statuses = [view.finding(i.code).status for view in year1 for i in view.checklist.items]
    assert statuses.count(checklists.Status.MET) > 0.8 * len(statuses)
    assert checklists.Status.PARTLY in statuses and checklists.Status.NOT_MET in statuses
    kinds = {a.media_type for view in year1 for files_ in view.evidence.values() for a in files_}
    assert kinds == {"image/jpeg", "image/png", "application/pdf"}


def test_the_centres_with_items_not_met_in_year1_are_the_ones_in_rectification(demo_wf):
    found = _visits_by_kind(demo_wf)
    names = _names(demo_wf)
    failed = {names[v.application_id] for v in found["year1"]
              if any(f.status == checklists.Status.NOT_MET for f in v.findings.values())}
    with demo_wf.engine.connect() as c:
        rectifying = {name for (name,) in c.exec_driver_sql(
            "SELECT a.enterprise_name FROM applications a JOIN rounds r ON r.id = a.round_id "
            "WHERE r.kind = 'rectification'")}
    assert failed == rectifying and len(failed) == 2
    assert {names[v.application_id] for v in found["rectification"]} <= failed
    for view in found["year1"]:
        if names[view.application_id] in failed:
            staff = view.checklist.item("R5.3")
            assert view.finding("R5.3").figure == 2
            assert checklists.threshold_problem(staff, view.finding("R5.3").figure)[0].startswith("专职知识产权工作人员2人")
            assert len(checklists.rectification_items(view.checklist, view.findings)) >= 2


def test_a_rectification_visit_continues_a_year1_visit_and_shows_before_and_after(demo_wf):
    found = _visits_by_kind(demo_wf)
    year1 = {v.id: v for v in found["year1"]}
    again = found["rectification"]
    visited = {v.application_id for v in again}
    with demo_wf.engine.connect() as c:
        assigned = {app: c.exec_driver_sql("SELECT count(*) FROM assignments WHERE application_id = ?", (app,)).scalar()
                    for app in visited}
    assert visited and all(sum(v.application_id == app for v in again) == n for app, n in assigned.items())
    for view in again:
        before = year1[view.rectification_of]
        assert before.id in {v.id for v in visits.earlier_visits(demo_wf, view.application_id)}
        listed = checklists.rectification_items(before.checklist, before.findings)
        rows = checklists.before_after(view.checklist, before.findings, view.findings)
        assert [item.code for item, _b, _a in rows[:len(listed)]] == [i.code for i in listed]
        after = [a.status for _i, _b, a in rows[:len(listed)]]
        assert after.count(checklists.Status.PARTLY) == 1 and after.count(checklists.Status.MET) == len(listed) - 1
        staff = next(r for r in rows if r[0].code == "R5.3")
        assert (staff[1].status, staff[1].figure, staff[2].status, staff[2].figure) == (
            checklists.Status.NOT_MET, 2, checklists.Status.MET, 4)
        assert not checklists.below_threshold(staff[0], staff[2])
        assert view.visited_on >= date(2026, 11, 24) and 1 <= len(view.evidence) and "R5.3" in view.evidence


def test_documents_for_several_applications_and_every_file_decodes(demo_wf):
    with demo_wf.engine.connect() as c:
        docs = c.exec_driver_sql("SELECT a.id, r.kind FROM attachments t JOIN applications a ON a.id = t.application_id "
                                 "JOIN rounds r ON r.id = a.round_id WHERE t.kind = 'document' GROUP BY a.id").all()
        ids = [row[0] for row in c.exec_driver_sql("SELECT id FROM attachments ORDER BY id")]
    assert len(docs) >= 5
    assert {"recognition", "year1"} <= {kind for _a, kind in docs}
    names = {d.filename for app, _k in docs for d in visits.documents_of(demo_wf, app)}
    assert {"申报书.pdf", "发明专利证书.jpg", "第一年度建设工作总结.pdf"} <= names
    assert any("审计报告" in n for n in names)
    seen = {}
    with demo_wf.session() as s:
        from hvp_desktop.store.models import Attachment

        infos = {a.id: (a.filename, a.media_type, a.size) for a in s.query(Attachment)}
    for attachment in ids:
        filename, media_type, size = infos[attachment]
        data = visits.attachment_bytes(demo_wf, attachment)
        assert len(data) == size
        if media_type == "image/png":
            assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
            assert struct.unpack(">II", data[16:24]) == files.PHOTO_SIZE
        elif media_type == "image/jpeg":
            assert data[:3] == b"\xff\xd8\xff" and 30_000 < size < 250_000
            with Image.open(io.BytesIO(data)) as image:
                image.load()
                assert image.size == files.PHOTO_SIZE and image.format == "JPEG"
        else:
            assert media_type == "application/pdf" and data.startswith(b"%PDF-1.") and data.rstrip().endswith(b"%%EOF")
        seen.setdefault(filename, data)
    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils (pdftoppm) is not installed")
    for filename in ("申报书.pdf", "第一年度建设工作总结.pdf", "新增专职人员劳动合同及社保缴纳证明（扫描件）.pdf"):
        page = subprocess.run(["pdftoppm", "-f", "1", "-l", "1", "-r", "30", "-png", "-"], input=seen[filename],
                              capture_output=True, timeout=60, check=True).stdout
        with Image.open(io.BytesIO(page)) as image:
            assert image.width > 200 and image.convert("L").getextrema()[0] < 100  # ink on the page
    info = subprocess.run(["pdfinfo", "-"], input=seen["申报书.pdf"], capture_output=True, timeout=60).stdout.decode()
    assert 2 <= int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:"))) <= 4


def test_the_demo_files_are_drawn_the_same_at_every_build():
    declared = files.Declared("广州科学城测试有限公司", "91440112MA5XXXXXX1", 2026, "陈晓明", "020-32221234",
                              date(2026, 4, 3), 4, Decimal(1200000), 120, 14, ("华南理工大学",))
    assert files.photo("office", "a") == files.photo("office", "a") != files.photo("office", "b")
    assert files.screenshot("a") == files.screenshot("a")
    assert files.application_pdf(declared) == files.application_pdf(declared)
    assert files.audit_pdf(declared, "a") == files.audit_pdf(declared, "a")
    scan = files.scan_image("a", table=True)
    assert files.scan_pdf("扫描件", [scan]) == files.scan_pdf("扫描件", [scan])
