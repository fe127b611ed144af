"""Identity of cited documents: a citation is number + date + issuer (76/NQ-CP exists twice)."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from functools import lru_cache

from cchc.levels import level_of
from cchc.vocab import Level

_SPACES = re.compile(r"\s+")
_LEADING_ZEROS = re.compile(r"^0+(?=\d)")


# Cached: a batch of plans cites the same few dozen documents and names the same issuers.
@lru_cache(maxsize=4096)
def canonical_number(number: str) -> str:
    """'049/QĐ-BNV' → '49/QD-BNV': upper case, Đ/Ð → D, no spaces, no leading zeros."""
    text = unicodedata.normalize("NFC", number).strip()
    text = re.sub(r"^(số|so)\s*[:.]?\s*", "", text, flags=re.IGNORECASE)
    text = text.replace("Đ", "D").replace("đ", "d").replace("Ð", "D")
    text = _SPACES.sub("", text).upper()
    return _LEADING_ZEROS.sub("", text)


def cite_key(number: str, date: dt.date | str | None = None) -> str:
    """The key the rules match on: '76/NQ-CP' or '76/NQ-CP@2021-07-15'."""
    base = canonical_number(number)
    if date is None:
        return base
    iso = date if isinstance(date, str) else date.isoformat()
    return f"{base}@{iso}"


UNDATED = "?"  # '76/NQ-CP@?': the plan cites the number without a date


@lru_cache(maxsize=1)
def _symbols() -> dict[str, dict[str, dict[str, str]]]:
    from pathlib import Path

    from cchc.levels import fold
    from cchc.paths import data_dir
    from cchc.yamlsafe import read_yaml

    data = read_yaml(Path(data_dir("rules")) / "data" / "citations.yaml").data
    return {
        "by_issuer": {fold(k): v for k, v in data["by_issuer"].items()},
        "by_level": data["by_level"],
    }


def complete_number(
    number: str, kind: str | None, level: Level | None, issuer: str | None = None
) -> str:
    """'76' cited as a Government resolution → '76/NQ-CP' (plans often drop the symbol); a
    number with a symbol, or one whose kind and issuer do not settle it, is kept."""
    bare = canonical_number(number)
    if "/" in number or kind is None or not bare.isdigit():
        return number
    from cchc.levels import fold

    symbols = _symbols()
    by_name = symbols["by_issuer"].get(fold(issuer)) if issuer else None
    by_level = symbols["by_level"].get(str(level)) if level is not None else None
    symbol = (by_name or {}).get(str(kind)) or (by_level or {}).get(str(kind))
    return f"{bare}/{symbol}" if symbol else number


def level_of_name(name: str | None, on: dt.date | None = None) -> Level | None:
    """The level an issuer's name states ('UBND huyện Tân Phong' → district), or None: the
    one reader of levels (`cchc.levels`, data in rules/data/levels.yaml)."""
    return level_of(name, on)
