"""The one web server: `GET /healthz` and the channels' webhook routes, on Starlette served by uvicorn."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Awaitable, Callable, Sequence
from dataclasses import dataclass
from http import HTTPStatus

import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

from bot.application import Services

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class WebChannel:
    """A channel as the web server hosts it: its routes, and how it starts and stops."""

    name: str
    routes: Sequence[BaseRoute]
    start: Callable[[], Awaitable[None]]
    stop: Callable[[], Awaitable[None]]


def build_web_app(services: Services, channels: Sequence[WebChannel]) -> Starlette:
    """Return the ASGI app: the services start before the channels and stop after them."""

    async def healthz(_: Request) -> JSONResponse:
        """Reports each part's state; a database that is away is "degraded", and questions are still answered."""
        return JSONResponse({**services.health(), "channels": [channel.name for channel in channels]},
                            status_code=HTTPStatus.OK)

    @contextlib.asynccontextmanager
    async def lifespan(_: Starlette) -> AsyncIterator[None]:
        await services.start()
        started: list[WebChannel] = []
        try:
            for channel in channels:
                await channel.start()
                started.append(channel)
            yield
        finally:
            for channel in reversed(started):
                try:
                    await channel.stop()
                except Exception:
                    log.exception("channel %s did not stop cleanly", channel.name)
            await services.stop()

    routes: list[BaseRoute] = [Route("/healthz", healthz, methods=["GET"])]
    for channel in channels:
        routes += channel.routes
    return Starlette(routes=routes, lifespan=lifespan)


def web_server(app: Starlette, host: str, port: int) -> uvicorn.Server:
    """Return the uvicorn server for `app`; `await server.serve()` runs it until SIGINT or SIGTERM."""
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", lifespan="on", access_log=False,
                            server_header=False)
    return uvicorn.Server(config)
