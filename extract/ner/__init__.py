"""NER backends by name: ``get_backend("lac")``, ``"hanlp"``, ``"hanlp2"``, ``"lac+hanlp"``.

Backends are imported only when asked for, so choosing LAC never loads JPype
and ``govkg --help`` stays fast.
"""

from __future__ import annotations

import inspect
from importlib import import_module

from govkg.errors import GovkgError
from govkg.extract.ner.base import NerBackend

DEFAULT_BACKEND = "lac"

# name -> (module, class). The classes' keyword arguments are the options.
BACKENDS: dict[str, tuple[str, str]] = {
    "lac": ("govkg.extract.ner.lac", "LacBackend"),
    "hanlp": ("govkg.extract.ner.hanlp", "HanlpBackend"),
    "hanlp2": ("govkg.extract.ner.hanlp2", "Hanlp2Backend"),
    "lac+hanlp": ("govkg.extract.ner.combined", "LacHanlpBackend"),
}


def backend_names() -> list[str]:
    """The names ``--ner`` accepts, default first."""
    return [DEFAULT_BACKEND] + sorted(n for n in BACKENDS if n != DEFAULT_BACKEND)


def get_backend(name: str, **options) -> NerBackend:
    """A ready backend. Options set to None are ignored, so a CLI can pass all of its own.

    Raises GovkgError for an unknown name, an option the backend does not take
    (``--hanlp-model`` with ``--ner lac``) or a backend that cannot start
    (no Java, no jar, no model), each with the fix in the message.
    """
    try:
        module, cls_name = BACKENDS[name]
    except KeyError:
        raise GovkgError(f"unknown NER backend {name!r}: choose one of {', '.join(backend_names())}") from None
    cls = getattr(import_module(module), cls_name)
    options = {k: v for k, v in options.items() if v is not None}
    accepted = inspect.signature(cls).parameters
    for key in options:
        if key not in accepted:
            flag = "--" + key.replace("_", "-")
            raise GovkgError(f"{flag} does not apply to --ner {name}")
    return cls(**options)
