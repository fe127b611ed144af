"""Safe YAML reading for every data file of the project (rule packs, schemes, waivers).

Only plain YAML: no Python tags (the safe loader refuses them), no anchors or aliases (a
"billion laughs" document expands exponentially), and a size limit. The composed node tree is
kept so that a validation error can be reported at its line.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

MAX_YAML_BYTES = 2 * 1024 * 1024


class YamlError(Exception):
    """A data file that cannot be read: `key` is a message key, `line` 1-based or None."""

    def __init__(self, file: Path | str, key: str, line: int | None = None, **params: Any) -> None:
        self.file = str(file)
        self.key = key
        self.line = line
        self.params = params
        super().__init__(f"{file}:{line}: {key} {params}")


# libyaml's parser when PyYAML has it (about ten times faster: a full rule set is read at every
# start of cchc-check), else the pure-Python one; both construct safely.
_Loader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _refuse_aliases(text: str, name: str) -> None:
    """An alias anywhere is refused before anything is composed (no exponential expansion)."""
    loader = _Loader(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            if isinstance(event, yaml.AliasEvent):
                raise YamlError(name, "yaml_alias", event.start_mark.line + 1)
    finally:
        loader.dispose()


def _refuse_duplicate_keys(root: yaml.Node | None, name: str) -> None:
    """A key written twice in one mapping is an error at its second line (YAML would keep the
    last silently, and a rule would lose half of what its author wrote)."""
    stack = [root] if root is not None else []
    while stack:
        node = stack.pop()
        if isinstance(node, yaml.MappingNode):
            seen: dict[str, int] = {}
            for key_node, value_node in node.value:
                if isinstance(key_node, yaml.ScalarNode):
                    line = key_node.start_mark.line + 1
                    if key_node.value in seen:
                        raise YamlError(
                            name,
                            "yaml_duplicate_key",
                            line,
                            name=key_node.value,
                            first=seen[key_node.value],
                        )
                    seen[key_node.value] = line
                stack.append(value_node)
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(node.value)


@dataclass
class YamlDoc:
    file: Path
    data: Any
    root: yaml.Node | None

    def line_of(self, loc: tuple[int | str, ...]) -> int | None:
        """The line of the deepest node on the path `loc` (1-based)."""
        node = self.root
        line = node.start_mark.line + 1 if node is not None else None
        for part in loc:
            child = None
            if isinstance(node, yaml.MappingNode) and isinstance(part, str):
                for key_node, value_node in node.value:
                    if getattr(key_node, "value", None) == part:
                        child = value_node
                        line = key_node.start_mark.line + 1
                        break
            elif (
                isinstance(node, yaml.SequenceNode)
                and isinstance(part, int)
                and 0 <= part < len(node.value)
            ):
                child = node.value[part]
                line = child.start_mark.line + 1
            if child is None:
                break
            node = child
        return line


def read_yaml(path: Path) -> YamlDoc:
    """Read one YAML file safely; raise `YamlError` with a message key and line."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise YamlError(path, "yaml_unreadable", reason=exc.strerror or str(exc)) from None
    if len(raw) > MAX_YAML_BYTES:
        raise YamlError(path, "yaml_too_large", limit=MAX_YAML_BYTES // 1024)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise YamlError(path, "yaml_encoding", pos=exc.start) from None
    loader = _Loader(text)
    try:
        _refuse_aliases(text, str(path))
        root = loader.get_single_node()
        _refuse_duplicate_keys(root, str(path))
        data = loader.construct_document(root) if root is not None else None
    except YamlError:
        raise
    except yaml.constructor.ConstructorError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise YamlError(
            path, "yaml_tag", line, tag=str(exc.problem or "").split("'")[1:2] or "?"
        ) from None
    except yaml.MarkedYAMLError as exc:
        line = exc.problem_mark.line + 1 if exc.problem_mark else None
        raise YamlError(path, "yaml_syntax", line, reason=exc.problem or str(exc)) from None
    except yaml.YAMLError as exc:
        raise YamlError(path, "yaml_syntax", None, reason=str(exc)) from None
    finally:
        loader.dispose()
    return YamlDoc(path, data, root)
