"""What a plugin's call may not change for the rest of the run."""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

import pytest

from ovop_assess.plugin_sandbox import PluginExit, kept_process_state


def test_handlers_folder_and_streams_are_put_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)

    def handler(number: int, frame: object) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGINT, handler)
    try:
        streams = sys.stdout, sys.stderr
        with kept_process_state():
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # a plugin deaf to Ctrl-C made the whole run so
            os.chdir("/")  # later files given by a relative path were "not found"
            sys.stderr = None  # type: ignore[assignment]
        assert signal.getsignal(signal.SIGINT) is handler
        assert os.getcwd() == str(tmp_path)
        assert (sys.stdout, sys.stderr) == streams
    finally:
        signal.signal(signal.SIGINT, previous)


def test_os_exit_raises_in_this_process_and_not_in_a_child() -> None:
    real = os._exit
    with pytest.raises(PluginExit), kept_process_state():
        os._exit(0)
    assert os._exit is real
    with kept_process_state():
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            os._exit(7)  # a child the plugin forks exits as it means to
        _, status = os.waitpid(pid, 0)
    assert os.WEXITSTATUS(status) == 7
