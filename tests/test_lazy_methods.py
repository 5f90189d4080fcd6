"""plancheck.lazy_methods: dataclass methods made when first called give what they always gave."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from cli_helpers import STRONG

SOURCE = '''
from dataclasses import FrozenInstanceError, dataclass, field

@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
    hidden: str = field(default="", repr=False, compare=False)

@dataclass(frozen=True)
class Name:
    text: str
    kind: tuple = ()

@dataclass(order=True)
class Rank:
    value: float
'''

CHECK = '''
import sys, types
from plancheck import lazy_methods
lazy_methods.install()
classes = {}
for name in ("plancheck.example", "elsewhere.example"):
    module = types.ModuleType(name)
    sys.modules[name] = module
    exec(SOURCE, module.__dict__)
    classes[name] = module
ours, theirs = classes["plancheck.example"], classes["elsewhere.example"]
lazy = (3, 11) <= sys.version_info[:2] <= (3, 12)
assert (ours.Point.__eq__.__name__ == "__eq__") and (ours.Point.__eq__.__code__.co_name == "stand_in") == lazy
assert theirs.Point.__eq__.__code__.co_name == "__eq__"

def results(m):
    p, q = m.Point(1, 2, ["a"], "x"), m.Point(1, 2, ["a"], "y")
    n = m.Name("Cabinet", ("body",))
    out = [repr(p), p == q, p != m.Point(2), p == "other", repr(n), hash(n), n == m.Name("Cabinet", ("body",)),
           {n: 1}[m.Name("Cabinet", ("body",))], sorted([m.Rank(2.0), m.Rank(1.0)]) == [m.Rank(1.0), m.Rank(2.0)],
           m.Rank(1.0) < m.Rank(2.0)]
    for attempt in (lambda: setattr(n, "text", "x"), lambda: delattr(n, "kind")):
        try:
            attempt()
            out.append("changed")
        except Exception as error:
            out.append(type(error).__name__)
    try:
        hash(p)
        out.append("hashable")
    except TypeError:
        out.append("unhashable")
    return out

assert results(ours) == results(theirs), (results(ours), results(theirs))
assert results(ours) == results(ours)  # and again, now that the methods are made
assert ours.Point.__eq__.__code__.co_name == "__eq__" and ours.Point.__eq__.__qualname__ == "Point.__eq__"
print("ok")
'''


def test_methods_made_on_first_call_give_what_dataclasses_gives():
    done = subprocess.run([sys.executable, "-c", f"SOURCE = {SOURCE!r}\n{CHECK}"], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "ok\n"


RUN = '''
import sys
if sys.argv[1] == "lazy":
    from plancheck import lazy_methods
    lazy_methods.install()
sys.argv = ["plancheck", *sys.argv[2:]]
from plancheck.cli import run
run()
'''


@pytest.mark.parametrize("args", [["plan.md", "--format", "json"], ["plan.md", "-v"]])
def test_a_run_reports_the_same_with_its_dataclass_methods_made_when_first_called(tmp_path, args):
    (tmp_path / "plan.md").write_text(STRONG, encoding="utf-8")
    outputs = [subprocess.run([sys.executable, "-c", textwrap.dedent(RUN), how, *args], cwd=tmp_path,
                              capture_output=True, timeout=120) for how in ("lazy", "as-usual")]
    assert [(o.returncode, o.stdout, o.stderr) for o in outputs][0] == \
        [(o.returncode, o.stdout, o.stderr) for o in outputs][1]
    assert outputs[0].returncode in (0, 1)
