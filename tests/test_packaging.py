"""The package as users install it: metadata, version, and what the wheel carries."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from importlib.metadata import version
from pathlib import Path

import pytest

import diplomatic_events

ROOT = Path(__file__).resolve().parents[1]


def test_version_comes_from_metadata() -> None:
    """`__version__` is the installed distribution's version."""
    assert version("diplomatic-events") == diplomatic_events.__version__


def test_all_is_importable() -> None:
    """Every name in `__all__` exists once (ruff's RUF022 keeps the list sorted)."""
    assert len(set(diplomatic_events.__all__)) == len(diplomatic_events.__all__)
    missing = [n for n in diplomatic_events.__all__ if not hasattr(diplomatic_events, n)]
    assert missing == []


def test_seed_files_match_the_repository_copy() -> None:
    """The packaged seed is the same as `seeds/` at the top level."""
    packaged = ROOT / "src" / "diplomatic_events" / "data" / "seed"
    top = ROOT / "seeds"
    names = sorted(p.name for p in top.iterdir())
    assert names == sorted(p.name for p in packaged.iterdir())
    for name in names:
        assert (top / name).read_bytes() == (packaged / name).read_bytes()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel offline, with the build backend already installed."""
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    (built,) = out.glob("*.whl")
    return built


def test_wheel_contains_seed_types_and_rules(wheel: Path) -> None:
    """The wheel ships the seed article, its metadata, py.typed and the rule tables."""
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        "diplomatic_events/py.typed",
        "diplomatic_events/data/seed/000_37755c9e1f30a911.txt",
        "diplomatic_events/data/seed/000_37755c9e1f30a911.meta.json",
    }
    assert expected <= names
    assert any(n.startswith("diplomatic_events/rules/") for n in names)


def test_seed_article_loads_from_installed_wheel(wheel: Path, tmp_path: Path) -> None:
    """`seed_article()` works from the wheel, not only from a checkout."""
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    code = (
        "import diplomatic_events as d; a = d.seed_article(); "
        "print(a.published, a.outlet, a.text.split()[0], d.__file__)"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", f"import sys; sys.path.insert(0, {str(target)!r}); {code}"],
        check=True,
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    published, outlet_and_rest = result.stdout.split(" ", 1)
    assert published == "2024-05-03"
    assert outlet_and_rest.startswith("The Japan News")
    assert str(target) in result.stdout
