"""A fake Telegram Bot API server on 127.0.0.1 for end-to-end tests and the benchmark.

It speaks the Bot API's HTTP/JSON (form-encoded requests, `{"ok": ..., "result": ...}` replies),
serves queued updates through getUpdates (honouring `offset` and long-poll `timeout`),
serves "uploaded" files through getFile and /file/bot<token>/<path> (recorded as "download"),
accepts uploads (sendDocument, multipart), contact cards (sendContact), edits and deletions, the
bot's profile (setMyDescription, setMyShortDescription, setMyCommands with a scope), records every
request, and can be told to fail the next call of a method (e.g. 429 retry_after).
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote


class _Server(ThreadingHTTPServer):
    """A threading HTTP server whose listen backlog holds 100 concurrent chats' connections."""

    # The default backlog of 5 drops connections (httpx.ReadError) when many chats post at once.
    request_queue_size = 256


TOKEN = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghi"
BOT_USER = {"id": 999000, "is_bot": True, "first_name": "Policy Bot", "username": "policy_test_bot"}
# Form fields that are plain strings; every other value PTB sends is JSON-encoded.
_RAW_FIELDS = {
    "text",
    "query",
    "callback_query_id",
    "inline_query_id",
    "url",
    "secret_token",
    "parse_mode",
    "action",
    "caption",
    "next_offset",
    "language_code",
    "file_id",
    "phone_number",
    "first_name",
    "last_name",
    "vcard",
    "description",
    "short_description",
}


@dataclass
class Call:
    """One request the bot made."""

    method: str
    params: dict[str, Any]
    at: float = field(default_factory=time.monotonic)
    # What the fake answered (a sent message's JSON, with its message_id), once it has.
    result: Any = None


class FakeBotApi:
    """The server state; start with `running()` (a context manager) or `start()`/`stop()`."""

    def __init__(self) -> None:
        self.calls: list[Call] = []
        self.updates: list[dict[str, Any]] = []
        self.failures: dict[str, list[dict[str, Any]]] = {}
        self.webhook: dict[str, Any] = {}
        self._update_ids = itertools.count(1)
        self._message_ids = itertools.count(1000)
        self._cond = threading.Condition()
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.delivered_offset = 0
        # Files users "uploaded": file_id -> (file_path, bytes); served by getFile and /file/bot<token>/.
        self.files: dict[str, tuple[str, bytes]] = {}
        self._file_ids = itertools.count(1)
        # Called (in a server thread) with every call after it is recorded; the benchmark uses it.
        self.on_call: Callable[[Call], None] | None = None

    # ----- server -----
    @property
    def base_url(self) -> str:
        """Return the base URL to give PTB (the token is appended)."""
        assert self._server is not None
        return f"http://127.0.0.1:{self._server.server_address[1]}/bot"

    def start(self) -> None:
        """Start serving in a background thread on a free port."""
        api = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in two writes; with Nagle's algorithm on, keep-alive
            # connections would stall ~40 ms on delayed ACKs.
            disable_nagle_algorithm = True

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length)
                content_type = "application/json"
                if self.path.startswith("/file/"):
                    # A file download (File.download_*): raw bytes, not a JSON reply.
                    status, data = api.download(self.path)
                    content_type = "application/octet-stream"
                else:
                    status, payload = api.handle(self.path, self.headers.get("Content-Type", ""), body)
                    # A garbled answer (a proxy's HTML page, a cut-off body) is sent as it is.
                    data = payload["_raw"] if "_raw" in payload else json.dumps(payload).encode("utf-8")
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                # The bot may hang up first (e.g. a long poll cut short at shutdown).
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(data)

            do_GET = do_POST

            def log_message(self, *args: Any) -> None:
                pass

        self._server = _Server(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    def stop(self) -> None:
        """Stop serving."""
        with self._cond:
            self._cond.notify_all()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @contextmanager
    def running(self) -> Iterator[FakeBotApi]:
        """Run the server for the duration of a with-block."""
        self.start()
        try:
            yield self
        finally:
            self.stop()

    # ----- requests -----
    def handle(self, path: str, content_type: str, body: bytes | str) -> tuple[int, dict[str, Any]]:
        """Answer one Bot API request."""
        parts = path.split("?")[0].strip("/").split("/")
        if len(parts) != 2 or parts[0] != f"bot{TOKEN}":
            return 404, {"ok": False, "error_code": 404, "description": "Not Found"}
        method = parts[1]
        params = _decode(content_type, body)
        call = Call(method, params)
        with self._cond:
            self.calls.append(call)
            self._cond.notify_all()
            queued = self.failures.get(method)
            failure = queued.pop(0) if queued else None
        if self.on_call is not None:
            self.on_call(call)
        if failure is not None:
            return failure.get("error_code", 200), failure
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return 404, {"ok": False, "error_code": 404, "description": f"Not Found: method {method} not found"}
        try:
            call.result = handler(params)
            return 200, {"ok": True, "result": call.result}
        except _ApiError as error:
            return error.code, {"ok": False, "error_code": error.code, "description": error.description}

    def fail_next(self, method: str, error_code: int = 429, retry_after: int | None = 1, description: str = "") -> None:
        """Make the next call of `method` fail (by default: 429 Too Many Requests, retry after 1 s)."""
        failure: dict[str, Any] = {
            "ok": False,
            "error_code": error_code,
            "description": description or f"Too Many Requests: retry after {retry_after}",
        }
        if retry_after is not None:
            failure["parameters"] = {"retry_after": retry_after}
        with self._cond:
            self.failures.setdefault(method, []).append(failure)

    def garble_next(self, method: str) -> None:
        """Make the next call of `method` get a 200 answer that is not JSON."""
        with self._cond:
            self.failures.setdefault(method, []).append({"_raw": b"<html>502 Bad Gateway</html>"})

    def _api_getMe(self, params: dict[str, Any]) -> Any:
        return dict(BOT_USER, can_join_groups=True, can_read_all_group_messages=False, supports_inline_queries=True)

    def _api_getUpdates(self, params: dict[str, Any]) -> Any:
        offset = int(params.get("offset") or 0)
        timeout = float(params.get("timeout") or 0)
        limit = int(params.get("limit") or 100)
        deadline = time.monotonic() + timeout
        with self._cond:
            if offset:
                # Telegram forgets every update below the offset: they were confirmed.
                self.updates = [u for u in self.updates if u["update_id"] >= offset]
                self.delivered_offset = max(self.delivered_offset, offset)
            while not self.updates and time.monotonic() < deadline and self._server is not None:
                self._cond.wait(min(0.05, max(0.0, deadline - time.monotonic())))
            return list(self.updates[:limit])

    def _api_deleteWebhook(self, params: dict[str, Any]) -> Any:
        self.webhook = {}
        return True

    def _api_setWebhook(self, params: dict[str, Any]) -> Any:
        self.webhook = dict(params)
        return True

    def _message(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id = params["chat_id"]
        message: dict[str, Any] = {
            "message_id": next(self._message_ids),
            "date": int(time.time()),
            "chat": {"id": chat_id, "type": "private" if int(chat_id) > 0 else "group", "title": "group"},
            "from": BOT_USER,
            "text": params.get("text", ""),
        }
        if "reply_markup" in params:
            message["reply_markup"] = params["reply_markup"]
        return message

    def _api_sendMessage(self, params: dict[str, Any]) -> Any:
        return self._message(params)

    def _api_editMessageText(self, params: dict[str, Any]) -> Any:
        return dict(self._message(params), message_id=params["message_id"])

    def _api_editMessageReplyMarkup(self, params: dict[str, Any]) -> Any:
        return dict(self._message(params), message_id=params["message_id"])

    def _api_deleteMessage(self, params: dict[str, Any]) -> Any:
        return True

    def _api_sendContact(self, params: dict[str, Any]) -> Any:
        message = self._message(params)
        message.pop("text", None)
        message["contact"] = {"phone_number": str(params.get("phone_number", "")),
                              "first_name": str(params.get("first_name", ""))}
        return message

    def _api_setMyDescription(self, params: dict[str, Any]) -> Any:
        return True

    def _api_setMyShortDescription(self, params: dict[str, Any]) -> Any:
        return True

    def _api_answerCallbackQuery(self, params: dict[str, Any]) -> Any:
        return True

    def _api_answerInlineQuery(self, params: dict[str, Any]) -> Any:
        return True

    def _api_setMyCommands(self, params: dict[str, Any]) -> Any:
        return True

    def _api_sendChatAction(self, params: dict[str, Any]) -> Any:
        return True

    def _api_close(self, params: dict[str, Any]) -> Any:
        return True

    def _api_getFile(self, params: dict[str, Any]) -> Any:
        file_id = str(params.get("file_id", ""))
        if file_id not in self.files:
            raise _ApiError(400, "Bad Request: invalid file_id")
        path, data = self.files[file_id]
        return {"file_id": file_id, "file_unique_id": f"u{file_id}", "file_size": len(data), "file_path": path}

    def _api_sendDocument(self, params: dict[str, Any]) -> Any:
        message = self._message(params)
        message.pop("text", None)
        document = params.get("document")
        name = document.get("filename", "file") if isinstance(document, dict) else "file"
        message["document"] = {"file_id": f"sent{message['message_id']}", "file_unique_id": "s", "file_name": name}
        if params.get("caption"):
            message["caption"] = params["caption"]
        return message

    def download(self, path: str) -> tuple[int, bytes]:
        """Serve a file download: GET /file/bot<token>/<file_path> (recorded as a "download" call)."""
        prefix = f"/file/bot{TOKEN}/"
        # PTB percent-encodes the token's colon in download URLs.
        plain = unquote(path.split("?")[0])
        file_path = plain[len(prefix) :] if plain.startswith(prefix) else None
        with self._cond:
            self.calls.append(Call("download", {"path": path}))
            self._cond.notify_all()
        for stored_path, data in self.files.values():
            if stored_path == file_path:
                return 200, data
        return 404, b"Not Found"

    # ----- updates -----
    def push(self, update: dict[str, Any]) -> int:
        """Queue an update for getUpdates; return its update_id."""
        with self._cond:
            update = dict(update, update_id=next(self._update_ids))
            self.updates.append(update)
            self._cond.notify_all()
            return int(update["update_id"])

    def message_update(
        self,
        text: str,
        chat_id: int = 1001,
        user_id: int = 1001,
        chat_type: str = "private",
        entities: list[dict[str, Any]] | None = None,
        reply_to_bot: bool | int = False,
        message_id: int | None = None,
        edited: bool = False,
    ) -> dict[str, Any]:
        """Return a message update from a user (commands get their bot_command entity).

        `reply_to_bot` makes it a reply to a bot message: True for any, a number for that message_id.
        `edited` makes it an edited_message (give the original's `message_id`).
        """
        user = {"id": user_id, "is_bot": False, "first_name": "ผู้ใช้", "username": f"user{user_id}"}
        chat = {"id": chat_id, "type": chat_type}
        if chat_type == "private":
            chat.update(first_name="ผู้ใช้")
        else:
            chat.update(title="กลุ่ม อปท.")
        message: dict[str, Any] = {
            "message_id": next(self._message_ids) if message_id is None else message_id,
            "date": int(time.time()),
            "chat": chat,
            "from": user,
            "text": text,
        }
        if edited:
            message["edit_date"] = int(time.time())
        if entities is None and text.startswith("/"):
            entities = [{"type": "bot_command", "offset": 0, "length": len(text.split()[0])}]
        if entities:
            message["entities"] = entities
        if reply_to_bot:
            message["reply_to_message"] = {
                "message_id": 1 if reply_to_bot is True else int(reply_to_bot),
                "date": int(time.time()),
                "chat": chat,
                "from": BOT_USER,
                "text": "ก่อนหน้า",
            }
        return {"edited_message" if edited else "message": message}

    def add_file(self, data: bytes, filename: str) -> str:
        """Store an "uploaded" file; return its file_id."""
        with self._cond:
            file_id = f"doc{next(self._file_ids)}"
            suffix = filename.rsplit(".", 1)[-1] if "." in filename else "bin"
            self.files[file_id] = (f"documents/file_{file_id}.{suffix}", data)
            return file_id

    def send_document(
        self,
        data: bytes,
        filename: str,
        caption: str | None = None,
        mime_type: str = "application/octet-stream",
        file_size: int | None = None,
        **kwargs: Any,
    ) -> int:
        """Queue a message with a document (a command caption gets its entity); return its update_id.

        `file_size` overrides the size Telegram would report (-1: leave it out, as Telegram may).
        """
        file_id = self.add_file(data, filename)
        update = self.message_update("", entities=[], **kwargs)
        message = update["message"]
        del message["text"]
        message["document"] = {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_name": filename,
            "mime_type": mime_type,
        }
        size = len(data) if file_size is None else file_size
        if size >= 0:
            message["document"]["file_size"] = size
        if caption is not None:
            message["caption"] = caption
            if caption.startswith("/"):
                message["caption_entities"] = [{"type": "bot_command", "offset": 0, "length": len(caption.split()[0])}]
        return self.push(update)

    def send_media(self, kind: str, caption: str | None = None, **kwargs: Any) -> int:
        """Queue a message without text: `kind` is photo, sticker, voice, video_note, audio, location,
        contact or poll (with a made-up payload), optionally with a caption; return its update_id."""
        payloads: dict[str, Any] = {
            "photo": [{"file_id": "p1", "file_unique_id": "up1", "width": 90, "height": 90}],
            "sticker": {"file_id": "s1", "file_unique_id": "us1", "width": 512, "height": 512, "is_animated": False,
                        "is_video": False, "type": "regular"},
            "voice": {"file_id": "v1", "file_unique_id": "uv1", "duration": 3},
            "video_note": {"file_id": "n1", "file_unique_id": "un1", "length": 240, "duration": 3},
            "audio": {"file_id": "a1", "file_unique_id": "ua1", "duration": 30},
            "location": {"latitude": 20.43, "longitude": 99.88},
            "contact": {"phone_number": "+66812345678", "first_name": "ก"},
            "poll": {"id": "poll1", "question": "ไปไหม",
                     "options": [{"text": "ไป", "voter_count": 0, "persistent_id": "o1"},
                                 {"text": "ไม่ไป", "voter_count": 0, "persistent_id": "o2"}],
                     "total_voter_count": 0, "is_closed": False,
                     "is_anonymous": True, "type": "regular", "allows_multiple_answers": False,
                     "allows_revoting": False, "members_only": False},
        }
        update = self.message_update("", entities=[], **kwargs)
        message = update.get("message") or update["edited_message"]
        del message["text"]
        message[kind] = payloads[kind]
        if caption is not None:
            message["caption"] = caption
            mention = "@" + BOT_USER["username"]
            if mention in caption:
                message["caption_entities"] = [{"type": "mention", "offset": caption.index(mention),
                                                "length": len(mention)}]
        return self.push(update)

    def send_text(self, text: str, **kwargs: Any) -> int:
        """Queue a message from a user; return its update_id."""
        return self.push(self.message_update(text, **kwargs))

    def press(self, data: str, message: dict[str, Any], user_id: int = 1001) -> int:
        """Queue a button press on `message` (a sent message's JSON); return its update_id."""
        user = {"id": user_id, "is_bot": False, "first_name": "ผู้ใช้"}
        query = {
            "id": f"cb{time.monotonic_ns()}",
            "from": user,
            "chat_instance": "ci",
            "data": data,
            "message": message,
        }
        return self.push({"callback_query": query})

    def inline(self, query: str, user_id: int = 1001) -> int:
        """Queue an inline query; return its update_id."""
        user = {"id": user_id, "is_bot": False, "first_name": "ผู้ใช้"}
        return self.push(
            {"inline_query": {"id": f"iq{time.monotonic_ns()}", "from": user, "query": query, "offset": ""}}
        )

    # ----- assertions -----
    def calls_of(self, method: str) -> list[Call]:
        """Return the recorded calls of one method."""
        with self._cond:
            return [call for call in self.calls if call.method == method]

    async def wait_for(
        self, method: str, count: int = 1, timeout: float = 10.0, where: Callable[[Call], bool] | None = None
    ) -> list[Call]:
        """Wait until `method` was called `count` times (matching `where`); return those calls."""
        deadline = time.monotonic() + timeout
        while True:
            found = [call for call in self.calls_of(method) if where is None or where(call)]
            if len(found) >= count:
                return found
            if time.monotonic() > deadline:
                raise AssertionError(f"{method} called {len(found)} time(s), expected {count}: {self.summary()}")
            await asyncio.sleep(0.01)

    def summary(self) -> str:
        """Describe the calls so far (for failure messages)."""
        return ", ".join(call.method for call in self.calls if call.method != "getUpdates")

    def sent_message(self, call: Call) -> dict[str, Any]:
        """Return a sendMessage call as the Message JSON a button press can point at."""
        return {
            "message_id": 5000 + self.calls.index(call),
            "date": int(time.time()),
            "chat": {"id": call.params["chat_id"], "type": "private"},
            "from": BOT_USER,
            "text": call.params.get("text", ""),
            **({"reply_markup": call.params["reply_markup"]} if "reply_markup" in call.params else {}),
        }


class _ApiError(Exception):
    """A Bot API error reply (`{"ok": false, ...}`) raised by a method handler."""

    def __init__(self, code: int, description: str) -> None:
        super().__init__(description)
        self.code = code
        self.description = description


def _field(key: str, value: str) -> Any:
    """Decode one form value: plain string fields as they are, everything else as JSON."""
    if key in _RAW_FIELDS:
        return value
    try:
        return json.loads(value)
    except ValueError:
        return value


def _decode_multipart(content_type: str, body: bytes) -> dict[str, Any]:
    """Decode multipart/form-data (uploads): files become {filename, content (bytes)}."""
    from email.parser import BytesParser
    from email.policy import HTTP

    message = BytesParser(policy=HTTP).parsebytes(b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body)
    params: dict[str, Any] = {}
    for part in message.iter_parts():  # type: ignore[attr-defined]
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True) or b""
        filename = part.get_filename()
        if filename is not None:
            params[name] = {"filename": filename, "content": payload}
        else:
            params[name] = _field(name, payload.decode("utf-8"))
    return params


def _decode(content_type: str, body: bytes | str) -> dict[str, Any]:
    """Decode a request body: JSON, multipart (uploads), or a form whose non-string values are JSON."""
    if "multipart/form-data" in content_type:
        return _decode_multipart(content_type, body.encode("utf-8") if isinstance(body, str) else body)
    text = body.decode("utf-8") if isinstance(body, bytes) else body
    if "json" in content_type:
        data = json.loads(text or "{}")
        return data if isinstance(data, dict) else {}
    return {key: _field(key, value) for key, value in parse_qsl(text, keep_blank_values=True)}


def buttons(call: Call) -> list[tuple[str, str]]:
    """Return (text, callback_data) of every inline button in a sent message."""
    markup = call.params.get("reply_markup") or {}
    return [
        (button["text"], button.get("callback_data", "")) for row in markup.get("inline_keyboard", []) for button in row
    ]


def keyboard(call: Call) -> list[list[dict[str, Any]]]:
    """Return the rows of inline buttons of a sent or edited message (each button as its JSON)."""
    markup = call.params.get("reply_markup") or {}
    return [list(row) for row in markup.get("inline_keyboard", [])]


def main() -> None:
    """Run the fake server by hand: `python -m tests.fake_bot_api --port 8081 --ask "คำถาม" --send draft.docx`."""
    import argparse

    parser = argparse.ArgumentParser(description="A fake Telegram Bot API server on 127.0.0.1, for trying the bot.")
    parser.add_argument("--port", type=int, default=8081)
    parser.add_argument("--ask", action="append", default=[], help="a question to send once the bot polls")
    parser.add_argument("--send", action="append", default=[], help="a draft file to send as a document (/check)")
    args = parser.parse_args()
    api = FakeBotApi()
    api.start()
    assert api._server is not None
    api._server.server_close()
    server = _Server(("127.0.0.1", args.port), api._server.RequestHandlerClass)
    server.daemon_threads = True
    api._server = server
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(f"fake Bot API on {api.base_url}  token {TOKEN}", flush=True)
    try:
        while not api.calls_of("getUpdates"):
            time.sleep(0.05)
        for question in args.ask:
            before = len(api.calls_of("sendMessage"))
            started = time.monotonic()
            api.send_text(question, chat_id=1, user_id=1)
            while len(api.calls_of("sendMessage")) == before:
                time.sleep(0.005)
            reply = api.calls_of("sendMessage")[-1]
            print(f"> {question}\n{reply.params['text']}\n(answered in {reply.at - started:.3f} s)", flush=True)
        for name in args.send:
            before = len(api.calls_of("sendMessage"))
            started = time.monotonic()
            with open(name, "rb") as handle:
                api.send_document(handle.read(), name.rsplit("/", 1)[-1], chat_id=1, user_id=1)
            while len(api.calls_of("sendMessage")) == before:
                time.sleep(0.005)
            time.sleep(0.5)  # the rest of a long result, and its attachment
            for reply in api.calls_of("sendMessage")[before:]:
                print(f"> {name}\n{reply.params['text']}\n", flush=True)
            for upload in api.calls_of("sendDocument"):
                print(f"(attached {upload.params['document']['filename']})", flush=True)
            print(f"(first reply after {api.calls_of('sendMessage')[before].at - started:.3f} s)", flush=True)
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        api.stop()


if __name__ == "__main__":
    main()
