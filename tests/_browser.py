"""Shared set-up of the headless-Chromium tests (tests/test_*_browser.py).

Debian's `chromium` with the flags that keep it quiet on a machine without network (no update, sync or QUIC
traffic); Playwright from PyPI drives it (`executable_path`), never `playwright install`."""
import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("A3_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


def need_browser():
    "Skip the calling test, saying what to install, when Chromium or Playwright is missing."
    if not Path(CHROMIUM).exists():
        pytest.skip(f"{CHROMIUM} not found: `apt-get install -y chromium` (or set A3_CHROMIUM)")
    try: import playwright.sync_api  # noqa: F401
    except ImportError: pytest.skip("playwright is not installed: `pip install playwright` (never `playwright install`)")


def launch(playwright):
    "A headless Chromium browser from a running `sync_playwright()`."
    return playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_FLAGS)
