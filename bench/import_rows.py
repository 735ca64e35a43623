"""Import of 2,000 applications from a real .xlsx: parse, then write into a fresh working file.

Set-up (not timed): `excel_import.write_template` writes the shipped template; 2,000 rows of
`demo.applications(2026, 2000, seed)` are written into it with openpyxl, under the template's
own headers (row 2), from row 3 on, as a secretary would type them: 是/否, co-applicant kinds
in Chinese, the budget in 万元 as the header says, dates as Excel dates, codes and phones as text.

Timed per repetition:
- parse: `parse_workbook(path)` (openpyxl load + header matching + row checks);
- write: `operations.import_applications` of the parsed rows (sources named as the import dialog
  names them) into a working file created just before (creation and its KDF not timed);
- total = parse + write. Target <= 5 s (median of the totals).
The first repetition also checks that the 2,000 parsed applications equal the generated ones
(text compared after NFKC, which the import applies by design).

Usage: python bench/import_rows.py
"""

from __future__ import annotations

import time

from _common import PASSWORD, Report, run_main, scratch_dir

from hvp_desktop.store.ops import applications as app_ops

ROWS = 2000
REPEATS = 5
SEED = 20261125

_KIND_WORDS = {"university": "高校", "research_institute": "科研院所", "ip_service_agency": "知识产权服务机构"}


def _cell_value(field_id: str, data) -> object:
    """What a person would type in the template's column for `field_id`."""
    from hvp_desktop.reports.excel_import import FIELDS

    if field_id.startswith("co") and field_id[2].isdigit():
        index = int(field_id[2]) - 1
        if index >= len(data.co_applicants):
            return None
        co = data.co_applicants[index]
        return co.name if field_id.endswith("_name") else _KIND_WORDS[str(co.kind)]
    value = getattr(data, field_id)
    if value is None:
        return None
    kind = FIELDS[field_id].kind
    if kind == "bool":
        return "是" if value else "否"
    if field_id == "ip_budget_yuan":  # the template's header says （万元）
        wan = value / 10000
        return int(wan) if wan == int(wan) else float(wan)
    return value


def _as_read(data):
    """The generated application as the import reads it back: names as registered
    (cells.to_name), other text NFKC-normalised (cells.to_text)."""
    import dataclasses

    from hvp_desktop.reports import cells

    names = {"enterprise_name"}
    changes = {
        f.name: (cells.to_name if f.name in names else cells.to_text)(getattr(data, f.name))
        for f in dataclasses.fields(data)
        if isinstance(getattr(data, f.name), str) and f.name != "credit_code"
    }
    co = tuple(dataclasses.replace(c, name=cells.to_name(c.name)) for c in data.co_applicants)
    return dataclasses.replace(data, co_applicants=co, **changes)


def write_input(path, applications) -> None:
    from openpyxl import load_workbook

    from hvp_desktop.reports import excel_import

    excel_import.write_template(path)
    workbook = load_workbook(path)
    sheet = workbook[excel_import.TEMPLATE_SHEET]
    headers = [cell.value for cell in sheet[2]]
    field_of = {}
    for column, header in enumerate(headers, start=1):
        field_id = excel_import.KNOWN_HEADERS.get(excel_import.normalise_header(header))
        if field_id is None:
            raise AssertionError(f"template header {header!r} names no field")
        field_of[column] = field_id
    for row, data in enumerate(applications, start=3):
        for column, field_id in field_of.items():
            value = _cell_value(field_id, data)
            if value is not None:
                sheet.cell(row=row, column=column, value=value)
    workbook.save(path)


def main() -> int:
    from hvp_desktop import demo
    from hvp_desktop.reports import excel_import
    from hvp_desktop.store.engine import WorkingFile

    report = Report("import_rows")
    with scratch_dir("import") as tmp:
        source = tmp / "申报汇总.xlsx"
        applications = demo.applications(2026, ROWS, SEED)
        write_input(source, applications)
        report.figure("input_file_size", source.stat().st_size / 1024, "KiB", 0)

        parse, write, total = [], [], []
        for rep in range(REPEATS):
            t = time.perf_counter()
            result = excel_import.parse_workbook(source)
            t_parse = time.perf_counter() - t
            if rep == 0:
                problems = [e.message for e in result.errors[:3]]
                if result.rejected or result.unmapped_data_columns or len(result.rows) != ROWS:
                    raise AssertionError(f"parse: {len(result.rows)} rows, {len(result.rejected)} rejected, "
                                         f"unmapped {result.unmapped_data_columns}, e.g. {problems}")
                differ = [r.row for r, data in zip(result.rows, applications, strict=True) if r.data != _as_read(data)]
                if differ:
                    raise AssertionError(f"parsed rows differ from the generated ones, e.g. Excel rows {differ[:5]}")

            wf = WorkingFile.create(tmp / f"import-{rep}.hvpdb", PASSWORD)
            try:
                t = time.perf_counter()
                rows = [(f"{source.name}:{r.row}", r.data) for r in result.rows]
                outcome = app_ops.import_applications(wf, rows).value
                t_write = time.perf_counter() - t
            finally:
                wf.close()
            if outcome.added != ROWS:
                raise AssertionError(f"import added {outcome.added} of {ROWS}")
            parse.append(t_parse)
            write.append(t_write)
            total.append(t_parse + t_write)

    m_parse = report.timings("parse", parse, "s")
    m_write = report.timings("write", write, "s")
    m_total = report.timings("total", total, "s")
    report.figure("rows", ROWS, "rows")
    report.figure("throughput_total", ROWS / m_total, "rows/s", 0)
    report.ratio("parse_vs_write_ratio", m_parse / m_write)
    report.target("total_median", m_total, 5, "s")
    return report.finish()


if __name__ == "__main__":
    run_main(main)
