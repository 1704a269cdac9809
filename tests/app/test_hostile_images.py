"""Issue #11: a huge portrait or a symlink loop is refused with a message, never a crash."""

from __future__ import annotations

import logging
import struct
import zlib
from pathlib import Path

import pytest

from simulator.app.assets import load_image
from simulator.app.portrait import MAX_IMAGE_PIXELS, image_dimensions


def _png_header(path: Path, width: int, height: int) -> None:
    """A PNG whose header claims ``width`` x ``height`` (the pixel data is never read)."""
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    chunk = b"IHDR" + ihdr
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + struct.pack(">I", len(ihdr)) + chunk
                     + struct.pack(">I", zlib.crc32(chunk)))


def test_image_dimensions_come_from_the_header(tmp_path: Path) -> None:
    _png_header(tmp_path / "a.png", 20000, 20000)
    assert image_dimensions(tmp_path / "a.png") == (20000, 20000)
    (tmp_path / "b.txt").write_text("not an image")
    assert image_dimensions(tmp_path / "b.txt") is None


def test_a_huge_portrait_is_refused(tmp_path: Path, video: None, caplog: pytest.LogCaptureFixture) -> None:
    _png_header(tmp_path / "huge.png", 20000, 20000)
    assert MAX_IMAGE_PIXELS < 20000 * 20000
    with caplog.at_level(logging.WARNING):
        assert load_image("huge.png", [tmp_path]) is None
    assert "20000x20000" in caplog.text


def test_a_symlink_loop_is_refused(tmp_path: Path, video: None, caplog: pytest.LogCaptureFixture) -> None:
    (tmp_path / "loop.png").symlink_to(tmp_path / "loop2.png")
    (tmp_path / "loop2.png").symlink_to(tmp_path / "loop.png")
    with caplog.at_level(logging.WARNING):
        assert load_image("loop.png", [tmp_path]) is None
    assert f"the portrait path loops back on itself: {tmp_path / 'loop.png'}" in caplog.text
    assert "not found" not in caplog.text
