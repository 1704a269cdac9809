"""One game per user folder: an OS lock on ``data_dir()/game.lock`` held while the game runs.

Contract: ``acquire(folder)`` returns a ``GameLock`` (keep it until the game ends; ``release()``)
or None when another process holds the lock. The lock is advisory and held by the operating
system for the process, so a killed game never leaves a stale lock behind. When the folder
cannot be written at all, ``acquire`` returns a lock that holds nothing (the game still starts;
other checks report the unwritable folder).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from simulator.util import LazyLogger

log = LazyLogger(__name__)
LOCK_FILE = "game.lock"


class GameLock:
    def __init__(self, handle: int | None, path: Path):
        self.handle = handle
        self.path = path

    def release(self) -> None:
        if self.handle is not None:
            os.close(self.handle)  # closing the descriptor releases the OS lock
            self.handle = None


def _try_lock(handle: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def acquire(folder: Path) -> GameLock | None:
    """The lock for ``folder`` or None when another game holds it."""
    path = folder / LOCK_FILE
    try:
        folder.mkdir(parents=True, exist_ok=True)
        handle = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as error:
        log.warning("cannot create %s (%s); not checking for a second game", path, error)
        return GameLock(None, path)
    try:
        locked = _try_lock(handle)
    except OSError as error:  # file system without locks (some network shares)
        log.warning("cannot lock %s (%s); not checking for a second game", path, error)
        return GameLock(handle, path)
    if not locked:
        os.close(handle)
        return None
    try:
        os.ftruncate(handle, 0)
        os.write(handle, f"{os.getpid()}\n".encode())
    except OSError:
        pass
    return GameLock(handle, path)


def holder(folder: Path) -> str:
    """The process id written by the game holding the lock, or '' when unknown."""
    try:
        text = (folder / LOCK_FILE).read_text(encoding="ascii", errors="replace").strip()
    except OSError:
        return ""
    return text if text.isdigit() else ""
