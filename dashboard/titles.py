"""Briefing titles for the picker, read cheaply: the `title:` line near the top of briefing.yaml (or
the "title" of briefing.json), without loading the briefing. Anything unreadable falls back to the id."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

_HEAD_BYTES = 16_384  # the briefing section comes first; a title further down is not looked for
_TITLE = re.compile(r"^ {0,4}title:[ \t]*(.+?)[ \t]*$", re.MULTILINE)


def briefing_title(folder: Path) -> str:
    try:
        for name in ("briefing.yaml", "briefing.yml"):
            file = folder / name
            if file.is_file() and not file.is_symlink():
                head = file.open("rb").read(_HEAD_BYTES).decode("utf-8", "replace")
                found = _TITLE.search(head)
                if found:
                    value = yaml.safe_load(found.group(1))
                    return str(value).strip()[:200] if isinstance(value, str) else folder.name
        file = folder / "briefing.json"
        if file.is_file() and not file.is_symlink() and file.stat().st_size < 1_000_000:
            document = json.loads(file.read_text(encoding="utf-8"))
            section = document.get("briefing", document) if isinstance(document, dict) else {}
            title = section.get("title") if isinstance(section, dict) else None
            return title.strip()[:200] if isinstance(title, str) else folder.name
    except (OSError, ValueError, yaml.YAMLError):
        pass
    return folder.name
