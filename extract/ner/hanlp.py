"""HanLP 1.x "portable" on the JVM, through JPype.

The portable jar on Maven Central (``com.hankcs:hanlp:portable-1.8.6``)
carries its dictionaries and role-tagging models, so person, place and
organisation recognition runs offline. ``scripts/hanlp-jar`` puts the jar in
govkg's cache; ``GOVKG_HANLP_JAR`` points at another copy.

Java is looked up the way a user expects: ``JAVA_HOME`` if set, else the
``java`` on ``PATH`` (not JPype's own scan of /usr/lib/jvm, so "no Java" means
what it says). The JVM starts once per process and cannot be restarted, so
the backend object keeps only its settings (it pickles to worker processes);
the segmenter lives in a per-process cache.
"""

from __future__ import annotations

import os
import shutil
import threading
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from govkg.errors import GovkgError
from govkg.extract.ner.base import LOC, ORG, OTHER, PER, Token

# Keep in step with VERSION in scripts/hanlp-jar (a test checks it).
HANLP_VERSION = "portable-1.8.6"
JAR_NAME = f"hanlp-{HANLP_VERSION}.jar"

# HanLP's segmenters that use the role-tagging recognisers (the portable jar
# has no CRF or perceptron model). Measured on the sample page
# (bench/ner_backends.py): N-shortest paths tags more of the people (19 vs 17
# of 21), but through the whole pipeline Viterbi scores better on places,
# bodies and role pairs (it keeps 卫东区 and 代区长 whole) and runs twice as fast.
ALGORITHMS = ("viterbi", "nshort")
DEFAULT_ALGORITHM = "viterbi"

_JAR_FIX = "run scripts/hanlp-jar (it fetches the jar from Maven Central) or set GOVKG_HANLP_JAR"
_JAVA_FIX = "install a JDK (apt-get install -y openjdk-17-jdk-headless) or set JAVA_HOME to one"


def coarse_tag(nature: str) -> str:
    """Map a HanLP part-of-speech ("nature") to govkg's coarse tag.

    HanLP's PKU-style tags put the entity kind first and refine it after:
    nr/nr1/nr2/nrf/nrj are people, ns/nsf places, nt/ntc/ntu/nto/… bodies.
    """
    if nature.startswith("nr"):
        return PER
    if nature.startswith("ns"):
        return LOC
    if nature.startswith("nt"):
        return ORG
    return OTHER


# govkg's rules read a token's POS in LAC's tag set (extract/mentions.py stops
# a name at w/u/p/c/r/d/m/q/TIME/xc, at PER, at verbs). LAC's set is a
# coarser cut of the same PKU scheme HanLP uses, so each HanLP nature is
# reduced to the LAC tag it refines: ude1 -> u, rz -> r, vshi -> v, t -> TIME.
_LAC_TAGS = {"n", "f", "s", "nz", "nw", "v", "vd", "vn", "a", "ad", "an",
             "d", "m", "q", "r", "p", "c", "u", "xc", "w"}
_LAC_BY_FIRST = {"n": "n", "v": "v", "a": "a", "d": "d", "m": "m", "q": "q", "r": "r", "p": "p",
                 "c": "c", "u": "u", "w": "w", "f": "f", "s": "s", "t": "TIME",
                 "b": "a", "z": "a", "l": "n", "i": "n", "j": "nz", "g": "n"}


def lac_pos(nature: str) -> str:
    """The LAC-style POS for a HanLP nature (PER/LOC/ORG for entities, as LAC does)."""
    coarse = coarse_tag(nature)
    if coarse != OTHER:
        return coarse
    if nature in _LAC_TAGS:
        return nature
    if nature == "nx":  # Latin letters
        return "nz"
    return _LAC_BY_FIRST.get(nature[:1], "xc")  # e/y/o/h/k/x: interjections, affixes, strings


def cache_dir() -> Path:
    """Where scripts/hanlp-jar stores the jar (the script computes the same)."""
    root = os.environ.get("GOVKG_CACHE_DIR")
    if root:
        return Path(root) / "hanlp"
    xdg = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(xdg) / "govkg" / "hanlp"


def find_jar(jar: str | os.PathLike | None = None) -> Path:
    """The HanLP jar: the argument, else GOVKG_HANLP_JAR, else the cache."""
    if jar is None:
        jar = os.environ.get("GOVKG_HANLP_JAR") or None
        origin = "GOVKG_HANLP_JAR="
    else:
        origin = ""
    if jar is not None:
        path = Path(jar).expanduser()
        if not path.is_file():
            raise GovkgError(f"no HanLP jar at {origin}{path}: {_JAR_FIX}")
        return path
    path = cache_dir() / JAR_NAME
    if not path.is_file():
        raise GovkgError(f"the HanLP jar is not in {path.parent}: {_JAR_FIX}")
    return path


def _libjvm_in(home: Path) -> Path | None:
    """The JVM shared library inside a Java home (JDK 9+ and JDK 8 layouts)."""
    for rel in ("lib/server/libjvm.so", "jre/lib/server/libjvm.so",
                "lib/amd64/server/libjvm.so", "jre/lib/amd64/server/libjvm.so",
                "lib/server/libjvm.dylib", "bin/server/jvm.dll"):
        if (home / rel).is_file():
            return home / rel
    return None


def find_jvm() -> Path:
    """The libjvm to load: from JAVA_HOME if set, else from the `java` on PATH."""
    java_home = os.environ.get("JAVA_HOME")
    if java_home:
        lib = _libjvm_in(Path(java_home))
        if lib is None:
            raise GovkgError(f"JAVA_HOME={java_home} holds no Java runtime (no libjvm): {_JAVA_FIX}")
        return lib
    java = shutil.which("java")
    if java is None:
        raise GovkgError(f"--ner hanlp needs Java and there is no `java` on PATH nor JAVA_HOME: {_JAVA_FIX}")
    home = Path(os.path.realpath(java)).parent.parent
    lib = _libjvm_in(home)
    if lib is None:
        raise GovkgError(f"{java} belongs to no Java runtime with a libjvm (looked in {home}): {_JAVA_FIX}")
    return lib


_jvm_lock = threading.Lock()


def _hanlp_class(jar: Path):
    """com.hankcs.hanlp.HanLP, starting this process's JVM on first use."""
    try:
        import jpype
    except ImportError:
        raise GovkgError("--ner hanlp needs JPype: pip install 'govkg[hanlp]'") from None
    with _jvm_lock:
        if not jpype.isJVMStarted():
            jvm = find_jvm()
            # -Xrs: leave Ctrl-C and other signals to Python.
            jpype.startJVM(str(jvm), "-Xrs", "-Dfile.encoding=UTF-8",
                           classpath=[str(jar)], convertStrings=False)
    try:
        return jpype.JClass("com.hankcs.hanlp.HanLP")
    except TypeError:  # JPype's "class not found"
        raise GovkgError("this process's JVM was started without the HanLP jar; "
                         "run govkg in a fresh process") from None


@lru_cache(maxsize=None)
def _segmenter(algorithm: str, jar: Path):
    """One HanLP segmenter per algorithm and process, with all recognisers on."""
    hanlp = _hanlp_class(jar)
    return (hanlp.newSegment(algorithm)
            .enableNameRecognize(True)
            .enablePlaceRecognize(True)
            .enableOrganizationRecognize(True)
            .enableOffset(True))


def _tokens(sentence: str, terms) -> list[Token]:
    """Turn HanLP terms into Tokens that concatenate back to the sentence.

    Words are cut from the sentence by their offsets, so whatever HanLP does
    with spaces or odd characters, the text is the sentence's own; any gap it
    skipped becomes an untagged token.
    """
    out: list[Token] = []
    pos = 0
    for term in terms:
        start = int(term.offset)
        end = start + len(str(term.word))
        if start < pos or end > len(sentence):
            continue  # an overlapping or out-of-range term: keep the text as is
        if start > pos:
            out.append(Token(sentence[pos:start], OTHER, "w"))
        nature = str(term.nature)
        out.append(Token(sentence[start:end], coarse_tag(nature), lac_pos(nature)))
        pos = end
    if pos < len(sentence):
        out.append(Token(sentence[pos:], OTHER, "w"))
    return out


class HanlpBackend:
    """`--ner hanlp`: HanLP 1.x with person, place and organisation recognition."""

    name = "hanlp"

    def __init__(self, algorithm: str = DEFAULT_ALGORITHM, jar: str | os.PathLike | None = None):
        if algorithm not in ALGORITHMS:
            raise GovkgError(f"unknown HanLP algorithm {algorithm!r}: choose one of {', '.join(ALGORITHMS)}")
        self.algorithm = algorithm
        self.jar = find_jar(jar)
        _segmenter(self.algorithm, self.jar)  # fail now, not halfway through a corpus

    def tag(self, sentences: Sequence[str]) -> list[list[Token]]:
        segment = _segmenter(self.algorithm, self.jar)
        return [_tokens(s, segment.seg(s)) if s else [] for s in sentences]
