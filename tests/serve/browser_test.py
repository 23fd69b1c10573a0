#!/usr/bin/env python3
"""The web app's page in a real browser: Debian's chromium, headless, driven
over the DevTools protocol (python3-websocket).  It loads the page, types a
sentence, clicks Gloss, waits for the glossed words, clicks one, checks the
detail panel shows its lemma, opens /?text=... directly, and saves
screenshots (light and dark theme) in OUTDIR.  Exits 77 (skipped) without
chromium or python3-websocket.

usage: browser_test.py DEGLOSS OUTDIR
SPDX-License-Identifier: GPL-3.0-or-later"""
import base64
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request

EXE, OUTDIR = sys.argv[1], sys.argv[2]
# DEGLOSS_CHROMIUM names another browser binary (a missing one: the skip path)
CHROMIUM = os.environ.get("DEGLOSS_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
if not (os.path.isfile(CHROMIUM) and os.access(CHROMIUM, os.X_OK)):
    print("SKIP: chromium is not installed (apt-get install chromium)")
    sys.exit(77)
try:
    import websocket
except ImportError:
    print("SKIP: python3-websocket is not installed")
    sys.exit(77)

FAILS = []


def check(cond, what):
    if not cond:
        FAILS.append(what)
        print("FAIL:", what, flush=True)


class Page:
    """One page target of the browser over its DevTools websocket."""

    def __init__(self, ws_url):
        self.ws = websocket.create_connection(ws_url, timeout=20, suppress_origin=True)
        self.next_id = 0

    def call(self, method, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.next_id:
                if "error" in msg:
                    raise RuntimeError(f"{method}: {msg['error']}")
                return msg.get("result", {})

    def js(self, expr):
        r = self.call("Runtime.evaluate", expression=expr, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in r:
            raise RuntimeError(f"{expr}: {r['exceptionDetails']}")
        return r["result"].get("value")

    def wait(self, expr, what, seconds=10):
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if self.js(expr):
                return True
            time.sleep(0.05)
        check(False, f"timed out waiting for {what}")
        return False

    def click(self, selector):
        """A real mouse click in the middle of the element."""
        box = self.js(f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
                      " if (!e) return null; e.scrollIntoView({block: 'center'});"
                      " const r = e.getBoundingClientRect();"
                      " return [r.left + r.width / 2, r.top + r.height / 2]; })()")
        check(box is not None, f"{selector} is on the page")
        if box is None:
            return
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", type=kind, x=box[0], y=box[1], button="left", clickCount=1)

    def screenshot(self, path):
        data = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=True)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))


def main():
    os.makedirs(OUTDIR, exist_ok=True)
    server = subprocess.Popen([EXE, "serve", "--no-config", "--listen", "127.0.0.1:0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    profile = tempfile.mkdtemp(prefix="degloss-chromium-")
    browser = None
    try:
        ready, _, _ = select.select([server.stdout], [], [], 20)
        if not ready:
            sys.exit("FAIL: the server printed no URL")
        url = server.stdout.readline().strip()
        browser = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-extensions", "--disable-default-apps", "--mute-audio",
             f"--user-data-dir={profile}", "--remote-debugging-address=127.0.0.1",
             "--remote-debugging-port=0", "--window-size=1100,760", "about:blank"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(profile, "DevToolsActivePort")
        end = time.monotonic() + 20
        while time.monotonic() < end and not (os.path.exists(port_file) and os.path.getsize(port_file)):
            time.sleep(0.05)
        if not os.path.exists(port_file):
            sys.exit("FAIL: chromium did not open its DevTools port")
        port = open(port_file).read().split()[0]
        targets = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/json/list", timeout=10))
        page = Page(next(t for t in targets if t["type"] == "page")["webSocketDebuggerUrl"])
        page.call("Page.enable")
        page.call("Runtime.enable")
        page.call("Emulation.setDeviceMetricsOverride", width=1100, height=760, deviceScaleFactor=1, mobile=False)
        page.call("Emulation.setEmulatedMedia", features=[{"name": "prefers-color-scheme", "value": "light"}])

        page.call("Page.navigate", url=url)
        page.wait("document.readyState === 'complete' && !!document.getElementById('gloss')", "the page")
        check(page.js("document.title") == "degloss", "the page's title")
        # type a sentence, click Gloss
        page.js("document.getElementById('text').focus()")
        page.call("Input.insertText", text="Die Telefongespräche wurden gestern abgesagt, sagte der Sprecher.")
        page.click("#gloss")
        page.wait("document.querySelectorAll('#result .word').length > 5", "the glossed words")
        forms = page.js("[...document.querySelectorAll('#result .word .de')].map(e => e.textContent)")
        check(forms and forms[:2] == ["Die", "Telefongespräche"], f"the German words in order: {forms}")
        segs = page.js("[...document.querySelectorAll('#result .word .seg')].map(e => e.textContent)")
        check(segs and "Telefon-gespräche" in segs, f"the segmentation row: {segs}")
        glosses = page.js("[...document.querySelectorAll('#result .word .gl')].map(e => e.textContent)")
        check(glosses and any("yesterday" in g for g in glosses), f"the gloss row: {glosses}")
        check(page.js("document.getElementById('detail').hidden"), "no detail panel before a click")
        # click a word: its details
        page.click("#result .word:nth-child(2)")
        page.wait("!document.getElementById('detail').hidden", "the detail panel")
        detail = page.js("document.getElementById('detail').innerText") or ""
        check("Telefongespräch" in detail and "lemma" in detail, f"the detail panel shows the lemma: {detail!r}")
        check("NOUN" in detail and "Telefon" in detail and "compound" in detail,
              f"the detail panel shows POS and compound parts: {detail!r}")
        check(page.js("document.querySelector('#result .word:nth-child(2)').classList.contains('selected')"),
              "the clicked word is marked")
        page.screenshot(os.path.join(OUTDIR, "serve-light.png"))

        # /?text=... renders at once; dark theme follows the system
        page.call("Emulation.setEmulatedMedia", features=[{"name": "prefers-color-scheme", "value": "dark"}])
        q = urllib.parse.quote("Der Hund bellt. Die Katze schläft.")
        page.call("Page.navigate", url=f"{url}?text={q}")
        page.wait("document.querySelectorAll('#result .sentence').length === 2", "the ?text= result")
        check(page.js("document.getElementById('text').value") == "Der Hund bellt. Die Katze schläft.",
              "?text= fills the text box")
        bg = page.js("getComputedStyle(document.body).backgroundColor")
        check(bg == "rgb(23, 24, 26)", f"dark theme background: {bg}")
        page.click("#result .sentence:nth-child(2) .word:nth-child(2)")
        page.wait("!document.getElementById('detail').hidden", "the detail panel (dark)")
        detail = page.js("document.getElementById('detail').innerText") or ""
        check("Katze" in detail, f"detail of Katze: {detail!r}")
        page.screenshot(os.path.join(OUTDIR, "serve-dark.png"))
        page.ws.close()
    finally:
        if browser:
            browser.terminate()
            try:
                browser.wait(timeout=10)
            except subprocess.TimeoutExpired:
                browser.kill()
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=10)
        shutil.rmtree(profile, ignore_errors=True)
    if FAILS:
        print(f"{len(FAILS)} checks failed")
        return 1
    print(f"ok; screenshots in {OUTDIR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
