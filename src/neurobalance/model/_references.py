"""Read ``references.bib``: every citation used anywhere in neurobalance, by key."""

from __future__ import annotations

import functools
import re
from importlib import resources

__all__ = ["load_references", "doi_url", "bibtex"]

_ENTRY = re.compile(r"@(\w+)\s*\{\s*([^,\s]+)\s*,(.*?)\n\}", re.S)
_FIELD = re.compile(r"(\w+)\s*=\s*\{(.*?)\}\s*,?\s*$", re.M | re.S)


@functools.cache
def _text() -> str:
    return resources.files("neurobalance").joinpath("references.bib").read_text(encoding="utf-8")


@functools.cache
def load_references() -> dict[str, dict[str, str]]:
    """Map each bib key to its fields (lower-case names) plus ``_type`` and ``_raw``."""
    out: dict[str, dict[str, str]] = {}
    for m in _ENTRY.finditer(_text()):
        kind, key, body = m.groups()
        fields = {k.lower(): " ".join(v.split()) for k, v in _FIELD.findall(body)}
        fields["_type"] = kind.lower()
        fields["_raw"] = m.group(0)
        out[key] = fields
    return out


def doi_url(key: str) -> str | None:
    """identifiers.org URL of the entry's DOI, or None when it has no DOI."""
    doi = load_references().get(key, {}).get("doi")
    return f"https://identifiers.org/doi:{doi}" if doi else None


def bibtex(keys: set[str] | list[str]) -> str:
    """BibTeX text of the given keys, sorted."""
    refs = load_references()
    return "\n\n".join(refs[k]["_raw"] for k in sorted(keys) if k in refs)
