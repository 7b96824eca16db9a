"""The `newslint` command line (click).  A thin shell over runner, rules and report."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from . import __version__
from .findings import Severity

EXIT_OK, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _rule_list(values: tuple[str, ...]) -> tuple[str, ...]:
    """Accept both `--select a,b` and `--select a --select b`."""
    return tuple(item.strip() for value in values for item in value.split(",") if item.strip())


def _fail(message: str) -> None:
    click.echo(f"newslint: {message}", err=True)
    sys.exit(EXIT_ERROR)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="newslint")
def main() -> None:
    """newslint: find what a copy desk would catch in news articles."""


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(["text", "concise", "json"]), default="text", show_default=True, help="Output format.")
@click.option("--select", multiple=True, help="Rules or families to check, instead of the defaults (comma-separated).")
@click.option("--extend-select", multiple=True, help="Rules or families to check in addition to the selection.")
@click.option("--ignore", multiple=True, help="Rules or families not to check (comma-separated).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), help="Lowest severity that makes the exit code 1 [default: warning].")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="Use this configuration file instead of searching for one.")
@click.option("--locale", help="Audience locale, e.g. en-GB, en-US or en-IN (en-IN allows lakh and crore).")
@click.option("--stdin-filename", help="Name (and so format) of the text read from '-'.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True)
def check(paths, output_format, select, extend_select, ignore, fail_on, config_path, locale, stdin_filename, color) -> None:
    """Check articles: files, folders (recursively) or '-' for standard input."""
    from .config import ConfigError
    from .report import reporter
    from .runner import STDIN, CliSettings, Session
    from .rules import PackError

    options = {"locale": locale} if locale else {}
    cli = CliSettings(
        select=_rule_list(select) or None,
        extend_select=_rule_list(extend_select),
        ignore=_rule_list(ignore),
        fail_on=Severity.parse(fail_on) if fail_on else None,
        options=options,
        config=config_path,
    )
    try:
        session = Session(cli)
    except (ConfigError, PackError) as exc:
        _fail(str(exc))
    results = []
    for path, shown, error in session.collect(paths):
        if error is not None:
            from .runner import FileResult

            results.append(FileResult(shown, error=error))
        elif path is None and shown == STDIN:
            results.append(session.check_stdin(sys.stdin.buffer.read(), stdin_filename))
        else:
            results.append(session.check_file(path, shown=shown))
    use_color = color == "always" or (color == "auto" and sys.stdout.isatty() and "NO_COLOR" not in __import__("os").environ)
    reporter(output_format)(results, sys.stdout, use_color)
    seen = set()
    for result in results:
        if result.error is not None and str(result.error) not in seen:
            seen.add(str(result.error))
            click.echo(f"newslint: {result.error}", err=True)
    if seen:
        sys.exit(EXIT_ERROR)
    sys.exit(EXIT_FINDINGS if any(r.failed for r in results) else EXIT_OK)


@main.command()
@click.argument("rule_id", required=False)
@click.option("--format", "output_format", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="Also list the rules of this configuration's packs.")
def rules(rule_id, output_format, config_path) -> None:
    """List every rule, or show one rule's documentation and examples."""
    from .config import ConfigError, find_config, load_config_file
    from .rules import PackError, load_rules
    from . import rule_docs

    try:
        settings = (load_config_file(config_path) if config_path else find_config(Path.cwd().resolve())) or None
        all_rules = load_rules(settings.packs if settings else ())
    except (ConfigError, PackError) as exc:
        _fail(str(exc))
    if rule_id:
        rule = next((r for r in all_rules if r.id == rule_id), None)
        if rule is None:
            close = [r.id for r in all_rules if r.id.startswith(rule_id.split("/")[0])]
            _fail(f"no rule {rule_id!r}" + (f" (rules in that family: {', '.join(close)})" if close else ""))
        click.echo(rule_docs.render_rule(rule))
        return
    click.echo(rule_docs.render_table(all_rules, output_format), nl=False)


if __name__ == "__main__":
    main()
