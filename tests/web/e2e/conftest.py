"""The real app in a subprocess (``rehearse serve``) and Debian's Chromium driven by Playwright.

Chromium's fake devices stand in for the candidate: the microphone plays a real recording
(../shared/fixtures/audio/jfk.wav, looped) and the camera a real face video converted to y4m.
Every page a test opens records its console errors and uncaught exceptions; a test fails on
any of them. Screenshots go to ``test-artifacts/screenshots/``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import httpx2 as httpx
import pytest
from playwright.sync_api import (
    Browser,
    BrowserContext,
    ConsoleMessage,
    Page,
    Playwright,
    ViewportSize,
    expect,
    sync_playwright,
)
from playwright.sync_api import Error as PlaywrightError

from tests.conftest import shared_fixture
from tests.support.api import STRONG_PASSWORD
from tests.support.chromium import fake_media_args, to_y4m
from tests.support.net import free_port
from tests.support.processes import rehearse_env, rehearse_process, wait_for_health
from tests.support.waiting import GUARD_MS, GUARD_SECONDS

CHROMIUM = Path(os.environ.get("REHEARSE_TEST_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_WAIT_SECONDS = 60.0  # an install still running (scripts/lib.sh) may finish
SCREENSHOTS = Path(__file__).resolve().parents[3] / "test-artifacts" / "screenshots"
LAPTOP: ViewportSize = {"width": 1366, "height": 768}


@dataclass
class Server:
    url: str
    data_dir: Path
    log: Path

    def api(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=GUARD_SECONDS)


@dataclass
class Problems:
    """Console errors and uncaught exceptions seen on a page, with an allowance for the few
    a test causes on purpose (a dropped upload shows as a failed resource load)."""

    errors: list[str] = field(default_factory=list)
    expected: list[tuple[str, ...]] = field(default_factory=list)  # all parts in one message

    def console(self, message: ConsoleMessage) -> None:
        if message.type != "error":
            return
        where = message.location.get("url", "") if message.location else ""
        text = f"{message.text} ({where})"
        if any(all(part in text for part in parts) for parts in self.expected):
            return
        self.errors.append(text)

    def exception(self, error: PlaywrightError) -> None:
        self.errors.append(f"uncaught: {error.message}")


def _chromium() -> Path:
    """Debian's Chromium (installed by scripts/lib.sh); waits a while for an install to finish."""
    deadline = time.monotonic() + CHROMIUM_WAIT_SECONDS
    while not CHROMIUM.exists():
        if time.monotonic() > deadline:
            pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (scripts/lib.sh does).")
        time.sleep(5)
    return CHROMIUM


@contextmanager
def serving(folder: Path, **settings: object) -> Iterator[Server]:
    """``rehearse serve`` on a free port: embedded SQLite, local blobs, in-process jobs,
    the bundled speech and embedding models, and ``settings`` (REHEARSE_* by name)."""
    data_dir, log = folder / "data", folder / "serve.log"
    port = free_port()
    env = rehearse_env(data_dir=data_dir, port=port, job_poll_seconds=0.2, **settings)
    with rehearse_process(["serve"], env, log) as process:
        url = f"http://127.0.0.1:{port}"
        wait_for_health(url, process, log)
        yield Server(url, data_dir, log)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    """``rehearse serve`` on the embedded defaults, the content judge off."""
    with serving(tmp_path_factory.mktemp("web-e2e")) as running:
        yield running


@pytest.fixture(scope="module")
def fake_media(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The microphone's recording and the camera's video."""
    audio = shared_fixture("audio/jfk.wav")
    face = shared_fixture("video/single_face.mp4")
    return audio, to_y4m(face, tmp_path_factory.mktemp("camera") / "face.y4m")


@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


def _launch(playwright: Playwright, microphone: Path, camera: Path) -> Browser:
    return playwright.chromium.launch(
        executable_path=str(_chromium()), args=fake_media_args(microphone, camera)
    )


def _new_context(browser: Browser, server: Server) -> BrowserContext:
    ctx = browser.new_context(
        base_url=server.url, viewport=LAPTOP, accept_downloads=True, locale="en-GB"
    )
    ctx.set_default_timeout(GUARD_MS)  # every wait is for an event; this only stops a hang
    return ctx


def _watched(tab: Page, problems: Problems) -> Page:
    tab.on("console", problems.console)
    tab.on("pageerror", problems.exception)
    return tab


@pytest.fixture(scope="module")
def browser(
    playwright: Playwright, fake_media: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Browser]:
    chromium = _launch(playwright, *fake_media)
    yield chromium
    chromium.close()


@pytest.fixture
def context(browser: Browser, server: Server) -> Iterator[BrowserContext]:
    ctx = _new_context(browser, server)
    yield ctx
    ctx.close()


@pytest.fixture
def problems() -> Problems:
    return Problems()


@pytest.fixture
def page(context: BrowserContext, problems: Problems) -> Iterator[Page]:
    """A tab whose console errors and uncaught exceptions fail the test."""
    tab = _watched(context.new_page(), problems)
    yield tab
    assert not problems.errors, "errors in the browser:\n" + "\n".join(problems.errors)


Hearing = Callable[[Path], AbstractContextManager[Page]]


@pytest.fixture
def page_hearing(
    playwright: Playwright, server: Server, problems: Problems, fake_media: tuple[Path, Path]
) -> Hearing:
    """``page_hearing(wav)``: a tab in a Chromium of its own whose microphone plays ``wav`` (a
    fake microphone's file is fixed for a browser's life); its errors join ``page``'s."""

    @contextmanager
    def hearing(microphone: Path) -> Iterator[Page]:
        chromium = _launch(playwright, microphone, fake_media[1])
        try:
            yield _watched(_new_context(chromium, server).new_page(), problems)
        finally:
            chromium.close()

    return hearing


def screenshot(page: Page, name: str) -> Path:
    """A full-page screenshot in test-artifacts/screenshots/ (kept by CI)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def sign_up_in_browser(page: Page, email: str, name: str = "Ada Lovelace") -> None:
    page.goto("/signup")
    page.get_by_label("Your name").fill(name)
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(STRONG_PASSWORD)
    page.get_by_role("button", name="Create account").click()
    page.wait_for_url("**/")


def sign_in_in_browser(page: Page, email: str) -> None:
    page.goto("/signin")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(STRONG_PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/")


def start_answering(page: Page) -> None:
    """Press "Start answering" and wait until the recording is live."""
    page.get_by_role("button", name="Start answering").click()
    expect(page.locator("[data-live]")).to_have_text("Live", timeout=GUARD_MS)


def record_for(page: Page, seconds: float) -> None:
    """Until the interview's recording holds ``seconds`` by its own clock (a chunk a second,
    counted by the page as the recorder hands them over) and the live captions have shown a
    word of it, however slowly a busy machine lets the browser record: the wall clock alone
    let a reply recorded under load hold no words."""
    page.wait_for_function(
        """wanted => {
            const recorded = Number(document.querySelector('[data-timer]').dataset.recordedSeconds);
            const captions = document.querySelector('[data-captions]').textContent.trim();
            return recorded >= wanted && captions.length > 0;
        }""",
        arg=seconds,
        timeout=GUARD_MS,
    )


def wait_for_next_prompt(page: Page, before: str) -> None:
    """Until the interviewer has replied to the answer given to the prompt ``before``: a
    follow-up, the next question, or the end of the interview."""
    page.wait_for_function(
        """before => {
            const finished = !document.querySelector('[data-state="finished"]').hidden;
            const start = document.querySelector('[data-action="start"]');
            const prompt = document.querySelector('[data-prompt]').textContent;
            return finished || (!start.hidden && prompt !== before);
        }""",
        arg=before,
        timeout=GUARD_MS,
    )


def session_with_question(server: Server, email: str, question: Mapping[str, object]) -> str:
    """Sign ``email`` up over the API and give them a session holding one ``question``
    (``{"text", "kind", "topic"}``, optionally ``"key_points"``); the session's id."""
    with server.api() as api:
        account = {"email": email, "password": STRONG_PASSWORD}
        assert api.post("/api/auth/signup", json=account).is_success
        token = api.post("/api/auth/token", json=account).json()["access_token"]
        api.headers["Authorization"] = f"Bearer {token}"
        sid = str(api.post("/api/sessions", json={"title": question["topic"]}).json()["id"])
        assert api.post(f"/api/sessions/{sid}/questions", json=question).is_success
        return sid
