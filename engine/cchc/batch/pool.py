"""Running the files on N processes, results streamed back in input order.

`imap` with small chunks keeps every worker busy while the parent writes results as they
arrive, in the sorted order of the files (so the journal and every output are in that order).
With one job everything runs in this process: no pool, no pickling.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence

from cchc.batch.worker import Outcome, WorkerConfig, check_file, init_worker


def chunk_size(n: int, jobs: int) -> int:
    """Small enough that results flow steadily, large enough to amortise the pipe."""
    return max(1, min(16, n // (jobs * 8)))


def run_files(keys: Sequence[str], config: WorkerConfig, jobs: int) -> Iterator[Outcome]:
    if not keys:
        return
    if jobs <= 1:
        init_worker(config, in_pool=False)
        for key in keys:
            yield check_file(key)
        return
    with multiprocessing.get_context().Pool(
        processes=jobs, initializer=init_worker, initargs=(config, True)
    ) as pool:
        # Leaving the block (end, error or Ctrl-C in the parent) terminates the workers.
        yield from pool.imap(check_file, keys, chunksize=chunk_size(len(keys), jobs))
