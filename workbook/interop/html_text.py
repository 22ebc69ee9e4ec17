"""Plain text from the little HTML that other apps put in notes.

Daylio stores rich notes as HTML (``<p>``, ``<br>``, ``<b>``, ``&amp;``).  The
journal keeps plain text, so tags are dropped, entities decoded, and block
tags become line breaks.  The stdlib parser copes with broken markup; text
that only looks like a tag (``mood < 5``) is kept as written.
"""

from __future__ import annotations

from html.parser import HTMLParser

#: Tags whose start or end begins a new line of text.
_BLOCK_TAGS = frozenset(
    {"p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "pre"}
)
#: Tags whose content is never text a person wrote.
_HIDDEN_TAGS = frozenset({"script", "style", "head", "title"})


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden += 1
        elif tag == "br" or tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN_TAGS:
            self._hidden = max(0, self._hidden - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.parts.append(data)


def html_to_text(text: str) -> str:
    """``text`` with HTML tags removed and entities decoded, as tidy plain text.

    Lines are stripped, runs of blank lines become one, and non-breaking
    spaces become ordinary ones.
    """
    if not text:
        return ""
    if "<" not in text and "&" not in text:
        if text.isprintable():
            # One line whose only spaces are plain ones (every line break and every other
            # space is unprintable): what _tidy makes of it, without splitting it into lines.
            return " ".join(text.split())
        return _tidy(text)
    collector = _TextCollector()
    collector.feed(text)
    collector.close()
    return _tidy("".join(collector.parts))


def _tidy(text: str) -> str:
    lines = [" ".join(line.replace("\xa0", " ").split()) for line in text.splitlines()]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept).strip()
