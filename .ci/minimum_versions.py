"""Print each dependency of pyproject.toml, the test extra's too, pinned to its declared lower bound
(pip constraints).

CI installs plancheck with these pins and runs the tests, so a lower bound is
a version the tests pass with, not a guess.
"""

import re
import sys
import tomllib
from pathlib import Path

project = tomllib.loads((Path(__file__).resolve().parent.parent / "pyproject.toml").read_text("utf-8"))["project"]
missing = []
for requirement in project["dependencies"] + project["optional-dependencies"]["test"]:
    match = re.match(r"([A-Za-z0-9_.-]+)\s*(?:\[[^\]]*\])?\s*[^;]*?>=\s*([^,;\s]+)", requirement)
    if not match:
        missing.append(requirement)
        continue
    print(f"{match.group(1)}=={match.group(2)}")
if missing:
    sys.exit(f"no lower bound declared for: {', '.join(missing)}")
