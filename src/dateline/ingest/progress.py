"""What an ingest run tells its user: a tqdm bar on stderr while it runs, one summary line at the end."""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field

from tqdm import tqdm


@dataclass
class Summary:
    """Counts of one run: `done` articles stored, `skipped` inputs already in the store, `failed` inputs."""

    done: int = 0
    skipped: int = 0
    failed: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    peak_rss_kb: dict[str, int] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)  # the first failures of this run, "[stage] reason"
    warmup: float | None = None  # seconds until the first batch was stored (worker start-up, model loading)
    first_batch: int = 0  # documents in that first batch
    # CPU seconds of this process at that point and at the end: with `--workers 1` all the work runs
    # here, so their difference gives a throughput that other load on a shared machine barely moves.
    cpu_warmup: float | None = None
    cpu_seconds: float = 0.0

    @property
    def steady_rate(self) -> float:
        """docs/s after the first batch: throughput without start-up, for benchmarks."""
        if self.warmup is None or self.seconds <= self.warmup:
            return self.rate
        return (self.done + self.failed - self.first_batch) / (self.seconds - self.warmup)

    @property
    def steady_cpu_rate(self) -> float:
        """docs/s of this process's CPU time after the first batch (the work of `--workers 1` runs in it)."""
        if self.cpu_warmup is None or self.cpu_seconds <= self.cpu_warmup:
            return 0.0
        return (self.done + self.failed - self.first_batch) / (self.cpu_seconds - self.cpu_warmup)

    @property
    def rate(self) -> float:
        return (self.done + self.failed) / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        state = "interrupted" if self.interrupted else "finished"
        return (
            f"ingest {state}: {self.done} done, {self.skipped} skipped, {self.failed} failed "
            f"in {self.seconds:.1f} s ({self.rate:.1f} docs/s)"
        )


class Progress:
    """Counts plus a bar: docs/s and ETA when the total is known, a running count otherwise."""

    def __init__(self, total: int | None, *, enabled: bool = True) -> None:
        self.summary = Summary()
        self.start = time.monotonic()
        self.bar = tqdm(total=total, unit="doc", file=sys.stderr, disable=not enabled, dynamic_ncols=True,
                        smoothing=0.1, mininterval=0.5)  # fmt: skip

    def exclude(self, seconds: float) -> None:
        """Leave time spent on setup (loading the model) out of docs/s, ETA and the summary."""
        self.start += seconds
        if hasattr(self.bar, "start_t"):  # a disabled bar keeps no clock
            self.bar.start_t += seconds

    def skipped(self, n: int = 1) -> None:
        self.summary.skipped += n
        self.bar.update(n)
        self._postfix()

    def stored(self, done: int, failed: int, errors: list[str] | None = None) -> None:
        if errors and len(self.summary.errors) < 50:
            self.summary.errors.extend(errors[: 50 - len(self.summary.errors)])
        if self.summary.warmup is None and done + failed:
            self.summary.warmup = time.monotonic() - self.start
            self.summary.cpu_warmup = time.process_time()
            self.summary.first_batch = done + failed
        self.summary.done += done
        self.summary.failed += failed
        self.bar.update(done + failed)
        self._postfix()

    def _postfix(self) -> None:
        s = self.summary
        self.bar.set_postfix(done=s.done, skipped=s.skipped, failed=s.failed, refresh=False)

    def close(self, *, interrupted: bool = False) -> Summary:
        self.bar.close()
        self.summary.seconds = time.monotonic() - self.start
        self.summary.cpu_seconds = time.process_time()
        self.summary.interrupted = interrupted
        return self.summary
