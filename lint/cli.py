"""The `newslint` command line (click).  A thin shell over runner, rules and report."""
from __future__ import annotations

import os
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
@click.option("--format", "output_format", type=click.Choice(["text", "concise", "json", "sarif", "github", "junit", "html"]), default="text", show_default=True, help="Output format (sarif for code scanning, github for Actions annotations, junit for test reports, html for a self-contained report page).")
@click.option("--select", multiple=True, help="Rules or families to check, instead of the defaults (comma-separated).")
@click.option("--extend-select", multiple=True, help="Rules or families to check in addition to the selection.")
@click.option("--ignore", multiple=True, help="Rules or families not to check (comma-separated).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "info"]), help="Lowest severity that makes the exit code 1 [default: warning].")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="Use this configuration file instead of searching for one.")
@click.option("--locale", help="Audience locale, e.g. en-GB, en-US or en-IN (en-IN allows lakh and crore).")
@click.option("--languagetool", "languagetool_url", metavar="URL", help="LanguageTool server for the grammar, spelling and style rules [default: NEWSLINT_LANGUAGETOOL_URL].")
@click.option("--stdin-filename", help="Name (and so format) of the text read from '-'.")
@click.option("--source", "source_path", type=click.Path(dir_okay=False, path_type=Path), help="The text the checked article was translated from: the bilingual rules compare the two.")
@click.option("--color", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True)
@click.option("--fix", is_flag=True, help="Apply the safe fixes of the selected rules in place ('-': print the fixed text).")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, also the unsafe fixes (a name rewritten, a unit converted, a guessed chrome line deleted).")
@click.option("--diff", "show_diff", is_flag=True, help="Print the fixes --fix would apply as a unified diff; change nothing.")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False, path_type=Path), help="Report only findings this baseline file does not record.")
@click.option("--write-baseline", "new_baseline", type=click.Path(dir_okay=False, path_type=Path), help="Record today's findings in this file, report nothing and exit 0.")
@click.option("--since", metavar="REV", help="Report only findings on lines changed since git revision REV (from its merge base with HEAD).")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=1, show_default=True, help="Check files in N processes (0: one per processor).")
@click.option("--force-exclude", is_flag=True, help="Apply 'exclude' to files named on the command line too (as pre-commit names them).")
def check(paths, output_format, select, extend_select, ignore, fail_on, config_path, locale, stdin_filename, source_path, color,
          fix, unsafe_fixes, show_diff, baseline_file, new_baseline, since, jobs, force_exclude, languagetool_url=None) -> None:
    """Check articles: files, folders (recursively) or '-' for standard input."""
    from .config import ConfigError
    from .parallel import check_items
    from .report import reporter, wants_rules
    from .rules import PackError
    from .runner import STDIN, CliSettings, Session

    if fix and show_diff:
        _fail("--fix and --diff cannot be used together (--diff shows what --fix would do)")
    if source_path is not None and (len(paths) != 1 or Path(paths[0]).is_dir()):
        _fail("--source names the source of one article: give one file (or '-') to check against it")

    options = {"locale": locale} if locale else {}
    if languagetool_url:
        options["languagetool-url"] = languagetool_url
    cli = CliSettings(
        select=_rule_list(select) or None,
        extend_select=_rule_list(extend_select),
        ignore=_rule_list(ignore),
        fail_on=Severity.parse(fail_on) if fail_on else None,
        options=options,
        config=config_path,
        source=source_path,
    )
    try:
        session = Session(cli)
    except (ConfigError, PackError) as exc:
        _fail(str(exc))
    baseline = _load_baseline(baseline_file) if baseline_file else None
    changes = _changes_since(since) if since else None
    items = []
    for raw in paths:
        found = list(session.collect([raw], force_exclude=force_exclude))
        if not found and Path(raw).is_dir():
            click.echo(f"newslint: warning: {raw}: no file to check there (include: {', '.join(_include_globs(session, raw))})", err=True)
        items += found
    results = check_items(session, items, jobs=jobs, read_stdin=sys.stdin.buffer.read, stdin_filename=stdin_filename, progress=sys.stderr)

    def narrow(checked: list) -> list:
        """Only what this run reports: findings on changed lines, then those the baseline lacks."""
        if changes is not None:
            checked = [changes.changed_findings(r) for r in checked]
        if baseline is not None:
            checked = [baseline.new_findings(r) for r in checked]
        return checked

    if new_baseline is not None:
        from .baseline import BaselineError, write_baseline

        try:
            count = write_baseline(new_baseline, [changes.changed_findings(r) for r in results] if changes else results)
        except BaselineError as exc:
            _fail(str(exc))
        click.echo(f"newslint: recorded {count} finding{'s' * (count != 1)} in {new_baseline}", err=True)
        sys.exit(_report_errors(results) or EXIT_OK)
    results = narrow(results)
    out = sys.stdout
    failures: list[str] = []
    if show_diff:
        sys.exit(_report_errors(results) or _print_diff(session, results, unsafe_fixes))
    if fix:
        from_stdin = {i for i, (path, shown, error) in enumerate(items) if path is None and shown == STDIN and error is None}
        results, rechecked, failures = _fix(session, results, from_stdin, unsafe_fixes, [p for p in paths if p != STDIN])
        if rechecked:
            changes = _changes_since(since) if since else None  # the fixes moved lines: ask git again
            for i in rechecked:
                results[i] = narrow([results[i]])[0]
        if from_stdin:
            out = sys.stderr  # standard output carries the fixed text
    use_color = color == "always" or (color == "auto" and out.isatty() and "NO_COLOR" not in os.environ)
    extra = {"rules": session.rules_for(p for p, _, e in items if e is None)} if wants_rules(output_format) else {}
    reporter(output_format)(results, out, use_color, **extra)
    for warning in dict.fromkeys(session.warnings):
        click.echo(f"newslint: warning: {warning}", err=True)
    for failure in failures:
        click.echo(f"newslint: {failure}", err=True)
    if _report_errors(results) or failures:
        sys.exit(EXIT_ERROR)
    if not any(r.error is None for r in results):
        _fail("no file was checked (a mistyped path must not pass)")
    sys.exit(EXIT_FINDINGS if any(r.failed for r in results) else EXIT_OK)


def _load_baseline(path: Path):
    # Imported only when asked for, like every option's machinery: a plain check must start fast.
    from .baseline import BaselineError, load_baseline

    try:
        return load_baseline(path)
    except BaselineError as exc:
        _fail(str(exc))


def _changes_since(revision: str):
    from .vcs import VcsError, changes_since

    try:
        return changes_since(revision)
    except VcsError as exc:
        _fail(str(exc))


def _include_globs(session, folder: str) -> tuple[str, ...]:
    try:
        return session.settings_for(Path(folder) / "_").include
    except Exception:  # noqa: BLE001 - the configuration's own error is reported when a file is checked
        return ()


def _report_errors(results) -> int:
    """Print each file that could not be checked, once, and a configuration problem once for all
    the files it stops; EXIT_ERROR if there was any."""
    seen = set()
    for result in results:
        if result.error is None:
            continue
        reason = result.error.reason
        key = reason if reason.startswith("not checked:") else str(result.error)
        if key not in seen:
            seen.add(key)
            click.echo(f"newslint: {result.error}", err=True)
    return EXIT_ERROR if seen else EXIT_OK


def _print_diff(session, results, unsafe: bool) -> int:
    """--diff: the fixes --fix would apply as a unified diff, each unsafe one named on standard
    error; exit 1 when there is anything to fix."""
    from .fixes import settled_plan, summary, unified_diff

    plans = [fix_plan for fix_plan in (settled_plan(r, _rechecker(session, r), unsafe=unsafe) for r in results)
             if fix_plan is not None]
    for fix_plan in plans:
        if fix_plan.new != fix_plan.old:
            click.echo(unified_diff(fix_plan), nl=False)
            for finding in fix_plan.fixed:
                if not finding.fix.safe:
                    click.echo(f"newslint: {finding.path}:{finding.start.line}:{finding.start.column}: unsafe fix of {finding.rule} in the diff", err=True)
    click.echo(f"newslint: {summary(plans, 'would fix')}", err=True)
    return EXIT_FINDINGS if any(fix_plan.new != fix_plan.old for fix_plan in plans) else EXIT_OK


def _rechecker(session, result):
    """Check a file's fixed text as the file itself is checked (its settings, its format)."""
    return lambda text: session.check_text(result.path, text, bom=result.bom)


def _fix(session, results, from_stdin: set[int], unsafe: bool, named: list[str]):
    """--fix: write each file's fixes, then check the fixed files again for what remains.

    Returns the results, the indexes of those checked again, and the files that could not be
    fixed (changed on disk meanwhile, or not writable).
    """
    from .fixes import FileChanged, checked_roots, encode, leaves_tree, settled_plan, summary, write_fixed

    roots = checked_roots(named)

    results = list(results)
    failures: list[str] = []
    done = []
    rechecked: list[int] = []
    for index, result in enumerate(results):
        fix_plan = settled_plan(result, _rechecker(session, result), unsafe=unsafe)
        changed = fix_plan is not None and fix_plan.new != fix_plan.old
        if index in from_stdin:
            # The fixed text goes to standard output (unchanged text too: a filter never eats input).
            sys.stdout.buffer.write(encode(fix_plan.new if changed else result.source, result.bom))
            sys.stdout.flush()
            if changed:
                results[index] = session.check_text(result.path, fix_plan.new, bom=result.bom)
        elif changed and leaves_tree(Path(result.path), roots):
            failures.append(f"{result.path}: a symbolic link out of the checked tree; not fixed")
            continue
        elif changed:
            try:
                write_fixed(Path(result.path), fix_plan, bom=result.bom, stamp=result.stamp)
            except FileChanged as exc:
                failures.append(str(exc))
                continue
            except OSError as exc:
                failures.append(f"{result.path}: cannot write the fixes: {exc.strerror or exc}")
                continue
            # Line numbers moved: what remains is found by checking the fixed file again.
            results[index] = session.check_file(Path(result.path), shown=result.path)
        if fix_plan is not None:
            done.append(fix_plan)
        if changed:
            rechecked.append(index)
    click.echo(f"newslint: {summary(done, 'fixed')}", err=True)
    return results, rechecked, failures


@main.command()
@click.argument("names", nargs=-1)
@click.option("--format", "output_format", type=click.Choice(["text", "json", "markdown"]), default="text", show_default=True)
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="Also list the rules of this configuration's packs.")
@click.option("--test", "run_tests", is_flag=True, help="Run the examples of the rules of these packs (default: every loaded pack); exit 1 on a failure.")
def rules(names, output_format, config_path, run_tests) -> None:
    """List every rule, the rules of one family (`rules chrome`), or show one rule's documentation
    and examples; with --test, check that every example of the given packs fires or stays quiet."""
    from . import rule_docs
    from .config import ConfigError, find_config, load_config_file
    from .rules import PackError, load_pack, load_rules
    from .suppressions import UNUSED_SUPPRESSION_RULE

    if run_tests:
        try:
            tested = [r for name in names for r in load_pack(Path(name).resolve())] if names else None
        except PackError as exc:
            _fail(str(exc))
    elif len(names) > 1:
        _fail("name one rule or family (or use --test with rule packs)")
    rule_id = names[0] if names and not run_tests else None
    try:
        settings = (load_config_file(config_path) if config_path else find_config(Path.cwd().resolve())) or None
        # The last is reported by the engine, not by a pack.
        all_rules = (*load_rules(settings.packs if settings else ()), UNUSED_SUPPRESSION_RULE)
    except (ConfigError, PackError) as exc:
        _fail(str(exc))
    if run_tests:
        sys.exit(_test_examples(tested if tested is not None else all_rules))
    if rule_id and "/" not in rule_id:
        # A family: list its rules.
        family = [r for r in all_rules if r.family == rule_id]
        if not family:
            from .selection import unknown_selection

            _fail(unknown_selection([rule_id], [r.id for r in all_rules]) or f"no family {rule_id!r}")
        all_rules = tuple(family)
    elif rule_id:
        rule = next((r for r in all_rules if r.id == rule_id), None)
        if rule is None:
            close = [r.id for r in all_rules if r.id.startswith(rule_id.split("/")[0])]
            _fail(f"no rule {rule_id!r}" + (f" (rules in that family: {', '.join(close)})" if close else ""))
        click.echo(rule_docs.render_rule(rule))
        return
    click.echo(rule_docs.render_table(all_rules, output_format), nl=False)


def _test_examples(rules) -> int:
    """`rules --test`: every failing example on a line; EXIT_FINDINGS when there is one."""
    from .examples import needs_server, run_all

    failures = run_all(rules)
    for failure in failures:
        click.echo(f"FAIL {failure}")
    skipped = [rule.id for rule in rules if needs_server(rule)]
    tried = [rule for rule in rules if not needs_server(rule)]
    examples = sum(len(rule.examples) for rule in tried)
    click.echo(f"{len(failures)} failing of {examples} examples in {len(tried)} rules"
               + (f" ({len(skipped)} need a LanguageTool server: not tried)" if skipped else ""))
    return EXIT_FINDINGS if failures else EXIT_OK


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="Use this configuration file instead of searching for one.")
def stats(paths, output_format, config_path) -> None:
    """Readability figures per article: words, sentences, mean sentence length, Flesch scores, long sentences."""
    from .config import ConfigError
    from .rules import PackError
    from .stats import collect_stats, render_json, render_table

    try:
        records, errors = collect_stats(paths, config_path, read_stdin=sys.stdin.buffer.read)
    except (ConfigError, PackError) as exc:
        _fail(str(exc))
    click.echo(render_json(records, errors, __version__) if output_format == "json" else render_table(records), nl=False)
    for path, reason in errors:
        click.echo(f"newslint: {path}: {reason}", err=True)
    sys.exit(EXIT_ERROR if errors else EXIT_OK)


@main.command()
@click.argument("sources", nargs=-1, required=True)
@click.option("--out", "out", required=True, type=click.Path(file_okay=False, path_type=Path), help="Folder for the findings (Parquet) and the summary; a re-run resumes there.")
@click.option("--scheduler", metavar="ADDRESS", help="Run on the Dask cluster at ADDRESS (tcp://host:8786), or local:N for a local cluster of N workers.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True, help="Without --scheduler: local worker processes (0: one per processor).")
@click.option("--partition-size", type=click.IntRange(min=1), default=500, show_default=True, help="Articles per partition (the unit of work and of resuming).")
@click.option("--text-column", default="text", show_default=True, help="Column holding the article's text.")
@click.option("--id-column", default="id", show_default=True, help="Column holding the article's id (default: file name and row).")
@click.option("--source-column", help="Column naming the feed or source [default: source, else feed].")
@click.option("--section-column", default="section", show_default=True)
@click.option("--date-column", default="date", show_default=True, help="Column holding the date (ISO, for the summary by month).")
@click.option("--url-column", default="url", show_default=True)
@click.option("--text-format", type=click.Choice(["text", "markdown", "html"]), default="text", show_default=True, help="Format of the text column's articles.")
@click.option("--select", multiple=True, help="Rules or families to check, instead of the defaults (comma-separated).")
@click.option("--extend-select", multiple=True, help="Rules or families to check in addition to the selection.")
@click.option("--ignore", multiple=True, help="Rules or families not to check (comma-separated).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="Use this configuration file instead of searching for one.")
@click.option("--locale", help="Audience locale, e.g. en-GB, en-US or en-IN.")
@click.option("--restart", is_flag=True, help="Discard what --out holds and audit from the start.")
def audit(sources, out, scheduler, jobs, partition_size, text_column, id_column, source_column, section_column, date_column,
          url_column, text_format, select, extend_select, ignore, config_path, locale, restart) -> None:
    """Audit an archive: folders of articles, or JSON Lines, CSV or Parquet files with a text column."""
    from .audit.command import audit_command
    from .runner import CliSettings

    cli = CliSettings(select=_rule_list(select) or None, extend_select=_rule_list(extend_select), ignore=_rule_list(ignore),
                      options={"locale": locale} if locale else {}, config=config_path)
    columns = {"text": text_column, "id": id_column, "source": source_column, "section": section_column, "date": date_column, "url": url_column}
    sys.exit(audit_command(sources, out, cli, columns=columns, text_format=text_format, partition_size=partition_size,
                           scheduler=scheduler, jobs=jobs, restart=restart))


@main.command()
def lsp() -> None:
    """Run the language server on standard input and output (for editors)."""
    from .lsp.server import run

    run()


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on (keep it on loopback unless you mean to share it).")
@click.option("--port", type=click.IntRange(0, 65535), default=8081, show_default=True, help="Port to listen on (0: any free port).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path), help="Use this configuration file instead of searching for one.")
@click.option("--max-bytes", type=click.IntRange(min=1), default=1024 * 1024, show_default=True, help="Largest request body accepted (larger: 413).")
@click.option("--allow-origin", "allow_origins", multiple=True, metavar="ORIGIN",
              help="Let web pages from this origin (e.g. https://cms.example.org) use the server; repeatable. Others are refused.")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="Also answer requests whose Host header is NAME (with --host 0.0.0.0: the names clients use); repeatable.")
@click.option("--workers", type=click.IntRange(1, 64), default=4, show_default=True, help="Threads that check requests.")
@click.option("--max-connections", type=click.IntRange(1, 10000), default=512, show_default=True,
              help="Connections served at once; more wait for a free one.")
@click.option("--token", metavar="TOKEN",
              help="Require this token of every request (Authorization: Bearer, or the page opened as /?token=...) "
                   "[default: NEWSLINT_TOKEN; beyond loopback, a new one is printed].")
@click.option("--quiet", is_flag=True, help="Do not log each request on standard error.")
def serve(host, port, config_path, max_bytes, allow_origins, allow_hosts, workers, max_connections, token, quiet) -> None:
    """Serve the copy desk's page at /, checks over HTTP: LanguageTool's /v2/check API, and newslint's JSON at /v1/check."""
    from .config import ConfigError
    from .server.http import serve as run_server
    from .server.transport import Limits

    limits = Limits(max_bytes=max_bytes, workers=workers, max_connections=max_connections)
    try:
        run_server(host, port, config=config_path, limits=limits, quiet=quiet, allow_origins=allow_origins, allow_hosts=allow_hosts,
                   token=token)
    except ConfigError as exc:
        _fail(str(exc))
    except ValueError as exc:
        _fail(str(exc))  # the message names its option
    except OSError as exc:
        _fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")


if __name__ == "__main__":
    main()
