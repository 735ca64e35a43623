from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from hvp_desktop.demo import applications
from hvp_desktop.reports.excel_import import FIELDS, write_template


def application_cells(data) -> dict[str, object]:
    """One ApplicationData as the template's cells, keyed by field id."""
    cells = {
        "year": data.year, "enterprise_name": data.enterprise_name, "credit_code": data.credit_code,
        "ip_staff_count": data.ip_staff_count, "ip_budget_yuan": data.ip_budget_yuan / 10000,
        "valid_invention_patents": data.valid_invention_patents, "pct_applications": data.pct_applications,
        "contact_name": data.contact_name, "contact_phone": data.contact_phone, "applied_on": data.applied_on,
    }
    for name in ("registered_in_district", "tax_in_district", "stats_in_district", "independent_legal_person",
                 "independent_accounting", "good_credit", "senior_executive_principal",
                 "independent_ip_department", "iso56005"):
        value = getattr(data, name)
        cells[name] = None if value is None else "是" if value else "否"
    kinds = {"university": "高校", "research_institute": "科研院所", "ip_service_agency": "知识产权服务机构"}
    for i, co in enumerate(data.co_applicants, 1):
        cells[f"co{i}_name"], cells[f"co{i}_kind"] = co.name, kinds[co.kind]
    return cells


def write_applications_xlsx(path: Path, rows: list[dict[str, object]], extra: dict[str, list] | None = None) -> Path:
    """The shipped template filled with `rows` (field id → value); `extra` adds columns by header."""
    write_template(path)
    wb = openpyxl.load_workbook(path)
    ws = wb.worksheets[0]
    columns = list(FIELDS)
    for r, row in enumerate(rows, start=3):
        for field_id, value in row.items():
            ws.cell(row=r, column=columns.index(field_id) + 1, value=value)
    for offset, (header, values) in enumerate((extra or {}).items()):
        col = len(columns) + 1 + offset
        ws.cell(row=2, column=col, value=header)
        for r, value in enumerate(values, start=3):
            ws.cell(row=r, column=col, value=value)
    wb.save(path)
    return path


@pytest.fixture
def new_applications():
    """Twelve applications for 2027, none of them in the demo file."""
    return [application_cells(a) for a in applications(2027, 12, seed=99)]


def type_text(qtbot, widget, text: str) -> None:
    """Type like a user: ASCII as key presses, Chinese as an input method commits it
    (QTest cannot synthesise key events for non-ASCII characters)."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    for ch in text:
        if ch.isascii():
            qtbot.keyClicks(widget, ch)
        else:
            event = QInputMethodEvent()
            event.setCommitString(ch)
            QApplication.sendEvent(widget, event)


@pytest.fixture
def make_runner():
    """The GUI's operation runner on a working file (its writer thread is closed after the test)."""
    from hvp_desktop.gui.runner import Runner

    made = []

    def make(wf):
        runner = Runner(wf)
        made.append(runner)
        return runner

    yield make
    for runner in made:
        runner.close()
