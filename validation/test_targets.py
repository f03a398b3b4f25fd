"""Every T-DA, T-5HT, T-HPA and T-KYN target of the public target table, one test each.

Each target states its source, set-up and tolerance in `neurobalance.validation`
(`neurobalance validate --list`); time-course targets are marked slow and run in
`make validate` (nightly-style), steady-state targets run in CI.
"""

from __future__ import annotations

import pytest

from neurobalance.validation import NOT_REPRODUCED, SKIPPED, TABLE_ROWS, all_targets
from neurobalance.validation._framework import TargetSkipped

TARGETS = all_targets()


def _param(t):
    marks = [pytest.mark.validation] + ([] if t.fast else [pytest.mark.slow])
    return pytest.param(t.id, marks=marks, id=t.id)


@pytest.mark.parametrize("tid", [_param(t) for t in TARGETS.values()])
def test_target(tid):
    t = TARGETS[tid]
    try:
        checks = t.run()
    except TargetSkipped as exc:
        pytest.skip(str(exc))
    assert checks, "a target must compare at least one number"
    failed = [f"{c.label}: expected {c.expected}, got {c.got:.6g} {c.unit}" for c in checks if not c.passed]
    assert not failed, f"{tid} ({t.source}; tolerance {t.tolerance}) failed:\n" + "\n".join(failed)


@pytest.mark.parametrize("tid", sorted(SKIPPED))
def test_optional_targets_are_skipped_with_reason(tid):
    pytest.skip(SKIPPED[tid])


def test_every_row_of_the_table_has_a_target():
    ids = set(TARGETS) | set(SKIPPED) | set(NOT_REPRODUCED)
    assert set(TABLE_ROWS) <= ids, sorted(set(TABLE_ROWS) - ids)
    assert not (set(NOT_REPRODUCED) & (set(TARGETS) | set(SKIPPED)))


def test_table_rows_match_the_shared_reference():
    """The row list matches the public target table when the shared reference folder is present."""
    from pathlib import Path

    table = Path(__file__).resolve().parents[1].parent / "shared/reference/public_targets.md"
    if not table.is_file():
        pytest.skip("shared reference folder absent")
    import re

    rows = set(re.findall(r"^\| (T-(?:DA|5HT|HPA|KYN|GABA|COF|REC|DRUG)-\d+) \|", table.read_text(encoding="utf-8"), flags=re.M))
    assert rows == set(TABLE_ROWS)
