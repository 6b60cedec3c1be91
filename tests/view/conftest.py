"""A real headless Chromium (Debian's ``chromium`` and ``chromium-driver``, which .ci/run
installs), driven by Selenium through the system chromedriver, with every request that is
not a local file blocked and logged."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")

FLAGS = ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-default-apps", "--disable-extensions", "--disable-dev-shm-usage",
         "--window-size=1400,900", "--hide-scrollbars")


@dataclass
class Browser:
    """One Chromium for a test module: ``open`` a file, then read what it logged."""

    driver: object
    requests: list[str] = field(default_factory=list)

    def open(self, path: Path, *, ready: bool = True, timeout: float = 60) -> None:
        from selenium.webdriver.support.ui import WebDriverWait

        self.drain()
        self.requests.clear()
        self.driver.get(path.resolve().as_uri())
        wait = WebDriverWait(self.driver, timeout)
        wait.until(lambda d: d.execute_script("return document.readyState") == "complete")
        if ready:
            wait.until(lambda d: d.execute_script(
                "return document.body.getAttribute('data-kg-ready')") == "true")

    def drain(self) -> tuple[list[dict], list[str]]:
        """The console messages and the URLs requested since the last call."""
        console = self.driver.get_log("browser")
        for entry in self.driver.get_log("performance"):
            message = json.loads(entry["message"])["message"]
            if message["method"] == "Network.requestWillBeSent":
                self.requests.append(message["params"]["request"]["url"])
        return console, list(self.requests)

    def js(self, script: str, *args: object) -> object:
        return self.driver.execute_script(script, *args)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.fail("the browser tests need Debian's chromium and chromium-driver: "
                    "apt-get install -y chromium chromium-driver (.ci/run does this)")
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    options.unhandled_prompt_behavior = "ignore"
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)),
                              options=options)
    try:
        driver.execute_cdp_cmd("Network.enable", {})
        driver.execute_cdp_cmd("Network.setBlockedURLs",
                               {"urls": ["http://*", "https://*", "ws://*", "wss://*"]})
        yield Browser(driver)
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def screenshots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("screenshots")
