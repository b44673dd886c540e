import json
import logging

import pytest
from todo_common.logs import configure_logging


def test_lines_are_json_and_httpx_request_lines_are_left_out(capsys: pytest.CaptureFixture[str]) -> None:
    root = logging.getLogger()
    saved = root.handlers[:], root.level
    try:
        configure_logging("svc")
        logging.getLogger("todo_common.platform").info("GET /api/tasks 200")
        logging.getLogger("httpx").info('HTTP Request: POST http://127.0.0.1:3501/v1.0/publish "204"')
        logging.getLogger("httpx").warning("connection refused")
        lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
        assert [(e["service"], e["logger"], e["message"]) for e in lines] == [
            ("svc", "todo_common.platform", "GET /api/tasks 200"),
            ("svc", "httpx", "connection refused"),
        ]
    finally:
        root.handlers[:], level = saved
        root.setLevel(level)
        logging.getLogger("httpx").setLevel(logging.NOTSET)
