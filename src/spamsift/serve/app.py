"""The JSON API and web page of ``spamsift serve``: FastAPI around :func:`spamsift.check`.

Checks are CPU work, so they run in a pool of processes (one per core by default) and the event loop only
moves bytes. Every request is bounded: body size, time, and the number of checks waiting for a process.
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from contextlib import asynccontextmanager
from dataclasses import dataclass
from importlib import resources
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from pydantic import BaseModel, Field, model_validator
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from spamsift.api import MAX_INPUT_CHARS, check
from spamsift.batch.judge import judge_record
from spamsift.io.decode import InputError

MAX_BATCH_RECORDS = 100
"""Records per ``POST /v1/check/batch``; larger jobs belong to ``spamsift run``."""


@dataclass(frozen=True, slots=True)
class ServeSettings:
    processes: int = os.cpu_count() or 1
    max_body_bytes: int = 8 * 1024 * 1024
    request_seconds: float = 30.0
    max_waiting: int = 64
    """Checks admitted at once (running or waiting for a process); more get 503 at once."""
    allow_private: bool = False


class CheckRequest(BaseModel):
    """Exactly one of ``text`` or ``html`` (``url`` then gives context), or ``url`` alone to fetch it. ``title``
    goes with a text that does not carry it (a search result: its title, its snippet as ``text``, its ``url``)."""

    text: str | None = Field(None, max_length=MAX_INPUT_CHARS)
    html: str | None = Field(None, max_length=MAX_INPUT_CHARS)
    url: str | None = Field(None, max_length=4096)
    title: str | None = Field(None, max_length=MAX_INPUT_CHARS)

    @model_validator(mode="after")
    def _one_content(self) -> CheckRequest:
        if self.text is not None and self.html is not None:
            raise ValueError("give text or html, not both")
        if self.text is None and self.html is None and self.title is None and not self.url:
            raise ValueError("give text, html or url")
        return self


class BatchRequest(BaseModel):
    records: list[dict[str, Any]] = Field(..., max_length=MAX_BATCH_RECORDS)


class ApiError(Exception):
    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def _check_to_dict(text: str | None, html: str | None, url: str | None, title: str | None,
                   allow_private: bool) -> tuple[dict[str, Any] | None, str | None]:
    """Runs in a worker process: ``(report, None)``, or ``(None, why)`` for errors the request caused, such as
    a URL that cannot be fetched or is refused."""
    try:
        return check(text=text, html=html, url=url, title=title, allow_private=allow_private).to_dict(), None
    except (InputError, ValueError) as exc:
        return None, str(exc)


def _judge_records(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [judge_record(record, number) for number, record in enumerate(records, start=1)]


class BodyLimit:
    """Refuse request bodies over ``limit`` bytes with 413, whether or not they declare their length."""

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app, self.limit = app, limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            await self._refuse(send)
            return
        received = 0

        async def limited_receive() -> Message:
            nonlocal received
            message = await receive()
            received += len(message.get("body", b""))
            if received > self.limit:
                raise _BodyTooLarge
            return message

        try:
            await self.app(scope, limited_receive, send)
        except _BodyTooLarge:
            await self._refuse(send)

    async def _refuse(self, send: Send) -> None:
        response = JSONResponse({"error": f"request body larger than {self.limit:,} bytes"}, status_code=413)
        await response({"type": "http"}, _no_receive, send)


class _BodyTooLarge(Exception):
    pass


async def _no_receive() -> Message:
    return {"type": "http.disconnect"}


def create_app(settings: ServeSettings | None = None) -> ASGIApp:
    """The service as an ASGI app: FastAPI behind a body-size limit."""
    settings = settings or ServeSettings()
    admitted = asyncio.Semaphore(settings.max_waiting)
    state: dict[str, ProcessPoolExecutor] = {}

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        with ProcessPoolExecutor(settings.processes, mp_context=multiprocessing.get_context("spawn")) as pool:
            # Load the models in every process now, not in the first requests.
            await asyncio.gather(*(asyncio.get_running_loop().run_in_executor(pool, check, "warm up")
                                   for _ in range(settings.processes)))
            state["pool"] = pool
            yield

    app = FastAPI(title="spamsift", version=_version(), lifespan=lifespan,
                  description="Judge, locate and salvage gambling and SEO spam in web pages.")

    async def in_pool(fn, *args):
        if admitted.locked():
            raise ApiError(503, "too many checks at once; retry shortly")
        async with admitted:
            future = asyncio.get_running_loop().run_in_executor(state["pool"], fn, *args)
            try:
                return await asyncio.wait_for(future, settings.request_seconds)
            except TimeoutError:
                raise ApiError(504, f"check took longer than {settings.request_seconds:g} s") from None

    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> JSONResponse:
        return JSONResponse({"error": str(exc)}, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> JSONResponse:
        return JSONResponse({"error": "; ".join(map(_describe_problem, exc.errors())) or "invalid request"},
                            status_code=422)

    @app.exception_handler(Exception)
    async def _internal(_request: Request, exc: Exception) -> JSONResponse:
        return JSONResponse({"error": f"internal error: {type(exc).__name__}"}, status_code=500)

    @app.post("/v1/check", summary="Judge one page")
    async def check_page(request: CheckRequest) -> dict[str, Any]:
        """The report of `spamsift check --json`: label, score, reasons, clean_text and blocks with text."""
        report, why = await in_pool(_check_to_dict, request.text, request.html, request.url, request.title,
                                      settings.allow_private)
        if report is None:
            raise ApiError(422, why or "cannot check this page")
        return report

    @app.post("/v1/check/batch", summary=f"Judge up to {MAX_BATCH_RECORDS} records")
    async def check_batch(request: BatchRequest) -> dict[str, Any]:
        """Records as in the batch contract (`id`, `text`, `snippet` or `html`, `title`, `url`); one result per
        record, in order.
        URLs here are context only, never fetched."""
        return {"results": await in_pool(_judge_records, request.records)}

    @app.get("/healthz", summary="Liveness")
    async def healthz() -> dict[str, str]:
        return {"status": "ok", "version": _version()}

    page = resources.files("spamsift.serve").joinpath("static/index.html").read_text(encoding="utf-8")

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    async def index() -> Response:
        return HTMLResponse(page)

    return BodyLimit(app, settings.max_body_bytes)


def _describe_problem(error: dict[str, Any]) -> str:
    if error["type"] == "json_invalid":
        return "request body is not valid JSON"
    where = ".".join(str(part) for part in error["loc"][1:]) or "body"
    return f"{where}: {error['msg']}"


def _version() -> str:
    from importlib.metadata import version

    return version("spamsift")
