"""Security events as JSON lines (BIO 8.15.01): action, object, result, origin, actor, time.

`log_event` writes one line to the `oogst.security` logger; `JsonLinesFormatter` turns a
record into one JSON object per line for the log collector.
"""

import datetime
import json
import logging

logger = logging.getLogger("oogst.security")


def request_origin(request) -> str:
    """The client address as Django sees it (trusted-proxy handling sets REMOTE_ADDR)."""
    if request is None:
        return ""
    return request.META.get("REMOTE_ADDR", "")


def log_event(
    action: str, *, obj: str, result: str, actor: str = "", request=None, origin: str = ""
) -> None:
    logger.info(
        "%s %s %s",
        action,
        obj,
        result,
        extra={
            "security_event": {
                "action": action,
                "object": obj,
                "result": result,
                "origin": origin or request_origin(request),
                "actor": actor,
            }
        },
    )


class JsonLinesFormatter(logging.Formatter):
    def format(self, record):
        event = getattr(record, "security_event", None) or {"message": record.getMessage()}
        line = {
            "time": datetime.datetime.fromtimestamp(record.created, datetime.UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            **event,
        }
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)
