"""Validators for configuration values: each returns the value (converted where needed) or raises
TypeError with what the value must be.  Configuration keys and the options kinds declare
(lint.kinds.Kind.options) use them alike."""
from __future__ import annotations

import re
from typing import Any, Callable


def check_str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("must be a string")
    return value


def check_str_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, str) or not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise TypeError("must be a list of strings")
    return tuple(value)


def check_positive_int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        raise TypeError("must be a positive whole number")
    return value


def check_locale(value: Any) -> str:
    value = check_str(value)
    if not re.fullmatch(r"[a-z]{2,3}(?:-[A-Z]{2})?", value):
        raise TypeError("must be a locale like 'en-GB', 'en-US' or 'en-IN'")
    return value


def check_positive_number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value <= 0:
        raise TypeError("must be a positive number")
    return float(value)


def check_http_url(value: Any) -> str:
    value = check_str(value)
    if not re.fullmatch(r"https?://[^\s/]+(?:/\S*)?", value):
        raise TypeError("must be an http:// or https:// URL, e.g. 'http://localhost:8081'")
    return value


def one_of(*choices: str) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if check_str(value) not in choices:
            raise TypeError("must be one of " + ", ".join(f"'{c}'" for c in choices))
        return value

    return check
