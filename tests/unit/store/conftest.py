"""Fixtures of the store tests: real SQLCipher working files in temp folders, no mocks."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from hvp_desktop.domain import credit_code
from hvp_desktop.domain.model import ApplicationData, CoApplicant, CoApplicantKind
from hvp_desktop.store import audit, crypto
from hvp_desktop.store.engine import WorkingFile
from hvp_desktop.store.ops import applications as app_ops
from tests.unit.store.scored_round import ScoredRound, build_scored_round

PASSWORD = "store-tests-密码-2026"


def code_for(n: int) -> str:
    """A valid credit code, different for every n (Huangpu district prefix)."""
    return credit_code.make(f"91440112{n:09d}")


def make_application(n: int, year: int = 2025, **fields) -> ApplicationData:
    """A fully declared application; keyword arguments override single fields."""
    values = dict(
        year=year,
        enterprise_name=f"广州测试{n}号科技有限公司",
        credit_code=code_for(n),
        registered_in_district=True,
        tax_in_district=True,
        stats_in_district=True,
        independent_legal_person=True,
        independent_accounting=True,
        good_credit=True,
        co_applicants=(CoApplicant("华南理工大学", CoApplicantKind.UNIVERSITY),),
        affiliation_group=None,
        ip_staff_count=3 + n,
        ip_budget_yuan=Decimal("1000000.50") + n,
        senior_executive_principal=True,
        independent_ip_department=True,
        iso56005=False,
        valid_invention_patents=10 * n,
        pct_applications=n,
        contact_name=f"联系人{n}",
        contact_phone=f"020-8888{n:04d}",
        applied_on=date(year, 4, 1),
        normal_operation=True,
        sound_financial_system=True,
    )
    values.update(fields)
    return ApplicationData(**values)


@pytest.fixture
def password() -> str:
    return PASSWORD


@pytest.fixture
def make_app() -> Callable[..., ApplicationData]:
    return make_application


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "work.hvpdb"


@pytest.fixture(scope="session")
def _empty_master(tmp_path_factory) -> tuple[Path, crypto.RawKey]:
    """One empty working file made by WorkingFile.create, and its derived key."""
    path = tmp_path_factory.mktemp("empty-master") / "empty.hvpdb"
    WorkingFile.create(path, PASSWORD).close()
    return path, crypto.derive(PASSWORD, crypto.read_salt(path))


@pytest.fixture
def wf(_empty_master, db_path) -> Iterator[WorkingFile]:
    """A freshly created, empty working file, open.

    A byte copy of one file made by WorkingFile.create, unlocked with the key derived once:
    the same file as a new `create`, without paying the KDF (~0.1 s) in every test. Tests of
    create and open themselves call those.
    """
    master, key = _empty_master
    shutil.copyfile(master, db_path)
    opened = WorkingFile(db_path, key)
    yield opened
    opened.close()


@pytest.fixture
def imported(wf) -> WorkingFile:
    """The working file holding three applications of 2025 (7 audit events)."""

    app_ops.import_applications(wf, [(f"t.xlsx:{n + 2}", make_application(n)) for n in (1, 2, 3)])
    return wf


class Sql:
    """Raw SQL on an open working file, bypassing the ORM (as someone tampering with it would)."""

    def __init__(self, wf: WorkingFile) -> None:
        self.wf = wf

    def execute(self, sql: str, params: tuple = ()) -> None:
        with self.wf.engine.begin() as c:
            c.exec_driver_sql(sql, params)

    def rows(self, sql: str, params: tuple = ()) -> list[tuple]:
        with self.wf.engine.connect() as c:
            return [tuple(r) for r in c.exec_driver_sql(sql, params)]

    def scalar(self, sql: str, params: tuple = ()):
        return self.rows(sql, params)[0][0]

    def count(self, table: str) -> int:
        return self.scalar(f"SELECT count(*) FROM {table}")

    def counts(self) -> dict[str, int]:
        tables = ("rounds", "enterprises", "applications", "co_applicants", "audit_events", "import_mappings")
        return {t: self.count(t) for t in tables}


@pytest.fixture
def sql() -> Callable[[WorkingFile], Sql]:
    return Sql


def verify_chain(wf: WorkingFile) -> audit.ChainReport:
    with wf.session() as s:
        return audit.verify(s)


@pytest.fixture
def chain() -> Callable[[WorkingFile], audit.ChainReport]:
    return verify_chain


# -- a scored round (scored_round.py), built once, copied for each test -------------------------
@pytest.fixture(scope="session")
def _scored_master(_empty_master, tmp_path_factory) -> tuple[Path, object, ScoredRound]:
    empty, key = _empty_master
    path = tmp_path_factory.mktemp("scored-round") / "scored.hvpdb"
    shutil.copyfile(empty, path)
    wf = WorkingFile(path, key)
    try:
        built = build_scored_round(wf)
    finally:
        wf.close()
    return path, key, built


@pytest.fixture
def rnd(_scored_master, tmp_path):
    """A fresh copy of the scored round, open."""
    master, key, built = _scored_master
    path = tmp_path / "round.hvpdb"
    shutil.copyfile(master, path)
    wf = WorkingFile(path, key)
    yield ScoredRound(wf, built.round_id, list(built.apps), list(built.experts), built.reserve, built.label,
                      {a: {e: dict(p) for e, p in by.items()} for a, by in built.points.items()})
    wf.close()

