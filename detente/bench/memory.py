"""Peak memory of a process and all its worker processes.

`resource.getrusage` cannot give this: `RUSAGE_SELF` is this process alone, and
`RUSAGE_CHILDREN` is the peak of the *largest* child that has been waited for, never a
sum. So a thread samples this process and every descendant (`/proc/PID/task/TID/children`)
and keeps the largest totals of two measures:

- RSS (`/proc/PID/statm`, every 50 ms): resident pages. A sum over processes counts the
  pages they share (Python, numpy, spaCy's libraries: some 65 MB) once per process, so it
  errs high;
- PSS (`/proc/PID/smaps_rollup`, every 500 ms, as reading it costs a few ms of kernel
  time per process): each shared page divided among the processes sharing it, so the
  sum is the memory the job takes. Sampled ten times less often, it can miss a short
  peak that the RSS sum catches.

Where /proc is missing (not Linux), only the kernel's own peaks are reported.
"""

from __future__ import annotations

import os
import resource
import threading
from pathlib import Path
from types import TracebackType

_PROC = Path("/proc")
_PAGE_MB = os.sysconf("SC_PAGE_SIZE") / (1024 * 1024) if hasattr(os, "sysconf") else 0.0
SAMPLE_SECONDS = 0.05
PSS_EVERY = 10  # samples


class PeakMemory:
    """Use as a context manager around the work to measure:

    with PeakMemory() as memory:
        work()
    memory.total_mb, memory.largest_process_mb
    """

    def __init__(self, interval: float = SAMPLE_SECONDS):
        self.interval = interval
        self.sampled_mb = 0.0  # largest sampled RSS sum over this process and its descendants
        self.pss_mb = 0.0  # largest sampled PSS sum over the same
        self.processes = 1  # most processes seen in one sample
        self._samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, name="peak-memory", daemon=True)

    def __enter__(self) -> PeakMemory:
        self._thread.start()
        return self

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._stop.set()
        self._thread.join()
        self._take_sample()

    @property
    def total_mb(self) -> float:
        """The peak of this process and its workers together. A sample can fall between
        peaks; the kernel's peak for this process alone is exact, so it is a floor."""
        return max(self.sampled_mb, self_peak_mb())

    @property
    def largest_process_mb(self) -> float:
        """The largest single process's peak (kernel figures, exact): this one or a
        finished child's."""
        return max(self_peak_mb(), children_peak_mb())

    def _sample(self) -> None:
        while not self._stop.wait(self.interval):
            self._take_sample()

    def _take_sample(self) -> None:
        pids = [os.getpid(), *descendants(os.getpid())]
        self.sampled_mb = max(self.sampled_mb, sum(resident_mb(pid) for pid in pids))
        if self._samples % PSS_EVERY == 0:
            self.pss_mb = max(self.pss_mb, sum(proportional_mb(pid) for pid in pids))
        self._samples += 1
        self.processes = max(self.processes, len(pids))


def descendants(pid: int) -> list[int]:
    """Every live process below `pid` (children of all its threads, recursively)."""
    found: list[int] = []
    pending = [pid]
    while pending:
        parent = pending.pop()
        try:
            tasks = list((_PROC / str(parent) / "task").iterdir())
        except OSError:  # gone meanwhile, or no /proc
            continue
        for task in tasks:
            try:
                children = (task / "children").read_text().split()
            except OSError:
                continue
            for child in map(int, children):
                found.append(child)
                pending.append(child)
    return found


def resident_mb(pid: int) -> float:
    try:
        fields = (_PROC / str(pid) / "statm").read_text().split()
    except OSError:
        return 0.0
    return int(fields[1]) * _PAGE_MB


def proportional_mb(pid: int) -> float:
    try:
        with (_PROC / str(pid) / "smaps_rollup").open() as rollup:
            for line in rollup:
                if line.startswith("Pss:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def self_peak_mb() -> float:
    # ru_maxrss is in kilobytes on Linux.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def children_peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
