"""Rendering expert score sheets as PDF (issue 20), unsigned and signed (PAdES B-B).

Figures, in one run on a fresh demo working file (`create_demo`, not timed):
- `first_render`: the first sheet of the process (the CJK font's registration included, ~10 MB);
- `render_median`: `reports.pdf_sheet.render_score_sheet` of one submitted sheet, over 50 different
  sheets of the demo (the data already read; A4, embedded font subset, QR code on every page);
- `read_median`: `reports.round_reports.score_sheet_report` of the same sheets (one session each);
- `batch_200`: 200 sheets read and rendered one after the other, as `export-sheets` does
  (files not written);
- `signed_median`: the same sheets rendered with the signer block (`render_signable_sheet`) and
  signed by their expert's key (`reports.pdf_sign.sign_pdf`, the field over the drawn block, no
  pyHanko stamp), rendering included; `signed_unsigned_ratio` = signed_median / render_median;
- `verify_median`: `reports.pdf_sign.verify_pdf` of a signed sheet against the demo's root;
- `signed_batch_200`: 200 sheets read, rendered and signed, as `export-sheets --sign` does;
- `result_signed`: the consolidated result of the demo's biggest round, read, rendered and signed by
  the chair; `result_countersigned`: then counter-signed by every member (each an incremental
  signature); `result_verify`: every signature of it judged;
- `audit_pack_write` / `audit_pack_verify`: the audit pack of that round written (every sheet PDF
  signed) and verified with no working file (every signature, the ranking computed again).
Targets (issue 20, signed sheets): median ≤ 100 ms, 200 sheets ≤ 30 s.
"""

from __future__ import annotations

import time

from _common import Report, median, run_main, scratch_dir

SAMPLE, BATCH = 50, 200
TARGET_MEDIAN_MS, TARGET_BATCH_S = 100.0, 30.0


def main() -> int:
    from cryptography.x509.oid import NameOID

    from hvp_desktop.demo import create_demo
    from hvp_desktop.reports import round_reports as report_data
    from hvp_desktop.reports.pdf_sheet import SignerBlock, render_score_sheet, render_signable_sheet
    from hvp_desktop.reports.pdf_sign import sign_pdf, verify_pdf
    from hvp_desktop.store import certificates as certs
    from hvp_desktop.store import queries

    report = Report("pdf_sheets")
    with scratch_dir("pdf-sheets") as folder:
        wf = create_demo(folder / "demo.hvpdb")
        try:
            sheets = [s.sheet_id for r, _t in queries.round_list(wf) for s in report_data.submitted_sheets(wf, r)]
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
            identities: dict = {}

            def signed(sheet_id: int, item) -> bytes:
                if item.expert_name not in identities:
                    key, cert, chain = certs.signing_identity(wf, certs.experts_named(wf, item.expert_name)[0])
                    serial = str(cert.subject.get_attributes_for_oid(NameOID.SERIAL_NUMBER)[0].value)
                    identities[item.expert_name] = (key, cert, chain, serial)
                key, cert, chain, serial = identities[item.expert_name]
                sheet = render_signable_sheet(item, SignerBlock(item.expert_name, "评审专家", item.submitted_at, serial))
                return sign_pdf(sheet.pdf, key, cert, chain, name=item.expert_name, role="评审专家",
                                page=sheet.page, box=sheet.box)

            signed(sheets[0], data[0])  # pyHanko's imports, once
            signs, pdfs = [], []
            for sheet_id, item in zip(sheets[:SAMPLE], data, strict=True):
                t = time.perf_counter()
                pdfs.append(signed(sheet_id, item))
                signs.append(time.perf_counter() - t)
            signed_mid = report.timings("signed", signs, show_max=True)
            report.figure("signed_unsigned_ratio", signed_mid / mid, "x", 2)
            root = certs.load_certificate(certs.root_certificate_pem(wf))
            checks = []
            for pdf in pdfs[:10]:
                t = time.perf_counter()
                assert verify_pdf(pdf, [root]).ok, "a signed sheet did not verify"
                checks.append(time.perf_counter() - t)
            report.timings("verify", checks)
            t = time.perf_counter()
            for sheet_id in sheets[:BATCH]:
                signed(sheet_id, report_data.score_sheet_report(wf, sheet_id))
            signed_batch = time.perf_counter() - t
            report.seconds("signed_batch_200", signed_batch, "s", 2)
            _result_and_pack(report, wf, folder, root)
            report.target("render_median", mid * 1e3, TARGET_MEDIAN_MS, "ms")
            report.target("batch_200", batch, TARGET_BATCH_S, "s")
            report.target("signed_median", signed_mid * 1e3, TARGET_MEDIAN_MS, "ms")
            report.target("signed_batch_200", signed_batch, TARGET_BATCH_S, "s")
        finally:
            wf.close()
    return report.finish()


def _result_and_pack(report, wf, folder, root) -> None:
    from sqlalchemy import select

    from hvp_desktop.reports import round_reports as report_data
    from hvp_desktop.reports.audit_pack import verify_audit_pack
    from hvp_desktop.reports.audit_pack_writer import write_audit_pack
    from hvp_desktop.reports.pdf_sign import verify_pdf
    from hvp_desktop.store import queries
    from hvp_desktop.store.models import Expert

    results = [report_data.result_report(wf, r) for r, _t in queries.round_list(wf)]
    data = max((d for d in results if d.consolidated), key=lambda d: len(d.rows))
    t = time.perf_counter()
    pdf = report_data.signed_result_pdf(wf, data.round_id)
    report.seconds("result_signed", time.perf_counter() - t)
    t = time.perf_counter()
    for seat in data.panel:
        if seat.role == "member":
            with wf.session() as s:
                expert_id = s.scalar(select(Expert.id).where(Expert.uuid == seat.expert_uuid))
            pdf = report_data.countersign_result(wf, pdf, expert_id)
    report.seconds("result_countersigned", time.perf_counter() - t)
    t = time.perf_counter()
    verdict = verify_pdf(pdf, [root])
    report.seconds("result_verify", time.perf_counter() - t)
    assert verdict.ok and len(verdict.signatures) == len(data.panel), verdict.message_en
    t = time.perf_counter()
    summary = write_audit_pack(wf, data.round_id, folder / "pack.zip")
    report.seconds("audit_pack_write", time.perf_counter() - t, "s", 2)
    report.figure("audit_pack_sheets", summary.sheets, "sheets")
    report.figure("audit_pack_size", (folder / "pack.zip").stat().st_size / 1024 / 1024, "MiB", 1)
    t = time.perf_counter()
    checked = verify_audit_pack(folder / "pack.zip")
    report.seconds("audit_pack_verify", time.perf_counter() - t, "s", 2)
    assert checked.ok and checked.ranking_recomputed, checked.problems


if __name__ == "__main__":
    run_main(main)
