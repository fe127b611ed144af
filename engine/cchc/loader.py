"""The one loader of plan files: bytes → text → JSON → validated `Plan`, or an `InputError`.

Every failure becomes an `InputError` that names the file and, for content errors, the JSON
path; it is rendered in Vietnamese or English by the CLI and never shows a traceback.
"""

from __future__ import annotations

import codecs
import difflib
import json
import os
import stat
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar, get_args

from pydantic import BaseModel, ValidationError

from cchc import limits
from cchc.messages import MESSAGES, Lang, t
from cchc.model import SCHEMA_VERSION, Plan

M = TypeVar("M", bound=BaseModel)

MAX_BYTES = limits.Limits().mb("file_mb")  # the default; `--limit file_mb=N` changes it
MAX_DIGITS = 100  # digits of a JSON integer; a count is at most 6, Python refuses 4,300
MAX_SHOWN_ERRORS = 5
PLAN_SUFFIXES = (".json",)
DOCUMENT_SUFFIXES = (".txt", ".docx", ".pdf")


@dataclass(frozen=True)
class Localised:
    """A message parameter that is itself a catalogue sentence, shown in the output language."""

    key: str

    def render(self, lang: Lang) -> str:
        return t(self.key, lang)


@dataclass
class Problem:
    """One thing wrong with an input: a message key, its parameters and the JSON path."""

    key: str
    params: dict[str, Any] = field(default_factory=dict)
    path: str | None = None
    # The `--limit` name that would let the file through (keyword-only: subclasses add
    # positional fields after `path`).
    limit: str | None = field(default=None, kw_only=True)

    def render(self, lang: Lang = "vi") -> str:
        params = {
            k: v.render(lang) if isinstance(v, Localised) else v for k, v in self.params.items()
        }
        text = t(self.key, lang, **params)
        if self.limit:
            text += t("limit_hint", lang, name=self.limit)
        return f"{self.path}: {text}" if self.path else text


class InputError(Exception):
    """A plan file that cannot be used. Exit code 2; in a batch, an error row."""

    def __init__(self, file: str | os.PathLike[str], problems: list[Problem]) -> None:
        self.file = str(file)
        self.problems = problems
        super().__init__(self.render("en"))

    @classmethod
    def one(
        cls, file: str | os.PathLike[str], key: str, /, path: str | None = None, **params: Any
    ) -> InputError:
        # `file` and `key` are positional-only so that a message parameter may be called
        # `key` or `file` (json_duplicate_key has {key}).
        return cls(file, [Problem(key, params, path)])

    @classmethod
    def over_limit(
        cls, file: str | os.PathLike[str], key: str, name: str, /, **params: Any
    ) -> InputError:
        """A file past one of `cchc.limits`: the message says which `--limit` raises it."""
        return cls(
            file,
            [Problem(key, {"limit": getattr(limits.current(), name), **params}, None, limit=name)],
        )

    @property
    def field(self) -> str | None:
        return self.problems[0].path if self.problems else None

    def lines(self, lang: Lang = "vi") -> list[str]:
        shown = [p.render(lang) for p in self.problems[:MAX_SHOWN_ERRORS]]
        extra = len(self.problems) - MAX_SHOWN_ERRORS
        if extra > 0:
            shown.append(t("v_more", lang, n=extra))
        return shown

    def render(self, lang: Lang = "vi") -> str:
        return "\n".join(f"{self.file}: {line}" for line in self.lines(lang))


# --- bytes -------------------------------------------------------------------------------------


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """Read a regular file, refusing directories, pipes, devices and oversized files."""
    # Looked up at call time, not bound as a default, so that `--limit file_mb` applies.
    limit = limits.current().mb("file_mb") if limit is None else limit
    try:
        st = path.stat()  # follows links; a loop raises ELOOP
    except FileNotFoundError:
        raise InputError.one(path, "file_missing") from None
    except OSError as exc:
        raise InputError.one(path, "file_unreadable", reason=exc.strerror or str(exc)) from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError.one(path, "file_is_dir")
    if not stat.S_ISREG(st.st_mode):
        # A named pipe would block forever on open(): never open one.
        raise InputError.one(path, "file_not_regular")
    if st.st_size > limit:
        raise InputError.one(
            path, "file_too_large", size=round(st.st_size / 2**20, 1), limit=limit // 2**20
        )
    try:
        with path.open("rb") as fh:
            # Sized by the file, not the limit: a 1 kB plan does not cost a 10 MB buffer.
            data = fh.read(st.st_size + 1)
            if len(data) > st.st_size:  # it grew since stat(): read on, up to the limit
                data += fh.read(limit + 1 - len(data))
    except OSError as exc:
        raise InputError.one(path, "file_unreadable", reason=exc.strerror or str(exc)) from None
    if len(data) > limit:
        raise InputError.one(
            path, "file_too_large", size=round(len(data) / 2**20, 1), limit=limit // 2**20
        )
    return data


def decode(data: bytes, file: str | os.PathLike[str]) -> str:
    """UTF-8 (with or without BOM) or UTF-16 with a BOM; binary data is refused."""
    if data.startswith(codecs.BOM_UTF8):
        encoding, body = "utf-8", data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding, body = "utf-16", data
    else:
        encoding, body = "utf-8", data
        if b"\x00" in data[:4096]:
            raise InputError.one(file, "file_binary")
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError.one(file, "file_encoding", pos=exc.start) from None
    if not text:
        raise InputError.one(file, "file_empty")
    if not text.strip():
        raise InputError.one(file, "file_blank")
    if "\x00" in text:
        raise InputError.one(file, "file_binary")
    return text


# --- JSON --------------------------------------------------------------------------------------


class _DuplicateKey(ValueError):
    def __init__(self, key: str) -> None:
        self.key = key


class _BadConstant(ValueError):
    def __init__(self, value: str) -> None:
        self.value = value


def _pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        if key in out:
            raise _DuplicateKey(key)
        out[key] = value
    return out


def _constant(value: str) -> Any:
    raise _BadConstant(value)


class _LongNumber(ValueError):
    def __init__(self, digits: str) -> None:
        self.digits = digits


def _int(digits: str) -> int:
    # Python refuses to convert more than 4,300 digits (a ValueError the parser lets through),
    # and converting fewer still costs quadratic time: far fewer are allowed.
    if len(digits.lstrip("-")) > MAX_DIGITS:
        raise _LongNumber(digits)
    return int(digits)


def _line_of(text: str, needle: str) -> int:
    idx = text.find(needle)
    return text.count("\n", 0, idx) + 1 if idx >= 0 else 0


class _Marked(dict):  # type: ignore[type-arg]
    """An object that held a duplicate key (second, locating parse only)."""

    dup: str | None = None


class _BadValue:
    """Stands for NaN/Infinity in the second, locating parse."""


def _marking_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out = _Marked()
    for key, value in pairs:
        if key in out and out.dup is None:
            out.dup = key
        out[key] = value
    return out


def _find(value: Any, loc: tuple[int | str, ...]) -> tuple[int | str, ...] | None:
    if isinstance(value, _BadValue):
        return loc
    if isinstance(value, dict):
        if getattr(value, "dup", None) is not None:
            return (*loc, value.dup)
        for key, item in value.items():
            found = _find(item, (*loc, key))
            if found is not None:
                return found
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found = _find(item, (*loc, i))
            if found is not None:
                return found
    return None


def _locate(text: str) -> str | None:
    """The JSON path of the first duplicate key or NaN, found by parsing once more leniently.

    The hooks of the strict parse see a bad value before its parents exist, so they cannot
    know where it sits; this second parse keeps markers and walks to them.
    """
    try:
        tree = json.loads(
            text, object_pairs_hook=_marking_pairs, parse_constant=lambda _: _BadValue()
        )
        loc = _find(tree, ())
    except (ValueError, RecursionError):
        return None
    return json_path(loc) if loc else None


# The stdlib parser's reasons, as message keys; an unknown reason is shown as it is.
_JSON_REASONS = {
    "Expecting value": "json_r_value",
    "Expecting ',' delimiter": "json_r_comma",
    "Expecting ':' delimiter": "json_r_colon",
    "Expecting property name enclosed in double quotes": "json_r_name",
    "Unterminated string starting at": "json_r_string",
    "Invalid control character at": "json_r_control",
    "Invalid \\escape": "json_r_escape",
    "Invalid \\uXXXX escape": "json_r_escape",
    "Extra data": "json_r_extra",
}


def _reason(msg: str) -> Localised | str:
    key = _JSON_REASONS.get(msg)
    return Localised(key) if key else msg


def parse_json(text: str, file: str | os.PathLike[str]) -> dict[str, Any]:
    """Parse strict JSON: no NaN/Infinity, no duplicate keys, an object at the top."""
    try:
        # The stdlib parser is used because only its hooks can see duplicate keys and NaN;
        # orjson silently keeps the last duplicate.
        data = json.loads(text, object_pairs_hook=_pairs, parse_constant=_constant, parse_int=_int)
    except _LongNumber as exc:
        digits = len(exc.digits.lstrip("-"))
        raise InputError.one(
            file,
            "json_number_too_long",
            line=_line_of(text, exc.digits),
            digits=digits,
            max=MAX_DIGITS,
        ) from None
    except _DuplicateKey as exc:
        raise InputError.one(file, "json_duplicate_key", _locate(text), key=exc.key) from None
    except _BadConstant as exc:
        raise InputError.one(
            file, "json_nan", _locate(text), value=exc.value, line=_line_of(text, exc.value)
        ) from None
    except json.JSONDecodeError as exc:
        raise InputError.one(
            file, "json_syntax", reason=_reason(exc.msg), line=exc.lineno, col=exc.colno
        ) from None
    except RecursionError:
        raise InputError.one(file, "json_too_deep") from None
    if not isinstance(data, dict):
        kind = {list: "array [...]", str: "string", int: "number", float: "number", bool: "boolean"}
        raise InputError.one(file, "json_not_object", kind=kind.get(type(data), "null"))
    return data


# --- validation --------------------------------------------------------------------------------


def json_path(loc: tuple[int | str, ...]) -> str:
    """('activities', 2, 'count') → 'activities[2].count'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out or "$"


_TYPE_KEYS = {
    "missing": "v_missing",
    "extra_forbidden": "v_extra_forbidden",
    "int_type": "v_int_type",
    "int_parsing": "v_int_type",
    "int_from_float": "v_int_type",
    "greater_than_equal": "v_int_type",
    "bool_type": "v_bool_type",
    "bool_parsing": "v_bool_type",
    "string_type": "v_string_type",
    "string_too_long": "v_string_too_long",
    "string_unicode": "v_string_unicode",
    "list_type": "v_list_type",
    "model_type": "v_object_type",
    "model_attributes_type": "v_object_type",
    "dict_type": "v_object_type",
    "date_type": "v_date_type",
    "date_parsing": "v_date_type",
    "date_from_datetime_parsing": "v_date_type",
    "date_invalid": "v_date_invalid",
    "date_year": "v_date_year",
    "period_order": "v_period_order",
}


def _model_at(root: type[BaseModel], loc: tuple[int | str, ...]) -> type[BaseModel] | None:
    """The model class under `root` that holds the field at `loc` (list indices skipped)."""
    model = root
    for part in loc:
        if isinstance(part, int):
            continue
        field_info = model.model_fields.get(part)
        if field_info is None:
            return None
        inner = _inner_model(field_info.annotation)
        if inner is None:
            return None
        model = inner
    return model


def _inner_model(annotation: Any) -> type[BaseModel] | None:
    """The model class inside `X`, `X | None` or `list[X]`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _unknown_field(loc: tuple[int | str, ...], path: str, root: type[BaseModel] | None) -> Problem:
    """An unknown key, with the nearest field name of its object when one is close."""
    name = loc[-1] if loc else ""
    model = _model_at(root, loc[:-1]) if root is not None else None
    if model is not None and isinstance(name, str):
        close = difflib.get_close_matches(name, list(model.model_fields), n=1, cutoff=0.7)
        if close:
            return Problem("v_extra_forbidden_hint", {"hint": close[0]}, path)
    return Problem("v_extra_forbidden", {}, path)


def _problem(err: dict[str, Any], model: type[BaseModel] | None = None) -> Problem:
    """One pydantic error as a Problem; `model` (the validated class) enables name hints."""
    kind = err["type"]
    ctx = err.get("ctx") or {}
    path = json_path(tuple(err["loc"]))
    if kind == "extra_forbidden":
        return _unknown_field(tuple(err["loc"]), path, model)
    if kind == "enum":
        expected = str(ctx.get("expected", "")).replace(" or ", ", ")
        value = err.get("input")
        shown = "null" if value is None else value  # JSON's word, not Python's None
        return Problem("v_enum", {"value": shown, "expected": expected}, path)
    if kind == "less_than_equal":
        return Problem("v_int_range", {"max": ctx.get("le")}, path)
    if kind in ("date_invalid", "date_year"):
        return Problem(_TYPE_KEYS[kind], {"value": ctx.get("value")}, path)
    if kind == "schema_version":
        return Problem(
            "v_schema_version", {"value": ctx.get("value"), "current": SCHEMA_VERSION}, path
        )
    if kind in _TYPE_KEYS:
        return Problem(_TYPE_KEYS[kind], {}, path)
    if kind in MESSAGES:
        # A model's own check (PydanticCustomError) names its message key as its type.
        return Problem(kind, dict(ctx), path)
    return Problem("v_other", {"detail": err.get("msg", kind)}, path)


def validate(data: dict[str, Any], file: str | os.PathLike[str], model: type[M] = Plan) -> M:
    """Validate parsed JSON against `model` (a plan by default, or e.g. a results report)."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise InputError(file, [_problem(e, model) for e in exc.errors()]) from None
    except RecursionError:
        raise InputError.one(file, "json_too_deep") from None


# --- inputs of a folder ----------------------------------------------------------------------


def ensure_inside(path: str | os.PathLike[str], root: str | os.PathLike[str]) -> None:
    """Refuse a file of the folder `root` that is, once links are resolved, outside it.

    A plan folder is what the user hands over; a link in it to /etc/passwd or to another
    unit's files must not have its content read, scored and copied into the reports.
    """
    try:
        real = Path(path).resolve(strict=False)
        base = Path(root).resolve(strict=True)
    except (OSError, RuntimeError):
        return  # a loop or an unreadable folder: reading the file reports it
    if real != base and base not in real.parents:
        raise InputError.one(path, "file_outside_folder")


# --- entry point -------------------------------------------------------------------------------

# Readers for plan documents (.txt, .docx, .pdf) register here; see cchc.extract.
DocumentReader = Callable[[Path], Plan]
_document_readers: dict[str, DocumentReader] = {}


def register_document_reader(suffix: str, reader: DocumentReader) -> None:
    _document_readers[suffix] = reader


def load_plan(path: str | os.PathLike[str]) -> Plan:
    """Load and validate one plan file. Raises `InputError` with a user-facing message."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in DOCUMENT_SUFFIXES:
        reader = _document_reader(suffix)
        if reader is not None:
            return _read_in_time(reader, p)
    if suffix not in PLAN_SUFFIXES:
        read_bytes(p)  # a missing file or a directory is reported as such first
        raise InputError.one(p, "file_type", suffix=suffix or "(none)")
    text = decode(read_bytes(p), p)
    return validate(parse_json(text, p), p)


def _read_in_time(reader: DocumentReader, path: Path) -> Plan:
    """A document read within the `seconds` limit: the last guard after the size limits."""
    from cchc.timelimit import TimeLimitExceeded, time_limit

    seconds = limits.current().seconds
    try:
        with time_limit(seconds):
            return reader(path)
    except TimeLimitExceeded:
        raise InputError.over_limit(path, "limit_seconds", "seconds") from None


def _document_reader(suffix: str) -> DocumentReader | None:
    if suffix not in _document_readers:
        try:
            import cchc.extract  # noqa: F401  (registers its readers)
        except ImportError:
            return None
    return _document_readers.get(suffix)
