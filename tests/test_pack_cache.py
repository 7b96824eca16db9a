"""The parsed-pack cache saves start-up time and can never change what a pack says."""
from __future__ import annotations

import os

import pytest

from lint import pack_cache
from lint.rules import PackError, load_pack

PACK = '''
[[rules]]
id = "style/house"
kind = "phrase"
match = "anywhere"
summary = "s"
message = "m"
phrases = ["{word}"]
examples.fire = ["{word}"]
examples.quiet = ["nothing"]
'''


@pytest.fixture
def cache(tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(folder))
    return folder


def write(path, word, mtime=None):
    path.write_text(PACK.replace("{word}", word), encoding="utf-8")
    if mtime is not None:
        os.utime(path, ns=(mtime, mtime))


def test_a_parsed_pack_is_cached_and_reused(tmp_path, cache, monkeypatch):
    pack = tmp_path / "house.toml"
    write(pack, "slammed")
    first = pack_cache.load_toml(pack)
    assert len(list(cache.glob("pack-*.marshal"))) == 1

    def no_parsing(*args, **kwargs):
        raise AssertionError("the cached pack was parsed again")

    import tomllib

    monkeypatch.setattr(tomllib, "load", no_parsing)
    assert pack_cache.load_toml(pack) == first


def test_an_edited_pack_is_parsed_again(tmp_path, cache):
    pack = tmp_path / "house.toml"
    write(pack, "slammed", mtime=1_000_000_000_000_000_000)
    assert pack_cache.load_toml(pack)["rules"][0]["phrases"] == ["slammed"]
    write(pack, "blasted", mtime=1_000_000_001_000_000_000)
    assert pack_cache.load_toml(pack)["rules"][0]["phrases"] == ["blasted"]


def test_a_corrupt_cache_entry_is_ignored(tmp_path, cache):
    pack = tmp_path / "house.toml"
    write(pack, "slammed")
    pack_cache.load_toml(pack)
    for entry in cache.glob("pack-*.marshal"):
        entry.write_bytes(b"\x00garbage")
    assert pack_cache.load_toml(pack)["rules"][0]["phrases"] == ["slammed"]


def test_an_unwritable_cache_folder_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("NEWSLINT_CACHE_DIR", str(blocker / "cache"))
    pack = tmp_path / "house.toml"
    write(pack, "slammed")
    assert pack_cache.load_toml(pack)["rules"][0]["phrases"] == ["slammed"]


def test_invalid_toml_is_still_reported(tmp_path, cache):
    pack = tmp_path / "broken.toml"
    pack.write_text("[[rules]\nid = 1\n", encoding="utf-8")
    with pytest.raises(PackError, match="invalid TOML"):
        load_pack(pack)


def test_an_edited_configuration_file_is_read_again(tmp_path, cache):
    from lint.config import load_config_file

    config = tmp_path / "newslint.toml"
    config.write_text('select = ["chrome"]\n', encoding="utf-8")
    os.utime(config, ns=(1_000_000_000_000_000_000,) * 2)
    assert load_config_file(config).select == ("chrome",)
    assert list(cache.glob("pack-*.marshal")), "the parsed configuration is kept like a pack"
    config.write_text('select = ["names"]\n', encoding="utf-8")
    os.utime(config, ns=(1_000_000_001_000_000_000,) * 2)
    assert load_config_file(config).select == ("names",)


def test_a_block_of_bytes_is_kept_mapped_and_made_again_when_its_source_changes(cache):
    made = []

    def build(word):
        made.append(word)
        return word.encode() * 3

    assert bytes(pack_cache.cached_bytes("block.table", ("v1",), lambda: build("abc"))) == b"abcabcabc"
    assert bytes(pack_cache.cached_bytes("block.table", ("v1",), lambda: build("xyz"))) == b"abcabcabc"
    assert made == ["abc"], "the kept block was made again"
    assert bytes(pack_cache.cached_bytes("block.table", ("v2",), lambda: build("xyz"))) == b"xyzxyzxyz"
    (cache / "block.table").write_bytes(b"\x07")  # cut short: made again, not misread
    assert bytes(pack_cache.cached_bytes("block.table", ("v2",), lambda: build("def"))) == b"defdefdef"
