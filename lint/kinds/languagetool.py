"""languagetool: grammar, spelling and style matches from a LanguageTool server.

The server is named by the `languagetool-url` option (configuration key, or `newslint check
--languagetool URL`), else by the NEWSLINT_LANGUAGETOOL_URL environment variable.  Without one
these rules are silent: nothing is imported, started, installed or downloaded.

What is sent to the server, the client and the mapping of its answer back to the document are
lint.languagetool_client's, imported only when a server is configured: a plain check pays nothing
for them.  The grammar, spelling and style rules share one check per document; each rule keeps
the LanguageTool categories it names.
"""
from __future__ import annotations

import os
import re
from typing import TYPE_CHECKING, Any, Iterable, Mapping

from ..analysis import Analysis
from ..document import BLOCK_KINDS
from ..findings import Hit
from ..validators import check_http_url, check_positive_number, check_str, check_str_list
from . import Kind, RuleError, string_list

if TYPE_CHECKING:
    from ..languagetool_client import MappedMatch

ENV_URL = "NEWSLINT_LANGUAGETOOL_URL"
# The categories LanguageTool defines for every language (org.languagetool.rules.Categories).
# A rule claims matches by these; a language's own categories are placed by issue type instead.
LANGUAGETOOL_CATEGORIES = frozenset({
    "CASING", "COMPOUNDING", "GRAMMAR", "TYPOS", "PUNCTUATION", "TYPOGRAPHY", "CONFUSED_WORDS",
    "REPETITIONS", "REDUNDANCY", "STYLE", "PLAIN_ENGLISH", "GENDER_NEUTRALITY", "SEMANTICS",
    "COLLOQUIALISMS", "REGIONALISMS", "FALSE_FRIENDS", "WIKIPEDIA", "MISC",
})


def server_url(options: Mapping[str, Any]) -> str | None:
    return options.get("languagetool-url") or os.environ.get(ENV_URL) or None


# ---- the kind


class LanguageTool(Kind):
    """Keeps the server's matches in `categories`, and those of `issue-types` in a category that
    is the language's own (not one of LANGUAGETOOL_CATEGORIES): the category decides, since
    LanguageTool tags even its a/an rule (MISC) a "misspelling".

    With `trust-article-names`, words the article itself treats as names (capitalised and written
    the same way twice or more) and words in the `allow-words` option are left out.
    """

    name = "languagetool"
    options = {
        "languagetool-url": check_http_url,
        "languagetool-language": check_str,
        "languagetool-enabled-rules": check_str_list,
        "languagetool-disabled-rules": check_str_list,
        "languagetool-timeout": check_positive_number,
    }
    placeholders = frozenset({"category", "lt_rule", "match", "message", "suggestion"})
    needs_server = True  # silent without a configured server (the example tests skip it then)
    params = {
        "categories": (list, []),
        "issue-types": (list, []),
        "skip-blocks": (list, []),
        "skip-quotations": (bool, False),
        "trust-article-names": (bool, False),
    }

    def prepare(self) -> None:
        self.category_ids = frozenset(string_list(self.categories, "'categories'"))
        self.issue_type_ids = frozenset(string_list(self.issue_types, "'issue-types'"))
        if not self.category_ids and not self.issue_type_ids:
            raise RuleError("name the LanguageTool 'categories' (or 'issue-types') the rule reports")
        self.skip_block_kinds = frozenset(string_list(self.skip_blocks, "'skip-blocks'"))
        unknown = self.skip_block_kinds - set(BLOCK_KINDS)
        if unknown:
            raise RuleError(f"unknown block kind in 'skip-blocks': {', '.join(sorted(unknown))} (known: {', '.join(BLOCK_KINDS)})")

    @staticmethod
    def server_configured(options: Mapping[str, Any]) -> bool:
        return server_url(options) is not None

    def claims(self, match: MappedMatch) -> bool:
        if match.category in LANGUAGETOOL_CATEGORIES:
            return match.category in self.category_ids
        return match.category in self.category_ids or match.issue_type in self.issue_type_ids

    def check(self, text: Analysis) -> Iterable[Hit]:
        if server_url(text.options) is None:
            return
        from ..languagetool_client import document_matches, request_for  # the client, only with a server

        request = request_for(text.options)
        allowed: frozenset[str] | None = None
        for match in document_matches(text, request):
            if not self.claims(match):
                continue
            if self.skip_block_kinds:
                block = text.doc.block_at(match.start)
                if block is not None and block.kind in self.skip_block_kinds:
                    continue
            if self.skip_quotations and text.in_quotation(match.start):
                continue
            words = text.text[match.start:match.end]
            if self.trust_article_names:
                if allowed is None:
                    allowed = frozenset(w.lower() for w in text.options.get("allow-words", ()))
                if words.lower() in allowed or _used_as_name(text.text, words):
                    continue
            yield Hit(match.start, match.end, self.format(
                message=match.message,
                match=words,
                lt_rule=match.rule,
                category=match.category,
                suggestion=_suggestion(match.replacements),
            ))


def _used_as_name(text: str, word: str) -> bool:
    """A capitalised word the article writes the same way twice or more is a name it knows."""
    if not word[:1].isupper() or any(c.isspace() for c in word):
        return False
    pattern = re.compile(rf"(?<![\w-]){re.escape(word)}(?![\w-])")
    return len(pattern.findall(text)) >= 2


def _suggestion(replacements: tuple[str, ...]) -> str:
    shown = [f'"{r}"' for r in replacements[:3]]
    if not shown:
        return ""
    choices = shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + f" or {shown[-1]}"
    return f" Did you mean {choices}?"
