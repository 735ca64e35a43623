"""Rendering expert score sheets as PDF (issue 20), unsigned: the base the signed sheets build on.

Figures, in one run on a fresh demo working file (`create_demo`, not timed):
- `first_render`: the first sheet of the process (the CJK font's registration included, ~10 MB);
- `render_median`: `reports.pdf_sheet.render_score_sheet` of one submitted sheet, over 50 different
  sheets of the demo (the data already read; A4, embedded font subset, QR code on every page);
- `read_median`: `store.reports.score_sheet_report` of the same sheets (one session each);
- `batch_200`: 200 sheets read and rendered one after the other, as `export-sheets` does
  (files not written).
Targets are those of the signed sheets, reported here for the unsigned ones: median ≤ 100 ms,
200 sheets ≤ 30 s.
"""

from __future__ import annotations

import time

from _common import Report, median, run_main, scratch_dir

SAMPLE, BATCH = 50, 200
TARGET_MEDIAN_MS, TARGET_BATCH_S = 100.0, 30.0


def main() -> int:
    from hvp_desktop.demo import create_demo
    from hvp_desktop.reports.pdf_sheet import render_score_sheet
    from hvp_desktop.store import queries
    from hvp_desktop.store import reports as report_data

    report = Report("pdf_sheets")
    with scratch_dir("pdf-sheets") as folder:
        wf = create_demo(folder / "demo.hvpdb")
        try:
            sheets = [s[0] for r, _t in queries.round_list(wf) for s in report_data.submitted_sheets(wf, r)]
            if len(sheets) < BATCH:
                raise RuntimeError(f"the demo has {len(sheets)} submitted sheets, fewer than {BATCH}")
            data = [report_data.score_sheet_report(wf, sheet_id) for sheet_id in sheets[:SAMPLE]]
            t = time.perf_counter()
            first = render_score_sheet(data[0])
            report.seconds("first_render", time.perf_counter() - t)
            reads, renders, sizes = [], [], []
            for sheet_id, item in zip(sheets[:SAMPLE], data, strict=True):
                t = time.perf_counter()
                report_data.score_sheet_report(wf, sheet_id)
                reads.append(time.perf_counter() - t)
                t = time.perf_counter()
                pdf = render_score_sheet(item)
                renders.append(time.perf_counter() - t)
                sizes.append(len(pdf))
            assert render_score_sheet(data[0]) == first, "the same data gave different bytes"
            mid = report.timings("render", renders, show_max=True)
            report.timings("read", reads)
            report.figure("pdf_size_median", median(sizes) / 1024, "KiB")
            t = time.perf_counter()
            for sheet_id in sheets[:BATCH]:
                render_score_sheet(report_data.score_sheet_report(wf, sheet_id))
            batch = time.perf_counter() - t
            report.seconds("batch_200", batch, "s", 2)
            report.target("render_median", mid * 1e3, TARGET_MEDIAN_MS, "ms")
            report.target("batch_200", batch, TARGET_BATCH_S, "s")
        finally:
            wf.close()
    return report.finish()


if __name__ == "__main__":
    run_main(main)
