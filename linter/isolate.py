"""Each document is read and checked in a process of its own, with limits that hold.

A time limit raised as an exception inside the reader can be swallowed (an
``except Exception``, a ``__del__``) and a runaway allocation cannot be stopped
from inside at all. So the work for one document runs in a forked child:

- the parent kills it at the deadline, whatever it is doing;
- its address space is capped, so a document that would need gigabytes ends
  in ``MemoryError`` inside the child, which is reported in plain words;
- it leads a process group of its own, so a Ctrl-C at the terminal reaches
  only plancheck, which then stops every child it started;
- its temporary files live in a scratch folder the parent owns and removes on
  every path, and every LibreOffice process group it starts is recorded
  there, so that the parent can kill LibreOffice too even when the child had
  no chance to.

A run with a single document has nothing else to keep going for, and
forking costs it more than a fifth of its time: every page of the parent the
child writes to is copied. So :func:`within_limits` gives the same limits to
work done in this very process instead: a timer interrupts it at the
deadline (again and again, should something catch the first interruption),
the address space is capped for the duration, and the scratch folder and
every LibreOffice process group recorded in it are removed and killed on
every path. What it cannot do is interrupt a single call into C that never
returns to Python; plancheck's readers make no such call on any input
(their patterns are linear, and the XML parser's own limits bound it).

Where ``os.fork`` does not exist (Windows) the work runs in-process without
these limits.
"""

from __future__ import annotations

import gc
import os
import select
import shutil
import signal
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

# A document may use this much memory beyond what the process had when it started.
MEMORY_BUDGET = 1024 * 1024 * 1024
GROUPS = ".process-groups"

# The scratch folder of the child this process is (or of the limits it is working within), or None.
_scratch: Path | None = None


def available() -> bool:
    return hasattr(os, "fork")


def inside() -> bool:
    """Whether this process is already working within limits (then work runs in-process)."""
    return _scratch is not None


class _Expired(BaseException):
    """The deadline of :func:`within_limits` passed; not an Exception, so ``except Exception`` lets it by."""


@contextmanager
def within_limits(time_limit: float, on_timeout: Exception):
    """Run the block in this process with the limits a child has (see the module's documentation).

    Yields the scratch folder, the block's temporary folder. Raises ``on_timeout`` when the block is still running after
    ``time_limit`` seconds. Only the main thread can be interrupted by a
    timer: elsewhere this raises RuntimeError before the block starts.
    """
    global _scratch
    import resource

    armed = False

    def expire(signum, frame):
        if armed:
            raise _Expired

    try:
        previous = signal.signal(signal.SIGALRM, expire)
    except ValueError:  # not the main thread
        raise RuntimeError("within_limits needs the main thread") from None
    scratch = Scratch()
    tempdir, memory = tempfile.tempdir, resource.getrlimit(resource.RLIMIT_AS)
    _scratch, tempfile.tempdir = scratch.path, str(scratch.path)
    try:
        _limit_memory(MEMORY_BUDGET)
        armed = True
        # Fired again every tenth of a second until the block ends, should something catch it.
        signal.setitimer(signal.ITIMER_REAL, time_limit, 0.1)
        try:
            yield scratch.path
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            armed = False
        if _past(scratch, time_limit):  # it caught the interruption, and went on
            raise _Expired
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as error:
        # Whatever the interruption was turned into, work stopped at the deadline ran out of time.
        if isinstance(error, _Expired) or _past(scratch, time_limit):
            raise on_timeout from None
        raise
    finally:
        armed = False
        signal.signal(signal.SIGALRM, previous)
        resource.setrlimit(resource.RLIMIT_AS, memory)
        _scratch, tempfile.tempdir = None, tempdir
        scratch.remove()


def _past(scratch: "Scratch", time_limit: float) -> bool:
    """Whether the deadline of work begun with ``scratch`` has passed (its interruption may have been caught)."""
    return time.monotonic() - scratch.started >= time_limit


class Scratch:
    """A temporary folder for one run, and the LibreOffice process groups started under it."""

    def __init__(self):
        self.path = Path(tempfile.mkdtemp(prefix="plancheck-"))
        (self.path / GROUPS).mkdir()
        self.started = time.monotonic()

    def kill_groups(self) -> None:
        for entry in (self.path / GROUPS).iterdir():
            _kill_group(int(entry.name))

    def remove(self) -> None:
        self.kill_groups()
        shutil.rmtree(self.path, ignore_errors=True)


def register_group(pgid: int) -> None:
    """Record a process group this child started, for the parent to kill if the child cannot."""
    if _scratch is not None:
        (_scratch / GROUPS / str(pgid)).touch()


def unregister_group(pgid: int) -> None:
    if _scratch is not None:
        (_scratch / GROUPS / str(pgid)).unlink(missing_ok=True)


def _kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _memory_in_use() -> int:
    """This process's address-space size in bytes (0 where /proc does not say)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            return int(handle.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _limit_memory(budget: int) -> None:
    import resource

    in_use = _memory_in_use()
    if not in_use:
        return
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    soft = in_use + budget
    if hard != resource.RLIM_INFINITY:
        soft = min(soft, hard)
    # Only the soft limit: LibreOffice, started from here, lifts it again for itself.
    resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


@contextmanager
def unlimited_memory():
    """Start programs (LibreOffice) inside the block without this child's memory cap."""
    if _scratch is None:
        yield
        return
    import resource

    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    resource.setrlimit(resource.RLIMIT_AS, (hard, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))


class Died(Exception):
    """The child ended without a result: killed by the system, or crashed."""


class Child:
    """``function(*args)`` running in a forked, limited child; its result comes back through a pipe."""

    def __init__(self, scratch: Scratch, function, *args, limit_memory: bool = True):
        import pickle  # noqa: F401  imported once here, rather than by every child

        read_end, write_end = os.pipe()
        # The child's garbage collector leaves what the parent already had alone: walking it
        # would copy every page the parent's objects are on, which costs more than the work.
        gc.freeze()
        pid = os.fork()
        if pid == 0:  # the child: never returns
            os.close(read_end)
            _run_child(write_end, scratch.path, MEMORY_BUDGET if limit_memory else None, function, args)
        gc.unfreeze()
        os.close(write_end)
        try:
            os.setpgid(pid, pid)  # also done in the child; whichever runs first wins the race
        except OSError:
            pass
        self.pid, self.fd = pid, read_end
        self.started = time.monotonic()
        self._chunks: list[bytes] = []
        self._status: int | None = None

    def fileno(self) -> int:
        return self.fd

    def read_some(self) -> bool:
        """Read what the child has written so far; True once it has written everything."""
        chunk = os.read(self.fd, 1 << 20)
        if chunk:
            self._chunks.append(chunk)
            return False
        return True

    def result(self):
        """The function's return value, or its exception raised here. Call once read_some is True."""
        os.close(self.fd)
        _, self._status = os.waitpid(self.pid, 0)
        data = b"".join(self._chunks)
        self._chunks = []
        if not data:
            raise Died(_describe_status(self._status))
        import pickle

        ok, value = pickle.loads(data)
        if ok:
            return value
        raise value

    def kill(self) -> None:
        """Stop the child and everything in its process group, and reap it."""
        _kill_group(self.pid)
        try:
            os.kill(self.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        try:
            os.close(self.fd)
        except OSError:
            pass
        try:
            os.waitpid(self.pid, 0)
        except ChildProcessError:
            pass


def _describe_status(status: int) -> str:
    if os.WIFSIGNALED(status):
        number = os.WTERMSIG(status)
        if number == signal.SIGKILL:
            return "it was stopped by the system, usually for using too much memory"
        return f"it stopped unexpectedly (signal {number})"
    return f"it stopped unexpectedly (exit status {os.waitstatus_to_exitcode(status)})"


def _run_child(write_end: int, scratch: Path, memory_budget: int | None, function, args) -> None:
    global _scratch
    import pickle

    status = 0
    try:
        try:
            os.setpgid(0, 0)
        except OSError:
            pass
        # The parent decides what an interrupt means; a child only ever stops when killed.
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        _scratch = scratch
        tempfile.tempdir = str(scratch)
        if "tracemalloc" in sys.modules:
            # A child need not pay for tracing the parent's memory (a test measuring it, say).
            sys.modules["tracemalloc"].stop()
        if memory_budget:
            _limit_memory(memory_budget)
        # Made before the work, when there is surely memory to make it.
        out_of_memory = pickle.dumps((False, MemoryError()))
        try:
            outcome = (True, function(*args))
        except BaseException as error:  # handed to the parent, which decides
            # The traceback and the exception it replaced hold the frames, and with them
            # whatever filled the memory; let go of them before pickling.
            error.__traceback__ = error.__context__ = error.__cause__ = None
            outcome = (False, error)
            gc.collect()
        try:
            data = pickle.dumps(outcome, pickle.HIGHEST_PROTOCOL)
        except MemoryError:
            data = out_of_memory
        except Exception as error:  # an exception that cannot be pickled
            data = pickle.dumps((False, RuntimeError(f"{type(error).__name__}: {error}")))
        view = memoryview(data)
        while view:
            view = view[os.write(write_end, view):]
    except BaseException:
        status = 70
    finally:
        os._exit(status)


def wait(children: list[Child], timeout: float | None) -> list[Child]:
    """The children with something to read, waiting at most ``timeout`` seconds."""
    if not children:
        if timeout:
            time.sleep(timeout)
        return []
    ready, _, _ = select.select(children, [], [], timeout)
    return ready


def call(function, *args, time_limit: float, on_timeout: Exception):
    """Run ``function(*args)`` in a limited child and return its result (or raise its exception).

    Raises ``on_timeout`` when the child is still running after ``time_limit``
    seconds; the child and its LibreOffice are killed and its files removed.
    """
    scratch = Scratch()
    child = None
    try:
        child = Child(scratch, function, *args)
        deadline = child.started + time_limit
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise on_timeout
            if wait([child], remaining) and child.read_some():
                finished, child = child, None
                return finished.result()
    finally:
        if child is not None:
            child.kill()
        scratch.remove()
