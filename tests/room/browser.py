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
        self.phone_sized()
        self.driver.execute_cdp_cmd("Network.enable", {})

    def phone_sized(self) -> None:
        """The current tab at the phone's size (a tab the page opened starts at the window's)."""
        self.driver.execute_cdp_cmd(
            "Emulation.setDeviceMetricsOverride",
            {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": True},
        )

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
        """What the page logged as errors (a CSP violation, an exception); a socket that could not connect while
        the network was away is the browser's report of the network, not an error of the page."""
        return [
            e["message"]
            for e in self.driver.get_log("browser")
            if e["level"] == "SEVERE" and "WebSocket connection to" not in e["message"]
        ]

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
        """Tap a button as a finger does (a push from the laptop may redraw it meanwhile: then find it again)."""
        from selenium.common.exceptions import StaleElementReferenceException

        for attempt in range(5):
            try:
                b = self.button(text, within)
                self.js("arguments[0].scrollIntoView({block: 'center'})", b)
                b.click()
                return
            except StaleElementReferenceException:
                if attempt == 4:
                    raise

    def tap_link(self, text: str, within: str = "main") -> None:
        """Tap the visible link whose text is `text`."""
        from selenium.webdriver.common.by import By

        for a in self.driver.find_elements(By.CSS_SELECTOR, f"{within} a"):
            if a.is_displayed() and a.text.strip() == text:
                self.js("arguments[0].scrollIntoView({block: 'center'})", a)
                a.click()
                return
        raise LookupError(f"no link {text!r} in {within}")

    def has(self, text: str, within: str = "main") -> bool:
        try:
            self.enabled(text, within)
        except LookupError:
            return False
        return True

    def enabled(self, text: str, within: str = "main") -> bool:
        """Whether the visible button named `text` can be tapped (read in one go: no stale element)."""
        found = self.js(
            "const b = [...document.querySelector(arguments[1]).querySelectorAll('button')].find(b => b.offsetParent"
            " && (b.textContent.trim() === arguments[0] || b.getAttribute('aria-label') === arguments[0]));"
            "return b ? !b.disabled : null",
            text,
            within,
        )
        if found is None:
            raise LookupError(f"no button {text!r} in {within}")
        return found

    def type_into(self, element_id: str, text: str) -> None:
        """Typing, key by key (ChromeDriver sends characters of the Basic Multilingual Plane only)."""
        box = self.by_id(element_id)
        self.js("arguments[0].scrollIntoView({block: 'center'})", box)
        box.send_keys(text)

    def send_idea(self, text: str) -> None:
        from selenium.webdriver.common.keys import Keys

        self.type_into("idea-input", text + Keys.ENTER)

    def pick_date(self, element_id: str, iso: str) -> None:
        """What the phone's date picker does: the field takes the date and says so (pickers are not typed into)."""
        self.js(
            "const d = document.getElementById(arguments[0]); d.scrollIntoView({block: 'center'});"
            "d.value = arguments[1]; d.dispatchEvent(new Event('input', {bubbles: true}));"
            "d.dispatchEvent(new Event('change', {bubbles: true}))",
            element_id,
            iso,
        )

    def offline(self, off: bool) -> None:
        """The phone's network goes away (or comes back), as in a lift or on a flaky Wi-Fi."""
        self.driver.execute_cdp_cmd(
            "Network.emulateNetworkConditions",
            {"offline": off, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1},
        )

    def reload(self) -> None:
        self.driver.refresh()

    def low_contrast(self) -> list[list]:
        """Visible text (not on a disabled button) whose contrast with its background is under 4.5:1 (WCAG AA)."""
        return self.js(CONTRAST_JS)

    def small_targets(self) -> list[str]:
        """Visible buttons, links and inputs smaller than 44×44 CSS pixels (a finger's width)."""
        return self.js(
            "return [...document.querySelectorAll('button, a, input, textarea')].filter(e => e.offsetParent)"
            ".filter(e => { const r = e.getBoundingClientRect(); return r.width < 44 || r.height < 40; })"
            ".map(e => e.id || e.textContent.trim() || e.getAttribute('aria-label'))"
        )

    def unnamed_controls(self) -> list[str]:
        """Visible buttons without a name and inputs without a label."""
        return self.js(
            "const out = [];"
            "for (const b of document.querySelectorAll('button')) if (b.offsetParent &&"
            "  !(b.textContent.trim() || b.getAttribute('aria-label'))) out.push(b.outerHTML.slice(0, 80));"
            "for (const i of document.querySelectorAll('input, textarea')) if (i.offsetParent &&"
            "  !(i.labels && i.labels.length) && !i.getAttribute('aria-label'))"
            "  out.push(i.id || i.outerHTML.slice(0, 80));"
            "return out;"
        )


CONTRAST_JS = """
const lum = (c) => {
  const [r, g, b] = c.slice(0, 3).map((v) => {
    v /= 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const rgba = (s) => { const m = (s.match(/[\\d.]+/g) || []).map(Number); return m.length === 3 ? [...m, 1] : m; };
const back = (el) => {
  for (; el; el = el.parentElement) { const c = rgba(getComputedStyle(el).backgroundColor); if (c[3] > 0.5) return c; }
  return [255, 255, 255, 1];
};
const bad = [];
for (const el of document.querySelectorAll('body *')) {
  if (!el.offsetParent && getComputedStyle(el).position !== 'fixed') continue;
  if (el.hidden || el.closest('[hidden]')) continue;
  const own = [...el.childNodes].some((n) => n.nodeType === 3 && n.textContent.trim());
  if (!own && !['INPUT', 'TEXTAREA'].includes(el.tagName)) continue;
  if (el.closest('button:disabled')) continue;
  const a = lum(rgba(getComputedStyle(el).color)), b = lum(back(el));
  const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  if (ratio < 4.5) bad.push([el.tagName, el.id || el.className, el.textContent.trim().slice(0, 30), +ratio.toFixed(2)]);
}
return bad;
"""
