"""One application: everything it declared, its co-applicants, and its history."""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import datetime
from decimal import Decimal

from PySide6.QtWidgets import QDialog, QHeaderView, QTableWidgetItem, QWidget

from hvp_desktop.gui import labels
from hvp_desktop.gui.forms import load_form
from hvp_desktop.store.queries import ApplicationDetail

_SKIPPED = {"enterprise_name", "co_applicants"}


def _value_text(name: str, value) -> str:
    if isinstance(value, bool) or value is None:
        return labels.yes_no(value) if name not in ("affiliation_group", "contact_name", "contact_phone",
                                                    "ip_staff_count", "ip_budget_yuan", "applied_on",
                                                    "valid_invention_patents", "pct_applications") \
            else ("—" if value is None else str(value))
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    return str(value)


def _local_time(iso: str) -> str:
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


class ApplicationDetailDialog(QDialog):
    def __init__(self, detail: ApplicationDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = f = load_form("application_detail", self)
        data = detail.data
        self.setWindowTitle(data.enterprise_name)
        f.titleLabel.setText(data.enterprise_name)
        f.subtitleLabel.setText(f"{detail.round_title} · {labels.state_label(detail.state)} · "
                                f"{labels.eligibility_label(data.eligibility_summary())}")
        rows = [(labels.field_label(fl.name), _value_text(fl.name, getattr(data, fl.name)))
                for fl in fields(data) if fl.name not in _SKIPPED]
        if detail.source:
            rows.append((self.tr("Imported from"), detail.source))
        self._fill(f.dataTable, [self.tr("Item"), self.tr("Declared")], rows)
        self._fill(f.coApplicantsTable, [self.tr("No."), self.tr("Co-applicant"), self.tr("Kind")],
                   [(str(i), c.name, labels.co_applicant_kind_label(c.kind))
                    for i, c in enumerate(data.co_applicants, 1)])
        if not data.co_applicants:
            f.tabs.setTabText(1, self.tr("Co-applicants (none)"))
        self._fill(f.historyTable, [self.tr("Time"), self.tr("By"), self.tr("Event"), self.tr("Details")],
                   [(_local_time(h.at), h.actor, labels.history_action_label(h.action),
                     json.dumps(h.payload.get("changed") or {"source": h.payload.get("source")}, ensure_ascii=False))
                    for h in detail.history])
        f.buttonBox.rejected.connect(self.reject)
        self.resize(760, 600)

    @staticmethod
    def _fill(table, headers: list[str], rows: list[tuple[str, ...]]) -> None:
        table.setColumnCount(len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setRowCount(len(rows))
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                table.setItem(r, c, QTableWidgetItem(text))
        table.verticalHeader().setVisible(False)
        header = table.horizontalHeader()
        for c in range(len(headers) - 1):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(len(headers) - 1, QHeaderView.ResizeMode.Stretch)
