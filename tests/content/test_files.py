"""Reading content files: strict UTF-8, BOM, discovery order, and asset path safety."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from simulator.content.files import decode, discover, read_content, resolve_asset, safe_asset_path
from simulator.content.problems import ContentError


def test_bom_is_dropped_and_crlf_kept() -> None:
    assert decode(b"\xef\xbb\xbfa: 1\r\n", "f") == "a: 1\r\n"


def test_invalid_utf8_names_the_byte_and_its_place() -> None:
    with pytest.raises(ContentError) as caught:
        decode(b"a: 1\nb: caf\xe9\n", "f.yaml")
    problem = caught.value.first
    assert (problem.line, problem.column) == (2, 7)
    assert "byte 0xe9" in problem.message


def test_overlong_utf8_encoding_is_refused() -> None:
    with pytest.raises(ContentError):
        decode(b"a: \xc0\xaf\n", "f.yaml")  # an overlong '/', a classic filter bypass


def test_nul_bytes_mean_binary() -> None:
    with pytest.raises(ContentError) as caught:
        decode(b"a: 1\n\x00", "f.yaml")
    assert caught.value.first.line == 2 and "binary" in caught.value.first.message


def test_read_content_returns_text_and_sha256(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\n")
    text, digest = read_content(path)
    assert text == "a: 1\n"
    assert digest == hashlib.sha256(b"\xef\xbb\xbfa: 1\n").hexdigest()


def test_discover_is_sorted_and_skips_what_is_not_a_scenario(tmp_path: Path) -> None:
    for name in ("b.yaml", "a.yml", "c.plan.yaml", "curriculum.yaml", ".hidden.yaml", "notes.txt",
                 "sub/d.yaml", ".git/e.yaml"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x: 1\n")
    outside = tmp_path.parent / f"{tmp_path.name}-outside"
    outside.mkdir()
    (outside / "f.yaml").write_text("x: 1\n")
    (tmp_path / "linked").symlink_to(outside, target_is_directory=True)
    found = [p.relative_to(tmp_path).as_posix() for p in discover([tmp_path])]
    assert found == ["a.yml", "b.yaml", "sub/d.yaml"]
    # a file named directly is kept whatever it is called, once
    assert discover([tmp_path / "notes.txt", tmp_path / "notes.txt"]) == [tmp_path / "notes.txt"]


@pytest.mark.parametrize("ref", [
    "../secret.png", "portraits/../../x.png", "/etc/passwd", "C:/x.png", "C:\\x.png", "a\\b.png",
    ".hidden.png", "portraits/.cache/x.png", "a//b.png", "a/./b.png/..", "x\x00.png", "",
])
def test_unsafe_asset_paths(ref: str) -> None:
    assert safe_asset_path(ref) is not None


@pytest.mark.parametrize("ref", ["sam.png", "portraits/sam_ortiz.png", "a/b/c-1.webp"])
def test_safe_asset_paths(ref: str) -> None:
    assert safe_asset_path(ref) is None


def test_resolve_asset_stays_inside_the_base(tmp_path: Path) -> None:
    base = tmp_path / "pack"
    (base / "portraits").mkdir(parents=True)
    (base / "portraits" / "sam.png").write_bytes(b"png")
    (tmp_path / "secret.png").write_bytes(b"secret")
    (base / "portraits" / "escape.png").symlink_to(tmp_path / "secret.png")
    assert resolve_asset("portraits/sam.png", [base]) == (base / "portraits" / "sam.png").resolve()
    assert resolve_asset("portraits/escape.png", [base]) is None  # symlink out of the pack
    assert resolve_asset("../secret.png", [base]) is None
    assert resolve_asset("portraits/missing.png", [base]) is None
