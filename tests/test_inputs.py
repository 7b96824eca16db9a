"""Bad input: a clear one-line error naming the file and the problem, exit 2, other files still checked."""
from __future__ import annotations

import json

from click.testing import CliRunner

from lint.cli import main

CHROME = "Harbour ferry returns\n\nThe ferry returned on Monday, the office said.\n\nPlease enter your comment!\n"


def run(args, **kwargs):
    return CliRunner().invoke(main, args, catch_exceptions=False, **kwargs)


def _write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _check_bad(tmp_path, name, data: bytes, expected_reason: str):
    bad = _write(tmp_path, name, data)
    good = _write(tmp_path, "good.txt", CHROME.encode())
    result = run(["check", "--format", "json", str(bad), str(good)])
    assert result.exit_code == 2
    errors = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(errors) == 1, errors
    assert str(bad) in errors[0] and expected_reason in errors[0]
    # The good file was still checked and reported.
    findings = json.loads(result.stdout)["findings"]
    assert any(f["path"] == str(good) and f["rule"] == "chrome/comment-form" for f in findings)


def test_binary_file(tmp_path):
    _check_bad(tmp_path, "photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "binary")


def test_invalid_utf8(tmp_path):
    _check_bad(tmp_path, "latin1.txt", "Caf\u00e9 owners said prices rose.\n".encode("latin-1"), "invalid UTF-8")


def test_utf16_is_named(tmp_path):
    _check_bad(tmp_path, "wide.txt", "The council said.\n".encode("utf-16"), "UTF-16")


def test_empty_file(tmp_path):
    _check_bad(tmp_path, "empty.txt", b"", "empty")


def test_whitespace_only_file(tmp_path):
    _check_bad(tmp_path, "blank.md", b"  \n\n\t\n", "empty")


def test_huge_file(tmp_path):
    (tmp_path / "newslint.toml").write_text("max-file-size = 1000\n")
    _check_bad(tmp_path, "huge.txt", b"The council met again. " * 100, "limit")


def test_missing_path(tmp_path):
    good = _write(tmp_path, "good.txt", CHROME.encode())
    result = run(["check", str(tmp_path / "nowhere.txt"), str(good)])
    assert result.exit_code == 2
    assert f"{tmp_path / 'nowhere.txt'}: no such file or directory" in result.stderr
    assert "chrome/comment-form" in result.stdout


def test_broken_config_names_file_and_key(tmp_path):
    (tmp_path / "newslint.toml").write_text('selekt = ["chrome"]\n')
    good = _write(tmp_path, "good.txt", CHROME.encode())
    result = run(["check", str(good)])
    assert result.exit_code == 2
    assert "newslint.toml" in result.stderr and "selekt" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_invalid_toml_config(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.newslint\nselect = 1\n")
    good = _write(tmp_path, "good.txt", CHROME.encode())
    result = run(["check", str(good)])
    assert result.exit_code == 2
    assert "pyproject.toml" in result.stderr and "invalid TOML" in result.stderr


def test_wrong_value_type_in_config(tmp_path):
    (tmp_path / "pyproject.toml").write_text('[tool.newslint]\nfail-on = "sometimes"\n')
    good = _write(tmp_path, "good.txt", CHROME.encode())
    result = run(["check", str(good)])
    assert result.exit_code == 2
    assert "tool.newslint.fail-on" in result.stderr


def test_malformed_rule_pack(tmp_path):
    (tmp_path / "house.toml").write_text('[[rules]]\nid = "house/Bad Id"\nkind = "phrase"\n')
    (tmp_path / "newslint.toml").write_text('packs = ["house.toml"]\n')
    good = _write(tmp_path, "good.txt", CHROME.encode())
    result = run(["check", str(good)])
    assert result.exit_code == 2
    assert "house.toml" in result.stderr and "id" in result.stderr


def test_rule_pack_with_unknown_kind(tmp_path):
    (tmp_path / "house.toml").write_text(
        '[[rules]]\nid = "style/house"\nkind = "telepathy"\nmessage = "m"\nsummary = "s"\n'
    )
    (tmp_path / "newslint.toml").write_text('packs = ["house.toml"]\n')
    result = run(["check", str(_write(tmp_path, "good.txt", CHROME.encode()))])
    assert result.exit_code == 2
    assert "house.toml" in result.stderr and "telepathy" in result.stderr


def test_bad_file_in_folder_does_not_stop_the_others(tmp_path):
    _write(tmp_path, "a.txt", b"\xff\xfe\x00broken")
    _write(tmp_path, "b.txt", CHROME.encode())
    result = run(["check", "--format", "json", str(tmp_path)])
    assert result.exit_code == 2
    assert json.loads(result.stdout)["findings"][0]["path"].endswith("b.txt")


def test_stdin_invalid_utf8():
    result = run(["check", "-"], input=b"\xff\xfeabc\xc3")
    assert result.exit_code == 2
    assert result.stderr.startswith("newslint: -: ")


def test_internal_error_in_a_rule_is_reported_and_others_checked(tmp_path, monkeypatch):
    from lint.kinds.phrase import Phrase

    original = Phrase.check

    def explode(self, text):
        if "explode" in text.text:
            raise RuntimeError("boom")
        return original(self, text)

    monkeypatch.setattr(Phrase, "check", explode)
    bad = _write(tmp_path, "bad.txt", b"Title\n\nThis will explode.\n")
    good = _write(tmp_path, "good.txt", CHROME.encode())
    result = run(["check", "--format", "json", str(bad), str(good)])
    assert result.exit_code == 2
    assert f"{bad}: internal error while checking (RuntimeError: boom)" in result.stderr
    assert any(f["path"] == str(good) for f in json.loads(result.stdout)["findings"])


def test_config_that_is_not_utf8_is_a_clear_error(tmp_path):
    (tmp_path / "newslint.toml").write_bytes(b'select = ["\xff"]\n')
    good = _write(tmp_path, "good.txt", CHROME.encode())
    result = run(["check", str(good)])
    assert result.exit_code == 2
    assert "newslint.toml" in result.stderr and "not UTF-8" in result.stderr
    assert "internal error" not in result.stderr
