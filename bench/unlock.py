"""Unlock cost of a working file: right password, wrong password, one more pooled connection.

- open_right_password: `WorkingFile.open(path, password)` on the demo working file — the one
  KDF (PBKDF2-HMAC-SHA512, 256,000 iterations), the keyed check connection, the engine and the
  migration check. Target <= 1 s.
- open_wrong_password: the same call with a wrong password until it raises WrongPassword.
  Target <= 1 s.
- kdf: `crypto.derive` alone, to show how much of an unlock is the KDF.
- pooled_connection: a new connection of the open file's engine (raw key, no KDF): the pool is
  emptied (`engine.dispose()`, not timed), then `engine.connect()` + `SELECT 1` is timed.
  Target <= 10 ms (a KDF per connection would cost ~100 ms).

Usage: python bench/unlock.py
"""

from __future__ import annotations

import time

from _common import PASSWORD, WRONG_PASSWORD, Report, run_main, scratch_dir

REPEATS = 9
CONNECTION_REPEATS = 25


def main() -> int:
    from hvp_desktop import demo
    from hvp_desktop.store import crypto
    from hvp_desktop.store.engine import WorkingFile
    from hvp_desktop.store.errors import WrongPassword

    report = Report("unlock")
    with scratch_dir("unlock") as tmp:
        path = tmp / "demo.hvpdb"
        demo.create_demo(path, PASSWORD).close()
        salt = crypto.read_salt(path)

        right, wrong, kdf = [], [], []
        for i in range(REPEATS):
            # alternate the order so that a noisy moment does not hit one kind only
            for kind in (("right", "wrong") if i % 2 == 0 else ("wrong", "right")):
                if kind == "right":
                    t = time.perf_counter()
                    wf = WorkingFile.open(path, PASSWORD)
                    right.append(time.perf_counter() - t)
                    wf.close()
                else:
                    t = time.perf_counter()
                    try:
                        WorkingFile.open(path, WRONG_PASSWORD).close()
                    except WrongPassword:
                        wrong.append(time.perf_counter() - t)
                    else:
                        raise AssertionError("a wrong password opened the working file")
            t = time.perf_counter()
            crypto.derive(PASSWORD, salt)
            kdf.append(time.perf_counter() - t)

        connect = []
        with WorkingFile.open(path, PASSWORD) as wf:
            for _ in range(CONNECTION_REPEATS):
                wf.engine.dispose()
                t = time.perf_counter()
                with wf.engine.connect() as c:
                    c.exec_driver_sql("SELECT 1").scalar_one()
                connect.append(time.perf_counter() - t)

    m_right = report.timings("open_right_password", right)
    m_wrong = report.timings("open_wrong_password", wrong)
    m_kdf = report.timings("kdf", kdf)
    m_conn = report.timings("pooled_connection", connect)
    report.ratio("open_right_vs_kdf_ratio", m_right / m_kdf)
    report.ratio("open_wrong_vs_kdf_ratio", m_wrong / m_kdf)
    report.ratio("open_right_vs_pooled_connection_ratio", m_right / m_conn)

    report.target("open_right_password_median", m_right * 1e3, 1000, "ms")
    report.target("open_wrong_password_median", m_wrong * 1e3, 1000, "ms")
    report.target("pooled_connection_median", m_conn * 1e3, 10, "ms")
    return report.finish()


if __name__ == "__main__":
    run_main(main)
