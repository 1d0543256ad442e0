"""The exceptions the CLI turns into one line: a user's mistake (exit 1), a SIGTERM (exit 143)."""


class GovkgError(Exception):
    """A problem the user can act on (bad path, bad file, server down, …).

    The CLI prints ``govkg: <message>`` (one line per line of the message) and
    exits non-zero, never a traceback.
    """


class Terminated(BaseException):
    """SIGTERM arrived: unwind as Ctrl-C's KeyboardInterrupt does (workers stopped, temporary
    files removed, outputs untouched). A BaseException, so that no ``except Exception`` takes it
    for a failure of one input."""
