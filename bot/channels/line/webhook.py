"""LINE as the web server hosts it: `POST /line/webhook` (signature checked first), and the SDK clients' lifecycle.

The route answers LINE at once and handles the events in background tasks, as LINE recommends:
a slow answer (a draft check) must not hold the webhook request open until LINE gives up and
redelivers it.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import hmac
import json
import logging
import time
from http import HTTPStatus
from typing import Any

from linebot.v3.messaging import AsyncApiClient, AsyncMessagingApi, AsyncMessagingApiBlob, Configuration
from linebot.v3.webhooks import Event
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from bot.application import Services
from bot.channels.line.events import SeenEvents
from bot.channels.line.handlers import LineBot
from bot.channels.line.sending import Sender
from bot.config import ConfigError, Settings
from bot.web import WebChannel

log = logging.getLogger(__name__)

WEBHOOK_PATH = "/line/webhook"
SIGNATURE_HEADER = "X-Line-Signature"
# A LINE webhook body is a few kilobytes (events are batched); anything far larger is not one.
MAX_BODY_BYTES = 1024 * 1024
# Connections to the Messaging API. The SDK's default (5 per CPU: 10 here) caps a process at ~10
# replies per round trip to api.line.me, and in bench/bench_line.py with 100 users it left some
# waiting seconds (p99 3.5 s) while others were served at once; 32 served them in turn.
CONNECTIONS = 32
# On shutdown, events being answered get this long to finish.
STOP_SECONDS = 10.0
_DEFAULT_API = "https://api.line.me"
_DEFAULT_DATA_API = "https://api-data.line.me"


def line_configured(settings: Settings) -> bool:
    """Tell whether LINE is turned on; raise ConfigError when only one of its two secrets is set."""
    secret, token = settings.line_channel_secret, settings.line_channel_access_token
    if bool(secret) != bool(token):
        missing = "LINE_CHANNEL_ACCESS_TOKEN" if secret else "LINE_CHANNEL_SECRET"
        raise ConfigError(f"{missing} is not set: LINE needs both the channel secret and the channel access token")
    return bool(secret)


def content_base_url(base_url: str) -> str:
    """Return the base URL of LINE's content API (file downloads) that goes with a Messaging API base URL."""
    base_url = base_url.rstrip("/")
    # LINE serves message contents from a host of their own; a test or proxy server serves both.
    return _DEFAULT_DATA_API if base_url == _DEFAULT_API else base_url


def signature_ok(secret: str, body: bytes, signature: str) -> bool:
    """Tell whether `signature` is the base64 HMAC-SHA256 of the raw body under the channel secret."""
    expected = base64.b64encode(hmac.new(secret.encode("utf-8"), body, hashlib.sha256).digest())
    # Constant time, so the comparison does not tell an attacker how much of a forgery was right.
    return hmac.compare_digest(expected, signature.encode("latin-1", errors="replace"))


async def _capped_body(request: Request, limit: int) -> bytes | None:
    """Read the request body, or None as soon as it passes `limit` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return None
        chunks.append(chunk)
    return b"".join(chunks)


def parse_events(body: bytes) -> list[Any] | None:
    """Return the SDK event objects of a webhook body (unknown kinds skipped), or None if it is not one."""
    try:
        payload = json.loads(body)
        raw_events = payload["events"]
    except (ValueError, TypeError, KeyError):
        return None
    if not isinstance(raw_events, list):
        return None
    events = []
    for raw in raw_events:
        try:
            events.append(Event.from_dict(raw))
        except (ValueError, TypeError, KeyError, AttributeError):
            # Log the kind only: the event holds users' messages.
            kind = raw.get("type") if isinstance(raw, dict) else type(raw).__name__
            log.info("LINE event of kind %r skipped (unknown or malformed)", kind)
    return events


class LineChannel:
    """The LINE channel of one process: the webhook route, the SDK clients, the events being handled."""

    def __init__(self, settings: Settings, services: Services) -> None:
        self.settings = settings
        self.services = services
        self.seen = SeenEvents()
        self.bot: LineBot | None = None
        self._clients: list[Any] = []
        self._tasks: set[asyncio.Task[None]] = set()

    async def start(self) -> None:
        """Open the SDK's clients (Messaging API and content API) and say who the bot is."""
        settings = self.settings
        token = settings.line_channel_access_token
        config = Configuration(host=settings.line_api_base_url.rstrip("/"), access_token=token)
        config.connection_pool_maxsize = CONNECTIONS
        api_client = AsyncApiClient(config)
        data_client = AsyncApiClient(
            Configuration(host=content_base_url(settings.line_api_base_url), access_token=token))
        self._clients = [api_client, data_client]
        messaging = AsyncMessagingApi(api_client)
        sender = Sender(messaging, push_allowed=settings.line_push_fallback)
        self.bot = LineBot(self.services, sender, AsyncMessagingApiBlob(data_client))
        try:
            info = await messaging.get_bot_info(_request_timeout=10)
            log.info("LINE bot %s (%s) ready at %s", info.display_name, info.basic_id, WEBHOOK_PATH)
        except Exception as error:
            # LINE may be briefly away at start; webhooks are answered once it is back.
            log.warning("LINE bot info not read (%s): is LINE_CHANNEL_ACCESS_TOKEN right?",
                        getattr(error, "status", None) or type(error).__name__)

    async def stop(self) -> None:
        """Let the events being answered finish (a short while), then close the clients."""
        if self._tasks:
            _, pending = await asyncio.wait(set(self._tasks), timeout=STOP_SECONDS)
            for task in pending:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        for client in self._clients:
            await client.close()
        self._clients = []

    async def webhook(self, request: Request) -> Response:
        """Checks the signature before reading anything else; queues each new event and answers 200."""
        received = time.monotonic()
        signature = request.headers.get(SIGNATURE_HEADER)
        if not signature:
            return Response(status_code=HTTPStatus.BAD_REQUEST)
        body = await _capped_body(request, MAX_BODY_BYTES)
        if body is None:
            return Response(status_code=HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
        if not signature_ok(self.settings.line_channel_secret, body, signature):
            log.warning("LINE webhook with a wrong signature refused")
            return Response(status_code=HTTPStatus.FORBIDDEN)
        events = parse_events(body)
        if events is None:
            log.warning("malformed LINE webhook body refused")
            return Response(status_code=HTTPStatus.BAD_REQUEST)
        bot = self.bot
        if bot is None:
            return Response(status_code=HTTPStatus.SERVICE_UNAVAILABLE)
        for event in events:
            if not self.seen.first_time(event.webhook_event_id):
                # LINE redelivers an event it thinks failed; this process has it already.
                log.info("LINE event %s delivered again; already answered", event.webhook_event_id)
                continue
            task = asyncio.get_running_loop().create_task(bot.handle(event, received))
            self._tasks.add(task)
            task.add_done_callback(self._tasks.discard)
        return Response(status_code=HTTPStatus.OK)


def web_channel(settings: Settings, services: Services) -> WebChannel:
    """Return LINE as the web server hosts it: `POST /line/webhook`, and the SDK clients opened on start."""
    line_configured(settings)
    channel = LineChannel(settings, services)
    return WebChannel("line", [Route(WEBHOOK_PATH, channel.webhook, methods=["POST"])], channel.start, channel.stop)
