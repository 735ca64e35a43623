"""A realistic year of the programme, for a new user to look around and for the benchmarks.

Everything is invented but plausible: Huangpu enterprises with valid credit codes, the
district's universities and institutes as co-applicants, a few applications that fail R1 facts
or leave them blank, and last year's round beside this year's.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from hvp_desktop.domain.credit_code import ALPHABET, make
from hvp_desktop.domain.model import ApplicationData, CoApplicant, CoApplicantKind
from hvp_desktop.store import operations
from hvp_desktop.store.engine import WorkingFile

DEMO_PASSWORD = "hvp-demo-2026"

_PREFIXES = ["广州", "广东", "粤港澳"]
_CORES = [
    "黄埔", "科学城", "知识城", "萝岗", "长岭", "云埔", "鱼珠", "永和", "新龙", "九龙", "开泰", "香雪",
    "玉岩", "联和", "南岗", "大沙", "红山", "文冲", "穗东", "夏港", "东区", "水西", "凤凰", "天鹿",
]
_TRADES = [
    ("生物医药", "股份有限公司"), ("智能装备", "有限公司"), ("新材料科技", "有限公司"),
    ("集成电路", "有限公司"), ("新能源汽车零部件", "有限公司"), ("精密仪器", "股份有限公司"),
    ("信息技术", "有限公司"), ("医疗器械", "有限公司"), ("环保科技", "股份有限公司"),
    ("光电科技", "有限公司"), ("食品科技", "有限公司"), ("化工", "有限公司"),
]
_UNIVERSITIES = ["华南理工大学", "中山大学", "广东工业大学", "暨南大学", "华南农业大学", "广州大学"]
_INSTITUTES = [
    "中国科学院广州生物医药与健康研究院", "广东省科学院", "中国科学院广州能源研究所",
    "广州市香雪制药研究院", "粤港澳大湾区国家技术创新中心",
]
_AGENCIES = ["广州三环专利商标代理有限公司", "广州华进联合专利商标代理有限公司", "广东知恒知识产权服务有限公司"]
_SURNAMES = "陈李张黄王林刘吴郭何梁罗郑谢周"
_GIVEN = ["晓明", "伟", "丽娟", "志强", "海燕", "建华", "敏", "嘉欣", "俊杰", "婷", "国栋", "慧"]


def _credit_code(rng: random.Random) -> str:
    # 9 = registered by market regulation, 1 = company, 440112 = Huangpu district
    org = "".join(rng.choice(ALPHABET) for _ in range(9))
    return make("91440112" + org)


def _co_applicants(rng: random.Random) -> tuple[CoApplicant, ...]:
    count = rng.choices([0, 1, 2], weights=[5, 4, 2])[0]
    pool = (
        [(n, CoApplicantKind.UNIVERSITY) for n in _UNIVERSITIES]
        + [(n, CoApplicantKind.RESEARCH_INSTITUTE) for n in _INSTITUTES]
        + [(n, CoApplicantKind.IP_SERVICE_AGENCY) for n in _AGENCIES]
    )
    return tuple(CoApplicant(n, k) for n, k in rng.sample(pool, count))


def _fact(rng: random.Random, p_no: float = 0.03, p_blank: float = 0.03) -> bool | None:
    x = rng.random()
    return False if x < p_no else None if x < p_no + p_blank else True


def applications(year: int, count: int, seed: int) -> list[ApplicationData]:
    rng = random.Random(seed)
    names: set[str] = set()
    out = []
    while len(out) < count:
        trade, form = rng.choice(_TRADES)
        name = f"{rng.choice(_PREFIXES)}{rng.choice(_CORES)}{trade}{form}"
        if len(names) >= len(_PREFIXES) * len(_CORES) * len(_TRADES) // 2:
            name = name.replace("有限公司", f"（{len(out)}）有限公司")
        if name in names:
            continue
        names.add(name)
        out.append(
            ApplicationData(
                year=year,
                enterprise_name=name,
                credit_code=_credit_code(rng),
                registered_in_district=_fact(rng),
                tax_in_district=_fact(rng),
                stats_in_district=_fact(rng),
                independent_legal_person=_fact(rng, 0.02, 0.0),
                independent_accounting=_fact(rng, 0.02, 0.02),
                good_credit=_fact(rng, 0.02, 0.05),
                co_applicants=_co_applicants(rng),
                affiliation_group=rng.choice([None] * 6 + ["广州开发区控股集团", "广州工控集团", "香雪集团"]),
                ip_staff_count=rng.choice([2, 3, 3, 4, 5, 6, 8, 12, 20]),
                ip_budget_yuan=Decimal(rng.choice([60, 80, 100, 100, 120, 150, 200, 300, 500])) * 10000,
                senior_executive_principal=_fact(rng, 0.1, 0.0),
                independent_ip_department=_fact(rng, 0.15, 0.0),
                iso56005=_fact(rng, 0.4, 0.1),
                valid_invention_patents=rng.randint(8, 400),
                pct_applications=rng.randint(0, 60),
                contact_name=rng.choice(_SURNAMES) + rng.choice(_GIVEN),
                contact_phone=f"020-{rng.randint(3000, 8999)}{rng.randint(1000, 9999)}",
                applied_on=date(year, 4, 1) + timedelta(days=rng.randint(0, 40)),
            )
        )
    return out


def create_demo(path: str | Path, password: str = DEMO_PASSWORD, *, this_year: int = 2026,
                this_year_count: int = 46, last_year_count: int = 38) -> WorkingFile:
    """Create the demo working file: last year's round and this year's call."""
    wf = WorkingFile.create(path, password)
    rows = [
        (f"demo:{year}:{i + 1}", data)
        for year, count, seed in ((this_year - 1, last_year_count, 2025), (this_year, this_year_count, 2026))
        for i, data in enumerate(applications(year, count, seed))
    ]
    operations.import_applications(wf, rows)
    return wf
