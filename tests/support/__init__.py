"""Code that only the tests, the benches (bench/) and scripts/screenshot use, kept out of
the installed package: a headless-Chromium driver, synthetic graphs and synthetic corpora,
sentences tagged by hand as the NER model tags them.

Tests import it as ``support`` (pytest puts tests/ on the path); bench scripts and
scripts/screenshot put tests/ on ``sys.path`` first.
"""
