"""A test plan or the curriculum named where a scenario belongs is said to be one, in one problem
(not as eight missing keys and "unknown key 'plans' (did you mean 'plans'?)")."""

from __future__ import annotations

import pytest

from simulator.cli.main import main
from simulator.content.loader import load_scenario
from simulator.content.problems import ContentError
from simulator.paths import SCENARIOS_DIR


@pytest.mark.parametrize(("name", "said", "key"), [
    ("graceful_apology.plan.yaml", "this is a test plan (of scenario 'graceful-apology'), not a scenario", "plans"),
    ("curriculum.yaml", "this is the curriculum (the readiness stages), not a scenario", "stages"),
])
def test_a_plan_or_the_curriculum_is_named_as_such(name: str, said: str, key: str,
                                                   principle_ids: tuple[str, ...]) -> None:
    path = SCENARIOS_DIR / name
    with pytest.raises(ContentError) as caught:
        load_scenario(path, principle_ids)
    [problem] = caught.value.problems
    assert problem.message == said and problem.hint
    line = next(n for n, text in enumerate(path.read_text().splitlines(), 1) if text.startswith(f"{key}:"))
    assert problem.line == line


def test_an_unknown_key_is_never_suggested_as_itself(load) -> None:
    """'plans' is a key of plan files: inside a scenario it is unknown, and 'did you mean plans' is no help."""
    with pytest.raises(ContentError) as caught:
        load("""\
            schema_version: 1
            plans: []
            nodes: {}
            """)
    hints = [p.hint for p in caught.value.problems if "'plans'" in p.message]
    assert hints and all("did you mean 'plans'" not in hint for hint in hints)


def test_explore_of_a_plan_file_says_what_to_name_instead(capsys) -> None:
    assert main(["explore", "--no-cache", str(SCENARIOS_DIR / "graceful_apology.plan.yaml")]) == 1
    err = capsys.readouterr().err
    assert "is a test plan" in err and "name the scenario file itself" in err and "did you mean" not in err
