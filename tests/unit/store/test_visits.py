"""Issue 19 in the store: visits, findings, evidence and the application's documents inside the
encrypted file (hash-addressed chunks, de-duplicated, bounded), page notes — one operation each,
replayed by `check`, travelling in an expert's own file. On the demo's open re-assessment round."""

from __future__ import annotations

import hashlib
import io
import zlib
from decimal import Decimal

import pytest

from hvp_desktop.domain import checklist as checklists
from hvp_desktop.domain.rules import RuleViolation
from hvp_desktop.store import blobs, decisions, expert_file, panel, queries, visits
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.ops import visits as visit_ops

EXPERT_PASSWORD = "expert-visit-pass-1"


def png(marker: bytes = b"", size: int = 0) -> bytes:
    """A real PNG (1×1, grey) with `marker` and `size` bytes of padding in a private chunk."""
    def chunk(kind: bytes, body: bytes) -> bytes:
        return len(body).to_bytes(4, "big") + kind + body + zlib.crc32(kind + body).to_bytes(4, "big")

    body = marker + b"\0" * size
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", bytes([0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]))
            + chunk(b"prVt", body) + chunk(b"IDAT", zlib.compress(b"\x00\x80")) + chunk(b"IEND", b""))


def pdf(text: str = "申报书") -> bytes:
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    c = canvas.Canvas(out)
    c.drawString(72, 720, text.encode("ascii", "ignore").decode() or "document")
    c.showPage()
    c.save()
    return out.getvalue()


@pytest.fixture
def reassessment(demo_wf):
    """The demo's open re-assessment round: an application, an expert assigned to it."""
    with demo_wf.engine.connect() as c:
        app, expert = c.exec_driver_sql(
            "SELECT a.id, s.expert_id FROM applications a JOIN rounds r ON r.id = a.round_id "
            "JOIN assignments s ON s.application_id = a.id WHERE r.kind = 'rectification' ORDER BY a.id LIMIT 1"
        ).one()
    return demo_wf, app, expert


def test_a_visit_freezes_the_round_checklist_and_is_opened_once(reassessment):
    wf, app, expert = reassessment
    visit = visit_ops.open_visit(wf, app, expert).value
    assert visit_ops.open_visit(wf, app, expert).value == visit
    view = visits.get_visit(wf, visit)
    assert view.checklist.label == visits.default_checklist().label
    assert all(view.finding(i.code).status == checklists.Status.NOT_CHECKED for i in view.checklist.items)
    other = checklists.from_dict({**checklists.to_dict(view.checklist), "version": "2026.9"})
    with pytest.raises(RuleViolation, match="CHECKLIST"):
        visit_ops.set_round_checklist(wf, _round_of(wf, app), other)  # visits have started: frozen


def _round_of(wf, app: int) -> int:
    with wf.engine.connect() as c:
        return c.exec_driver_sql("SELECT round_id FROM applications WHERE id = ?", (app,)).scalar()


def test_findings_are_saved_at_once_and_a_figure_is_checked_against_its_threshold(reassessment):
    wf, app, expert = reassessment
    visit = visit_ops.open_visit(wf, app, expert).value
    view = visits.get_visit(wf, visit)
    threshold = next(i for i in view.checklist.items if i.kind == checklists.ItemKind.THRESHOLD)
    plain = next(i for i in view.checklist.items if i.kind == checklists.ItemKind.CHECK)
    below = threshold.threshold.minimum - 1
    visit_ops.set_finding(wf, visit, threshold.code, "not_met", below, "现场核实人数不足")
    visit_ops.set_finding(wf, visit, plain.code, checklists.Status.MET)
    again = visits.get_visit(wf, visit)
    assert again.finding(threshold.code) == checklists.Finding(threshold.code, checklists.Status.NOT_MET, below,
                                                               "现场核实人数不足")
    assert checklists.threshold_problem(threshold, below) is not None
    assert checklists.threshold_problem(threshold, threshold.threshold.minimum) is None
    with pytest.raises(RuleViolation, match="CHECKLIST"):
        visit_ops.set_finding(wf, visit, plain.code, "met", Decimal(3))  # no figure for a plain item
    with pytest.raises(RuleViolation, match="INPUT"):
        visit_ops.set_finding(wf, visit, threshold.code, "met", "三个")
    with pytest.raises(RuleViolation, match="CHECKLIST"):
        visit_ops.set_finding(wf, visit, "NO.SUCH", "met")


def test_evidence_is_stored_in_chunks_once_read_back_whole_and_replayed_by_check(reassessment):
    wf, app, expert = reassessment
    visit = visit_ops.open_visit(wf, app, expert).value
    code = visits.get_visit(wf, visit).checklist.items[0].code
    photo = png(b"MARKER-evidence-19", size=3 * blobs.CHUNK)
    first = visit_ops.add_evidence(wf, visit, code, "现场照片.png", photo).value
    second = visit_ops.add_evidence(wf, visit, code, "同一张照片.png", photo).value
    assert first != second
    assert visits.attachment_bytes(wf, second) == photo
    digest = hashlib.sha256(photo).hexdigest()
    with wf.engine.connect() as c:
        chunks = c.exec_driver_sql("SELECT count(*) FROM blob_chunks WHERE digest = ?", (digest,)).scalar()
    assert chunks == 4  # 3 MiB of padding and the PNG around it, stored once for both
    evidence = visits.get_visit(wf, visit).evidence[code]
    assert [(a.filename, a.media_type, a.size) for a in evidence] == [
        ("现场照片.png", "image/png", len(photo)), ("同一张照片.png", "image/png", len(photo))]
    assert queries.replay_report(wf).problems == []
    visit_ops.remove_attachment(wf, first)
    assert visits.attachment_bytes(wf, second) == photo  # still referred to: kept
    visit_ops.remove_attachment(wf, second)
    with wf.engine.connect() as c:
        assert c.exec_driver_sql("SELECT count(*) FROM blob_chunks WHERE digest = ?", (digest,)).scalar() == 0
    assert queries.replay_report(wf).problems == [] and decisions.state_mismatches(wf) == []


@pytest.mark.parametrize("data, name, words", [
    (b"MZ\x90\x00 an executable", "照片.jpg", "not a PDF, JPEG or PNG"),
    (b"", "空.png", "empty"),
])
def test_a_file_that_is_not_a_document_is_refused_clearly(reassessment, data, name, words):
    wf, app, expert = reassessment
    visit = visit_ops.open_visit(wf, app, expert).value
    code = visits.get_visit(wf, visit).checklist.items[0].code
    with pytest.raises(RuleViolation) as refused:
        visit_ops.add_evidence(wf, visit, code, name, data)
    assert words in refused.value.en and refused.value.rule == "INPUT"


def test_a_file_past_the_limit_is_refused_with_its_size(reassessment, monkeypatch):
    wf, app, expert = reassessment
    monkeypatch.setattr(blobs, "MAX_BYTES", 1 << 20)
    visit = visit_ops.open_visit(wf, app, expert).value
    code = visits.get_visit(wf, visit).checklist.items[0].code
    with pytest.raises(RuleViolation) as refused:
        visit_ops.add_evidence(wf, visit, code, "大照片.png", png(size=2 << 20))
    assert "over the 1 MB limit" in refused.value.en


def test_a_recognition_round_has_no_visit(demo_wf):
    with demo_wf.engine.connect() as c:
        app, expert = c.exec_driver_sql(
            "SELECT a.id, s.expert_id FROM applications a JOIN rounds r ON r.id = a.round_id JOIN assignments s "
            "ON s.application_id = a.id WHERE r.kind = 'recognition' LIMIT 1").one()
    with pytest.raises(RuleViolation, match="CHECKLIST"):
        visit_ops.open_visit(demo_wf, app, expert)


def test_documents_page_notes_and_the_page_left(reassessment):
    wf, app, expert = reassessment
    doc = visit_ops.add_document(wf, app, "申报书.pdf", pdf()).value
    assert [d.filename for d in visits.documents_of(wf, app)] == ["申报书.pdf"]
    visit_ops.note_page(wf, doc, expert, 2, "经费台账与审计报告不一致")
    visit_ops.remember_page(wf, doc, expert, 2)
    assert visits.page_notes(wf, doc, expert) == {2: "经费台账与审计报告不一致"}
    assert visits.reading_position(wf, doc, expert) == 2
    visit_ops.note_page(wf, doc, expert, 2, "")
    assert visits.page_notes(wf, doc, expert) == {}
    assert queries.replay_report(wf).problems == []


def test_the_visit_and_the_documents_travel_in_the_experts_file(reassessment, tmp_path):
    wf, app, expert = reassessment
    doc_bytes = pdf("audit report")
    visit_ops.add_document(wf, app, "审计报告.pdf", doc_bytes)
    path = tmp_path / "expert.hvpdb"
    expert_file.write_expert_file(wf, expert, path, EXPERT_PASSWORD)
    with WorkingFile.open(path, EXPERT_PASSWORD) as mine:
        me = expert_file.expert_of(mine)
        mine_app = next(a for a, _n, _s in panel.assignments_of(mine, me) if a is not None)
        docs = [d for a, _n, _s in panel.assignments_of(mine, me) for d in visits.documents_of(mine, a)]
        assert any(visits.attachment_bytes(mine, d.id) == doc_bytes for d in docs)
        visit = visit_ops.open_visit(mine, mine_app, me).value
        code = visits.get_visit(mine, visit).checklist.items[0].code
        visit_ops.set_finding(mine, visit, code, "partly", None, "制度已建立，运行记录不全")
        visit_ops.add_evidence(mine, visit, code, "照片.png", png(b"on site"))
        assert queries.replay_report(mine).problems == [] and decisions.state_mismatches(mine) == []
        with pytest.raises(RuleViolation, match="FILE"):
            visit_ops.add_document(mine, mine_app, "x.pdf", pdf())


def test_a_veto_item_most_visits_found_not_met_fails_the_centre_whatever_its_points(demo_wf):
    """Deliverable 4: veto items decide before points — in the round's ranking, as a rubric's do."""
    from hvp_desktop.store import ranking

    with demo_wf.engine.connect() as c:
        rows = c.exec_driver_sql(
            "SELECT a.id, a.round_id, s.expert_id FROM applications a JOIN rounds r ON r.id = a.round_id "
            "JOIN assignments s ON s.application_id = a.id WHERE r.kind = 'rectification' ORDER BY a.id, s.expert_id"
        ).all()
    app, round_id = rows[0][0], rows[0][1]
    experts = [e for a, _r, e in rows if a == app]
    veto = next(i.code for i in visits.default_checklist().items if i.kind == checklists.ItemKind.VETO)
    before = ranking.analyse_round(demo_wf, round_id)
    assert app not in before.vetoed
    needed = len(experts) // 2 + 1
    for n, expert in enumerate(experts):
        visit = visit_ops.open_visit(demo_wf, app, expert).value
        visit_ops.set_finding(demo_wf, visit, veto, "not_met" if n < needed - 1 else "met")
    assert app not in ranking.analyse_round(demo_wf, round_id).vetoed  # not yet more than half
    last = visit_ops.open_visit(demo_wf, app, experts[needed - 1]).value
    visit_ops.set_finding(demo_wf, last, veto, "not_met")
    after = ranking.analyse_round(demo_wf, round_id)
    assert after.vetoed[app] == [veto]
    assert not next(r for r in after.analysis.rows if r.application == app).inside
