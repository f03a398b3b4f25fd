"""Every T-DA and T-5HT target of the public target table, one test each.

Each target states its source, set-up and tolerance in `neurobalance.validation`
(`neurobalance validate --list`); time-course targets are marked slow and run in
`make validate` (nightly-style), steady-state targets run in CI.
"""

from __future__ import annotations

import pytest

from neurobalance.validation import SKIPPED, all_targets
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
    ids = set(TARGETS) | set(SKIPPED)
    expected = {f"T-DA-{i:02d}" for i in range(1, 23)} | {f"T-5HT-{i:02d}" for i in range(1, 28)}
    assert expected <= ids, sorted(expected - ids)
