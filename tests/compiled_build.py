"""Build the mypyc-compiled wheel into a folder, for tests and benchmarks.

``HATCH_BUILD_HOOKS_ENABLE=1 python -m build`` makes the compiled wheel (the hook is
configured in pyproject.toml). Here it is built from a copy of the sources, because
mypyc writes its extension modules next to the files it compiles, where they would
shadow the Python source for every later import from the checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from importlib.util import find_spec
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: The modules the compiled wheel carries as extension modules, as paths in the package.
COMPILED = (
    "_extract/__init__",
    "_extract/_assemble",
    "_extract/_gazetteer",
    "_extract/_mentions",
    "_extract/_rules",
    "_extract/_temporal",
    "_extract/_text",
    "_fastcheck",
)


def cannot_compile() -> str | None:
    """Why the compiled wheel cannot be built here, or None if it can."""
    if find_spec("hatch_mypyc") is None:
        return "hatch-mypyc is not installed (pip install -e '.[dev]')"
    compiler = (sysconfig.get_config_var("CC") or "cc").split()[0]
    if shutil.which(compiler) is None:
        return f"no C compiler ({compiler})"
    if not (Path(sysconfig.get_paths()["include"]) / "Python.h").exists():
        return "no Python headers"
    return None


def build_compiled(work: Path) -> Path:
    """Build the compiled wheel under *work* and install it there; return the folder.

    The folder goes first on ``sys.path`` (or in ``PYTHONPATH``) of the interpreter
    that is to run the compiled build. Raises RuntimeError with the build's output
    when the build fails, or when the wheel lacks a compiled module.
    """
    source = work / "source"
    source.mkdir(parents=True)
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(
        ROOT / "src",
        source / "src",
        ignore=shutil.ignore_patterns("__pycache__", "*.so", "*.pyd"),
    )
    dist = work / "dist"
    env = {**os.environ, "HATCH_BUILD_HOOKS_ENABLE": "1"}
    build = [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist)]
    result = subprocess.run(
        [*build, str(source)], env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(result.stdout[-4000:] + result.stderr[-4000:])
    (wheel,) = dist.glob("*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    for module in COMPILED:
        prefix = f"diplomatic_events/{module}."
        if not any(n.startswith(prefix) and n.endswith((".so", ".pyd")) for n in names):
            raise RuntimeError(f"{wheel.name} has no compiled {module}")
    site = work / "site"
    install = [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps"]
    subprocess.run([*install, "--target", str(site), str(wheel)], check=True, capture_output=True)
    return site
