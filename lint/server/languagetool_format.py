"""LanguageTool's HTTP API (/v2/languages, /v2/check), answered with newslint's findings.

Any LanguageTool client (the browser add-on's "other server", ltex, language-tool-python's
`remote_server`) can use newslint as its server.  Matches carry newslint's rule ids and
messages; offsets and lengths count UTF-16 code units of the text as sent (markup included),
as LanguageTool's Java server does.  Request parameters newslint has no use for
(motherTongue, level, ...) are accepted and ignored; rule ids that are not newslint's in
enabledRules / disabledRules are ignored too, since clients send LanguageTool's own.

Answers are bounded in size whatever the text: each match carries a context window of
CONTEXT_CHARS either side (as LanguageTool's does) and its sentence cut to SENTENCE_CHARS,
and an answer holds at most MAX_MATCHES matches (then `warnings.incompleteResults` is true).
newslint adds one field to a match that has a replacement: `newslintFixSafe`, true when
`newslint check --fix` would apply it unasked (see "Fixes and their safety").
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from .. import __version__
from ..findings import Finding, Severity
from ..lsp.positions import LineIndex, Utf16Offsets
from ..rules import FAMILIES, Rule
from ..runner import CliSettings, FileResult
from .annotated_text import AnnotatedText, parse_annotated, plain
from .errors import RequestError, check_unicode

CONTEXT_CHARS = 40
CONTEXT_MATCH_CHARS = 200  # of a longer match, the context shows this much
SENTENCE_CHARS = 500  # a match's sentence at most; a longer one is cut around the match
MAX_MATCHES = 10_000
_ENGLISH = re.compile(r"en(?:[-_]([a-z]{2}))?", re.IGNORECASE)
_RULE_PATTERN = re.compile(r"[a-z]+(?:/[a-z0-9-]+)?")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")
_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"'”’)\]]*\s+")
FORMATS = ("text", "markdown", "html")


@dataclass(frozen=True)
class Language:
    name: str
    code: str  # "en"
    long_code: str  # "en-US"


LANGUAGES = (
    Language("English", "en", "en"),
    Language("English (US)", "en", "en-US"),
    Language("English (GB)", "en", "en-GB"),
    Language("English (Australian)", "en", "en-AU"),
    Language("English (Canadian)", "en", "en-CA"),
    Language("English (New Zealand)", "en", "en-NZ"),
    Language("English (South African)", "en", "en-ZA"),
    Language("English (Indian)", "en", "en-IN"),
)
_BY_LONG_CODE = {language.long_code.lower(): language for language in LANGUAGES}

# family -> LanguageTool category id, category name, issue type (which sets the underline colour in clients)
CATEGORIES = {
    "chrome": ("CHROME", "Page chrome", "non-conformance"),
    "names": ("NAMES", "Names", "misspelling"),
    "numbers": ("NUMBERS", "Numbers", "inconsistency"),
    "attribution": ("ATTRIBUTION", "Attribution", "uncategorized"),
    "translation": ("TRANSLATION", "Translation", "mistranslation"),
    "typography": ("TYPOGRAPHY", "Typography", "typographical"),
    "readability": ("READABILITY", "Readability", "style"),
    "grammar": ("GRAMMAR", "Grammar", "grammar"),
    "spelling": ("SPELLING", "Spelling", "misspelling"),
    "style": ("STYLE", "Style", "style"),
}


def languages() -> list[dict[str, str]]:
    """The answer to GET /v2/languages."""
    return [{"name": language.name, "code": language.code, "longCode": language.long_code} for language in LANGUAGES]


def parse_language(raw: str | None) -> Language | None:
    """The requested language; None for 'auto'.  newslint checks English only."""
    if raw is None or not raw.strip():
        raise RequestError(400, "missing 'language' parameter (use 'auto', 'en' or a variant such as 'en-US', 'en-GB', 'en-IN')")
    raw = raw.strip()
    if raw.lower() == "auto":
        return None
    match = _ENGLISH.fullmatch(raw)
    if match is None:
        raise RequestError(400, f"language '{raw}' is not supported: newslint checks English only "
                                "(use 'auto', 'en' or a variant such as 'en-US', 'en-GB', 'en-IN')")
    if match.group(1) is None:
        return LANGUAGES[0]
    long_code = f"en-{match.group(1).upper()}"
    return _BY_LONG_CODE.get(long_code.lower()) or Language(f"English ({match.group(1).upper()})", "en", long_code)


@dataclass(frozen=True)
class CheckRequest:
    text: AnnotatedText
    language: Language | None  # None: 'auto'
    overrides: CliSettings
    fmt: str


def _items(value: str | None) -> list[str]:
    return [item.strip() for item in (value or "").split(",") if item.strip()]


def _rule_patterns(value: str | None) -> list[str]:
    return [item for item in _items(value) if _RULE_PATTERN.fullmatch(item) and item.split("/")[0] in FAMILIES]


def _families(value: str | None) -> list[str]:
    return [item.lower() for item in _items(value) if item.lower() in FAMILIES]


def read_check_request(params: Mapping[str, str], rule_ids: Iterable[str] = ()) -> CheckRequest:
    """A /v2/check request from its form parameters; `rule_ids` are the rules the server knows."""
    language = parse_language(params.get("language"))
    if ("text" in params) == ("data" in params):
        raise RequestError(400, "send the text to check as either 'text' or 'data' (annotated text), one of them")
    fmt = params.get("format", "text")  # newslint's own addition: 'markdown' or 'html' for text=
    if fmt not in FORMATS:
        raise RequestError(400, f"unknown format '{fmt}' (use {', '.join(FORMATS)})")
    if "data" in params:
        if fmt != "text":
            raise RequestError(400, "'format' applies to 'text' only: annotated text ('data') already marks its markup")
        text = parse_annotated(params["data"])
    else:
        check_unicode(params["text"], "'text'")
        text = plain(params["text"])
    locale = language.long_code if language is not None and language.long_code != "en" else None
    if language is None:
        # With 'auto', a client names the variant it prefers, e.g. preferredVariants=en-GB,de-AT.
        locale = next((v for v in _items(params.get("preferredVariants")) if re.fullmatch(r"en-[A-Z]{2}", v)), None)
    enabled = _rule_patterns(params.get("enabledRules")) + _families(params.get("enabledCategories"))
    # A disabled category is each of its rules: a family alone would lose to a configuration
    # that selects some of its rules by id (the more specific pattern wins).
    disabled_families = _families(params.get("disabledCategories"))
    disabled = _rule_patterns(params.get("disabledRules")) + disabled_families
    disabled += [rule for rule in rule_ids if rule.split("/", 1)[0] in disabled_families]
    only = params.get("enabledOnly", "false").strip().lower() == "true"
    if only and not (_items(params.get("enabledRules")) or _items(params.get("enabledCategories"))):
        raise RequestError(400, "enabledOnly=true needs enabledRules or enabledCategories")
    overrides = CliSettings(
        select=tuple(enabled) if only else None,
        extend_select=() if only else tuple(enabled),
        ignore=tuple(disabled),
        options={"locale": locale} if locale else {},
    )
    return CheckRequest(text, language, overrides, fmt)


def _replacement(text: str, finding: Finding, lines: LineIndex, start: int, end: int) -> str | None:
    """The fix as a replacement of the match's own span (what LanguageTool clients apply), if it is one."""
    fix = finding.fix
    if fix is None:
        return None
    fix_start, fix_end = lines.offset(fix.start), lines.offset(fix.end)
    old, new = text[fix_start:fix_end], fix.replacement
    # Narrow the fix to what it changes, then see whether that lies within the match.
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(old), len(new)) - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    changed_start, changed_end = fix_start + prefix, fix_end - suffix
    if not (start <= changed_start and changed_end <= end):
        return None
    return text[start:changed_start] + new[prefix:len(new) - suffix] + text[changed_end:end]


def _context(original: str, start: int, end: int, to_utf16: Utf16Offsets) -> dict[str, Any]:
    left = max(start - CONTEXT_CHARS, 0)
    # Start the window after the last astral character before the match, so that the offset
    # in the context is the same in UTF-16 units and in code points: every client gets it right.
    astral = [m.end() for m in _ASTRAL.finditer(original, left, start)]
    left = astral[-1] if astral else left
    shown_end = min(end, start + CONTEXT_MATCH_CHARS)  # a long match is shown in part
    right = min(shown_end + CONTEXT_CHARS, len(original))
    window = re.sub(r"[\r\n\t]", " ", original[left:right])
    before, after = ("..." if left > 0 else ""), ("..." if right < len(original) else "")
    return {
        "text": before + window + after,
        "offset": len(before) + start - left,
        "length": to_utf16(shown_end) - to_utf16(start),
    }


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence of the checked text that holds the span (within its line), at most SENTENCE_CHARS.

    Only a window around the span is searched, so that many matches on one long line cost
    time in proportion to their number, not to the line's length times it.
    """
    end = min(end, start + SENTENCE_CHARS)
    reach = max((SENTENCE_CHARS - (end - start)) // 2, 0)
    window_start, window_end = max(start - reach, 0), min(end + reach, len(text))
    line_start = text.rfind("\n", window_start, start) + 1 or window_start
    line_end = text.find("\n", end, window_end)
    line_end = window_end if line_end == -1 else line_end
    sentence_start, sentence_end = line_start, line_end
    for match in _SENTENCE_END.finditer(text, line_start, line_end):
        if match.end() <= start:
            sentence_start = match.end()
        elif match.start() >= end:
            sentence_end = match.start()
            break
    return text[sentence_start:sentence_end].strip()


def _rule(finding: Finding, rules: Mapping[str, Rule]) -> dict[str, Any]:
    family = finding.rule.split("/", 1)[0]
    category_id, category_name, issue_type = CATEGORIES.get(family, (family.upper(), family.title(), "uncategorized"))
    rule = rules.get(finding.rule)
    return {
        "id": finding.rule,
        "description": rule.summary if rule is not None else finding.rule,
        "issueType": issue_type,
        "category": {"id": category_id, "name": category_name},
    }


def matches(request: CheckRequest, result: FileResult, rules: Mapping[str, Rule]) -> list[dict[str, Any]]:
    annotated = request.text
    checked, original = annotated.checked, annotated.original
    lines = LineIndex(checked)
    to_utf16 = Utf16Offsets(original)
    found = []
    for finding in result.findings[:MAX_MATCHES]:
        start, end = lines.offset(finding.start), lines.offset(finding.end)
        original_start = annotated.to_original(start)
        original_end = max(annotated.to_original(end, end=True), original_start)
        replacement = _replacement(checked, finding, lines, start, end) if annotated.verbatim(start, end) else None
        match: dict[str, Any] = {
            "message": finding.message,
            "shortMessage": "",
            "replacements": [] if replacement is None else [{"value": replacement}],
            "offset": to_utf16(original_start),
            "length": to_utf16(original_end) - to_utf16(original_start),
            "context": _context(original, original_start, original_end, to_utf16),
            "sentence": _sentence(checked, start, end),
            "type": {"typeName": "Hint" if finding.severity == Severity.INFO else "Other"},
            "rule": _rule(finding, rules),
            "ignoreForIncompleteSentence": False,
            "contextForSureMatch": 0,
        }
        if replacement is not None:
            match["newslintFixSafe"] = finding.fix.safe
        found.append(match)
    return found


def check_response(request: CheckRequest, result: FileResult, rules: Mapping[str, Rule]) -> dict[str, Any]:
    """The answer to POST /v2/check."""
    language = request.language or next((l for l in LANGUAGES if l.long_code == (request.overrides.options.get("locale") or "en")), LANGUAGES[0])
    detected: dict[str, Any] = {"name": language.name, "code": language.long_code}
    if request.language is not None:
        detected["confidence"] = 1.0  # no detection: the client named the language
    return {
        "software": {"name": "newslint", "version": __version__, "apiVersion": 1, "premium": False, "status": ""},
        "warnings": {"incompleteResults": len(result.findings) > MAX_MATCHES},
        "language": {"name": language.name, "code": language.long_code, "detectedLanguage": detected},
        "matches": matches(request, result, rules),
    }
