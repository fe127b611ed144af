"""Checking a folder of plans: walk, check on a pool of processes, stream the reports.

`cchc batch DIR --out OUTDIR` is built from small parts: `walk` (which files are plans),
`worker` (one Checker per process), `pool` (jobs, ordered streaming), `journal` (resume),
`outputs` (summary.xlsx, summary.csv, results.csv, results.json, index.html), `run` (all
together). `iter_plan_files` is what `cchc-check DIR` uses to list the plans of a folder.
"""

from cchc.batch.walk import PLAN_FILE_SUFFIXES, iter_plan_files, relative_key

__all__ = ["PLAN_FILE_SUFFIXES", "iter_plan_files", "relative_key"]
