"""A phone for the browser tests: Debian's Chromium, headless at 390×844, driven through selenium.

Each `Phone` is a browser of its own (its own localStorage, so its own device token), in a language of its own.
Helpers read the page as a person sees it (visible sections, texts, buttons) and act as one (typing, tapping).
"""

import os
from pathlib import Path

CHROMIUM = os.environ.get("TECHNOMAGIC_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("TECHNOMAGIC_CHROMEDRIVER", "/usr/bin/chromedriver")
WIDTH, HEIGHT = 390, 844
VIEWS = ("v-connect", "v-stop", "v-name", "v-team", "v-step")


class Phone:
    def __init__(self, lang: str = "en"):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for arg in (
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            f"--window-size={WIDTH},{HEIGHT}",
            f"--lang={lang}",
        ):
            options.add_argument(arg)
        options.add_experimental_option("prefs", {"intl.accept_languages": lang})
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        self.lang = lang
        self.driver = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
        self.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": True},
        )
        self.driver.execute_cdp_cmd("Network.enable", {})

    def quit(self) -> None:
        self.driver.quit()

    # --- looking ----------------------------------------------------------------------------------

    def js(self, script: str, *args):
        return self.driver.execute_script(script, *args)

    def view(self) -> str:
        """The section on screen (v-connect, v-name, v-team, v-step, v-stop)."""
        return self.js("return [...document.querySelectorAll('main > section')].find(s => !s.hidden)?.id || ''")

    def text(self, element_id: str) -> str:
        return self.js(
            "const n = document.getElementById(arguments[0]); return n && !n.hidden ? n.innerText : ''", element_id
        )

    def shown(self, element_id: str) -> bool:
        return bool(
            self.js(
                "const n = document.getElementById(arguments[0]);return !!n && !n.hidden && !!n.offsetParent",
                element_id,
            )
        )

    def items(self, list_id: str) -> list[str]:
        """The text of each item of a list (`.text` of each `li`)."""
        return self.js(
            "return [...document.querySelectorAll('#' + arguments[0] + ' > li')]"
            ".map(li => (li.querySelector('.text') || li).textContent)",
            list_id,
        )

    def pending(self) -> list[str]:
        return self.js("return [...document.querySelectorAll('#idea-list .pending')].map(n => n.textContent)")

    def errors(self) -> list[str]:
        """What the page logged as errors (a CSP violation, an exception), except a missing favicon."""
        return [e["message"] for e in self.driver.get_log("browser") if e["level"] == "SEVERE"]

    def screenshot(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self.driver.save_screenshot(str(path))

    # --- acting -----------------------------------------------------------------------------------

    def open(self, url: str) -> None:
        self.driver.get(url)

    def by_id(self, element_id: str):
        from selenium.webdriver.common.by import By

        return self.driver.find_element(By.ID, element_id)

    def button(self, text: str, within: str = "main"):
        """The visible button whose text (or accessible name) is `text`."""
        from selenium.webdriver.common.by import By

        for b in self.driver.find_elements(By.CSS_SELECTOR, f"{within} button"):
            if b.is_displayed() and text in (b.text.strip(), b.get_attribute("aria-label")):
                return b
        raise LookupError(f"no button {text!r} in {within}")

    def tap(self, text: str, within: str = "main") -> None:
        b = self.button(text, within)
        self.js("arguments[0].scrollIntoView({block: 'center'})", b)
        b.click()

    def type_into(self, element_id: str, text: str) -> None:
        """Typing, key by key (ChromeDriver sends characters of the Basic Multilingual Plane only)."""
        box = self.by_id(element_id)
        self.js("arguments[0].scrollIntoView({block: 'center'})", box)
        box.send_keys(text)

    def send_idea(self, text: str) -> None:
        from selenium.webdriver.common.keys import Keys

        self.type_into("idea-input", text + Keys.ENTER)

    def offline(self, off: bool) -> None:
        """The phone's network goes away (or comes back), as in a lift or on a flaky Wi-Fi."""
        self.driver.execute_cdp_cmd(
            "Network.emulateNetworkConditions",
            {"offline": off, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
        )

    def reload(self) -> None:
        self.driver.refresh()
