"""The one error a request can end in: an HTTP status and a message saying what to change."""
from __future__ import annotations


class RequestError(Exception):
    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def check_unicode(text: str, what: str) -> None:
    """Refuse a lone surrogate (JSON's "\\ud800" escape allows one): no answer could carry it."""
    import re

    found = re.search("[\ud800-\udfff]", text)
    if found is not None:
        raise RequestError(400, f"{what} holds a lone surrogate (U+{ord(found.group()):04X}) at offset {found.start()}: "
                                "it is not a character and cannot be checked")
