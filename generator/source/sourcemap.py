"""Safe YAML loading with a source map (field path -> line and column).

PyYAML composes the node graph (which keeps every node's position); we build plain
Python data from it ourselves so that no tag can construct an object, aliases cannot
blow up (a node budget), and each value keeps its place in the file (read from the
nodes when a position is first asked for).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

from generator.core.location import Finding, InputError, Location, ToolError, os_message
from generator.core.codes import finding
from generator.source.typing_slips import find_typing_slips, with_slips

MAX_BYTES = 4 * 1024 * 1024
MAX_NODES = 500_000

_STD = "tag:yaml.org,2002:"
_STR, _SEQ, _MAP, _MERGE = (f"{_STD}{t}" for t in ("str", "seq", "map", "merge"))
_SCALAR_TAGS = {f"{_STD}{t}" for t in ("str", "int", "float", "bool", "null", "timestamp")}
_constructor = yaml.constructor.SafeConstructor()
_LEADING_ZERO = re.compile(r"^[-+]?0[0-9_]+$")
_ScalarNode = yaml.ScalarNode
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_PROBLEMS = (
    ("did not find expected ',' or ']'", "缺少“,”或“]”"),
    ("did not find expected ',' or '}'", "缺少“,”或“}”"),
    ("expected ',' or ']'", "缺少“,”或“]”"),
    ("expected ',' or '}'", "缺少“,”或“}”"),
    ("mapping values are not allowed", "此处不能出现“键: 值”（检查缩进和冒号）"),
    ("did not find expected key", "缺少键（检查缩进）"),
    ("did not find expected '-' indicator", "缺少列表符号“-”（检查缩进）"),
    ("could not find expected ':'", "缺少冒号“:”"),
    ("cannot start any token", "出现了不能开头的字符（如 Tab、@ 或 `）"),
    ("found undefined alias", "使用了未定义的别名"),
    ("unexpected end of stream", "文件意外结束（引号或括号未闭合）"),
    ("unknown escape character", "未知的转义字符"),
    ("found a tab character", "缩进中不能使用 Tab"),
    ("but found another document", "一个文件只能包含一个 YAML 文档（去掉多余的 ---）"),
    ("expected alphabetic or numeric character", "别名或锚点（* 或 &）后应为字母或数字；以 * 或 & 开头的文本请加引号"),
    ("while parsing a flow mapping", "“{”未闭合；以 { 开头的文本（如 {{ year }}）请整体加引号"),
)


def _problem_text(problem: str) -> str:
    """Return a YAML parser problem in Chinese first, the parser's words after."""
    for english, chinese in _PROBLEMS:
        if english in problem:
            return f"{chinese}（{problem}）"
    return problem


@dataclass
class SourceMap:
    """Positions of keys and values, by field path (a tuple of keys and indexes).

    ``values[path]`` is the 1-based (line, column) where a value starts, ``ends[path]``
    where it ends and ``keys[path]`` where its key starts; each table is in file order.
    """

    path: str
    values: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    keys: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    ends: dict[tuple, tuple[int, int]] = field(default_factory=dict)

    def locate(self, parts: tuple, *, key: bool = False) -> Location:
        """Return the location of a field (its key when ``key``), else of its nearest ancestor."""
        parts = tuple(parts)
        while True:
            table = self.keys if key and parts in self.keys else self.values
            if parts in table:
                line, col = table[parts]
                return Location(self.path, line, col)
            if not parts:
                return Location(self.path, 1, 1)
            parts = parts[:-1]

    def may_contain(self, fragment: str) -> bool:
        """Return False only when no text parsed from the file can contain ``fragment`` (which
        holds no white space or quote). This map does not know the text: True."""
        return True


class _ComposedMap(SourceMap):
    """The SourceMap parse_yaml returns: each table is made from the composed nodes when
    first used, since most runs never need a position (findings and edits do)."""

    def __init__(self, path: str, text: str, nodes: list, key_nodes: list):
        self.path, self._text = path, text
        self._nodes, self._key_nodes = nodes, key_nodes   # (field path, node), file order

    @cached_property
    def values(self) -> dict[tuple, tuple[int, int]]:
        return {parts: (n.start_mark.line + 1, n.start_mark.column + 1) for parts, n in self._nodes}

    @cached_property
    def keys(self) -> dict[tuple, tuple[int, int]]:
        return {parts: (n.start_mark.line + 1, n.start_mark.column + 1) for parts, n in self._key_nodes}

    @cached_property
    def ends(self) -> dict[tuple, tuple[int, int]]:
        return {parts: (n.end_mark.line + 1, n.end_mark.column + 1) for parts, n in self._nodes}

    def may_contain(self, fragment: str) -> bool:
        """False when the text shows neither ``fragment`` nor a backslash: YAML puts side by
        side characters the text does not only through double-quoted escapes (\\x7b, an
        escaped line break); folding leaves a space or line break, '' stands for one quote."""
        return self._escapes or fragment in self._text

    @cached_property
    def _escapes(self) -> bool:
        return "\\" in self._text


# PyYAML's implicit resolvers by the first character of a plain scalar (None: any), as
# they are when this module loads; _Loader relies on there being no resolver for any.
_RESOLVERS = {first: list(pairs) for first, pairs in _SafeLoader.yaml_implicit_resolvers.items()}
_ANY_FIRST = None in _RESOLVERS


class _Loader(_SafeLoader):
    """The safe loader with a quicker resolver giving the same tags (for the resolvers above,
    without path resolvers): a plain scalar whose first character starts no implicit resolver
    is text at once (most Chinese text); the tag of any other plain scalar is remembered by
    value (keys such as title repeat thousands of times)."""

    yaml_implicit_resolvers = _RESOLVERS
    yaml_path_resolvers: dict = {}

    def __init__(self, stream):
        super().__init__(stream)
        self._plain_tags: dict[str, str] = {}

    def resolve(self, kind, value, implicit):
        if kind is not _ScalarNode or not implicit[0]:
            return super().resolve(kind, value, implicit)
        if not _ANY_FIRST and value[:1] not in _RESOLVERS:
            return _STR
        tag = self._plain_tags.get(value)
        if tag is None:
            tag = self._plain_tags[value] = super().resolve(kind, value, implicit)
        return tag


def _finding(path: str, line: int, col: int, code: str, message: str) -> Finding:
    return finding(code, Location(path, line, col), message)


def read_source(path: Path | str) -> str:
    """Return the text of a plan file.

    Raises ToolError when the file cannot be read, InputError when it is too large,
    empty or not UTF-8.
    """
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_BYTES:
            raise InputError([_finding(str(path), 0, 0, "E002",
                                       f"文件过大（{size} 字节，上限 {MAX_BYTES} 字节）")])
        with open(p, "rb") as handle:       # bounded: a device such as /dev/zero has no size
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ToolError(f"{path}: 无法读取文件：{os_message(exc)}") from None
    if len(data) > MAX_BYTES:
        raise InputError([_finding(str(path), 0, 0, "E002", f"文件过大（超过上限 {MAX_BYTES} 字节）")])
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        hint = "；若是 .docx 或 .txt 旧文件，请用 workplan import 导入" if data[:2] == b"PK" else ""
        raise InputError([_finding(str(path), line, col, "E007",
                                   f"文件不是 UTF-8 文本（第 {exc.start + 1} 字节）{hint}")]) from None
    if not text.strip():
        raise InputError([_finding(str(path), 1, 1, "E006", "文件为空")])
    return text


def parse_yaml(text: str, path: str) -> tuple[object, SourceMap]:
    """Return (data, source map) for YAML text.

    Raises InputError for syntax errors, unsafe tags, duplicate keys and alias bombs, and
    for the slips of a Chinese input method (typing_slips) even where YAML reads them.
    """
    slips = find_typing_slips(text, path)
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = exc.problem or exc.context or "无法解析"
        error = _finding(path, line, col, "E001", f"YAML 语法错误：{_problem_text(problem)}")
        raise InputError(with_slips(slips, error)) from None
    except yaml.reader.ReaderError as exc:
        raise InputError([_unacceptable(exc, text, path)]) from None
    except yaml.YAMLError as exc:
        error = _finding(path, 0, 0, "E001", f"YAML 语法错误：{exc}")
        raise InputError(with_slips(slips, error)) from None
    if node is None:
        raise InputError([_finding(path, 1, 1, "E006", "文件为空")])
    builder = _Builder(path)
    data = builder.build(node, ())
    if builder.findings or slips:
        slipped = {slip.location.line for slip in slips}    # what YAML made of a slip goes
        raise InputError(slips + [f for f in builder.findings if f.location.line not in slipped])
    return data, _ComposedMap(path, text, builder.nodes, builder.key_nodes)


def _unacceptable(exc: yaml.reader.ReaderError, text: str, path: str) -> Finding:
    """Return the E001 finding, on one line at its line and column, for a character YAML
    does not accept (a control character, often invisible in an editor). The reader stops
    at the first such character; its ``position`` counts UTF-8 bytes in the C loader, so the
    place is found by the character instead."""
    pos = max(text.find(chr(exc.character)), 0)
    line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return _finding(path, line, col, "E001",
                    f"YAML 语法错误：有 YAML 不允许的控制字符 U+{exc.character:04X}（编辑器里可能看不见），请删去")


def load_yaml(path: Path | str) -> tuple[object, SourceMap]:
    """Read and safely parse a YAML file; return (data, source map). See parse_yaml."""
    return parse_yaml(read_source(path), str(path))


class _Builder:
    """Turns a composed node graph into plain data, noting in file order the node of each
    value and of each key by field path (for the source map)."""

    def __init__(self, path: str):
        self.path = path
        self.nodes: list[tuple[tuple, yaml.Node]] = []
        self.key_nodes: list[tuple[tuple, yaml.Node]] = []
        self.findings: list[Finding] = []
        self.active: set[int] = set()

    def _pos(self, node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def build(self, node, parts: tuple):
        nodes = self.nodes
        nodes.append((parts, node))
        if len(nodes) > MAX_NODES:
            line, col = self._pos(node)
            raise InputError([_finding(self.path, line, col, "E002",
                                       f"文件展开后节点过多（上限 {MAX_NODES}），可能是别名炸弹")])
        if type(node) is _ScalarNode:   # composed nodes are of the exact classes (hot path)
            return node.value if node.tag == _STR else self._scalar(node)
        if id(node) in self.active:
            line, col = self._pos(node)
            raise InputError([_finding(self.path, line, col, "E002", "别名循环引用自身")])
        self.active.add(id(node))
        try:
            if isinstance(node, yaml.SequenceNode):
                self._check_tag(node, _SEQ)
                build = self.build
                return [build(child, parts + (i,)) for i, child in enumerate(node.value)]
            return self._mapping(node, parts)
        finally:
            self.active.discard(id(node))

    def _check_tag(self, node, expected: str) -> bool:
        if node.tag == expected:
            return True
        line, col = self._pos(node)
        self.findings.append(_finding(self.path, line, col, "E003",
                                      f"不支持的 YAML 标签 {node.tag}（只允许普通数据）"))
        return False

    def _scalar(self, node):
        if node.tag not in _SCALAR_TAGS:
            self._check_tag(node, _STR)
            return node.value
        if node.tag in (_STR, f"{_STD}timestamp") or _LEADING_ZERO.match(node.value):
            return node.value  # 000128 stays text: YAML 1.1 would read it as octal
        try:
            return _constructor.construct_object(node, deep=True)
        except (ValueError, IndexError, KeyError, yaml.YAMLError):
            return node.value   # "!!int" with no digits: IndexError; "!!bool maybe": KeyError

    def _mapping(self, node, parts: tuple) -> dict:
        if node.tag == _MERGE or not self._check_tag(node, _MAP):
            return {}
        out: dict = {}
        build, key_nodes = self.build, self.key_nodes
        for key_node, value_node in node.value:
            key = key_node.value if type(key_node) is _ScalarNode else None
            if key is None or key == "<<" or key in out:
                self._refuse_key(key_node, key)
                continue
            path = parts + (key,)
            key_nodes.append((path, key_node))
            out[key] = build(value_node, path)
        return out

    def _refuse_key(self, key_node, key: str | None) -> None:
        """Note why a key is left out: not simple text, a merge key or a repeated key."""
        line, col = self._pos(key_node)
        if key is None:
            message = "键必须是简单文本（以 { 开头的文本，如 {{ year }}年……，请整体加引号）"
        elif key == "<<":
            message = "不支持合并键 <<"
        else:
            self.findings.append(_finding(self.path, line, col, "E004", f"重复的键 “{key}”"))
            return
        self.findings.append(_finding(self.path, line, col, "E003", message))
