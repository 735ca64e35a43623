"""The demo's packages between laptops (issue 21), written beside its signed output: the expert
package the secretariat handed to one expert of the rectification re-assessment, that expert's
own laptop file (opened from it, the sheet they had not started now scored and signed), and their
return package waiting in the chair's inbox — so a new user can open the laptop file as the
expert, and merge the return into the demo as the chair (Merge return packages…, or
`hvp-desktop merge demo/demo.hvpdb demo/signed/待合并/*.hvpkg`).

The demo's passphrase is fixed (DEMO_PASSPHRASE) and its laptop file has the demo's password: it
is a public demo. Real packages get a new random passphrase each.
"""

from __future__ import annotations

import random
from decimal import Decimal
from pathlib import Path

from hvp_desktop.exchange import packages
from hvp_desktop.private_files import write_replacing
from hvp_desktop.scoring import rubric as rubrics
from hvp_desktop.store import expert_file, panel, queries, sheets
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.ops import sheets as sheet_ops

DEMO_PASSPHRASE = "DEMX-HVPK-2345-6789-ABCD"
SIGNATURE = [[[12, 30], [40, 12], [70, 34], [96, 18]]]


def _marks(rubric: rubrics.Rubric, rng: random.Random) -> dict:
    out = {}
    for c in rubric.criteria:
        points = (c.max_points * Decimal(rng.choice(("0.7", "0.75", "0.8"))) / c.step).quantize(Decimal(1)) * c.step
        out[c.code] = (points, "整改后复核：台账与人员已补齐" if rubrics.comment_required(c, points) else "")
    return out


def write_demo_exchange(wf: WorkingFile, folder: Path, password: str) -> list[Path]:
    """The expert package, the expert's laptop file and their return package, in `folder`."""
    from hvp_desktop.demo import _render_signature

    rounds = [r for r in queries.rounds(wf) if r.kind == "rectification"]
    if not rounds:
        return []
    round_id = rounds[0].id
    matrix = panel.sheet_matrix(wf, round_id)
    waiting = sorted((e, a) for (e, a), state in matrix.cells.items() if state == panel.SheetState.NOT_STARTED)
    if not waiting:
        return []
    expert_id = waiting[0][0]
    name = dict(panel.panel_experts(wf))[expert_id]
    data, passphrase, _counts = packages.build_expert_package(wf, round_id, expert_id, passphrase=DEMO_PASSPHRASE)
    handed = folder / "专家数据包" / f"{rounds[0].year}-{packages.safe_name(name)}.hvpkg"
    laptop = folder / "专家笔记本" / f"{packages.safe_name(name)}.hvpdb"
    inbox = folder / "待合并" / f"{packages.safe_name(name)}-回传.hvpkg"
    for path in (handed, laptop, inbox):
        path.parent.mkdir(parents=True, exist_ok=True)
    for stale in (laptop, Path(f"{laptop}-wal"), Path(f"{laptop}-shm"), laptop.with_name(laptop.name + ".head")):
        stale.unlink(missing_ok=True)
    write_replacing(handed, lambda temp: temp.write_bytes(data))
    packages.unpack(data, passphrase, laptop, password)
    rng = random.Random(21)
    with WorkingFile.open(laptop, password) as mine:  # on the expert's laptop: the sheet not started yet
        me = expert_file.expert_of(mine)
        label = queries.round_rubric_label(mine, queries.rounds(mine)[0].id)
        rubric = sheets.rubric_by_label(mine, label)
        for app_id, _name, _state in panel.assignments_of(mine, me):
            if sheets.current_sheet(mine, me, app_id) is None:
                sheet = sheet_ops.open_sheet(mine, me, app_id, label).value
                sheet_ops.save_entries(mine, sheet.id, _marks(rubric, rng))
                sheet_ops.submit(mine, sheet.id, statement_confirmed=True, signature_strokes=SIGNATURE,
                                 signature_png=_render_signature(SIGNATURE))
        returned, _counts = packages.build_return(mine)
    write_replacing(inbox, lambda temp: temp.write_bytes(returned))
    return [handed, laptop, inbox]
