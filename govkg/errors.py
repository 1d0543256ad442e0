"""The one exception type that the CLI turns into a one-line message and exit 1."""


class GovkgError(Exception):
    """A problem the user can act on (bad path, bad file, server down, …).

    The CLI prints ``govkg: <message>`` and exits non-zero, never a traceback.
    """
