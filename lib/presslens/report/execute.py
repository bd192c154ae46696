"""Running notebooks: papermill executes each into ``OUT/notebooks/`` and the page is rendered into ``OUT/html/``.

A :class:`KernelPool` holds a few kernels, each driven by a thread of this process. The kernels start
and run the notebooks' imports as soon as the pool opens — while the report processes the corpus — and then
run their notebooks one after the other, with the variables of the previous notebook cleared
(imported modules stay loaded). One notebook that fails does not stop the others (a kernel that
dies is started again), and a notebook that writes nothing keeps the previous run's notebook and page.
"""

from __future__ import annotations

import os
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from presslens.atomic import atomic_path, write_text_atomic
from presslens.report.render import PageOptions, removed_tags, render_notebook

#: Seconds to wait for a kernel to answer before a notebook starts.
KERNEL_TIMEOUT = 120
#: Kernels started before a notebook is reported as unable to run (see :func:`started_kernel`).
KERNEL_START_ATTEMPTS = 3
#: Between notebooks: forget every variable, then give the freed memory back to the system, so that a
#: kernel does not carry the high-water mark of one notebook into the next.
RESET = """%reset -f
from presslens.memory import release_memory as _release_memory
_release_memory()
del _release_memory
"""


@dataclass(frozen=True)
class Job:
    """One notebook to run: where it comes from, where its outputs go, its parameters and page options."""

    source: str
    executed: str
    html: str
    out: str
    parameters: dict
    options: PageOptions


class KernelPool:
    """Warm kernels, one per thread, each having run ``warm_up`` (the notebooks' imports, see
    :func:`~presslens.report.notebooks.notebook_imports`); use as a context manager, then :meth:`submit`."""

    def __init__(self, workers: int, cwd: Path, *, warm_up: str = ""):
        import jupyter_client  # imported here, once: packages imported by two threads at once can break

        self.kernel_manager = jupyter_client.KernelManager
        self.jobs: queue.Queue = queue.Queue()
        self.results: queue.Queue = queue.Queue()
        self.threads = [threading.Thread(target=_serve, args=(self.kernel_manager, self.jobs, self.results, str(cwd), warm_up),
                                         daemon=True) for _ in range(max(1, workers))]

    def __enter__(self) -> "KernelPool":
        for thread in self.threads:
            thread.start()
        import nbconvert  # noqa: F401 - what the threads run notebooks with, loaded while the kernels warm up
        import papermill  # noqa: F401
        return self

    def __exit__(self, error_type, *exc) -> None:
        """Tell the threads to stop their kernels; wait for them unless the run failed (then they finish alone)."""
        for _ in self.threads:
            self.jobs.put(None)
        for thread in self.threads if error_type is None else ():
            thread.join(timeout=KERNEL_TIMEOUT)

    def submit(self, jobs_list: list[Job]) -> Callable[[], list[tuple[float, str]]]:
        """Start ``jobs_list``; return a function that waits for their (seconds, error or '') in order."""
        for position, job in enumerate(jobs_list):
            self.jobs.put((position, job))

        def wait() -> list[tuple[float, str]]:
            results: list[tuple[float, str]] = [(0.0, "")] * len(jobs_list)
            for _ in jobs_list:
                position, result = self.results.get()
                results[position] = result
            return results

        return wait


def default_workers(jobs: int | None, n_notebooks: int) -> int:
    return max(1, min(jobs or os.cpu_count() or 1, n_notebooks))


def _serve(kernel_manager, jobs: queue.Queue, results: queue.Queue, cwd: str, warm_up: str) -> None:
    """A thread: start a kernel, warm it up, then run the notebooks it is given until told to stop.

    Every job taken gets a result, even when the kernel cannot start: the report then says why.
    """
    kernel = None
    try:
        kernel = started_kernel(kernel_manager, cwd, warm_up)
        failure = ""
    except Exception as error:  # noqa: BLE001 - reported on every notebook this thread takes
        failure = f"the notebook kernel did not start: {type(error).__name__}: {error}"
    try:
        while (item := jobs.get()) is not None:
            position, job = item
            try:
                result = (0.0, failure) if failure else execute(job, kernel)
            except Exception as error:  # noqa: BLE001 - every job taken gets its result
                result = (0.0, f"the notebook could not run: {type(error).__name__}: {error}")
            results.put((position, result))
    finally:
        if kernel is not None and kernel.has_kernel:
            kernel.shutdown_kernel(now=True)


def started_kernel(kernel_manager, cwd: str, warm_up: str):
    """A kernel started in ``cwd`` that has run ``warm_up``.

    A kernel that dies while starting is started again with new ports: the ports a kernel is given are
    free when chosen but may be taken by another program before the kernel binds them. Any other
    failure (no kernel to launch, no answer in time) is raised at once.
    """
    for attempt in range(1, KERNEL_START_ATTEMPTS + 1):
        kernel = kernel_manager(kernel_name="python3")
        try:
            kernel.start_kernel(cwd=cwd, env=kernel_environment())
            _run_code(kernel, warm_up)
            return kernel
        except Exception:
            died = kernel.has_kernel and not kernel.is_alive()
            if kernel.has_kernel:
                kernel.shutdown_kernel(now=True)
            if not died or attempt == KERNEL_START_ATTEMPTS:
                raise


def execute(job: Job, kernel) -> tuple[float, str]:
    """Execute one notebook in ``kernel`` and render its page; return (seconds, error message or '')."""
    started = time.perf_counter()
    executed = Path(job.executed)
    try:
        _fresh_namespace(kernel)
        with atomic_path(executed) as temporary:
            error = _run_papermill(job, temporary, kernel)
            if not temporary.stat().st_size:
                raise _EmptyNotebook(error or "the notebook produced no output")
    except _EmptyNotebook as failure:
        return time.perf_counter() - started, str(failure)  # the previous executed notebook and page stay
    try:
        write_text_atomic(job.html, render_notebook(executed, Path(job.html), Path(job.out), job.options))
    except Exception as failure:  # noqa: BLE001
        error = error or f"HTML conversion failed: {type(failure).__name__}: {failure}"
    return time.perf_counter() - started, error


def kernel_environment() -> dict[str, str]:
    """This process's environment for a kernel, with relative ``NLTK_DATA`` folders made absolute: a
    kernel runs in the notebooks' folder, where ``../shared/nltk_data`` names another place."""
    environment = dict(os.environ)
    if environment.get("NLTK_DATA"):
        folders = environment["NLTK_DATA"].split(os.pathsep)
        environment["NLTK_DATA"] = os.pathsep.join(str(Path(folder).resolve()) if folder else folder for folder in folders)
    return environment


def _fresh_namespace(kernel) -> None:
    """A running kernel with no variables left from an earlier notebook (imported modules stay loaded)."""
    if not kernel.is_alive():
        kernel.restart_kernel(now=True)
    _run_code(kernel, RESET)


def _run_code(kernel, code: str) -> None:
    client = kernel.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=KERNEL_TIMEOUT)
        client.execute_interactive(code, timeout=KERNEL_TIMEOUT, output_hook=lambda message: None)
    finally:
        client.stop_channels()


class _EmptyNotebook(Exception):
    """papermill wrote nothing: there is no new notebook to keep."""


def _run_papermill(job: Job, output: Path, kernel) -> str:
    """Execute the notebook into ``output``; return the error message, '' when every cell ran.

    Cells the page will not show (explorers, and solutions unless asked for) are left out first: a
    report does not spend time on them.
    """
    import nbformat
    import papermill

    notebook = nbformat.read(job.source, as_version=4)
    hidden = removed_tags(job.options)
    notebook.cells = [cell for cell in notebook.cells if not hidden & set(cell.metadata.get("tags", []))]
    try:
        papermill.execute_notebook(
            notebook, str(output), parameters=job.parameters, kernel_name="python3", progress_bar=False,
            log_output=False, km=kernel, request_save_on_cell_execute=False,  # saved once, at the end
        )
    except papermill.PapermillExecutionError as failure:
        return f"{failure.ename}: {failure.evalue}"
    except Exception as failure:  # noqa: BLE001 - a kernel that dies must not stop the other notebooks
        return f"{type(failure).__name__}: {failure}"
    return ""
