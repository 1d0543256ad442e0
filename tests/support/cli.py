"""Running the ``govkg`` command in a test: in this process, as its own process would run it.

``govkg(*args)`` runs ``govkg.cli.main`` (the console entry point itself, so a
``GovkgError`` becomes its one ``govkg: …`` line and exit 1, exactly as for a
user) inside typer's ``CliRunner`` isolation: standard input, output and error
are fresh byte streams that are not a terminal (as a pipe is), and the
environment overrides, the working folder and ``sys.argv`` hold for the call
only. It returns a ``subprocess.CompletedProcess`` (``returncode``, ``stdout``,
``stderr``; text, or bytes with ``text=False``), as ``subprocess.run`` did.

In-process saves the start of a Python process per call (the imports and the
LAC model, about a second each). What a process would have to itself is put
back after each call, so tests stay independent of their order: the SIGTERM
handler ``main`` installs, ``sys.excepthook`` (typer sets its own), the
environment, the working folder. What a process would print that pytest
otherwise keeps to itself is printed on the call's standard error: Python
warnings (under the filters of a fresh interpreter) and log records of
WARNING and above that no handler takes (logging's last resort, as in a
process). An exception that escapes ``main`` is printed as the interpreter
prints it (a traceback, exit status 1).

Tests about the process itself keep a real one (``subprocess``): signals, a
terminal, worker processes outliving their parent, how the installed entry
point and ``python -m govkg.cli`` start, bytes arriving on a real standard
input; they call ``govkg_process`` (the installed entry point, ``COMMAND``).
Set ``GOVKG_TEST_CLI=process`` to run every ``govkg()`` call as a process too,
to check that in-process changes nothing a test observes.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import subprocess
import sys
import warnings
from pathlib import Path
from typing import Mapping

from typer.testing import CliRunner

# Python's own warning filters when no -W option or PYTHONWARNINGS is given (pytest sets its own).
_INTERPRETER_WARNING_FILTERS = (
    ("default", DeprecationWarning, "__main__"),
    ("ignore", DeprecationWarning, ""),
    ("ignore", PendingDeprecationWarning, ""),
    ("ignore", ImportWarning, ""),
    ("ignore", ResourceWarning, ""),
)


def govkg(*args: str | os.PathLike, cwd: str | os.PathLike | None = None,
          env: Mapping[str, str | None] | None = None, stdin: bytes | str | None = None,
          text: bool = True) -> subprocess.CompletedProcess:
    """Run ``govkg ARGS`` with ``env`` over this process's environment (``None``: unset) in
    ``cwd``, ``stdin`` as its standard input (none: empty); what it exited with and wrote."""
    args = [os.fspath(a) for a in args]
    if os.environ.get("GOVKG_TEST_CLI") == "process":
        return govkg_process(*args, cwd=cwd, env=env, stdin=stdin, text=text)
    with _as_a_process(args, cwd):
        with CliRunner().isolation(input=stdin, env=dict(env or {})) as (out, err, _):
            returncode = _run_main()
            sys.stdout.flush()
            sys.stderr.flush()
            stdout, stderr = out.getvalue(), err.getvalue()
    if text:
        # As subprocess.run(text=True) reads a pipe: universal newlines.
        stdout, stderr = (_text(data) for data in (stdout, stderr))
    return subprocess.CompletedProcess(["govkg", *args], returncode, stdout, stderr)


def _text(data: bytes) -> str:
    return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")


def _run_main() -> int:
    from govkg.cli import main

    root = logging.getLogger()
    handlers, level = root.handlers[:], root.level
    # pytest's own handlers would take every record; a process has none, so logging's last
    # resort prints WARNING and above on (this call's) standard error.
    root.handlers, root.level = [], logging.WARNING
    try:
        with warnings.catch_warnings(record=True) as shown:
            warnings.resetwarnings()
            for action, category, module in reversed(_INTERPRETER_WARNING_FILTERS):
                warnings.filterwarnings(action, category=category, module=module)
            try:
                main()
                return 0
            except SystemExit as exit_:
                code = exit_.code
                if code is None or isinstance(code, int):
                    return code or 0
                print(code, file=sys.stderr)  # sys.exit("message"), as the interpreter does
                return 1
            except Exception:  # noqa: BLE001 - what escapes main, the interpreter prints
                sys.excepthook(*sys.exc_info())
                return 1
            finally:
                for warning in shown:
                    sys.stderr.write(warnings.formatwarning(warning.message, warning.category,
                                                            warning.filename, warning.lineno, warning.line))
    finally:
        root.handlers, root.level = handlers, level


@contextlib.contextmanager
def _as_a_process(args: list[str], cwd):
    """``sys.argv``, ``__main__`` and the working folder of the call; afterwards, what the call
    changed of this process put back."""
    argv, hook, folder = sys.argv, sys.excepthook, os.getcwd()
    sigterm = signal.getsignal(signal.SIGTERM)
    environ = dict(os.environ)
    # Usage lines name the program from sys.argv[0] when __main__ is a script, as the console
    # script is (under `python -m pytest` __main__ is a package's, and would name that instead).
    main_module = sys.modules["__main__"]
    package = main_module.__dict__.get("__package__")
    sys.argv = ["govkg", *args]
    main_module.__package__ = None
    try:
        if cwd is not None:
            os.chdir(cwd)
        yield
    finally:
        sys.argv, sys.excepthook = argv, hook
        main_module.__package__ = package
        os.chdir(folder)
        signal.signal(signal.SIGTERM, sigterm)
        if os.environ != environ:  # the library's own changes (isolation undoes the call's env)
            os.environ.clear()
            os.environ.update(environ)


def govkg_process(*args: str | os.PathLike, cwd: str | os.PathLike | None = None,
                  env: Mapping[str, str | None] | None = None, stdin: bytes | str | None = None,
                  text: bool = True, timeout: float = 600) -> subprocess.CompletedProcess:
    """``govkg ARGS`` as its own process (the installed entry point), for a test about the process."""
    args = [os.fspath(a) for a in args]
    environ = {**os.environ}
    for key, value in (env or {}).items():
        if value is None:
            environ.pop(key, None)
        else:
            environ[key] = value
    if isinstance(stdin, str):
        stdin = stdin.encode("utf-8")
    done = subprocess.run([*COMMAND, *args], input=stdin or b"", cwd=cwd, env=environ, capture_output=True,
                          timeout=timeout)
    if text:
        done.stdout, done.stderr = _text(done.stdout), _text(done.stderr)
    return done


# The console script pip installed, as a user runs it (beside the interpreter of the venv).
COMMAND = [str(Path(sys.executable).with_name("govkg"))]
