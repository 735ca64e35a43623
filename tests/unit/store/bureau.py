"""The bureau's steps the plan puts before what follows (issue 17), for tests that go past them."""

from __future__ import annotations

from hvp_desktop.store.engine import WorkingFile


# -- the bureau's steps the plan puts before what follows (issue 17) --------------------------------
def shortlist_and_confirm(wf: WorkingFile, round_id: int, on, at_least: int | None = None):
    """R15: shortlist, then the bureau's confirmation (经区知识产权局确认) the same day; the shortlist's
    Changes are returned. Nothing can be selected before the confirmation."""
    from hvp_desktop.store.ops import decisions as decision_ops

    changes = decision_ops.shortlist_round(wf, round_id, on, at_least)
    if changes.value.shortlisted:
        decision_ops.confirm_shortlist(wf, round_id, on, "穗埔知字〔测试〕1号")
    return changes


def approve_and_publicise(wf: WorkingFile, application_ids, purpose: str, on):
    """R16/R19: the party group's approval (党组研究通过) then the publicity, the same day."""
    from hvp_desktop.store.ops import decisions as decision_ops

    decision_ops.approve_list(wf, list(application_ids), purpose, on, "党组会议纪要〔测试〕1号")
    return decision_ops.start_publicity(wf, application_ids, purpose, on)
