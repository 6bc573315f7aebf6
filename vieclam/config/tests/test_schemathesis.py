"""A bounded schemathesis pass over the whole API, as a province officer and as a worker, against a live server.

Every operation of the published schema (/api/v1/schema/) gets a few generated requests that fit the schema and a
few that break it (fixed seed, so a failure is reproducible). The run fails on any server error, any answer that
breaks the schema and any status code the schema does not document. It runs only when VIECLAM_SCHEMATHESIS is set
(.ci/run sets it on the PostgreSQL leg; the README says how to run it locally): it builds its own database (a demo
province), which takes a minute.

The server is `vieclam runserver` in a subprocess, on a database of its own: a new SQLite file, or on PostgreSQL a
new database beside the test database (DATABASE_URL), dropped afterwards.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from urllib.parse import urlsplit, urlunsplit

import pytest

pytestmark = pytest.mark.skipif(
    not os.environ.get("VIECLAM_SCHEMATHESIS"), reason="set VIECLAM_SCHEMATHESIS=1 (a ~3 minute fuzzing pass)"
)

EXAMPLES = int(os.environ.get("VIECLAM_SCHEMATHESIS_EXAMPLES", "5"))  # per operation and identity
SEED = 20260101
IDENTITIES = ("demo-province", "demo-worker")  # made by `vieclam demo`


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _postgres_admin(url: str, sql: str) -> None:
    import psycopg

    parts = urlsplit(url)
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres")), autocommit=True) as conn:
        conn.execute(sql)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("schemathesis")
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        name = f"{urlsplit(url).path.lstrip('/') or 'vieclam'}_schemathesis"
        database = urlunsplit(urlsplit(url)._replace(path=f"/{name}"))
        _postgres_admin(url, f'DROP DATABASE IF EXISTS "{name}"')
        _postgres_admin(url, f'CREATE DATABASE "{name}"')
    else:
        name, database = "", f"sqlite:///{tmp}/api.sqlite3"
    env = {**os.environ, "VIECLAM_VAR_DIR": str(tmp), "DATABASE_URL": database, "DEBUG": "true",
           "API_ANON_RATE": "100000/minute"}  # fmt: skip
    run = [sys.executable, "-m", "vieclam"]
    subprocess.run([*run, "demo", "--size", "300", "--seed", "5"], env=env, check=True, capture_output=True)
    tokens = {
        who: subprocess.run([*run, "apitoken", who], env=env, check=True, capture_output=True, text=True).stdout.strip()
        for who in IDENTITIES
    }
    port = _free_port()
    log = (tmp / "server.log").open("w")
    server = subprocess.Popen([*run, "runserver", f"127.0.0.1:{port}", "--noreload"], env=env, stdout=log,
                              stderr=subprocess.STDOUT)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(150):
        try:
            urllib.request.urlopen(base + "/api/v1/schema/", timeout=1)
            break
        except urllib.error.HTTPError:
            break  # the server answers (401 and the like are answers)
        except OSError:
            time.sleep(0.2)
    yield {"base": base, "tokens": tokens}
    server.terminate()
    server.wait(timeout=10)
    log.close()
    if name:
        _postgres_admin(url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.parametrize("who", IDENTITIES)
def test_every_operation_answers_within_its_schema(site, who):
    import schemathesis
    from hypothesis import HealthCheck, Phase, given, seed, settings
    from hypothesis.errors import Unsatisfiable
    from schemathesis import GenerationMode
    from schemathesis.checks import not_a_server_error
    from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

    headers = {"Authorization": f"Token {site['tokens'][who]}"}
    schema = schemathesis.openapi.from_url(f"{site['base']}/api/v1/schema/", headers=headers)
    checks = [not_a_server_error, response_schema_conformance, status_code_conformance]
    failures: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    for operation, mode in [
        (op, mode) for op in operations for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE)
    ]:
        label = f"{operation.label} ({mode.value})"

        @seed(SEED)
        @settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=False,
                  phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))  # fmt: skip
        @given(case=operation.as_strategy(generation_mode=mode))
        def call(case):
            response = case.call(base_url=site["base"], headers=headers, timeout=30)
            case.validate_response(response, checks=checks, headers=headers)

        try:
            call()
        except Unsatisfiable:
            pass  # no input to break: an operation without parameters or body has no negative case
        except BaseExceptionGroup as exc:  # schemathesis' FailureGroup: what broke, with a curl line to replay it
            failures.append(f"{label}: {str(exc).strip()[:2000]}")
    assert operations, "the schema lists no operation"
    assert not failures, f"{len(failures)} failing request(s) as {who}:\n\n" + "\n\n".join(failures)
