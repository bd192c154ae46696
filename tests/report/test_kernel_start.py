"""Starting a notebook kernel: a kernel whose port was taken before it could bind it is started again."""

import socket

import jupyter_client
import pytest

from presslens.report.execute import started_kernel


class _Managers:
    """Kernel managers as the report makes them, the first ``taken`` of them given a port already in use."""

    def __init__(self, taken_port: int, taken: int):
        self.taken_port, self.taken, self.made = taken_port, taken, []

    def __call__(self, **options):
        if len(self.made) < self.taken:
            options.update(stdin_port=self.taken_port, cache_ports=False)  # cached ports would replace it
        manager = jupyter_client.KernelManager(**options)
        self.made.append(manager)
        return manager


@pytest.fixture
def taken_port():
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        yield holder.getsockname()[1]


def test_a_kernel_that_dies_on_a_taken_port_is_started_again(tmp_path, taken_port):
    managers = _Managers(taken_port, taken=1)
    kernel = started_kernel(managers, str(tmp_path), "import os")
    try:
        assert len(managers.made) == 2
        assert kernel is managers.made[1] and kernel.is_alive()
        assert not managers.made[0].has_kernel  # the dead one was cleaned up
    finally:
        kernel.shutdown_kernel(now=True)
