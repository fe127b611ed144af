"""Reading HTML output the way a browser does, to check structure and escaping."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    text: str = ""


@dataclass
class Page:
    elements: list[Element] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)  # text inside <script> elements
    styles: list[str] = field(default_factory=list)
    text: str = ""  # all visible text, entities decoded

    def find(self, tag: str, **attrs: str) -> list[Element]:
        return [
            e
            for e in self.elements
            if e.tag == tag and all(e.attrs.get(k) == v for k, v in attrs.items())
        ]

    def with_class(self, tag: str, cls: str) -> list[Element]:
        return [
            e for e in self.elements if e.tag == tag and cls in (e.attrs.get("class") or "").split()
        ]


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = Page()
        self._stack: list[Element] = []
        self._texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        el = Element(tag, dict(attrs))
        self.page.elements.append(el)
        if tag not in ("meta", "link", "br", "img", "input", "hr"):
            self._stack.append(el)

    def handle_endtag(self, tag: str) -> None:
        while self._stack:
            el = self._stack.pop()
            if el.tag == tag:
                if tag == "script":
                    self.page.scripts.append(el.text)
                elif tag == "style":
                    self.page.styles.append(el.text)
                break

    def handle_data(self, data: str) -> None:
        if self._stack:
            self._stack[-1].text += data
            if self._stack[-1].tag not in ("script", "style"):
                self._texts.append(data)
        else:
            self._texts.append(data)


def parse(html: str) -> Page:
    parser = _Parser()
    parser.feed(html)
    parser.close()
    parser.page.text = "".join(parser._texts)
    return parser.page


def assert_safe(html: str, hostile: str) -> Page:
    """The hostile text shows as text, never as markup, and never inside a <script>."""
    page = parse(html)
    assert hostile in page.text, "the hostile text must be shown as text"
    assert all(hostile not in s and "alert(" not in s for s in page.scripts)
    # The only elements are the report's own: no injected <script>, <img> or <b>.
    assert len(page.find("script")) <= 1
    assert not page.find("img")
    assert not [e for e in page.elements if any(k.startswith("on") for k in e.attrs)]
    # Nothing is loaded from elsewhere: no src attributes, links only within the output.
    assert not [e for e in page.elements if "src" in e.attrs]
    for a in page.find("a"):
        assert not (a.attrs.get("href") or "").startswith(("http:", "https:", "//"))
    return page
