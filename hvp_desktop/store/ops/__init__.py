"""Operations: the one place where a working file changes (issue 16; Anki's `aqt/operations`).

Every change a user (or the command line) makes is one function here, one per action:
`applications` (import, header mappings), `decisions` (the lifecycle and the rules R1–R21, the
calendar, the R3 register, bans), `panel` (experts, seats, assignments, 回避), `sheets` (rubrics,
scores, submission, corrections, paper keyings), `ranking` (settings, explanations, the chair's
tie decision, confirming and withdrawing a result, assessment rounds), `copies` (installing a
snapshot from another file, matched by UUID).

Each is written as `fn(tx, ...)` and decorated with `core.operation`, which makes it
`fn(wf, ...) -> Changes` and gives every one the same path: one write transaction; in an
expert's own file only the expert's own actions; the audit event naming the device, the role and
the person; the round lock (`tx.refuse_if_locked`); refusals as `RuleViolation` with the rule id
and the message in Chinese and English, raised before anything is committed; and the `Changes`
naming what was touched (with the operation's result as `Changes.value`).

Reads are query functions beside the tables they read (`store/queries.py`, `store/decisions.py`,
`store/panel.py`, `store/sheets.py`, `store/ranking.py`), returning plain values. Nothing outside
this package opens a write transaction (tests/unit/store/test_ops.py checks it).
"""
