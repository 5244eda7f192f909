"""Headless Chromium for the public site's checks and screenshots (issue 15): found, run with no machine fonts.

Chromium runs with a fontconfig that lists one machine font folder only, Liberation (Latin, Greek and Cyrillic
letters: Chromium aborts with no font at all), so Arabic, Urdu, Indic and Chinese text renders only with the fonts
the site carries in ``assets/fonts``: such a glyph that shows is the site's own, never the test machine's.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    for name in CANDIDATES:
        path = shutil.which(name)
        if path:
            return path
    return None


#: The one machine font folder Chromium may use (Debian's fonts-liberation, which the chromium package pulls in).
LATIN_ONLY = Path("/usr/share/fonts/truetype/liberation")


def _environment(work: Path) -> dict[str, str]:
    config = work / "fonts.conf"
    folder = f"<dir>{LATIN_ONLY}</dir>" if LATIN_ONLY.is_dir() else ""
    config.write_text('<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>'
                      f"{folder}<cachedir>{work / 'fc-cache'}</cachedir></fontconfig>\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("FONTCONFIG")}
    env.update(FONTCONFIG_FILE=str(config), HOME=str(work))
    return env


def run_chromium(chromium: str, work: Path, url: str, *, screenshot: Path | None = None,
                 size: tuple[int, int] = (900, 1300), timeout: float = 120) -> str:
    """Open ``url``; return the DOM after its scripts ran (or write ``screenshot``, returning "")."""
    work.mkdir(parents=True, exist_ok=True)
    args = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--hide-scrollbars",
            "--allow-file-access-from-files", f"--user-data-dir={work / 'profile'}", "--virtual-time-budget=4000",
            f"--window-size={size[0]},{size[1]}"]
    args += [f"--screenshot={screenshot}"] if screenshot is not None else ["--dump-dom"]
    result = subprocess.run([*args, url], capture_output=True, text=True, timeout=timeout, env=_environment(work),
                            check=False)
    if result.returncode != 0:
        raise RuntimeError(f"chromium failed ({result.returncode}): {result.stderr[-2000:]}")
    return result.stdout
