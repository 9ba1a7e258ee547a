import importlib.abc
import subprocess
import sys
from collections.abc import Sequence
from types import ModuleType

import pytest

from kyujin.__main__ import main


class _InterruptedImport(importlib.abc.MetaPathFinder):
    """Ctrl-C arriving while ``kyujin.cli`` is being imported."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> None:
        if fullname == "kyujin.cli":
            raise KeyboardInterrupt
        return None


def test_ctrl_c_while_the_command_line_loads_exits_130(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "kyujin.cli", raising=False)
    monkeypatch.setattr(sys, "meta_path", [_InterruptedImport(), *sys.meta_path])
    with pytest.raises(SystemExit) as stopped:
        main()
    assert stopped.value.code == 130


def test_python_m_kyujin_runs_the_command_line() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "kyujin", "--help"], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0
    assert "job-market intelligence" in done.stdout
