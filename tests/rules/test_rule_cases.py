"""Every rule case of ``cases/*.yaml``, run through the real pipeline by :mod:`ovop_assess.testing`."""

from __future__ import annotations

from pathlib import Path

import pytest

from ovop_assess.testing import RuleCase, case_ids, check_case, load_case_dir

CASES_DIR = Path(__file__).parent / "cases"
CASES = load_case_dir(CASES_DIR)


@pytest.mark.parametrize("case", CASES, ids=case_ids(CASES))
def test_rule_case(case: RuleCase) -> None:
    check_case(case)
