"""What a centre commits to (R5–R13), and how the application's declared figures measure up.

R5–R7 have figures or facts the application already declares, checked here against their
thresholds. R8–R13 are construction tasks with no figure at application time: they are verified
at the annual assessments (the assessment rubric and on-site checklist build on this catalogue).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from hvp_desktop.domain.model import ApplicationData

MIN_IP_STAFF = 3  # R5
MIN_ANNUAL_IP_FUNDING_YUAN = Decimal("1000000")  # R7, salaries excluded


@dataclass(frozen=True)
class Commitment:
    rule: str
    task: str  # in Chinese, as the work plan (§三) words it


COMMITMENTS: tuple[Commitment, ...] = (
    Commitment("R5", "高管担任中心负责人；设立独立的知识产权部门；知识产权专职人员不少于3人"),
    Commitment("R6", "建立高价值专利培育与运营模式及重大事项咨询决策制度；贯彻ISO 56005知识产权管理指南"),
    Commitment("R7", "建设期内每年知识产权工作经费不少于100万元（不含人员工资），配备办公场所及软硬件"),
    Commitment("R8", "开展专利信息分析：收集知识产权与市场竞争信息，开展技术需求与竞争格局分析，发明专利授权及PCT申请质量提升、数量合理增长"),
    Commitment("R9", "专利质量与全生命周期管理：申请前评估、撰写质量、专利导航与挖掘、申请前审查、从研发到授权/驳回/撤回/终止的全流程管控与档案；申报专利奖"),
    Commitment("R10", "推动高价值专利产业化；与高校、科研院所合作；专利产业化带动产值或营收增长"),
    Commitment("R11", "知识产权金融与保护：证券化、质押融资、作价入股；建立保护体系，与执法部门常态联系，积极维权"),
    Commitment("R12", "示范推广：总结经验，举办或参加交流推广活动"),
    Commitment("R13", "其他有利于高价值专利培育及价值实现的措施"),
)


@dataclass(frozen=True)
class Measure:
    rule: str
    item: str
    declared: str
    meets: bool | None  # None: not declared, or nothing to measure before the assessment


def _fact(value: bool | None) -> tuple[str, bool | None]:
    return ("未申报", None) if value is None else ("是", True) if value else ("否", False)


def measure(data: ApplicationData) -> list[Measure]:
    """The declared figures against R5–R7, then R8–R13 as tasks for the annual assessment."""
    out = []
    text, ok = _fact(data.senior_executive_principal)
    out.append(Measure("R5", "高管担任负责人", text, ok))
    text, ok = _fact(data.independent_ip_department)
    out.append(Measure("R5", "独立知识产权部门", text, ok))
    staff = data.ip_staff_count
    out.append(Measure("R5", f"知识产权专职人员不少于{MIN_IP_STAFF}人", "未申报" if staff is None else f"{staff}人",
                       None if staff is None else staff >= MIN_IP_STAFF))
    text, ok = _fact(data.iso56005)
    out.append(Measure("R6", "贯彻ISO 56005", text, ok))
    budget = data.ip_budget_yuan
    out.append(Measure("R7", "年度知识产权工作经费不少于100万元", "未申报" if budget is None else f"{budget / 10000:g}万元",
                       None if budget is None else budget >= MIN_ANNUAL_IP_FUNDING_YUAN))
    out += [Measure(c.rule, c.task, "年度考核时核查", None) for c in COMMITMENTS if c.rule not in ("R5", "R6", "R7")]
    return out
