"""Command-line entry: `hvp-desktop [FILE]` opens the GUI; sub-commands do batch work.

Exit status: 0 ok, 1 rejected input (invalid rows, failed check), 2 usage or file error.
Bad input is answered with a message, never a traceback. Passwords come from a prompt,
`--password-file`, or the HVP_PASSWORD variable (HVP_NEW_PASSWORD for `passwd`).
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from hvp_desktop import __version__

EXIT_OK, EXIT_REJECTED, EXIT_USAGE = 0, 1, 2
COMMANDS = ("demo", "import", "check", "passwd", "template", "status", "calendar", "prelim", "recognised", "ban",
            "rubric", "checklist", "expert-file", "rank", "export-ranking", "export-sheets", "assessment-round", "ca",
            "verify", "export-result", "countersign", "export-assessment", "audit-pack", "audit-verify", "pack",
            "unpack", "return", "merge")


STATE_NAMES = {  # the CLI speaks Chinese like the GUI's default; --json keeps the stable ids
    "applied": "已申报", "rejected": "形式审查未通过", "shortlisted": "入围", "not_selected": "未入选",
    "selected": "拟入选", "recognised": "已认定", "objection_upheld": "异议成立", "y1_passed": "第一年考核通过",
    "rectifying": "整改中", "accepted": "已验收", "revoked": "已撤销", "withdrawn": "已退出",
}


class CliError(Exception):
    def __init__(self, message: str, status: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.status = status


def _read_password(args, *, env: str = "HVP_PASSWORD", file_attr: str = "password_file",
                   prompt: str = "密码 (password): ") -> str:
    path = getattr(args, file_attr, None)
    if path:
        try:
            raw = Path(path).read_bytes()
        except OSError as exc:
            raise CliError(f"无法读取密码文件 {path}: {exc.strerror} (cannot read the password file)") from exc
        # Notepad writes UTF-8 with a BOM; Chinese Windows' "ANSI" is GBK (GB 18030 covers it).
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                lines = raw.decode(encoding).splitlines()
                break
            except UnicodeDecodeError:
                continue
        else:
            raise CliError(f"密码文件 {path} 不是UTF-8或GBK文本 (password file is neither UTF-8 nor GBK text)")
        if not lines or not lines[0]:
            raise CliError(f"密码文件 {path} 的第一行为空 (the first line of the password file is empty)")
        return lines[0]
    if os.environ.get(env):
        return os.environ[env]
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError(f"未提供密码：请用 --password-file 或环境变量 {env} (no password given)")
    return getpass.getpass(prompt)


def _open(args, *, migrate: bool = True):
    from hvp_desktop.store import unlock_backoff
    from hvp_desktop.store.engine import WorkingFile
    from hvp_desktop.store.errors import WrongPassword

    password = _read_password(args)
    unlock_backoff.wait(args.file)  # from the 3rd wrong password in a row on this file (issue 18)
    try:
        wf = WorkingFile.open(args.file, password, migrate=migrate)
    except WrongPassword:
        unlock_backoff.record_failure(args.file)
        raise
    unlock_backoff.clear(args.file)
    wf.backup_on_close = True  # a command that changed the file leaves a backup (issue 18 §7)
    return wf


def _emit(args, payload: dict, lines: list[str]) -> None:
    if getattr(args, "json", False):
        print(json.dumps(payload, ensure_ascii=False, default=str))
    else:
        print("\n".join(lines))


# -- commands ----------------------------------------------------------------------------------
def cmd_demo(args) -> int:
    from hvp_desktop.demo import DEMO_PASSWORD, create_demo
    from hvp_desktop.store import heads

    password = os.environ.get("HVP_PASSWORD") or DEMO_PASSWORD
    if args.password_file:
        password = _read_password(args)
    path = Path(args.file)
    if path.exists() and not args.force:
        raise CliError(f"文件已存在：{path}；要替换请加 --force (file exists; use --force)")
    # Built under a temporary name and swapped in only when complete: a failure leaves the old file.
    tmp = path.with_name(f".{path.name}.demo-tmp")
    for leftover in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        leftover.unlink(missing_ok=True)
    if args.copy_of:  # a pristine demo built earlier (make run keeps one): copied, not built again
        from hvp_desktop.private_files import copy_private

        copy_private(args.copy_of, tmp)  # 0o600, like every file the app writes
    else:
        create_demo(tmp, password).close()
    if path.exists():
        from hvp_desktop.store.engine import ensure_not_open

        try:
            ensure_not_open(path)
        except Exception:
            for leftover in (tmp, Path(f"{tmp}.lock")):
                leftover.unlink(missing_ok=True)
            raise
    for stale in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        stale.unlink(missing_ok=True)
    os.replace(tmp, path)
    heads.follow(Path(args.copy_of) if args.copy_of else tmp, path, copy=bool(args.copy_of))
    Path(f"{tmp}.lock").unlink(missing_ok=True)
    exports: list[str] = []
    if args.exports:  # the signed output, written from the finished file (issue 20 §8)
        from hvp_desktop.demo_exchange import write_demo_exchange
        from hvp_desktop.demo_exports import write_demo_exports
        from hvp_desktop.store.engine import WorkingFile

        with WorkingFile.open(path, password) as wf:
            exports = [str(p.resolve()) for p in write_demo_exports(wf, Path(args.exports))]
            exports += [str(p.resolve()) for p in write_demo_exchange(wf, Path(args.exports), password)]
    _emit(args, {"file": str(path.resolve()), "password": password, **({"exports": exports} if args.exports else {})},
          [f"演示文件 (demo file): {path.resolve()}", f"密码 (password): {password}",
           *([f"已签名的导出示例 (signed examples): {Path(args.exports).resolve()}"] if exports else [])])
    return EXIT_OK


def _parse_maps(items: list[str]) -> dict[str, str]:
    from hvp_desktop.reports.excel_import import FIELDS, normalise_header

    mapping = {}
    for item in items:
        header, sep, field_id = item.partition("=")
        if not sep or not header.strip():
            raise CliError(f"--map 需要 表头=字段 的形式，实为 {item!r} (expected HEADER=FIELD)")
        field_id = field_id.strip()
        if field_id not in ("ignore", "note") and field_id not in FIELDS:
            known = ", ".join([*FIELDS, "ignore", "note"])
            raise CliError(f"未知字段 {field_id!r}；可用字段 (known fields): {known}")
        mapping[normalise_header(header)] = field_id
    return mapping


def cmd_import(args) -> int:
    from hvp_desktop.reports.excel_import import FIELDS, SKIP_REASONS, normalise_header, parse_workbook, write_rejected
    from hvp_desktop.store.applications import ADD, REFUSED, UNCHANGED, UPDATE, load_mappings, preview_import
    from hvp_desktop.store.ops import applications as app_ops

    if args.round is not None and not 2000 <= args.round <= 2100:
        raise CliError(f"--round 应为2000至2100之间的年度，实为{args.round} (--round must be a year)")
    xlsx = Path(args.xlsx) if args.xlsx else None
    if xlsx is not None and not xlsx.is_file():
        raise CliError(f"找不到Excel文件：{xlsx} (file not found)")
    if xlsx is None and not args.forget_map:
        raise CliError("请给出要导入的Excel文件，或用 --forget-map 忘记记住的列名对应 (give XLSX or --forget-map)")
    explicit = _parse_maps(args.map)
    wf = _open(args)
    try:
        forgotten = []
        if args.forget_map:
            forgotten = list(dict.fromkeys(normalise_header(h) for h in args.forget_map))
            app_ops.forget_mappings(wf, forgotten)
        remembered = load_mappings(wf)
        if xlsx is None:
            lines = [f"已忘记的列名对应 (forgotten): {'、'.join(forgotten)}"]
            lines += [f"  仍记住 (remembered)：「{h}」→ {f}" for h, f in remembered.items()]
            _emit(args, {"forgotten": forgotten, "remembered_mappings": remembered}, lines)
            return EXIT_OK
        result = parse_workbook(xlsx, round_year=args.round, header_map={**remembered, **explicit})
        preview = preview_import(wf, [r.data for r in result.rows])
        counts = {status: sum(p.status == status for p in preview) for status in (ADD, UPDATE, UNCHANGED, REFUSED)}
        unmapped = result.unmapped_data_columns
        headers_here = {normalise_header(h) for h in result.headers}
        applied = {h: f for h, f in remembered.items() if h in headers_here and h not in explicit}
        payload = {
            "file": str(xlsx), "sheet": result.sheet_title, "header_row": result.header_row,
            "rows": result.total_rows, "valid": len(result.rows), "rejected": len(result.rejected),
            "preview": {
                "add": counts[ADD], "update": counts[UPDATE], "unchanged": counts[UNCHANGED],
                "reject": len(result.rejected), "refused": counts[REFUSED], "skipped": len(result.skipped),
                "rows": sorted(
                    [{"row": r.row, "status": p.status, "enterprise": r.data.enterprise_name,
                      "credit_code": r.data.credit_code, "changed": list(p.changed),
                      **({"rule": p.rule, "reason": p.reason} if p.rule else {})}
                     for r, p in zip(result.rows, preview, strict=True)]
                    + [{"row": r.row, "status": "reject", "errors": [e.message for e in r.errors]}
                       for r in result.rejected], key=lambda item: item["row"]),
            },
            "errors": [{"row": e.row, "column": e.column, "code": e.code, "message": e.message}
                       for e in result.errors],
            "unknown_columns": [{"header": u.header, "column": u.column, "has_data": u.has_data}
                                for u in result.unknown_columns],
            "unreadable_columns": [{"column": c.column, "header": c.header, "field": c.field, "rows": c.rows,
                                    "found": c.found, "accepted": c.accepted, "message": c.message}
                                   for c in result.unreadable_columns],
            "columns": [{"column": c.column, "header": c.header, "field": c.field, "how": c.how}
                        for c in result.columns],
            "skipped": [{"row": s.row, "reason": s.reason, "text": s.text} for s in result.skipped],
            "remembered_mappings": applied,
            "missing_columns": list(result.missing_columns),
            "added": 0, "updated": 0, "unchanged": 0, "imported": False,
        }
        if forgotten:
            payload["forgotten"] = forgotten
        lines = [f"{xlsx.name}（工作表“{result.sheet_title}”，表头在第{result.header_row}行）: "
                 f"{result.total_rows} 行, 有效 {len(result.rows)}, 拒绝 {len(result.rejected)}",
                 f"预览 (preview): 新增 {counts[ADD]}，更新 {counts[UPDATE]}，未变 {counts[UNCHANGED]}，"
                 f"拒绝 {len(result.rejected)}" + (f"，不予导入 {counts[REFUSED]}" if counts[REFUSED] else "")]
        if result.skipped:
            lines.append(f"  跳过 {len(result.skipped)} 行 (rows skipped)：" + "；".join(
                f"第{s.row}行{SKIP_REASONS[s.reason]}" for s in result.skipped[:10])
                + ("…" if len(result.skipped) > 10 else ""))
        lines += [f"  列 {c.column}「{c.header}」按含义读作“{FIELDS[c.field].label}” (read by its meaning)"
                  for c in result.columns if c.how == "guessed"]
        lines += [f"  列 {c.column}「{c.header}」的内容随各申报保存在来源备注中 (kept as a note)"
                  for c in result.columns if c.how == "note"]
        lines += [f"  记住的对应 (remembered)：「{h}」→ {f}；不再需要可用 --forget-map \"{h}\"" for h, f in applied.items()]
        if result.missing_columns:
            hint = "（申报年度可用 --round 指定）" if "申报年度" in result.missing_columns else ""
            lines.append(f"  缺少必填列：{'、'.join(result.missing_columns)}{hint} (required columns missing)")
        lines += [f"  第{e.row}行 {e.column}: {e.message}" if e.column else f"  第{e.row}行: {e.message}"
                  for e in result.errors]
        lines += [f"  {c.message}：可用 --map \"{c.header}=字段\" 改读为其他字段，或 --map \"{c.header}=ignore\" 不导入该列"
                  for c in result.unreadable_columns]
        lines += [f"  第{r.row}行 {r.data.enterprise_name}：{p.rule}：{p.reason}"
                  for r, p in zip(result.rows, preview, strict=True) if p.status == REFUSED]
        if unmapped:
            lines += [f"  未识别的列 {u.column}「{u.header}」含有数据（如“{u.sample[:20]}”）："
                      f"请用 --map \"{u.header}=字段\" 或 \"{u.header}=ignore\"" for u in unmapped]
            lines.append("未导入任何数据。 (Nothing imported: unknown columns hold data.)")
            _emit(args, payload, lines)
            return EXIT_REJECTED
        if counts[REFUSED]:
            lines.append("未导入任何数据：以上申报已进入评审或该年度已确定备选单位。 (Nothing imported: refused rows.)")
            _emit(args, payload, lines)
            return EXIT_REJECTED
        if args.preview:
            lines.append("仅预览，未写入任何数据。 (Preview only: nothing was written.)")
            _emit(args, payload, lines)
            return EXIT_REJECTED if result.rejected else EXIT_OK
        if result.rejected and not args.skip_invalid:
            lines.append("未导入任何数据：请修正以上错误，或使用 --skip-invalid 只导入有效行。"
                         " (Nothing imported; fix the rows or use --skip-invalid.)")
            _emit(args, payload, lines)
            return EXIT_REJECTED
        if result.rejected:  # written first: if it cannot be written, nothing is imported
            out = Path(args.rejected_out or xlsx.with_name(f"{xlsx.stem}.rejected.xlsx"))
            write_rejected(result, out)
            payload["rejected_file"] = str(out.resolve())
        outcome = app_ops.import_applications(
            wf, [(r.source(xlsx.name), r.data) for r in result.rows], remember=explicit).value
        payload.update(added=outcome.added, updated=outcome.updated, unchanged=outcome.unchanged,
                       imported=bool(outcome.added or outcome.updated))
        lines.append(f"新增 {outcome.added}，更新 {outcome.updated}，未变 {outcome.unchanged}。"
                     + ("" if payload["imported"] else "未写入任何数据。 (Nothing new to import.)"))
        if result.rejected:
            lines.append(f"被拒绝的 {len(result.rejected)} 行已保存到 {payload['rejected_file']}"
                         "（保留原行号与错误原因；改正后可直接再导入） (rejected rows saved)")
        _emit(args, payload, lines)
        return EXIT_REJECTED if result.rejected else EXIT_OK
    finally:
        wf.close()


def cmd_check(args) -> int:
    from hvp_desktop.store import audit, certificates, decisions, migrations, queries, ranking
    from hvp_desktop.store.errors import damaged_errors

    wf = _open(args, migrate=False)  # a diagnosis changes nothing, not even the schema
    try:
        version = wf.schema_version()
        try:
            integrity = wf.integrity_errors()
            schema = wf.schema_problems()
            chain = queries.verify_chain(wf)
            states = decisions.state_mismatches(wf)
            if version >= ranking.SCHEMA_WITH_CONSOLIDATIONS:  # an older file is diagnosed as it is
                states += ranking.consolidation_mismatches(wf)
            replayed = queries.replay_report(wf) if version >= migrations.SCHEMA_WITH_REPLAY and not schema else None
            heads = queries.head_problems(wf, [Path(p) for p in args.against])
            signed = (queries.sheet_signature_problems(wf)
                      if version >= certificates.SCHEMA_WITH_SHEET_SIGNATURES and not schema else None)
        except damaged_errors() as exc:  # a damaged page: report it, that is check's job
            integrity = [_message_of(exc)]
            chain = audit.ChainReport(0, ["审计链无法读取 (audit chain unreadable)"])
            states, schema, replayed, heads, signed = [], [], None, [], None
    finally:
        wf.close()
    rows = replayed.problems if replayed else []
    signatures = [f"{zh} ({en})" for zh, en in signed.problems] if signed else []
    ok = not integrity and not schema and chain.ok and not states and not rows and not heads and not signatures
    payload = {"ok": ok, "schema_version": version, "integrity": integrity or ["ok"], "schema_problems": schema,
               "audit_events": chain.events, "audit_problems": chain.problems, "state_problems": states,
               "replayed": bool(replayed and replayed.baseline), "replay_problems": rows, "head_problems": heads,
               "signature_problems": signatures, "sheet_signatures": signed.as_json() if signed else None}
    lines = [f"SQLCipher完整性 (integrity): {'正常 ok' if not integrity else '; '.join(integrity)}",
             f"文件结构 (tables at schema {version}): " + ("正常 ok" if not schema else "不符 MISMATCH"),
             f"审计链 (audit chain): {chain.events} 条事件, " + ("完好 intact" if chain.ok else "有问题 BROKEN"),
             "状态、决定记录与汇总结果 (states and consolidated results rebuilt): "
             + ("一致 consistent" if not states else "不一致 MISMATCH"),
             "各表与审计记录重放 (tables replayed from the audit chain): "
             + ("未重放：文件早于结构版本8 not replayed: made before schema 8" if not (replayed and replayed.baseline)
                else "一致 consistent" if not rows else f"{len(rows)} 处不一致 MISMATCH"),
             "审计链末端与文件外的记录 (chain head against the copies kept outside the file): "
             + ("一致 consistent" if not heads else "不一致 MISMATCH"),
             "专家打分表签名 (sheet signatures): " + _signature_line(signed)]
    lines += [f"  {p}" for p in schema + chain.problems + states + rows + heads + signatures]
    _emit(args, payload, lines)
    return EXIT_OK if ok else EXIT_REJECTED


def _signature_line(signed) -> str:
    if signed is None:
        return "未核验：文件早于结构版本11 not verified: made before schema 11"
    text = (f"{signed.checked} 份验证通过 verified" if not signed.problems
            else f"{len(signed.problems)} 份不符 MISMATCH, {signed.checked} 份验证通过 verified")
    notes = []
    if signed.unsigned:
        notes.append(f"{signed.unsigned} 份未签名（提交时专家无签名证书） unsigned: no certificate at submission")
    if signed.unsigned_paper:
        notes.append(f"{signed.unsigned_paper} 份纸质录入未签名 paper sheets keyed by the secretariat, unsigned")
    return text + ("；注 note: " + "；".join(notes) if notes else "")


def cmd_passwd(args) -> int:
    wf = _open(args)
    try:
        new = _read_password(args, env="HVP_NEW_PASSWORD", file_attr="new_password_file",
                             prompt="新密码 (new password): ")
        from hvp_desktop.store.engine import check_new_password

        check_new_password(new)  # a weak one is refused before it is typed again (issue 18)
        if not (args.new_password_file or os.environ.get("HVP_NEW_PASSWORD")):
            if getpass.getpass("再次输入新密码 (repeat): ") != new:
                raise CliError("两次输入的新密码不一致 (passwords differ)", EXIT_REJECTED)
        wf.change_password(new)
    finally:
        wf.close()
    print("密码已更改。 (Password changed.)")
    return EXIT_OK


def cmd_status(args) -> int:
    from datetime import date

    from hvp_desktop.store import decisions

    try:
        today = date.fromisoformat(args.today) if args.today else date.today()
    except ValueError as exc:
        raise CliError(f"--today 应为 YYYY-MM-DD 形式的日期，实为 {args.today!r} (not a date)") from exc
    wf = _open(args)
    try:
        rows = decisions.status(wf)
    finally:
        wf.close()
    items = []
    lines = [f"{'年度':<6}{'状态':<12}{'下一期限':<30}申报单位"]
    for r in rows:
        dues = [{"what": d.what, "due": d.due.isoformat(), "rule": d.rule, "detail": d.detail,
                 "overdue": d.overdue(today), "opens": d.opens, "provisional_reason": d.provisional_reason}
                for d in r.deadlines]
        items.append({"application_id": r.application_id, "year": r.year, "enterprise": r.enterprise_name,
                      "credit_code": r.credit_code, "state": r.state, "deadlines": dues,
                      "ban_until": r.ban_until.isoformat() if r.ban_until else None,
                      "support_yuan": str(r.supported_yuan)})
        nxt = r.deadlines[0] if r.deadlines else None
        due = f"{nxt.due} {nxt.detail}{'（已逾期）' if nxt.overdue(today) else ''}" if nxt else ""
        ban = f"  禁止申报至{r.ban_until}前" if r.ban_until and r.ban_until > today else ""
        lines.append(f"{r.year:<6}{STATE_NAMES.get(r.state, r.state):<12}{due:<30}{r.enterprise_name}{ban}")
    soon = decisions.due_within(rows, today, 60)
    lines.append(f"\n未来60天内到期或已逾期 (due within 60 days or overdue): {len(soon)}")
    lines += [f"  {d.due} {'逾期 ' if d.overdue(today) else ''}{d.rule} {d.detail}: {r.enterprise_name}"
              + (f"（暂定：{d.provisional_reason}）" if d.provisional_reason else "") for r, d in soon]
    _emit(args, {"today": today.isoformat(), "applications": items,
                 "due_within_60_days": [{"application_id": r.application_id, "what": d.what,
                                         "due": d.due.isoformat(), "rule": d.rule, "overdue": d.overdue(today)}
                                        for r, d in soon]}, lines)
    return EXIT_OK


def cmd_calendar(args) -> int:
    from hvp_desktop.domain.dates import ArrangementError, read_arrangement
    from hvp_desktop.store.ops import decisions as decision_ops

    path = Path(args.arrangement)
    try:  # read up to its size limit only (limits.HOLIDAY_FILE)
        arrangements = read_arrangement(path)
    except ArrangementError as exc:
        raise CliError(f"{path.name}: {exc.zh} ({exc.en})", EXIT_REJECTED) from exc
    wf = _open(args)
    try:
        years = decision_ops.save_arrangements(wf, arrangements).value
    finally:
        wf.close()
    print(f"已录入 {'、'.join(map(str, years))} 年的节假日安排。 (holiday arrangement saved)")
    return EXIT_OK


def cmd_prelim(args) -> int:
    """R15: the third party's preliminary scores, by credit code, into one round. All or nothing."""
    from hvp_desktop.reports.preliminary_scores import parse_scores
    from hvp_desktop.store import queries
    from hvp_desktop.store.ops import decisions as decision_ops

    scores, errors = parse_scores(Path(args.xlsx))
    wf = _open(args)
    try:
        ids = queries.application_ids_by_credit_code(wf, args.round)
        unknown = [sc for sc in scores if sc.credit_code not in ids]
        problems = [f"第{e.row}行 {e.column}: {e.message}" for e in errors]
        problems += [f"第{sc.row}行: {args.round}年度没有统一社会信用代码为{sc.credit_code}的申报" for sc in unknown]
        payload = {"rows": len(scores) + len(errors), "valid": len(scores) - len(unknown), "problems": problems,
                   "saved": False}
        if problems:
            _emit(args, payload, [*problems, "未保存任何得分。 (Nothing saved.)"])
            return EXIT_REJECTED
        decision_ops.set_preliminary_scores(wf, {ids[sc.credit_code]: sc.score for sc in scores})
    finally:
        wf.close()
    payload["saved"] = True
    _emit(args, payload, [f"已保存 {len(scores)} 件申报的初审得分。 (preliminary scores saved)"])
    return EXIT_OK


def _credit_code(text: str) -> str:
    from hvp_desktop.domain.credit_code import CreditCodeError, validate

    try:
        return validate(text)
    except CreditCodeError as exc:
        raise CliError(f"统一社会信用代码无效：{exc}", EXIT_REJECTED) from exc


def _with_file(args, operation) -> None:
    """Open the working file, run one store operation on it, close it whatever happens."""
    wf = _open(args)
    try:
        operation(wf)
    finally:
        wf.close()


def cmd_recognised(args) -> int:
    """R3: record an enterprise already recognised (e.g. under the earlier cultivation-centre title)."""
    from hvp_desktop.store.ops import decisions as decision_ops

    code = _credit_code(args.code)
    _with_file(args, lambda wf: decision_ops.add_recognised_centre(wf, code, args.name, args.title, args.group,
                                                               args.year))
    print(f"已登记（R3）：{args.name} {code}")
    return EXIT_OK


def cmd_ban(args) -> int:
    """R4/R21: a ban decided outside this file (2 years from the decision date)."""
    from datetime import date

    from hvp_desktop.store.ops import decisions as decision_ops

    code = _credit_code(args.code)
    try:
        since = date.fromisoformat(args.since)
    except ValueError as exc:
        raise CliError(f"--since 应为 YYYY-MM-DD 形式的日期：{exc}", EXIT_REJECTED) from exc
    _with_file(args, lambda wf: decision_ops.add_ban(wf, code, args.rule, since, args.reason))
    print(f"已登记禁止申报（{args.rule}）：{code}，自{since}起2年")
    return EXIT_OK


def _read_rubric(args):
    """A rubric from the secretariat's Excel table (reviewed before use) or a JSON file."""
    from hvp_desktop.reports.rubric_excel import read_rubric_table
    from hvp_desktop.scoring import rubric as rubrics

    source = Path(args.table)
    try:
        if source.suffix.lower() == ".json":
            return rubrics.load(source)
        if not (args.kind and args.title and args.version):
            raise CliError("从Excel读取评分表须给出 --kind、--title 和 --version")
        return read_rubric_table(source, kind=args.kind, title=args.title, version=args.version)
    except rubrics.RubricError as exc:
        raise CliError("评分表有问题 (the rubric has problems):\n  " + "\n  ".join(map(str, exc.problems)),
                       EXIT_REJECTED) from exc


def _rubric_lines(rubric) -> list[str]:
    from hvp_desktop.scoring.rubric import format_points

    lines = [f"{rubric.label}  [{rubric.kind}]  {rubric.source}"]
    for section in rubric.sections:
        lines.append(f"  {section.code} {section.title}  {format_points(section.max_points)}分")
        lines += [f"    {c.code:<6} {format_points(c.max_points):>5}分  步长{format_points(c.step)}  {c.title}"
                  for c in section.criteria]
    lines.append(f"  合计 {format_points(rubric.max_total)} 分，{len(rubric.criteria)} 项指标")
    return lines


def cmd_rubric(args) -> int:
    """Review a rubric table (show), keep it in a working file (add), or export a default to edit."""
    from hvp_desktop.scoring import rubric as rubrics

    if args.action == "export":
        from hvp_desktop.reports.rubric_excel import write_rubric_table

        write_rubric_table(rubrics.default_rubrics()[args.kind or "recognition"], Path(args.table))
        print(args.table)
        return EXIT_OK
    rubric = _read_rubric(args)
    if args.action == "show":
        print("\n".join(_rubric_lines(rubric)))
        return EXIT_OK
    if not args.file:
        raise CliError("rubric add 需要工作文件：--file FILE")
    from hvp_desktop.store.ops import sheets as sheet_ops

    def store(wf) -> None:
        if args.round is None:
            sheet_ops.store_rubric(wf, rubric)
        else:
            sheet_ops.set_round_rubric(wf, _round_for(wf, args.round, rubric.kind), rubric)

    _with_file(args, store)
    done = "已存入工作文件 (stored in the working file)"
    if args.round is not None:
        done += f"，并设为{args.round}年度评审所用评分表 (and chosen for the {args.round} round)"
    print("\n".join([*_rubric_lines(rubric), done]))
    return EXIT_OK


def cmd_checklist(args) -> int:
    """The on-site checklist (issue 19): export the shipped one as a table to edit, review a table
    (show), or keep one in a working file (add), optionally chosen for an assessment round."""
    from hvp_desktop.domain import checklist as checklists
    from hvp_desktop.reports.checklist_excel import read_checklist_table, write_checklist_table

    if args.action == "export":
        write_checklist_table(checklists.default_checklist(), Path(args.table))
        print(args.table)
        return EXIT_OK
    source = Path(args.table)
    if source.suffix.lower() == ".json":
        checklist = checklists.load(source)
    else:
        if not (args.title and args.version):
            raise CliError("从Excel读取现场核查表须给出 --title 和 --version (--title and --version are needed)")
        checklist = read_checklist_table(source, title=args.title, version=args.version)
    lines = [f"{checklist.label}  {checklist.source}"]
    for item in checklist.items:
        extra = ""
        if item.threshold is not None:
            extra = f"  ≥ {checklists.format_number(item.threshold.minimum)}{item.threshold.unit}"
        lines.append(f"  {item.code:<7} {checklists.KIND_TEXT[item.kind][0]:<4} {item.title}{extra}"
                     f"  → {'、'.join(item.informs)}")
    lines.append(f"  共 {len(checklist.items)} 项 ({len(checklist.items)} items)")
    if args.action == "show":
        print("\n".join(lines))
        return EXIT_OK
    if not args.file:
        raise CliError("checklist add 需要工作文件：--file FILE")
    from hvp_desktop.store.ops import visits as visit_ops

    def store(wf) -> None:
        if args.round is None:
            visit_ops.store_checklist(wf, checklist)
        else:
            visit_ops.set_round_checklist(wf, _round_for(wf, args.round, "annual", args.kind), checklist)

    _with_file(args, store)
    done = "已存入工作文件 (stored in the working file)"
    if args.round is not None:
        done += f"，并设为{args.round}年度考核所用现场核查表 (and chosen for the {args.round} assessment round)"
    print("\n".join([*lines, done]))
    return EXIT_OK


def _round_for(wf, year: int, rubric_kind: str, assessment: str | None = None) -> int:
    from hvp_desktop.store import queries

    kinds = ["recognition"] if rubric_kind == "recognition" else [assessment] if assessment else [
        "year1", "year2", "rectification"]
    ids = queries.round_ids(wf, year, kinds)
    if len(ids) != 1:
        raise CliError(f"{year}年度没有唯一的{'认定' if rubric_kind == 'recognition' else '考核'}轮次", EXIT_REJECTED)
    return ids[0]


def cmd_expert_file(args) -> int:
    """Blind scoring: the expert's own file, with only their applications and sheets."""
    from hvp_desktop.store import expert_file, panel

    wf = _open(args)
    try:
        matches = [i for i, name in panel.panel_experts(wf) if name == args.expert]
        if len(matches) != 1:
            raise CliError(f"专家组中没有（唯一的）专家“{args.expert}” (no such panel expert)", EXIT_REJECTED)
        password = _read_password(args, env="HVP_NEW_PASSWORD", file_attr="new_password_file",
                                  prompt="专家文件的密码 (password of the expert's file): ")
        counts = expert_file.write_expert_file(wf, matches[0], Path(args.out), password)
    finally:
        wf.close()
    _emit(args, {"file": str(Path(args.out).resolve()), **counts},
          [f"专家文件 (expert file): {Path(args.out).resolve()}",
           f"申报 {counts['applications']} 件，评分表 {counts['score_sheets']} 份（仅本人）"])
    return EXIT_OK


def _round_view(args):
    """The round's ranking (by `--method` if given, else the round's own), the file closed after."""
    from hvp_desktop.scoring.aggregate import Method
    from hvp_desktop.store import queries
    from hvp_desktop.store.ranking import analyse_round

    wf = _open(args)
    try:
        rounds = dict(queries.round_list(wf))
        if args.round not in rounds:
            known = "；".join(f"{i} {t}" for i, t in sorted(rounds.items())) or "无"
            raise CliError(f"没有编号为{args.round}的轮次 (no such round)；现有轮次 (rounds): {known}", EXIT_REJECTED)
        method = getattr(args, "method", None)
        view = analyse_round(wf, args.round, Method(method) if method else None)
        # the round's own method, to tell a preview by another method from the round's result
        own = view if method is None else analyse_round(wf, args.round)
        return view, own.analysis.settings.method
    finally:
        wf.close()


def _ranking_payload(view, own_method) -> dict:
    """Everything `rank` shows, with stable ids and decimals as strings (exact, as computed)."""
    from hvp_desktop.reports.ranking_excel import line_status

    a = view.analysis
    line = a.line

    def expert(e: int) -> dict:
        return {"expert_id": e, "name": view.experts.get(e, "")}

    def flag(f) -> dict:
        note = view.explanations.get(f.key)
        return {**expert(f.expert), "kind": f.kind.value, "criterion": f.criterion or None,
                "deviation": str(f.deviation),
                "explanation": None if note is None else {"author": note.author, "text": note.text,
                                                          "current": note.current}}

    return {
        "round": view.round_id, "title": view.title, "kind": view.kind, "year": view.year,
        "method": a.settings.method.value, "round_method": own_method.value, "margin": str(a.settings.margin),
        "tie_breaks": list(a.settings.tie_breaks),
        "line": {"kind": line.kind.value, "rule": line.rule, "places": line.places,
                 "pass_mark": None if line.pass_mark is None else str(line.pass_mark),
                 "inside": a.ranking.inside_count},
        "kendall_w": None if a.kendall_w is None else str(a.kendall_w), "agreement": a.agreement,
        "rows": [{"application_id": r.application, "name": view.names.get(r.application, ""), "rank": r.rank,
                  "score": str(r.score), "sheets": len(r.totals), "range": str(r.range), "stdev": str(r.stdev),
                  "inside_line": r.inside, "line_status": line_status(line, r), "tied_at_line": r.tied_at_line,
                  "chair_placed": r.chair_placed, "totals": {str(e): str(t) for e, t in sorted(r.totals.items())},
                  "flags": [flag(f) for f in r.flags], "missing": [expert(e) for e in r.missing]}
                 for r in a.rows],
        "without_sheets": [{"application_id": x, "name": view.names.get(x, "")} for x in a.without_sheets],
        "leniency": {str(e): str(v) for e, v in sorted(a.leniency.items())},
        "sensitivity": {m.value: [{"application_id": x, "name": view.names.get(x, "")} for x in apps]
                        for m, apps in a.sensitivity.items()},
        "tied_at_line": a.unresolved_at_line,
        "tie": None if view.tie is None else {"order": view.tie.order, "reason": view.tie.reason,
                                              "applies": view.tie.applies},
        "consolidated": None if view.lock is None else {"decided_on": view.lock.decided_on.isoformat(),
                                                        "method": view.lock.method},
        "blockers": [] if view.locked else view.blockers(),
    }


def _ranking_lines(view, own_method) -> list[str]:
    from hvp_desktop.reports.ranking_excel import (
        METHOD_NAMES,
        agreement_text,
        flag_text,
        line_label,
        sensitivity_lines,
        status_text,
    )

    a = view.analysis
    preview = "" if a.settings.method == own_method else f"（预览；本轮设定为{METHOD_NAMES[own_method]}） (preview)"
    lines = [f"{view.title}（轮次{view.round_id}） 计分方法：{METHOD_NAMES[a.settings.method]} "
             f"({a.settings.method.value}){preview}",
             "名次    得分  表数    极差    申报单位"]  # the columns below, counting a CJK character as two
    inside = a.ranking.inside_count
    for index, r in enumerate(a.rows, start=1):
        notes = [flag_text(view, f) for f in r.flags]
        if r.missing:
            notes.append("缺评分表：" + "、".join(view.experts.get(e, str(e)) for e in r.missing))
        if r.tied_at_line:
            notes.append("名额线处并列，待组长决定")
        if r.chair_placed:
            notes.append("组长决定")
        marker = "★" if r.inside else " "
        lines.append(f"{r.rank:<4}{r.score:>8}  {len(r.totals):>4}  {r.range:>6}  {marker} "
                     f"{view.names.get(r.application, r.application)}" + (f"  〔{'；'.join(notes)}〕" if notes else ""))
        if index == inside:
            lines.append(f"—— {line_label(a.line)} ——")
    if not a.rows:
        lines.append("（本轮还没有已提交的评分表）")
    elif not inside:
        lines.insert(2, f"—— {line_label(a.line)} ——")
    if a.without_sheets:
        lines.append("尚无已提交评分表（未列入排名）：" + "、".join(view.names.get(x, str(x)) for x in a.without_sheets))
    lines.append(f"{agreement_text(view)} (Kendall's W)")
    lines.append("方法敏感性 (sensitivity): " + "；".join(f"{METHOD_NAMES[m]} {text}" for m, text in sensitivity_lines(view)))
    lines.append(f"状态 (state): {status_text(view)}")
    if not view.locked:
        blockers = view.blockers()
        lines += (["汇总前尚需 (before consolidation):"] + [f"  - {b}" for b in blockers]) if blockers else \
            ["可以汇总 (ready to consolidate)"]
    return lines


def _preliminary(args) -> int:
    """R15: the preliminary (Annex 2) scores of a recognition round with the shortlist line."""
    from hvp_desktop.store.ranking import preliminary_ranking

    wf = _open(args)
    try:
        ranking, names = preliminary_ranking(wf, args.round)
    except ValueError as exc:
        raise CliError(f"{exc} (no such round)", EXIT_REJECTED) from exc
    finally:
        wf.close()
    lines = [f"初审得分排名（轮次{args.round}） (preliminary scores)", "名次    得分    申报单位"]
    for index, e in enumerate(ranking.entries, start=1):
        lines.append(f"{e.rank:<4}{e.score:>8}  {'★' if e.inside else ' '} {names.get(e.application, '')}")
        if index == ranking.inside_count:
            lines.append(f"—— R15 入围线：{ranking.inside_count}家入围 ——")
    _emit(args, {"round": args.round, "stage": "preliminary", "line": {"rule": "R15", "inside": ranking.inside_count},
                 "rows": [{"application_id": e.application, "name": names.get(e.application, ""), "rank": e.rank,
                           "score": str(e.score), "inside_line": e.inside} for e in ranking.entries]}, lines)
    return EXIT_OK


def cmd_rank(args) -> int:
    """A round's aggregated ranking (issue 5): by the round's own method, or --method to compare;
    --preliminary: the preliminary scores with the R15 shortlist line."""
    if args.preliminary:
        return _preliminary(args)
    view, own_method = _round_view(args)
    _emit(args, _ranking_payload(view, own_method), _ranking_lines(view, own_method))
    return EXIT_OK


def cmd_export_ranking(args) -> int:
    """The round's ranking as an Excel workbook; an existing file is replaced only when complete."""
    from hvp_desktop.reports.ranking_excel import write_ranking

    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise CliError(f"输出文件应以 .xlsx 结尾：{out} (the output must be an .xlsx file)")
    if out.is_dir():
        raise CliError(f"输出路径是一个文件夹：{out} (the output is a folder)")
    view, _own = _round_view(args)
    try:
        write_ranking(view, out)
    except OSError as exc:
        raise CliError(f"无法写入 {out}：{exc.strerror or exc} (cannot write the workbook)") from exc
    a = view.analysis
    _emit(args, {"file": str(out.resolve()), "round": view.round_id, "method": a.settings.method.value,
                 "rows": len(a.rows), "experts": len(view.experts), "consolidated": view.locked},
          [f"已导出排名 (ranking exported): {out.resolve()}",
           f"{view.title}：{len(a.rows)}件申报，{len(view.experts)}位专家" + ("，已汇总锁定" if view.locked else "，未汇总")])
    return EXIT_OK


def cmd_export_sheets(args) -> int:
    """One PDF per submitted score sheet of the round (issue 20), files 0600, or all in one print
    copy with --combined; with --sign each is signed (PAdES B-B) by its expert's key, the signer
    block drawn in the page (the same --pin-file for every expert whose key has a PIN)."""
    from hvp_desktop.reports import round_reports as report_data

    outdir = Path(args.outdir)
    if not outdir.is_dir():
        raise CliError(f"输出文件夹不存在：{outdir} (the output folder does not exist)")
    pin = _secret_file(args, "pin_file", "PIN: ") if args.sign else None
    done: list = []

    def work(wf) -> None:
        _known_round(wf, args.round)
        try:
            done.append(report_data.export_round_sheets(wf, args.round, outdir, sign=args.sign,
                                                        pin_for=lambda _expert: pin, combined=args.combined))
        except OSError as exc:
            raise CliError(f"无法写入 {outdir}：{exc.strerror or exc} (cannot write the PDF)") from exc

    _with_file(args, work)
    written = [str(f.resolve()) for f in done[0].files]
    _emit(args, {"round": args.round, "folder": str(outdir.resolve()), "files": written, "signed": args.sign,
                 "combined": args.combined},
          [f"已导出{len(written)}份{'已签名的' if args.sign else ''}专家打分表 (score sheets exported): {outdir.resolve()}",
           *(f"  {Path(f).name}" for f in written)])
    return EXIT_OK


def _pdf_out(path: str) -> Path:
    out = Path(path)
    if out.suffix.lower() != ".pdf":
        raise CliError(f"输出文件应以 .pdf 结尾：{out} (the output must be a .pdf file)")
    if out.is_dir():
        raise CliError(f"输出路径是一个文件夹：{out} (the output is a folder)")
    if not out.parent.is_dir():
        raise CliError(f"输出文件夹不存在：{out.parent} (the output folder does not exist)")
    return out


def _write_pdf(out: Path, pdf: bytes) -> None:
    from hvp_desktop.private_files import write_replacing

    try:
        write_replacing(out, lambda temp: temp.write_bytes(pdf))
    except OSError as exc:
        raise CliError(f"无法写入 {out}：{exc.strerror or exc} (cannot write the PDF)") from exc


def cmd_export_result(args) -> int:
    """The round's consolidated result as a PDF (issue 20); with --sign, signed by the round's
    chair, a field prepared for each member's counter-signature (`countersign`)."""
    from hvp_desktop.reports import round_reports as report_data

    out = _pdf_out(args.out)
    pin = _secret_file(args, "pin_file", "PIN: ") if args.sign else None
    made: dict = {}

    def work(wf) -> None:
        _known_round(wf, args.round)
        data = report_data.result_report(wf, args.round)
        made["data"] = data
        made["pdf"] = report_data.signed_result_pdf(wf, args.round, pin) if args.sign else \
            report_data.result_pdf(wf, args.round)

    _with_file(args, work)
    _write_pdf(out, made["pdf"])
    data = made["data"]
    _emit(args, {"file": str(out.resolve()), "round": args.round, "signed": args.sign,
                 "consolidated": data.consolidated, "rows": len(data.rows),
                 "chair": data.chair.name if data.chair else None,
                 "seats": [{"name": p.name, "role": p.role, "field": p.field} for p in data.panel]},
          [f"已导出{'已由组长签署的' if args.sign else ''}汇总评审结果 (result exported): {out.resolve()}",
           f"{data.round_title}：{len(data.rows)}件申报" + ("" if data.consolidated else "（未汇总，仅供预览 preview）")])
    return EXIT_OK


def cmd_countersign(args) -> int:
    """A member's counter-signature on a signed result, in the field prepared for them."""
    from hvp_desktop.reports import round_reports as report_data

    source = Path(args.pdf)
    try:
        pdf = source.read_bytes()
    except OSError as exc:
        raise CliError(f"无法读取 {source}：{exc.strerror or exc} (cannot read the PDF)") from exc
    out = _pdf_out(args.out) if args.out else source
    pin = _secret_file(args, "pin_file", "PIN: ")
    made: dict = {}

    def work(wf) -> None:
        made["pdf"] = report_data.countersign_result(wf, pdf, _expert_named(wf, args.expert), pin)

    _with_file(args, work)
    _write_pdf(out, made["pdf"])
    _emit(args, {"file": str(out.resolve()), "expert": args.expert},
          [f"{args.expert}已会签汇总评审结果 (counter-signed): {out.resolve()}"])
    return EXIT_OK


def cmd_export_assessment(args) -> int:
    """Every on-site visit of the round as an assessment report PDF (issue 20), files 0600."""
    from hvp_desktop.reports import round_reports as report_data

    outdir = Path(args.outdir)
    if not outdir.is_dir():
        raise CliError(f"输出文件夹不存在：{outdir} (the output folder does not exist)")
    done: list = []

    def work(wf) -> None:
        _known_round(wf, args.round)
        try:
            done.append(report_data.export_round_assessments(wf, args.round, outdir))
        except OSError as exc:
            raise CliError(f"无法写入 {outdir}：{exc.strerror or exc} (cannot write the PDF)") from exc

    _with_file(args, work)
    written = [str(f.resolve()) for f in done[0].files]
    _emit(args, {"round": args.round, "folder": str(outdir.resolve()), "files": written},
          [f"已导出{len(written)}份现场核查报告 (assessment reports exported): {outdir.resolve()}",
           *(f"  {Path(f).name}" for f in written)])
    return EXIT_OK


def cmd_audit_pack(args) -> int:
    """The round's objection audit pack (issue 20 §7, R16/R19): one zip to check offline."""
    from hvp_desktop.reports.audit_pack_writer import write_audit_pack

    out = Path(args.out)
    if out.suffix.lower() != ".zip":
        raise CliError(f"输出文件应以 .zip 结尾：{out} (the output must be a .zip file)")
    if not out.parent.is_dir():
        raise CliError(f"输出文件夹不存在：{out.parent} (the output folder does not exist)")
    pin = _secret_file(args, "pin_file", "PIN: ")
    made: list = []

    def work(wf) -> None:
        _known_round(wf, args.round)
        try:
            made.append(write_audit_pack(wf, args.round, out, pin_for=lambda _expert: pin))
        except OSError as exc:
            raise CliError(f"无法写入 {out}：{exc.strerror or exc} (cannot write the pack)") from exc

    _with_file(args, work)
    summary = made[0]
    _emit(args, {"file": str(out.resolve()), "round": args.round, "sheets": summary.sheets,
                 "signed_sheets": summary.signed_sheets, "pdfs_signed": summary.pdfs_signed,
                 "pdfs_unsigned": summary.pdfs_unsigned, "result_signed": summary.result_signed,
                 "events": summary.events},
          [f"审计包 (audit pack): {out.resolve()}",
           f"  打分表{summary.sheets}份（专家签名{summary.signed_sheets}份），PDF已签名{summary.pdfs_signed}份、"
           f"未签名{summary.pdfs_unsigned}份；汇总结果{'已由组长签署' if summary.result_signed else '未签名'}；"
           f"审计事件{summary.events}条"])
    return EXIT_OK


def cmd_audit_verify(args) -> int:
    """An audit pack checked offline, with no working file: every signature, every file, the ranking again."""
    from hvp_desktop.reports.audit_pack import PackError, verify_audit_pack

    try:
        report = verify_audit_pack(Path(args.pack), args.root_fingerprint)
    except PackError as exc:
        raise CliError(f"{exc.zh} ({exc.en})", EXIT_REJECTED) from exc
    lines = [f"{'通过 OK' if report.ok else '不通过 REFUSED'}：{report.round_title}（根证书 root {report.root_fingerprint}）",
             f"  根证书已按指纹核对 (root pinned): {'是 yes' if report.root_pinned else '否 no — 请用 --root-fingerprint'}",
             f"  文件 (files): {report.files}",
             f"  专家签名有效的打分表 (sheets whose signature holds): {report.sheets_verified}；"
             f"未签名 (unsigned): {report.sheets_unsigned}",
             f"  签名有效的打分表PDF (signed sheet PDFs): {report.pdfs_verified}；未签名 (unsigned): {report.pdfs_unsigned}",
             f"  汇总结果签署人 (result signed by): {'、'.join(report.result_signed_by) or '—'}",
             f"  按打分表重算排名一致 (ranking computed again agrees): {'是 yes' if report.ranking_recomputed else '否 no'}",
             f"  审计事件 (audit events verified): {report.events_verified}"]
    lines += [f"  ✗ {zh} ({en})" for zh, en in report.problems]
    lines += [f"  · {zh}" for zh, _en in report.notes]
    _emit(args, report.as_json(), lines)
    return EXIT_OK if report.ok else EXIT_REJECTED


def _known_round(wf, round_id: int) -> None:
    from hvp_desktop.store import queries

    rounds = dict(queries.round_list(wf))
    if round_id not in rounds:
        known = "；".join(f"{i} {t}" for i, t in sorted(rounds.items())) or "无"
        raise CliError(f"没有编号为{round_id}的轮次 (no such round)；现有轮次 (rounds): {known}", EXIT_REJECTED)


def cmd_assessment_round(args) -> int:
    """R17/R18: a year's assessment round of the centres in the state that assessment is for."""
    from hvp_desktop.domain.model import RoundKind
    from hvp_desktop.store import panel
    from hvp_desktop.store.ops import ranking as ranking_ops

    if not 2000 <= args.year <= 2100:
        raise CliError(f"--year 应为四位年份：{args.year} (a year such as 2027)", EXIT_REJECTED)
    opened: dict = {}

    def work(wf) -> None:
        opened["round"] = ranking_ops.open_assessment_round(wf, args.year, RoundKind(args.kind)).value
        opened["rows"] = [name for _id, name in panel.sheet_matrix(wf, opened["round"]).applications]

    _with_file(args, work)
    _emit(args, {"round": opened["round"], "year": args.year, "kind": args.kind, "centres": opened["rows"]},
          [f"已建立考核轮次（编号{opened['round']}），{len(opened['rows'])}个中心 (assessment round opened):",
           *(f"  {name}" for name in opened["rows"])])
    return EXIT_OK


def cmd_verify(args) -> int:
    """A signed PDF checked offline against the panel's root (--root, or the working file's); or a
    package (.hvpkg, issue 21)."""
    from hvp_desktop.exchange.sealed import MAGIC
    from hvp_desktop.reports.pdf_sign import verify_pdf
    from hvp_desktop.store import certificates as certs

    try:
        with open(args.pdf, "rb") as f:
            if f.read(5) == MAGIC[:5]:
                return _verify_package(args, _read_package(args.pdf))
    except OSError as exc:
        raise CliError(f"无法读取 {args.pdf}：{exc.strerror or exc} (cannot read it)") from exc

    if args.root:
        try:
            roots = certs.load_chain(Path(args.root).read_text(encoding="utf-8"))
        except (OSError, ValueError, UnicodeDecodeError) as exc:
            raise CliError(f"无法读取根证书 {args.root}：{exc} (cannot read the root certificate)", EXIT_REJECTED) from exc
    elif args.file:
        pems: list[str | None] = []
        wf = _open(args, migrate=False)  # verifying changes nothing, not even the schema
        try:
            pems.append(certs.root_certificate_pem(wf))
        finally:
            wf.close()
        if not pems[0]:
            raise CliError("工作文件中没有专家组根证书 (the working file has no panel root)", EXIT_REJECTED)
        roots = certs.load_chain(pems[0])
    else:
        raise CliError("请用 --root ROOT.pem 或 --file 工作文件 给出根证书 (give --root or --file)")
    if not roots:
        raise CliError(f"{args.root} 中没有证书 (no certificate in it)", EXIT_REJECTED)
    try:
        data = Path(args.pdf).read_bytes()
    except OSError as exc:
        raise CliError(f"无法读取 {args.pdf}：{exc.strerror or exc} (cannot read the PDF)") from exc
    report = verify_pdf(data, roots)
    yes_no = {True: "是 yes", False: "否 no", None: "—"}
    lines = [f"{'通过 OK' if report.ok else '不通过 REFUSED'}：{report.message_zh} ({report.message_en})"]
    if report.signed:
        lines += [f"  内容完好 (intact): {yes_no[report.intact]}",
                  f"  签名人 (signed by): {report.signer_name} serialNumber={report.signer_serial}",
                  f"  由本专家组根证书签发 (issued by this panel's root): {yes_no[report.trusted]}",
                  f"  签名时间 (signing time): {report.signing_time}",
                  f"  签名后追加内容 (added after signing): {yes_no[report.modified_after_signing]}",
                  f"  签名人即表中专家 (signer is the sheet's expert): {yes_no[report.signer_is_sheet_expert]}"]
        if len(report.signatures) > 1 or report.unsigned_seats:
            lines.append(f"  全部签名 (every signature, {len(report.signatures)}):")
            lines += [f"    {'✓' if sig.ok else '✗'} {sig.name}（{sig.role}） {sig.time}"
                      + ("" if sig.ok else f" — {sig.message_zh}") for sig in report.signatures]
            if report.unsigned_seats:
                lines.append(f"  尚未签名的签名栏 (fields not signed yet): {len(report.unsigned_seats)}")
    _emit(args, report.as_json(), lines)
    return EXIT_OK if report.ok else EXIT_REJECTED


# -- packages between laptops (issue 21) -----------------------------------------------------------
def _expert_arg(wf, text: str) -> int:
    """--expert: the expert's id, or their name."""
    from hvp_desktop.store import panel

    experts = panel.panel_experts(wf)
    if text.isdigit() and any(i == int(text) for i, _n in experts):
        return int(text)
    matches = [i for i, name in experts if name == text.strip()]
    if len(matches) != 1:
        raise CliError(f"没有（唯一的）专家“{text}” (no such expert, or more than one)", EXIT_REJECTED)
    return matches[0]


def _slips(args, prepared, round_id: int, wf) -> None:
    """--slip: the hand-over slips (one A4 page an expert, the passphrase on it), 0600 like every file."""
    if not getattr(args, "slip", None) or not prepared:
        return
    from hvp_desktop.private_files import write_replacing
    from hvp_desktop.reports.pdf_handover import HandoverRound, HandoverSlip, render_handover_slips
    from hvp_desktop.store import queries
    from hvp_desktop.store.certificates import short_fingerprint

    info = queries.round_info(wf, round_id)
    pdf = render_handover_slips(HandoverRound(info.year, info.kind, info.title), [
        HandoverSlip(p.expert_name, p.path.name, p.passphrase, short_fingerprint(p.root_fingerprint), p.applications,
                     p.documents) for p in prepared])
    try:
        write_replacing(Path(args.slip), lambda temp: temp.write_bytes(pdf))
    except OSError as exc:
        raise CliError(f"无法写入交接单 {args.slip}：{exc.strerror or exc} (cannot write the slips)") from exc


def cmd_pack(args) -> int:
    """Expert packages (secretary → expert): one expert's, or every expert's of the round with --all."""
    from hvp_desktop.exchange import packages
    from hvp_desktop.private_files import write_replacing
    from hvp_desktop.store import panel

    wf = _open(args)
    try:
        _known_round(wf, args.round)
        if args.all:
            prepared = packages.prepare_round(wf, args.round, Path(args.out))
        else:
            if not args.expert:
                raise CliError("请用 --expert 指定专家，或用 --all 为本轮全体专家生成 (give --expert or --all)")
            expert_id = _expert_arg(wf, args.expert)
            data, passphrase, counts = packages.build_expert_package(wf, args.round, expert_id)
            if not counts["applications"]:
                raise CliError("该专家在本轮没有需要评审的申报 (the expert has nothing to score in this round)",
                               EXIT_REJECTED)
            out = Path(args.out)
            try:
                write_replacing(out, lambda temp: temp.write_bytes(data))
            except OSError as exc:
                raise CliError(f"无法写入 {out}：{exc.strerror or exc} (cannot write the package)") from exc
            name = dict(panel.panel_experts(wf))[expert_id]
            prepared = [packages.PreparedPackage(expert_id, name, out, passphrase, counts["applications"],
                                                 counts["documents"], counts["root_fingerprint"],
                                                 counts["issued_certificate"])]
        _slips(args, prepared, args.round, wf)
    finally:
        wf.close()
    from hvp_desktop.store.certificates import short_fingerprint

    lines = ["专家数据包已生成；口令只显示这一次，请抄在交接单上当面交给专家 "
             "(packages written; each passphrase is shown only now: hand it over in person, apart from the file):"]
    for p in prepared:
        lines.append(f"  {p.expert_name}: {p.path}  口令 (passphrase) {p.passphrase}  申报 {p.applications} 件"
                     + ("  （已为其签发签名证书 certificate issued）" if p.issued_certificate else ""))
    if prepared:
        lines.append(f"  专家组根证书指纹 (panel root): {short_fingerprint(prepared[0].root_fingerprint)}")
    _emit(args, {"packages": [{"expert_id": p.expert_id, "expert": p.expert_name, "file": str(p.path),
                               "passphrase": p.passphrase, "applications": p.applications, "documents": p.documents,
                               "issued_certificate": p.issued_certificate} for p in prepared],
                 "root_fingerprint": prepared[0].root_fingerprint if prepared else None}, lines)
    return EXIT_OK


def _passphrase(args) -> str:
    return _read_password(args, env="HVP_PASSPHRASE", file_attr="passphrase_file",
                          prompt="交接单上的口令 (passphrase from the hand-over slip): ")


def _read_package(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise CliError(f"无法读取 {path}：{exc.strerror or exc} (cannot read the package)") from exc


def cmd_unpack(args) -> int:
    """The expert opens their package: their own working file is created, or brought up to date."""
    from hvp_desktop.exchange import packages
    from hvp_desktop.store.engine import check_new_password

    data = _read_package(args.package)
    passphrase = _passphrase(args)
    package = packages.open_expert_package(data, passphrase)  # a wrong passphrase stops before any file
    target = Path(args.file)
    if target.exists():
        wf = _open(args)
        try:
            result = {**packages.install_package(wf, package), "created": False}
        finally:
            wf.close()
    else:
        password = _read_password(args, env="HVP_NEW_PASSWORD", file_attr="new_password_file",
                                  prompt="为专家文件设一个密码 (a password for your file): ")
        check_new_password(password)
        if not (args.new_password_file or os.environ.get("HVP_NEW_PASSWORD")):
            if getpass.getpass("再次输入密码 (repeat): ") != password:
                raise CliError("两次输入的密码不一致 (passwords differ)", EXIT_REJECTED)
        result = packages.unpack(data, passphrase, target, password)
    _emit(args, result, [f"{'已建立' if result['created'] else '已更新'}专家本人的工作文件 "
                         f"({'created' if result['created'] else 'updated'}): {result['file']}",
                         f"  专家 (expert): {result['expert']}，待评审申报 {result['applications']} 件"])
    return EXIT_OK


def cmd_return(args) -> int:
    """The expert's return package: every sheet, conflict, visit and piece of evidence, for the panel."""
    from hvp_desktop.exchange import packages
    from hvp_desktop.private_files import write_replacing

    pin = _secret_file(args, "pin_file", "PIN: ")
    wf = _open(args)
    try:
        data, counts = packages.build_return(wf, pin)
    finally:
        wf.close()
    out = Path(args.out)
    try:
        write_replacing(out, lambda temp: temp.write_bytes(data))
    except OSError as exc:
        raise CliError(f"无法写入 {out}：{exc.strerror or exc} (cannot write the package)") from exc
    _emit(args, {"file": str(out.resolve()), **counts},
          [f"回传数据包 (return package): {out.resolve()}",
           f"  打分表 {counts['sheets']} 份（已提交 {counts['submitted']}），回避 {counts['conflicts']}，"
           f"现场核查 {counts['visits']}，佐证材料 {counts['evidence']}"])
    return EXIT_OK


STATUS_NAMES = {"merged": "已合并 merged", "unchanged": "无新内容 nothing new", "older": "旧于已合并的数据包 older",
                "refused": "拒收 REFUSED"}


def cmd_merge(args) -> int:
    """The chair merges return packages, each in one transaction; exit 1 when anything was refused."""
    from hvp_desktop.exchange import packages

    wf = _open(args)
    try:
        report = packages.merge(wf, args.packages)
    finally:
        wf.close()
    lines = []
    for r in report.results:
        name = Path(r.path).name
        if r.summary is None:
            lines.append(f"✗ {name}: {STATUS_NAMES['refused']} — {r.rule}: {r.refused[0]} ({r.refused[1]})")
            continue
        sm = r.summary
        lines.append(f"{'✓' if not sm.refused else '!'} {name}: {sm.expert_name} — {STATUS_NAMES[sm.status]}；"
                     f"新增 {len(sm.merged)}，更正 {len(sm.superseded)}，未变 {sm.unchanged}，拒收 {len(sm.refused)}，"
                     f"未知 {len(sm.unknown)}，草稿 {sm.drafts}，回避 {sm.conflicts}"
                     f" (merged {len(sm.merged)}, superseded {len(sm.superseded)}, unchanged {sm.unchanged}, "
                     f"refused {len(sm.refused)}, unknown {len(sm.unknown)}, drafts {sm.drafts})")
        lines += [f"    拒收 (refused): {x.get('enterprise') or x['application']}"
                  + (f" 第{x['revision']}版" if "revision" in x else "") + f"：{x['zh']} ({x['en']})" for x in sm.refused]
        lines += [f"    本文件中没有的申报 (unknown application) {x['application']}: {x['kind']} {x['record']}"
                  "——导入该申报后可再次合并此数据包 (merge the package again after importing it)" for x in sm.unknown]
    t = report.totals()
    lines.append(f"合计 (total): 数据包 {t['packages']}，拒收 {t['refused_packages']}；打分表新增 {t['merged']}，"
                 f"更正 {t['superseded']}，未变 {t['unchanged']}，拒收 {t['refused']}，未知 {t['unknown']}")
    _emit(args, report.as_json(), lines)
    return EXIT_REJECTED if t["refused_packages"] or t["refused"] else EXIT_OK


def _verify_package(args, data: bytes) -> int:
    """A package's header always; its signature and content when the secret that opens it is given:
    the chair's file (a return package) or the passphrase (an expert package)."""
    from hvp_desktop.exchange import packages
    from hvp_desktop.store.certificates import short_fingerprint

    info = packages.describe(data)
    kind = {"expert": "专家数据包 (expert package)", "return": "回传数据包 (return package)"}.get(info["kind"], info["kind"])
    lines = [f"{kind}，格式版本 (format) {info['format']}，{info['size']} 字节，生成于 (created) {info['created']}",
             f"  专家组根证书 (panel root): {short_fingerprint(info['panel'] or '')}"]
    checked = None
    if info["kind"] == "return" and args.file:
        wf = _open(args, migrate=False)
        try:
            work = packages.open_return(wf, data)
        finally:
            wf.close()
        sheets = work.snapshot.tables.get("score_sheets", [])
        checked = {"expert": work.expert, "device": work.device, "head": work.head_seq,
                   "sheets": len(sheets), "submitted": sum(1 for r in sheets if r["status"] == "submitted")}
        lines.append("通过 OK：签名有效，签名人由本专家组根证书签发，内容完好 (signature valid, issued by this panel)")
        lines.append(f"  打分表 {checked['sheets']} 份（已提交 {checked['submitted']}），审计链至第 {work.head_seq} 条")
    elif info["kind"] == "expert" and (args.passphrase_file or os.environ.get("HVP_PASSPHRASE")):
        package = packages.open_expert_package(data, _passphrase(args))
        assigned = len(package.snapshot.tables.get("assignments", []))
        checked = {"expert": package.expert_name, "applications": assigned, "signer": package.root_fingerprint}
        lines.append(f"通过 OK：由专家组根证书签名，内容完好 (signed by the panel root, intact)；专家 {package.expert_name}，"
                     f"申报 {assigned} 件")
    else:
        lines.append("签名在加密内容之中：回传数据包请加 --file 秘书处工作文件，专家数据包请给出口令 "
                     "(the signature is inside the encryption: give --file for a return package, "
                     "--passphrase-file for an expert package)")
    _emit(args, {**info, "verified": checked is not None, **({"content": checked} if checked else {})},
          lines)
    return EXIT_OK


# -- the panel's certificates (issue 20) -------------------------------------------------------
def _expert_named(wf, name: str) -> int:
    from hvp_desktop.store.certificates import experts_named

    matches = experts_named(wf, name)
    if len(matches) != 1:
        raise CliError(f"没有（唯一的）专家“{name}” (no such expert, or more than one)", EXIT_REJECTED)
    return matches[0]


def _secret_file(args, attr: str, what: str) -> str | None:
    """The first line of the file named by `--{attr}`, or None when the option is not given."""
    if not getattr(args, attr, None):
        return None
    return _read_password(args, file_attr=attr, env="", prompt=what)


def cmd_ca(args) -> int:
    """The panel's root certificate and the experts' signing certificates."""
    from hvp_desktop.store import certificates as certs
    from hvp_desktop.store.ops import certificates as cert_ops

    wf = _open(args)
    try:
        if args.action == "init":
            from datetime import date

            fp = cert_ops.create_panel_ca(wf, args.year or date.today().year).value
            _emit(args, {"fingerprint": fp, "short_fingerprint": certs.short_fingerprint(fp)},
                  ["已创建专家组根证书 (the panel's root certificate is made)",
                   f"指纹 (fingerprint): {certs.short_fingerprint(fp)}", f"SHA-256: {fp}"])
        elif args.action in ("issue", "import"):
            expert_id = _expert_named(wf, args.expert)
            pin = _secret_file(args, "pin_file", "PIN: ")
            if args.action == "issue":
                fp = cert_ops.issue_certificate(wf, expert_id, pin).value
            else:
                try:
                    data = Path(args.p12).read_bytes()
                except OSError as exc:
                    raise CliError(f"无法读取证书文件 {args.p12}: {exc.strerror} (cannot read the certificate file)"
                                   ) from exc
                if args.p12_password_file:
                    p12_password = _secret_file(args, "p12_password_file", "")
                elif sys.stdin and sys.stdin.isatty():
                    p12_password = getpass.getpass("证书文件密码 (password of the .p12, empty if none): ") or None
                else:
                    p12_password = None
                fp = cert_ops.import_certificate(wf, expert_id, data, p12_password, pin).value
            info = next(c for c in certs.expert_certificates(wf) if c.fingerprint == fp)
            _emit(args, info.as_json(),
                  [f"{info.expert}: {'已签发' if info.source == 'issued' else '已导入'} ({info.source})"
                   f"{'，PIN保护 (PIN)' if info.pin_protected else ''}",
                   f"指纹 (fingerprint): {certs.short_fingerprint(fp)}",
                   *([] if info.issued_by_panel else ["注意：此证书不是本专家组根证书签发的 (not issued by this panel)"])])
        elif args.action == "pin":
            expert_id = _expert_named(wf, args.expert)
            old_pin, new_pin = _secret_file(args, "pin_file", "PIN: "), _secret_file(args, "new_pin_file", "PIN: ")
            protected = cert_ops.set_pin(wf, expert_id, old_pin, new_pin).value
            _emit(args, {"expert": args.expert, "pin_protected": protected},
                  [f"{args.expert}: " + ("签名密钥已受PIN保护 (the signing key is under the new PIN)" if protected
                                         else "签名密钥已取消PIN (the signing key has no PIN now)")])
        elif args.action == "export-root":
            from hvp_desktop.private_files import open_private

            pem, fp = certs.root_certificate_pem(wf), certs.root_fingerprint(wf)
            if pem is None:
                raise CliError("本文件还没有专家组根证书：先运行 ca init (no root certificate yet)", EXIT_REJECTED)
            with open_private(args.out, "w", encoding="ascii") as out:
                out.write(pem)
            _emit(args, {"file": str(Path(args.out).resolve()), "fingerprint": fp,
                         "short_fingerprint": certs.short_fingerprint(fp)},
                  [f"根证书 (root certificate): {Path(args.out).resolve()}",
                   f"指纹 (fingerprint): {certs.short_fingerprint(fp)}", f"SHA-256: {fp}"])
        else:  # list
            fp = certs.root_fingerprint(wf)
            rows = certs.expert_certificates(wf)
            _emit(args, {"root": fp and {"fingerprint": fp, "short_fingerprint": certs.short_fingerprint(fp)},
                         "certificates": [r.as_json() for r in rows]},
                  [f"根证书 (root): {certs.short_fingerprint(fp) if fp else '无 (none)'}",
                   *(f"{r.expert}\t{r.source}\t{'本组' if r.issued_by_panel else '外部'}\t"
                     f"{'PIN' if r.pin_protected else '-'}\t{r.not_after:%Y-%m-%d}\t{certs.short_fingerprint(r.fingerprint)}"
                     for r in rows)])
    finally:
        wf.close()
    return EXIT_OK


def cmd_template(args) -> int:
    from hvp_desktop.reports.excel_import import write_template

    write_template(Path(args.out))
    print(args.out)
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="hvp-desktop", description="高价值专利培育布局中心评审工具 (hvp-desktop)")
    p.add_argument("--version", action="version", version=f"hvp-desktop {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    def with_file(name: str, help_text: str) -> argparse.ArgumentParser:
        sp = sub.add_parser(name, help=help_text)
        sp.add_argument("file", help="工作文件 (*.hvpdb)")
        sp.add_argument("--password-file", help="读取密码的文件（第一行）")
        return sp

    sp = with_file("demo", "创建演示工作文件 (create a demo working file)")
    sp.add_argument("--force", action="store_true", help="覆盖已存在的文件")
    sp.add_argument("--copy-of", metavar="PRISTINE", help="复制此前生成的演示文件 (copy a demo file built before)")
    sp.add_argument("--exports", metavar="DIR",
                    help="另写出已签名的打分表、汇总结果、核查报告和审计包 (also write signed examples here)")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(run=cmd_demo)

    sp = with_file("import", "从Excel导入申报信息 (import applications)")
    sp.add_argument("xlsx", nargs="?", help="申报信息Excel文件（只忘记对应关系时可省略）")
    sp.add_argument("--round", type=int, metavar="YEAR", help="申报年度（空白的年度取此值）")
    sp.add_argument("--skip-invalid", action="store_true", help="只导入有效行，被拒绝的行另存为xlsx")
    sp.add_argument("--rejected-out", metavar="XLSX", help="被拒绝行的输出文件")
    sp.add_argument("--map", action="append", default=[], metavar="HEADER=FIELD",
                    help="未识别表头的对应字段，或 =ignore（不导入）、=note（保存为备注）")
    sp.add_argument("--forget-map", action="append", default=[], metavar="HEADER", help="忘记记住的列名对应关系")
    sp.add_argument("--preview", action="store_true", help="只预览新增、更新、拒绝的行，不写入")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(run=cmd_import)

    sp = with_file("check", "检查加密完整性与审计链 (integrity and audit chain)")
    sp.add_argument("--against", action="append", default=[], metavar="EXPORT",
                    help="与导出文件中记录的审计链末端比对 (compare with the audit head an export carries)")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(run=cmd_check)

    sp = with_file("passwd", "更改密码 (change password)")
    sp.add_argument("--new-password-file", help="读取新密码的文件（第一行）")
    sp.set_defaults(run=cmd_passwd)

    sp = with_file("status", "各申报的状态、期限与禁止申报 (states, due dates, bans)")
    sp.add_argument("--today", metavar="YYYY-MM-DD", help="以此日期计算逾期（默认今天）")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(run=cmd_status)

    sp = with_file("calendar", "录入某年法定节假日与调休安排 (enter a year's holidays)")
    sp.add_argument("arrangement", help="文本文件：每行“日期或日期~日期 休/班”")
    sp.set_defaults(run=cmd_calendar)

    sp = with_file("prelim", "导入第三方初审得分（R15） (import preliminary scores)")
    sp.add_argument("xlsx", help="含“统一社会信用代码”与“初审得分”两列的Excel文件")
    sp.add_argument("--round", type=int, required=True, metavar="YEAR")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(run=cmd_prelim)

    sp = with_file("recognised", "登记已被认定的企业（R3） (register an already recognised centre)")
    sp.add_argument("code", help="统一社会信用代码")
    sp.add_argument("name")
    sp.add_argument("--title", choices=("cultivation", "cultivation_and_layout"), default="cultivation",
                    help="cultivation = 高价值专利培育中心; cultivation_and_layout = 培育布局中心")
    sp.add_argument("--group", help="所属集团/关联企业")
    sp.add_argument("--year", type=int)
    sp.set_defaults(run=cmd_recognised)

    sp = with_file("ban", "登记禁止申报（R4/R21） (record a ban decided elsewhere)")
    sp.add_argument("code", help="统一社会信用代码")
    sp.add_argument("--since", required=True, metavar="YYYY-MM-DD", help="取消称号或退出的决定日期")
    sp.add_argument("--reason", required=True)
    sp.add_argument("--rule", choices=("R4", "R21"), default="R4")
    sp.set_defaults(run=cmd_ban)

    sp = sub.add_parser("rubric", help="评分表：审阅、存入工作文件、导出默认表 (rubrics: show, add, export)")
    sp.add_argument("action", choices=("show", "add", "export"))
    sp.add_argument("table", help="Excel评分表或JSON（export时为输出文件）")
    sp.add_argument("--file", help="工作文件（add时）")
    sp.add_argument("--password-file", help="读取密码的文件（第一行）")
    sp.add_argument("--kind", choices=("recognition", "annual"))
    sp.add_argument("--title")
    sp.add_argument("--version", metavar="YYYY.N")
    sp.add_argument("--round", type=int, metavar="YEAR", help="add时同时设为该年度轮次的评分表（评分开始前）")
    sp.set_defaults(run=cmd_rubric)

    sp = sub.add_parser("checklist", help="现场核查表：审阅、存入工作文件、导出默认表 (on-site checklists: show, add, export)")
    sp.add_argument("action", choices=("show", "add", "export"))
    sp.add_argument("table", help="Excel现场核查表或JSON（export时为输出文件）")
    sp.add_argument("--file", help="工作文件（add时）")
    sp.add_argument("--password-file", help="读取密码的文件（第一行）")
    sp.add_argument("--title")
    sp.add_argument("--version", metavar="YYYY.N")
    sp.add_argument("--round", type=int, metavar="YEAR", help="add时同时设为该年度考核轮次的核查表（现场核查开始前）")
    sp.add_argument("--kind", choices=("year1", "year2", "rectification"), help="--round 的考核类别")
    sp.set_defaults(run=cmd_checklist)

    sp = with_file("expert-file", "为专家笔记本生成仅含本人评审内容的工作文件 (an expert's own file)")
    sp.add_argument("out", help="专家文件 (*.hvpdb)")
    sp.add_argument("--expert", required=True, help="专家姓名")
    sp.add_argument("--new-password-file", help="专家文件的密码文件（第一行）；或 HVP_NEW_PASSWORD")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(run=cmd_expert_file)

    sp = with_file("pack", "生成专家数据包（加密、签名） (expert packages: signed, encrypted)")
    sp.add_argument("out", metavar="OUT.hvpkg|DIR", help="数据包文件；--all 时为文件夹")
    sp.add_argument("--round", type=int, required=True, metavar="ID", help="轮次编号 (round id)")
    sp.add_argument("--expert", metavar="ID|NAME", help="专家编号或姓名")
    sp.add_argument("--all", action="store_true", help="为本轮全体专家各生成一个，写入文件夹 OUT")
    sp.add_argument("--slip", metavar="SLIPS.pdf", help="另写出可打印的交接单（含口令） (printable hand-over slips)")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(run=cmd_pack)

    sp = sub.add_parser("unpack", help="专家：打开专家数据包，建立或更新本人的工作文件 (open an expert package)")
    sp.add_argument("package", metavar="IN.hvpkg")
    sp.add_argument("file", metavar="EXPERT.hvpdb", help="专家本人的工作文件（不存在则新建）")
    sp.add_argument("--passphrase-file", help="口令文件（第一行）；或 HVP_PASSPHRASE")
    sp.add_argument("--password-file", help="已有专家文件的密码文件（第一行）；或 HVP_PASSWORD")
    sp.add_argument("--new-password-file", help="新专家文件的密码文件（第一行）；或 HVP_NEW_PASSWORD")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(run=cmd_unpack)

    sp = sub.add_parser("return", help="专家：生成回传数据包 (an expert's return package)")
    sp.add_argument("file", metavar="EXPERT.hvpdb")
    sp.add_argument("out", metavar="OUT.hvpkg")
    sp.add_argument("--password-file", help="专家文件的密码文件（第一行）")
    sp.add_argument("--pin-file", help="PIN文件（第一行）：签名密钥受PIN保护时 (for a PIN-protected key)")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(run=cmd_return)

    sp = with_file("merge", "合并专家回传数据包 (merge the experts' return packages)")
    sp.add_argument("packages", nargs="+", metavar="IN.hvpkg")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(run=cmd_merge)

    sp = with_file("rank", "专家评审汇总排名、偏离标记与名额线 (a round's aggregated ranking)")
    sp.add_argument("--round", type=int, required=True, metavar="ID", help="轮次编号 (round id)")
    sp.add_argument("--method", choices=("mean", "trimmed_mean", "median"),
                    help="换用其他计分方法预览（默认本轮设定的方法） (preview another method)")
    sp.add_argument("--preliminary", action="store_true",
                    help="初审得分排名与R15入围线 (the preliminary scores with the R15 shortlist line)")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(run=cmd_rank)

    sp = with_file("export-ranking", "导出汇总排名Excel（汇总、各专家、评分细则） (export the ranking workbook)")
    sp.add_argument("out", metavar="OUT.xlsx", help="输出的Excel文件")
    sp.add_argument("--round", type=int, required=True, metavar="ID", help="轮次编号 (round id)")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(run=cmd_export_ranking)

    sp = with_file("export-sheets", "导出轮次中已提交的专家打分表PDF（每份一个文件） (export the round's score sheets as PDFs)")
    sp.add_argument("outdir", metavar="OUTDIR", help="输出文件夹（须已存在）")
    sp.add_argument("--round", type=int, required=True, metavar="ID", help="轮次编号 (round id)")
    sp.add_argument("--json", action="store_true")
    sp.add_argument("--sign", action="store_true", help="每份由其专家的密钥签名（PAdES） (sign each with its expert's key)")
    sp.add_argument("--pin-file", help="PIN文件（第一行）：专家密钥受PIN保护时 (for a PIN-protected key)")
    sp.add_argument("--combined", action="store_true",
                    help="合并为一个供打印的PDF（不带数字签名） (one combined print copy, without the signatures)")
    sp.set_defaults(run=cmd_export_sheets)

    sp = with_file("export-result", "导出汇总评审结果PDF；--sign 由组长签署 (export the consolidated result)")
    sp.add_argument("out", metavar="OUT.pdf", help="输出的PDF文件")
    sp.add_argument("--round", type=int, required=True, metavar="ID", help="轮次编号 (round id)")
    sp.add_argument("--sign", action="store_true", help="由本轮评审组组长签名（须已汇总） (signed by the chair)")
    sp.add_argument("--pin-file", help="PIN文件（第一行）：组长密钥受PIN保护时 (for a PIN-protected key)")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(run=cmd_export_result)

    sp = with_file("countersign", "评审组成员会签已签署的汇总评审结果 (a member counter-signs the result)")
    sp.add_argument("pdf", metavar="RESULT.pdf", help="组长已签署的汇总评审结果")
    sp.add_argument("--expert", required=True, help="会签的成员姓名 (the member's name)")
    sp.add_argument("--out", metavar="OUT.pdf", help="另存为（默认覆盖原文件） (write here instead of in place)")
    sp.add_argument("--pin-file", help="PIN文件（第一行）：成员密钥受PIN保护时")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(run=cmd_countersign)

    sp = with_file("export-assessment", "导出轮次中每次现场核查的报告PDF (export the round's on-site assessment reports)")
    sp.add_argument("outdir", metavar="OUTDIR", help="输出文件夹（须已存在）")
    sp.add_argument("--round", type=int, required=True, metavar="ID", help="轮次编号 (round id)")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(run=cmd_export_assessment)

    sp = with_file("audit-pack", "异议核查审计包：签名打分表、签署的汇总结果、评分表、根证书、审计事件 (the audit pack)")
    sp.add_argument("out", metavar="OUT.zip", help="输出的审计包")
    sp.add_argument("--round", type=int, required=True, metavar="ID", help="轮次编号 (round id)")
    sp.add_argument("--pin-file", help="PIN文件（第一行）：签名密钥受PIN保护时 (for PIN-protected keys)")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(run=cmd_audit_pack)

    sp = sub.add_parser("audit-verify", help="离线核验审计包（无需工作文件） (verify an audit pack offline)")
    sp.add_argument("pack", metavar="PACK.zip")
    sp.add_argument("--root-fingerprint", metavar="FP",
                    help="专家组根证书指纹（至少16位十六进制，公示结果上印有）：不给则信任包内的根证书 (pin the panel's root)")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(run=cmd_audit_verify)

    sp = sub.add_parser("verify", help="验证已签名的PDF或数据包 (verify a signed PDF or a package)")
    sp.add_argument("pdf", metavar="FILE.pdf|IN.hvpkg")
    sp.add_argument("--passphrase-file", help="专家数据包的口令文件（第一行）；或 HVP_PASSPHRASE")
    sp.add_argument("--root", metavar="ROOT.pem", help="专家组根证书 (the panel's root certificate)")
    sp.add_argument("--file", help="工作文件：用其中的根证书；回传数据包用它解密核验 (a working file: its root; "
                                   "for a return package, its key)")
    sp.add_argument("--password-file", help="工作文件的密码文件（第一行）")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(run=cmd_verify)

    sp = with_file("assessment-round", "建立年度考核轮次（R17/R18） (open an assessment round)")
    sp.add_argument("--year", type=int, required=True, metavar="YEAR", help="考核年度")
    sp.add_argument("--kind", choices=("year1", "year2", "rectification"), required=True,
                    help="year1 第一年考核；year2 第二年考核（验收）；rectification 整改复核")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(run=cmd_assessment_round)

    sp = sub.add_parser("ca", help="专家组根证书与专家签名证书 (the panel's certificates)")
    ca = sp.add_subparsers(dest="action", required=True)

    def ca_action(name: str, help_text: str) -> argparse.ArgumentParser:
        action = ca.add_parser(name, help=help_text)
        action.add_argument("file", help="工作文件 (*.hvpdb)")
        action.add_argument("--password-file", help="读取密码的文件（第一行）")
        action.add_argument("--json", action="store_true")
        action.set_defaults(run=cmd_ca)
        return action

    ca_action("init", "创建专家组根证书 (make the panel's root)").add_argument("--year", type=int, metavar="Y")
    action = ca_action("issue", "为专家签发签名证书 (issue an expert's certificate)")
    action.add_argument("--expert", required=True, help="专家姓名")
    action.add_argument("--pin-file", help="PIN文件（第一行）：私钥以此PIN加密 (the key is encrypted under it)")
    action = ca_action("import", "导入专家自己的PKCS#12证书 (import an expert's .p12/.pfx)")
    action.add_argument("p12", metavar="P12", help=".p12 / .pfx 文件")
    action.add_argument("--expert", required=True, help="专家姓名")
    action.add_argument("--p12-password-file", help="证书文件密码的文件（第一行）")
    action.add_argument("--pin-file", help="PIN文件（第一行）")
    action = ca_action("pin", "设置、更改或取消签名密钥的PIN (set, change or remove a key's PIN)")
    action.add_argument("--expert", required=True, help="专家姓名")
    action.add_argument("--pin-file", help="当前PIN的文件（第一行；尚无PIN时省略）")
    action.add_argument("--new-pin-file", help="新PIN的文件（第一行；省略则取消PIN）")
    ca_action("export-root", "导出根证书PEM并显示指纹 (export the root PEM)").add_argument("out", metavar="OUT.pem")
    ca_action("list", "列出签名证书 (list the certificates)")

    sp = sub.add_parser("template", help="写出申报信息导入模板 (write the import template)")
    sp.add_argument("out")
    sp.set_defaults(run=cmd_template)
    return p


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] not in COMMANDS and not argv[0].startswith("-") and not Path(argv[0]).exists():
        print(f"hvp-desktop: 既不是命令也不是已有文件：{argv[0]!r} (neither a command nor an existing file)\n"
              f"命令 (commands): {', '.join(COMMANDS)}", file=sys.stderr)
        return EXIT_USAGE
    if not argv or argv[0] not in COMMANDS and not argv[0].startswith("-"):
        from hvp_desktop.app import main as gui_main

        return gui_main(argv)
    import time

    from hvp_desktop import logs

    logs.setup("cli")
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse already printed the usage
        return EXIT_OK if exc.code == 0 else EXIT_USAGE
    started = time.monotonic()
    status = EXIT_USAGE
    try:
        status = args.run(args)
        return status
    except BrokenPipeError:  # the reader (e.g. `| head`) stopped early: not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # no second error at exit
        status = EXIT_OK
        return status
    except KeyboardInterrupt:
        return _fail(args, "已取消 (cancelled)", EXIT_USAGE)
    except Exception as exc:  # every expected failure becomes a message; others are bugs
        status = _status_of(exc)
        if status is not None:
            return _fail(args, _message_of(exc), status)
        # a bug: its class and frames go to the log (not its message: it may hold a name or a score)
        incident = logs.log_exception(type(exc), exc, exc.__traceback__, f"cli {args.command}")
        log_file = logs.current_log_path() or "(no log file)"
        status = EXIT_USAGE
        return _fail(args, f"unexpected error (incident {incident}), details in {log_file}"
                           f" (程序意外出错，事件编号 {incident})", status)
    finally:  # the command's name, status and time only: never its arguments (file or enterprise names)
        logs.logger.info("command=%s status=%s seconds=%.2f", args.command, status, time.monotonic() - started)


def _status_of(exc: Exception) -> int | None:
    from hvp_desktop.domain.rules import RuleViolation
    from hvp_desktop.store.errors import WorkingFileError, database_errors

    if isinstance(exc, CliError):
        return exc.status
    if isinstance(exc, RuleViolation):
        return EXIT_REJECTED
    if isinstance(exc, (WorkingFileError, ValueError, OSError, *database_errors())):
        return EXIT_USAGE
    return None


def _message_of(exc: Exception) -> str:
    from hvp_desktop.domain.rules import RuleViolation
    from hvp_desktop.store.errors import unwrap

    if isinstance(exc, RuleViolation):  # the rule or check, the Chinese message, then the English
        return f"{exc.rule}: {exc.zh}" + (f" ({exc.en})" if exc.en != exc.zh else "")
    exc = unwrap(exc)
    text = str(exc)
    if "locked" in text:
        return "工作文件正被另一个程序写入，请稍后再试 (the working file is busy in another program)"
    if "malformed" in text or "not a database" in text:
        return f"工作文件已损坏：{text} (the working file is damaged; restore a backup)"
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror}: {exc.filename or ''}"
    return text


def _fail(args, message: str, status: int) -> int:
    print(f"hvp-desktop: {message}", file=sys.stderr)
    if getattr(args, "json", False):
        print(json.dumps({"ok": False, "status": status, "error": message}, ensure_ascii=False))
    return status
