"""Write a file so that a crash or a power cut leaves either the old file or the new one, never half of one.

The new content goes to a temporary file with our own recognisable name (`.technomagic-tmp-PID-…`), is flushed
to the disk (fsync), renamed over the target in one step, and the folder is flushed too so that the rename
itself survives a power cut. A write killed half-way leaves only such a temporary file: `clean_leftovers` removes
them at the next start, from the data folder and, for exports written elsewhere, from the places listed in
`<data>/pending-writes/PID` (one file per process, so that a start never removes the temporary file of a copy
that is still writing; a listed path is removed only when its process is gone).
"""

import contextlib
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

TEMP_PREFIX = ".technomagic-tmp-"
PENDING = "pending-writes"
#: old names of our own temporary files (before `TEMP_PREFIX`): the round in play and kept rounds
LEGACY_TEMPS = ("round-in-play.tmp",)
_pending_dir: Path | None = None


def temp_name(name: str) -> str:
    return f"{TEMP_PREFIX}{os.getpid()}-{name}"


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new file in `folder` durable (a no-op where folders cannot be opened, as on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)


def record_pending_in(data_dir: Path | None) -> None:
    """Remember temporary files written outside `data_dir` (exports) in `data_dir/pending-writes/PID`."""
    global _pending_dir
    _pending_dir = data_dir / PENDING if data_dir is not None else None


def _pending_file() -> Path | None:
    return _pending_dir / str(os.getpid()) if _pending_dir is not None else None


def _note_pending(tmp: Path, add: bool) -> None:
    record = _pending_file()
    if record is None or (_pending_dir is not None and tmp.parent == _pending_dir.parent):
        return
    with contextlib.suppress(OSError):
        lines = record.read_text(encoding="utf-8").splitlines() if record.exists() else []
        lines = [*lines, str(tmp)] if add else [line for line in lines if line != str(tmp)]
        if lines:
            record.parent.mkdir(parents=True, exist_ok=True)
            record.write_text("\n".join(lines) + "\n", encoding="utf-8")
        else:
            record.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    return pid_alive(pid)


def pid_alive(pid: int) -> bool:
    """A process with this id runs (ours included). Never `os.kill(pid, 0)` on Windows: there it terminates."""
    if pid == os.getpid():
        return True
    if os.name == "nt":
        import ctypes

        kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        try:
            return bool(kernel.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value == 259  # STILL_ACTIVE
        finally:
            kernel.CloseHandle(handle)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, owned by someone else
    return True


def _ours_and_orphaned(path: Path) -> bool:
    name = path.name
    if name in LEGACY_TEMPS:
        return True
    if not name.startswith(TEMP_PREFIX):
        return False
    pid = name[len(TEMP_PREFIX) :].split("-", 1)[0]
    return not (pid.isdigit() and _alive(int(pid)))


def clean_leftovers(data_dir: Path) -> list[Path]:
    """Remove our temporary files that a killed write left (their process is gone). Returns what was removed."""
    removed: list[Path] = []
    for folder in (data_dir, data_dir / "backups", data_dir / "unsaved"):
        if folder.is_dir():
            for path in folder.iterdir():
                if _ours_and_orphaned(path) and path.is_file():
                    with contextlib.suppress(OSError):
                        path.unlink()
                        removed.append(path)
    pending = data_dir / PENDING
    if pending.is_dir():
        for record in pending.iterdir():
            if record.name.isdigit() and _alive(int(record.name)):
                continue
            with contextlib.suppress(OSError):
                for line in record.read_text(encoding="utf-8").splitlines():
                    path = Path(line)
                    if path.name.startswith(TEMP_PREFIX) and path.is_file():  # only our own names, ever
                        with contextlib.suppress(OSError):
                            path.unlink()
                            removed.append(path)
                record.unlink()
    return removed


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """Yields a temporary path beside `path`; on success it is flushed and replaces `path` in one rename."""
    path = Path(path)
    fd, tmp_name = tempfile.mkstemp(prefix=temp_name(path.name) + ".", suffix=".tmp", dir=path.parent)
    os.close(fd)
    tmp = Path(tmp_name)
    _note_pending(tmp, True)
    try:
        yield tmp
        # mkstemp makes owner-only files: give the new file the old one's mode, or what the umask allows
        try:
            mode = path.stat().st_mode & 0o777
        except FileNotFoundError:
            umask = os.umask(0)
            os.umask(umask)
            mode = 0o666 & ~umask
        os.chmod(tmp, mode)
        _fsync_file(tmp)
        os.replace(tmp, path)
        fsync_folder(path.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    finally:
        _note_pending(tmp, False)


def write_atomically(path: Path, write: Callable[[IO[Any]], object], mode: str = "w", **open_args: Any) -> None:
    with atomic_path(path) as tmp, open(tmp, mode, **open_args) as handle:
        write(handle)


def write_text_atomically(path: Path, text: str) -> None:
    """`Path.write_text` that a crash or a power cut never leaves half-written."""
    write_atomically(path, lambda handle: handle.write(text), encoding="utf-8")
