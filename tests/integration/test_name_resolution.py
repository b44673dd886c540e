"""Local name resolution (config/<app>.yaml: Dapr's SQLite resolver) keeps a sidecar
registered for as long as it runs. In Dapr 1.16.5 the resolver's periodic clean-up deletes
the fresh records instead of the stale ones, and a sidecar whose record is gone exits
("Host registration lost"): with the default interval, every sidecar of `make run` died an
hour after start. Our configurations turn the clean-up off; a real daprd shows both sides."""

import os
import socket
import subprocess
import time
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
DAPRD = Path(os.environ.get("DAPR_INSTALL_DIR", Path.home() / ".dapr" / "bin")) / "daprd"
APPS = (
    "task-service",
    "chat-service",
    "recurring-service",
    "notification-service",
    "audit-service",
    "frontend",
)


def _name_resolution(app: str) -> dict[str, Any]:
    config = yaml.safe_load((ROOT / "config" / f"{app}.yaml").read_text())
    return dict(config["spec"]["nameResolution"])


def _free_ports(n: int) -> list[int]:
    sockets = [socket.socket() for _ in range(n)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


def _run_sidecar(tmp_path: Path, name_resolution: dict[str, Any], seconds: float) -> tuple[int | None, str]:
    """A daprd with this name resolution (and no components, no mTLS) run for up to
    `seconds`: its exit code (None: still running, then stopped) and its log."""
    resolution = {**name_resolution, "configuration": dict(name_resolution["configuration"])}
    resolution["configuration"]["connectionString"] = str(tmp_path / "names.db")
    config = tmp_path / "config.yaml"
    config.write_text(
        yaml.safe_dump(
            {
                "apiVersion": "dapr.io/v1alpha1",
                "kind": "Configuration",
                "metadata": {"name": "nr-test"},
                "spec": {"nameResolution": resolution},
            }
        )
    )
    (tmp_path / "resources").mkdir()
    http, grpc, internal, metrics = _free_ports(4)
    log = tmp_path / "daprd.log"
    with log.open("w") as out:
        command = [str(DAPRD), "--app-id", "nr-test", "--config", str(config), "--log-level", "info"]
        command += ["--resources-path", str(tmp_path / "resources")]
        command += ["--dapr-http-port", str(http), "--dapr-grpc-port", str(grpc)]
        command += ["--dapr-internal-grpc-port", str(internal), "--metrics-port", str(metrics)]
        proc = subprocess.Popen(
            command,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.2)
        code = proc.poll()
        if code is None:
            proc.terminate()
            proc.wait(10)
    return code, log.read_text()


def test_every_app_resolves_names_the_same_way() -> None:
    blocks = {app: _name_resolution(app) for app in APPS}
    assert all(block == blocks["task-service"] for block in blocks.values()), blocks
    assert blocks["task-service"]["component"] == "sqlite"


def test_a_sidecar_stays_registered_with_our_settings(tmp_path: Path) -> None:
    code, log = _run_sidecar(tmp_path, _name_resolution("task-service"), seconds=8)
    assert "Configuring SQLite name resolution" in log, log
    assert code is None, log
    assert "Schedule expired data clean up" not in log and "registration lost" not in log, log


def test_the_resolvers_clean_up_removes_live_sidecars(tmp_path: Path) -> None:
    """Why the clean-up is off: run every 2 s instead of hourly, it deletes the running
    sidecar's own record and the sidecar exits. If a Dapr upgrade fixes the query, this
    fails, and the clean-up can come back."""
    block = _name_resolution("task-service")
    block["configuration"] = {**block["configuration"], "cleanupInterval": "2s"}
    code, log = _run_sidecar(tmp_path, block, seconds=15)
    assert code not in (None, 0), log
    assert "Host registration lost" in log, log
