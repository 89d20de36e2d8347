"""A fake LINE Messaging API server on 127.0.0.1, and the LINE platform's side: signed webhook events.

The bot talks to it through the real SDK (`LINE_API_BASE_URL` points here; the content API is
served on the same port). It checks the channel access token, issues single-use reply tokens
that expire, answers reply / push (with `X-Line-Retry-Key`: a key seen again gets 409) / loading
animation / message content / bot info, records every request, and can be told to fail the next
call of an endpoint (429, 5xx; a 5xx may even "deliver" first, as a lost answer would).
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import hmac
import itertools
import json
import re
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

CHANNEL_SECRET = "0123456789abcdef0123456789abcdef"
ACCESS_TOKEN = "fAkE+LiNe/ChAnNeL.AcCeSs-ToKeN=0123456789abcdef"
BOT_USER_ID = "U00000000000000000000000000000b07"
_CONTENT = re.compile(r"^/v2/bot/message/([^/]+)/content$")


class _Server(ThreadingHTTPServer):
    """A threading HTTP server with a listen backlog for many concurrent requests."""

    request_queue_size = 256


@dataclass
class Call:
    """One request the bot made: the endpoint's short name, its JSON body and headers."""

    endpoint: str
    body: dict[str, Any]
    headers: dict[str, str]
    at: float = field(default_factory=time.monotonic)
    sent: list[str] = field(default_factory=list)  # ids of the messages a reply or push delivered

    @property
    def messages(self) -> list[dict[str, Any]]:
        """Return the message objects of a reply or push."""
        return list(self.body.get("messages", []))


@dataclass
class _Failure:
    status: int
    body: dict[str, Any]
    deliver: bool  # do the work first, then fail: the answer is lost on the way back


def sign(body: bytes, secret: str = CHANNEL_SECRET) -> str:
    """Return the X-Line-Signature of a webhook body (base64 HMAC-SHA256 under the channel secret)."""
    return base64.b64encode(hmac.new(secret.encode("utf-8"), body, hashlib.sha256).digest()).decode("ascii")


class FakeLineApi:
    """The server state; start with `running()` (a context manager) or `start()`/`stop()`."""

    def __init__(self, reply_token_seconds: float = 60.0) -> None:
        self.calls: list[Call] = []
        self.failures: dict[str, list[_Failure]] = {}
        self.contents: dict[str, bytes] = {}
        self.reply_token_seconds = reply_token_seconds
        self._tokens: dict[str, float] = {}  # reply token -> when it expires (monotonic)
        self._retry_keys: set[str] = set()
        self._ids = itertools.count(1)
        self._cond = threading.Condition()
        self._server: ThreadingHTTPServer | None = None
        # Called (in a server thread) with every call after it is recorded; the benchmark uses it.
        self.on_call: Callable[[Call], None] | None = None

    # ----- server -----
    @property
    def base_url(self) -> str:
        """Return the URL to set as LINE_API_BASE_URL."""
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self, port: int = 0) -> None:
        """Start serving in a background thread (on a free port unless one is given)."""
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            disable_nagle_algorithm = True

            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                status, data, kind = api.handle(self.command, self.path, dict(self.headers.items()), body)
                self.send_response(status)
                self.send_header("Content-Type", kind)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(data)

            do_GET = do_POST = _serve

            def log_message(self, *args: Any) -> None:
                pass

        self._server = _Server(("127.0.0.1", port), Handler)
        self._server.daemon_threads = True
        threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def stop(self) -> None:
        """Stop serving."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @contextmanager
    def running(self) -> Iterator[FakeLineApi]:
        """Run the server for the duration of a with-block."""
        self.start()
        try:
            yield self
        finally:
            self.stop()

    # ----- requests -----
    def handle(self, method: str, path: str, headers: dict[str, str], body: bytes) -> tuple[int, bytes, str]:
        """Answer one request: (status, body, content type)."""
        path = path.split("?")[0]
        lowered = {key.lower(): value for key, value in headers.items()}
        if lowered.get("authorization") != f"Bearer {ACCESS_TOKEN}":
            return _json(401, {"message": "Authentication failed. Confirm that the access token is valid."})
        content = _CONTENT.match(path)
        endpoint = {
            ("POST", "/v2/bot/message/reply"): "reply",
            ("POST", "/v2/bot/message/push"): "push",
            ("POST", "/v2/bot/chat/loading/start"): "loading",
            ("GET", "/v2/bot/info"): "info",
        }.get((method, path), "content" if content and method == "GET" else "")
        if not endpoint:
            return _json(404, {"message": "Not found"})
        try:
            payload = json.loads(body) if body else {}
        except ValueError:
            return _json(400, {"message": "The request body is not JSON"})
        call = Call(endpoint, payload if isinstance(payload, dict) else {}, lowered)
        if content:
            call.body = {"messageId": content.group(1)}
        with self._cond:
            self.calls.append(call)
            self._cond.notify_all()
            queued = self.failures.get(endpoint)
            failure = queued.pop(0) if queued else None
        if self.on_call is not None:
            self.on_call(call)
        if failure is not None and not failure.deliver:
            return _json(failure.status, failure.body)
        result: tuple[int, bytes, str] = getattr(self, f"_api_{endpoint}")(call)
        if failure is not None:
            return _json(failure.status, failure.body)
        return result

    def _sent(self, call: Call) -> dict[str, Any]:
        call.sent = [str(500_000 + next(self._ids)) for _ in call.messages]
        return {"sentMessages": [{"id": message_id, "quoteToken": f"qt{message_id}"} for message_id in call.sent]}

    def _api_reply(self, call: Call) -> tuple[int, bytes, str]:
        token = str(call.body.get("replyToken", ""))
        messages = call.messages
        with self._cond:
            expires = self._tokens.pop(token, None)
        if expires is None or expires < time.monotonic():
            return _json(400, {"message": "Invalid reply token"})
        if not 1 <= len(messages) <= 5:
            return _json(400, {"message": "The request body has 1 error(s)"})
        return _json(200, self._sent(call))

    def _api_push(self, call: Call) -> tuple[int, bytes, str]:
        key = call.headers.get("x-line-retry-key")
        with self._cond:
            if key is not None and key in self._retry_keys:
                return _json(409, {"message": "The retry key is already accepted"})
            if key is not None:
                self._retry_keys.add(key)
        return _json(200, self._sent(call))

    def _api_loading(self, call: Call) -> tuple[int, bytes, str]:
        return _json(202, {})

    def _api_info(self, call: Call) -> tuple[int, bytes, str]:
        return _json(200, {"userId": BOT_USER_ID, "basicId": "@000policy", "displayName": "Policy Bot",
                           "chatMode": "bot", "markAsReadMode": "auto"})

    def _api_content(self, call: Call) -> tuple[int, bytes, str]:
        data = self.contents.get(str(call.body["messageId"]))
        if data is None:
            return _json(404, {"message": "Not found"})
        return 200, data, "application/octet-stream"

    def fail_next(self, endpoint: str, status: int = 429, *, deliver: bool = False, times: int = 1) -> None:
        """Make the next `times` calls of an endpoint fail with `status` (after doing the work, if `deliver`)."""
        message = {429: "The API rate limit has been exceeded. Try again later.", 500: "Internal server error"}
        failure = _Failure(status, {"message": message.get(status, f"error {status}")}, deliver)
        with self._cond:
            self.failures.setdefault(endpoint, []).extend([failure] * times)

    def expire(self, token: str) -> None:
        """Let a reply token run out of time."""
        with self._cond:
            self._tokens[token] = 0.0

    # ----- the LINE platform's side: webhook events -----
    def _event(self, kind: str, source: dict[str, Any], redelivery: bool, event_id: str | None,
               **extra: Any) -> dict[str, Any]:
        token = f"rt{next(self._ids)}"
        with self._cond:
            self._tokens[token] = time.monotonic() + self.reply_token_seconds
        return {"type": kind, "mode": "active", "timestamp": int(time.time() * 1000), "source": source,
                "webhookEventId": event_id or f"01FAKE{next(self._ids):020d}",
                "deliveryContext": {"isRedelivery": redelivery}, "replyToken": token, **extra}

    @staticmethod
    def source(user_id: str = "U1", group_id: str | None = None, room_id: str | None = None) -> dict[str, Any]:
        """Return an event source: a one-to-one chat, or a user in a group or room."""
        if group_id:
            return {"type": "group", "groupId": group_id, "userId": user_id}
        if room_id:
            return {"type": "room", "roomId": room_id, "userId": user_id}
        return {"type": "user", "userId": user_id}

    def text_event(self, text: str, user_id: str = "U1", *, group_id: str | None = None, room_id: str | None = None,
                   mention_self: bool = False, quoted_message_id: str | None = None, redelivery: bool = False,
                   event_id: str | None = None) -> dict[str, Any]:
        """Return a text message event (a mention of the bot puts "@Policy Bot " first)."""
        message: dict[str, Any] = {"type": "text", "id": str(next(self._ids)), "quoteToken": "q", "text": text}
        if mention_self:
            mention = "@Policy Bot"
            message["text"] = f"{mention} {text}"
            message["mention"] = {"mentionees": [
                {"index": 0, "length": len(mention), "type": "user", "userId": BOT_USER_ID, "isSelf": True}]}
        if quoted_message_id:
            message["quotedMessageId"] = quoted_message_id
        return self._event("message", self.source(user_id, group_id, room_id), redelivery, event_id, message=message)

    def postback_event(self, data: str, user_id: str = "U1", *, group_id: str | None = None) -> dict[str, Any]:
        """Return a postback event (a pressed button)."""
        return self._event("postback", self.source(user_id, group_id), False, None, postback={"data": data})

    def file_event(self, data: bytes, file_name: str, user_id: str = "U1", *, group_id: str | None = None,
                   file_size: int | None = None) -> dict[str, Any]:
        """Return a file message event whose content the content API serves (`file_size` overrides the size)."""
        message_id = str(next(self._ids))
        self.contents[message_id] = data
        message = {"type": "file", "id": message_id, "fileName": file_name,
                   "fileSize": len(data) if file_size is None else file_size}
        return self._event("message", self.source(user_id, group_id), False, None, message=message)

    def image_event(self, user_id: str = "U1") -> dict[str, Any]:
        """Return an image message event."""
        message = {"type": "image", "id": str(next(self._ids)), "quoteToken": "q", "contentProvider": {"type": "line"}}
        return self._event("message", self.source(user_id), False, None, message=message)

    def follow_event(self, user_id: str = "U1") -> dict[str, Any]:
        """Return the event of a user adding the bot as a friend."""
        return self._event("follow", self.source(user_id), False, None, follow={"isUnblocked": False})

    @staticmethod
    def body(*events: dict[str, Any]) -> bytes:
        """Return a webhook request body holding the events."""
        return json.dumps({"destination": BOT_USER_ID, "events": list(events)}, ensure_ascii=False).encode("utf-8")

    @staticmethod
    def headers(body: bytes, signature: str | None = "sign") -> dict[str, str]:
        """Return webhook headers: the right signature by default, `None` for none, or the one given."""
        headers = {"Content-Type": "application/json; charset=utf-8"}
        if signature is not None:
            headers["X-Line-Signature"] = sign(body) if signature == "sign" else signature
        return headers

    async def deliver(self, url: str, *events: dict[str, Any], signature: str | None = "sign") -> httpx.Response:
        """POST the events to the bot's webhook as LINE would (signed unless told otherwise)."""
        body = self.body(*events)
        async with httpx.AsyncClient() as client:
            return await client.post(url, content=body, headers=self.headers(body, signature))

    def deliver_now(self, url: str, *events: dict[str, Any], signature: str | None = "sign") -> httpx.Response:
        """POST the events to the bot's webhook, blocking (for a bot running in another process)."""
        body = self.body(*events)
        return httpx.post(url, content=body, headers=self.headers(body, signature))

    def wait_now(self, endpoint: str, count: int = 1, timeout: float = 30.0,
                 where: Callable[[Call], bool] | None = None) -> list[Call]:
        """Wait, blocking, until `endpoint` was called `count` times (matching `where`); return those calls."""
        deadline = time.monotonic() + timeout
        while True:
            found = [call for call in self.calls_of(endpoint) if where is None or where(call)]
            if len(found) >= count or time.monotonic() > deadline:
                return found
            time.sleep(0.01)

    # ----- assertions -----
    def calls_of(self, endpoint: str) -> list[Call]:
        """Return the recorded calls of one endpoint."""
        with self._cond:
            return [call for call in self.calls if call.endpoint == endpoint]

    async def wait_for(self, endpoint: str, count: int = 1, timeout: float = 10.0,
                       where: Callable[[Call], bool] | None = None) -> list[Call]:
        """Wait until `endpoint` was called `count` times (matching `where`); return those calls."""
        deadline = time.monotonic() + timeout
        while True:
            found = [call for call in self.calls_of(endpoint) if where is None or where(call)]
            if len(found) >= count:
                return found
            if time.monotonic() > deadline:
                raise AssertionError(f"{endpoint} called {len(found)} time(s), expected {count}: {self.summary()}")
            await asyncio.sleep(0.01)

    def summary(self) -> str:
        """Describe the calls so far (for failure messages)."""
        return ", ".join(call.endpoint for call in self.calls)


def _json(status: int, payload: dict[str, Any]) -> tuple[int, bytes, str]:
    return status, json.dumps(payload, ensure_ascii=False).encode("utf-8"), "application/json"


def texts(call: Call) -> list[str]:
    """Return every text a reply or push shows: text messages, Flex texts, button labels, altText."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key in ("text", "altText", "label"):
                if isinstance(node.get(key), str):
                    found.append(node[key])
            for value in node.values():
                if isinstance(value, dict | list):
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(call.messages)
    return found


def quick_replies(message: dict[str, Any]) -> list[tuple[str, str]]:
    """Return (label, postback data) of a message's quick-reply buttons."""
    items = (message.get("quickReply") or {}).get("items", [])
    return [(item["action"].get("label", ""), item["action"].get("data", "")) for item in items]


def postbacks(message: dict[str, Any]) -> list[str]:
    """Return the data of every postback button inside a Flex message (not its quick replies)."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            action = node.get("action")
            if isinstance(action, dict) and action.get("type") == "postback":
                found.append(action["data"])
            for key, value in node.items():
                if key != "quickReply" and isinstance(value, dict | list):
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(message.get("contents", {}))
    return found


def main() -> None:
    """Run the fake server by hand: `python -m tests.fake_line_api --port 9000 --ask "คำถาม" --send draft.docx`."""
    import argparse
    from pathlib import Path

    parser = argparse.ArgumentParser(description="A fake LINE Messaging API on 127.0.0.1, for trying the bot.")
    parser.add_argument("--port", type=int, default=9000)
    parser.add_argument("--webhook", default="http://127.0.0.1:8443/line/webhook", help="the bot's webhook URL")
    parser.add_argument("--ask", action="append", default=[], help="a question to send once the bot is up")
    parser.add_argument("--send", action="append", default=[], help="a draft file to send as a file message")
    args = parser.parse_args()
    api = FakeLineApi()
    api.start(args.port)
    print(f"fake LINE Messaging API on {api.base_url}  secret {CHANNEL_SECRET}  token {ACCESS_TOKEN}", flush=True)
    try:
        while not api.calls_of("info"):
            time.sleep(0.05)
        events = [api.text_event(question) for question in args.ask]
        events += [api.file_event(Path(name).read_bytes(), Path(name).name) for name in args.send]
        for event in events:
            started = time.monotonic()
            api.deliver_now(args.webhook, event)
            (reply,) = api.wait_now("reply", where=lambda c, e=event: c.body.get("replyToken") == e["replyToken"])
            shown = event["message"].get("text") or event["message"].get("fileName")
            print(f"> {shown}\n" + "\n".join(texts(reply)) + f"\n(replied in {reply.at - started:.3f} s)\n", flush=True)
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        api.stop()


if __name__ == "__main__":
    main()
