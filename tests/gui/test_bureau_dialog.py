"""Round → the bureau's steps (issue 17, R15/R16/R19): the confirmation of a shortlist and the party
group's approval of a list, each with its date and document number, before what follows."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate

from hvp_desktop.domain.formal_review import Outcome
from hvp_desktop.gui import round_actions
from hvp_desktop.store import decisions, queries
from hvp_desktop.store.ops import decisions as decision_ops


def test_R15_R16_the_bureau_confirms_the_shortlist_then_the_party_group_approves_the_list(qtbot, tmp_path,
                                                                                           make_runner):
    from hvp_desktop.demo import create_demo

    wf = create_demo(tmp_path / "fresh.hvpdb", with_decisions=False)
    try:
        runner = make_runner(wf)
        round_id = next(r.round_id for r in queries.application_rows(wf) if r.year == 2025)
        for r in queries.application_rows(wf):
            if r.round_id == round_id:
                for c in decisions.formal_review_of(wf, r.id):
                    if c.outcome == Outcome.MANUAL:
                        decision_ops.override_check(wf, r.id, c.key, Outcome.PASS, "现场核验")
        decision_ops.shortlist_round(wf, round_id, date(2025, 6, 10))
        confirm = round_actions.BureauDecisionDialog(runner, round_id, "confirm")
        qtbot.addWidget(confirm)
        confirm.date.setDate(QDate(2025, 6, 20))
        confirm.submit()  # no document number yet
        runner.wait()
        assert confirm.message.text().startswith("R15") and confirm.result() != confirm.DialogCode.Accepted
        confirm.document.setText("穗埔知字〔2025〕31号")
        confirm.submit()
        runner.wait()
        assert confirm.result() == confirm.DialogCode.Accepted
        shortlisted = [r.id for r in queries.application_rows(wf) if r.round_id == round_id and r.state == "shortlisted"]
        decision_ops.record_selection(wf, round_id, shortlisted[:2], date(2025, 9, 19))
        approve = round_actions.BureauDecisionDialog(runner, round_id, "approve")
        qtbot.addWidget(approve)
        assert approve.purpose.currentData() == ("recognition", sorted(shortlisted[:2]))
        approve.date.setDate(QDate(2025, 9, 24))
        approve.document.setText("党组会议纪要〔2025〕18号")
        approve.submit()
        runner.wait()
        assert approve.result() == approve.DialogCode.Accepted
        decision_ops.start_publicity(wf, shortlisted[:2], "recognition", date(2025, 9, 26))  # now allowed
        kinds = [d.kind for d in queries.application_detail(wf, shortlisted[0]).decisions]
        assert kinds == ["shortlisted", "shortlist_confirmed", "selected", "list_approved", "publicity_started"]
    finally:
        wf.close()


def test_the_next_date_tooltip_speaks_the_uis_language(qtbot, demo_wf, make_runner):
    import re

    from PySide6.QtCore import Qt

    from hvp_desktop.gui.application_model import COLUMNS
    from hvp_desktop.gui.applications_panel import ApplicationsPanel

    panel = ApplicationsPanel(demo_wf, make_runner(demo_wf))
    qtbot.addWidget(panel)
    model, column = panel.model, COLUMNS.index("next_due")
    tips = [model.index(r, column).data(Qt.ItemDataRole.ToolTipRole) for r in range(model.rowCount())]
    tips = [t for t in tips if t]
    assert tips and not any(re.search(r"[\u3400-\u9fff]", t) for t in tips)  # the English UI in tests
