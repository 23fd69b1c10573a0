#!/usr/bin/env python3
"""The reader in a real browser: Debian's chromium, headless, driven over the
DevTools protocol (python3-websocket).  The web app: type a sentence and
gloss it, click a word and read the detail panel, toggle the lines, switch
Leipzig/plain, search, move with the keyboard (arrows, Tab, Enter, Esc),
upload documents (HTML, Markdown, DOCX), choose the subject, hover a word and its aligned
translation words, /?text=..., the dark theme, a phone-width layout without
horizontal overflow.  The --format html page of the sample article: the same
reader (its gloss cells written by C agree with the script's), the panel,
the alignment highlight with a --translation file.  Screenshots in OUTDIR.
Exits 77 (skipped) without chromium or python3-websocket.

usage: browser_test.py DEGLOSS OUTDIR SRCDIR
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
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "pylib"))
from checks import check, summary  # noqa: E402

EXE, OUTDIR, SRCDIR = sys.argv[1], sys.argv[2], os.path.abspath(sys.argv[3])
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

    def hover(self, selector):
        """The mouse over the middle of the element."""
        box = self.js(f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
                      " if (!e) return null; e.scrollIntoView({block: 'center'});"
                      " const r = e.getBoundingClientRect();"
                      " return [r.left + r.width / 2, r.top + r.height / 2]; })()")
        check(box is not None, f"{selector} is on the page")
        if box:
            self.call("Input.dispatchMouseEvent", type="mouseMoved", x=box[0], y=box[1])

    def key(self, key, code, shift=False):
        """A key press (keyDown and keyUp) sent to the focused element."""
        mods = 8 if shift else 0
        self.call("Input.dispatchKeyEvent", type="rawKeyDown", key=key, code=key,
                  windowsVirtualKeyCode=code, nativeVirtualKeyCode=code, modifiers=mods)
        self.call("Input.dispatchKeyEvent", type="keyUp", key=key, code=key,
                  windowsVirtualKeyCode=code, nativeVirtualKeyCode=code, modifiers=mods)

    def set_file(self, selector, path):
        root = self.call("DOM.getDocument")["root"]["nodeId"]
        node = self.call("DOM.querySelector", nodeId=root, selector=selector)["nodeId"]
        self.call("DOM.setFileInputFiles", nodeId=node, files=[path])

    def viewport(self, width, height, mobile=False):
        self.call("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=1,
                  mobile=mobile)

    def screenshot(self, path, full=True):
        data = self.call("Page.captureScreenshot", format="png", captureBeyondViewport=full)["data"]
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))


VISIBLE = "(e) => !!e && getComputedStyle(e).display !== 'none' && e.getClientRects().length > 0"
WORDS = "[...document.querySelectorAll('#result .w')]"


def webapp(page, url, tmp):
    """The web app: typed text, the reader's features, documents, alignment."""
    page.call("Page.navigate", url=url)
    page.wait("document.readyState === 'complete' && !!document.getElementById('dg-search')", "the page")
    check(page.js("document.title") == "degloss", "the page's title")
    check(page.js("document.querySelectorAll('#dg-legend dt').length") > 20, "the legend lists the labels")
    page.js("document.getElementById('text').focus()")
    page.call("Input.insertText", text="Die Telefongespräche wurden gestern abgesagt, sagte der Sprecher.")
    page.click("#gloss")
    page.wait(f"{WORDS}.length > 5", "the glossed words")
    forms = page.js(f"{WORDS}.map(e => e.querySelector('.de').textContent)")
    check(forms and forms[:2] == ["Die", "Telefongespräche"], f"the German words in order: {forms}")
    segs = page.js(f"{WORDS}.map(e => e.querySelector('.seg').textContent)")
    check(segs and "Telefon-gespräche" in segs, f"the segmentation row: {segs}")
    lz = page.js(f"{WORDS}.map(e => e.querySelector('.lz').textContent)")
    check(lz and any("yesterday" in g for g in lz) and any("PL" in g for g in lz), f"the Leipzig gloss row: {lz}")
    check(page.js("document.querySelector('#result .lz .lab') !== null"), "labels in small capitals")
    check(page.js("document.getElementById('dg-panel').hidden"), "no detail panel before a click")

    # click a word: its details, in words
    page.click("#result .w[data-t='1']")
    page.wait("!document.getElementById('dg-panel').hidden", "the detail panel")
    detail = page.js("document.getElementById('dg-panel').innerText") or ""
    for want in ("Telefongespräch", "lemma", "noun", "plural", "compound", "Telefon", "senses", "Ding dictionary"):
        check(want in detail, f"the detail panel says {want!r}: {detail!r}")
    # every sense with its source and its Ding labels (buzz: coll., ring: Br.)
    check(detail.count("Ding dictionary") >= 3 and "coll." in detail and "Br." in detail,
          f"the detail panel gives each sense its source and labels: {detail!r}")
    check(page.js("document.querySelector('#result .w[data-t=\"1\"]').classList.contains('sel')"),
          "the clicked word is marked")
    page.screenshot(os.path.join(OUTDIR, "serve-light.png"))

    # keyboard: Esc closes and gives the focus back; arrows move; Enter opens; Tab moves
    page.key("Escape", 27)
    check(page.js("document.getElementById('dg-panel').hidden"), "Esc closes the panel")
    check(page.js("document.activeElement.dataset.t") == "1", "the focus is back on the word")
    page.key("ArrowRight", 39)
    check(page.js("document.activeElement.dataset.t") == "2", "ArrowRight moves to the next word")
    page.key("ArrowLeft", 37)
    page.key("ArrowLeft", 37)
    check(page.js("document.activeElement.dataset.t") == "0", "ArrowLeft moves back")
    page.key("Tab", 9)
    check(page.js("document.activeElement.dataset.t") == "1", "Tab moves to the next word")
    page.key("ArrowRight", 39)
    page.key("Enter", 13)
    page.wait("!document.getElementById('dg-panel').hidden", "Enter opens the panel")
    check("werden" in (page.js("document.getElementById('dg-panel').innerText") or ""),
          "Enter opened the focused word (wurden)")
    page.key("Escape", 27)

    # the line toggles
    for k in ("seg", "gl"):
        page.click(f"#dg-t-{k}")
        check(not page.js(f"({VISIBLE})(document.querySelector('#result .w .{k}'))"), f"toggle hides .{k}")
        page.click(f"#dg-t-{k}")
        check(page.js(f"({VISIBLE})(document.querySelector('#result .w .{k}'))"), f"toggle shows .{k} again")

    # Leipzig / plain without re-running
    check(page.js(f"({VISIBLE})(document.querySelector('#result .lz'))"), "Leipzig cells shown")
    page.click("#dg-st-pl")
    check(not page.js(f"({VISIBLE})(document.querySelector('#result .lz'))")
          and page.js(f"({VISIBLE})(document.querySelector('#result .pl'))"), "plain switch shows plain cells")
    plain = page.js(f"{WORDS}.filter(e => ({VISIBLE})(e.querySelector('.pl'))).map(e => e.querySelector('.pl').textContent)")
    check(plain and "telephone conversations" in plain and not any("." in g for g in plain),
          f"plain glosses, words joined by spaces, no labels: {plain}")
    page.click("#dg-st-lz")
    check(page.js(f"({VISIBLE})(document.querySelector('#result .lz'))"), "back to Leipzig")

    # search: an English gloss, a German word
    page.js("document.getElementById('dg-search').focus()")
    page.call("Input.insertText", text="yesterday")
    hits = page.js("[...document.querySelectorAll('.w.hit .de')].map(e => e.textContent)")
    check(hits == ["gestern"], f"search by gloss finds gestern: {hits}")
    page.js("document.getElementById('dg-search').select()")
    page.call("Input.insertText", text="sprecher")
    hits = page.js("[...document.querySelectorAll('.w.hit .de')].map(e => e.textContent)")
    check(hits == ["Sprecher"], f"search by German word: {hits}")
    check("1 word" in page.js("document.getElementById('dg-count').textContent"), "the search count")
    page.key("Enter", 13)
    check(page.js("document.activeElement.classList.contains('hit')"), "Enter in the search goes to the hit")
    page.js("document.getElementById('dg-search').select()")
    page.call("Input.insertText", text="")
    page.js("document.getElementById('dg-search').value = ''; document.getElementById('dg-search')"
            ".dispatchEvent(new Event('input'))")

    # alignment with a translation (the API's "translation"), both ways
    page.js("fetch('/api/gloss', {method: 'POST', headers: {'Content-Type': 'application/json'}, body:"
            " JSON.stringify({text: 'Der Hund schläft im Garten.', translation: 'The dog sleeps in the garden.'})})"
            ".then(r => r.json()).then(d => DeglossReader.load(document.getElementById('result'), d.sentences))")
    page.wait("document.querySelectorAll('#result .tr span[data-b]').length >= 3", "the aligned translation")
    page.hover("#result .w[data-t='1']")
    al = page.js("[...document.querySelectorAll('.tr .al')].map(e => e.textContent)")
    check(al == ["dog"], f"hovering Hund highlights 'dog': {al}")
    page.hover("#result .tr span[data-b]:last-child")
    al = page.js("[...document.querySelectorAll('.w.al .de')].map(e => e.textContent)")
    check(al == ["Garten"], f"hovering 'garden' highlights Garten: {al}")
    page.click("#result .w[data-t='2']")
    detail = page.js("document.getElementById('dg-panel').innerText") or ""
    check("sleeps" in detail and "translation" in detail, f"the panel names the aligned words: {detail!r}")
    page.hover("header h1")
    al = page.js("[...document.querySelectorAll('.tr .al')].map(e => e.textContent)")
    check(al == ["sleeps"], f"the clicked word keeps its aligned words marked: {al}")
    page.screenshot(os.path.join(OUTDIR, "serve-aligned.png"))
    page.key("Escape", 27)

    # documents: the file upload posts the file with its type
    md = os.path.join(tmp, "notiz.md")
    with open(md, "w") as f:
        f.write("# Bericht\n\nDer Hund **schläft** im `Garten`.\n")
    html = os.path.join(tmp, "seite.html")
    with open(html, "w") as f:
        f.write("<html><body><nav>Menü</nav><p>Die Katze <b>trinkt</b> Milch.</p>"
                "<script>var geheim = 1;</script></body></html>")
    for path, want, bad in ((html, ["Die", "Katze", "trinkt", "Milch", "."], "geheim"),
                            (md, ["Bericht", "Der", "Hund", "schläft", "im", "Garten", "."], "**"),
                            (os.path.join(SRCDIR, "tests/document/bericht.docx"), None, "<w:")):
        name = os.path.basename(path)
        page.set_file("#file", path)
        page.wait(f"document.getElementById('status').textContent.startsWith({json.dumps(name + ':')})",
                  f"the upload of {name}")
        forms = page.js(f"{WORDS}.map(e => e.querySelector('.de').textContent)") or []
        check(len(forms) > 3 and not any(bad in f for f in forms), f"{name}: the document's words: {forms[:12]}")
        if want:
            check(forms == want, f"{name}: words {forms} == {want}")
        if name == "notiz.md":
            check(page.js("document.querySelector('#result .w.code .de').textContent") == "Garten",
                  "inline code is marked as code")
    page.screenshot(os.path.join(OUTDIR, "serve-docx.png"))

    # the subject: the select lists the server's subjects (GET /api/subjects);
    # choosing one glosses with its senses, "automatic" infers it again;
    # ?domain= in the page's address chooses it
    page.wait("document.querySelectorAll('#domain option').length > 2", "the subjects in the select")
    opts = page.js("[...document.querySelectorAll('#domain option')].map(o => o.value)") or []
    check(opts[:1] == [""] and "software" in opts and "law" in opts, f"the subject select: {opts}")
    page.js("document.getElementById('text').value = ''")
    page.js("document.getElementById('text').focus()")
    page.call("Input.insertText", text="Das Verzeichnis ist leer.")
    page.js("document.getElementById('domain').value = 'software'")
    page.click("#gloss")
    page.wait(f"{WORDS}.length === 5 && {WORDS}[1].querySelector('.lz').textContent.includes('directory')",
              "Verzeichnis glossed as directory with the subject software")
    page.js("document.getElementById('domain').value = ''")
    page.click("#gloss")
    page.wait(f"{WORDS}.length === 5 && !{WORDS}[1].querySelector('.lz').textContent.includes('directory')",
              "Verzeichnis glossed without the subject again")
    page.call("Page.navigate", url=url + "?domain=law&text=" + urllib.parse.quote("Die Gewährleistung gilt."))
    page.wait(f"{WORDS}.length === 4 && {WORDS}[1].querySelector('.lz').textContent.includes('warranty')",
              "?domain=law&text=: Gewährleistung glossed as warranty")
    check(page.js("document.getElementById('domain').value") == "law", "?domain=law chooses law in the select")

    # phone width: no horizontal scrolling of the page, the panel as a sheet
    page.viewport(375, 740, mobile=True)
    page.call("Page.navigate", url=url + "?text=" + urllib.parse.quote(
        "Die Bundesregierung hat am Dienstag ein umfangreiches Maßnahmenpaket zur Stärkung der "
        "Energieversorgungssicherheit beschlossen."))
    page.wait(f"{WORDS}.length > 8", "the ?text= result at phone width")
    page.click("#result .w[data-t='1']")
    page.wait("!document.getElementById('dg-panel').hidden", "the panel at phone width")
    sw = page.js("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    check(sw and sw[0] <= sw[1], f"no horizontal overflow at 375 px: {sw}")
    page.screenshot(os.path.join(OUTDIR, "serve-phone.png"), full=False)
    page.viewport(1100, 760)

    # /?text=... renders at once; dark theme follows the system
    page.call("Emulation.setEmulatedMedia", features=[{"name": "prefers-color-scheme", "value": "dark"}])
    q = urllib.parse.quote("Der Hund bellt. Die Katze schläft.")
    page.call("Page.navigate", url=f"{url}?text={q}&style=plain")
    page.wait("document.querySelectorAll('#result .s').length === 2", "the ?text= result")
    check(page.js("document.getElementById('text').value") == "Der Hund bellt. Die Katze schläft.",
          "?text= fills the text box")
    check(page.js("document.body.classList.contains('style-plain')"), "?style=plain picks the plain cells")
    bg = page.js("getComputedStyle(document.body).backgroundColor")
    check(bg == "rgb(23, 24, 26)", f"dark theme background: {bg}")
    page.click("#result .s:nth-of-type(2) .w[data-t='1']")
    page.wait("!document.getElementById('dg-panel').hidden", "the detail panel (dark)")
    detail = page.js("document.getElementById('dg-panel').innerText") or ""
    check("Katze" in detail, f"detail of Katze: {detail!r}")
    page.screenshot(os.path.join(OUTDIR, "serve-dark.png"))
    page.call("Emulation.setEmulatedMedia", features=[{"name": "prefers-color-scheme", "value": "light"}])


def html_output(page, tmp):
    """--format html: the sample article's page, and a page with a translation."""
    sample = os.path.join(SRCDIR, "samples/news-ukraine-2025.de.txt")
    out = os.path.join(tmp, "sample.html")
    with open(out, "wb") as f:
        subprocess.run([EXE, "--no-config", "-f", "html", sample], stdout=f, check=True)
    page.call("Page.navigate", url="file://" + out)
    page.wait("document.readyState === 'complete' && !!document.getElementById('dg-search')", "the html page")
    n = page.js("document.querySelectorAll('.s').length")
    check(n and n > 20, f"the sample's sentences: {n}")
    # the C cells and the script's cells agree, token by token
    bad = page.js("(() => { const bad = []; document.querySelectorAll('.s').forEach((s) => {"
                  " const d = JSON.parse(s.querySelector('script.dg-data').textContent);"
                  " s.querySelectorAll('.w').forEach((w) => { const t = d.tokens[+w.dataset.t];"
                  " if (w.querySelector('.lz').textContent !== DeglossReader.leipzigText(t) ||"
                  " w.querySelector('.pl').textContent !== DeglossReader.plainText(t) ||"
                  " w.querySelector('.de').textContent !== t.form) bad.push(t.form + ': '"
                  " + w.querySelector('.lz').textContent + ' / ' + DeglossReader.leipzigText(t)); }); });"
                  " return bad.slice(0, 5).concat([String(bad.length)]); })()")
    check(bad == ["0"], f"C and script cells agree: {bad}")
    check(page.js("document.querySelectorAll('.w.name').length") > 5, "names are marked")
    page.click(".s .w[data-t='1']")
    page.wait("!document.getElementById('dg-panel').hidden", "the html page's panel")
    detail = page.js("document.getElementById('dg-panel').innerText") or ""
    check("Donald" in detail and "a name" in detail, f"the html panel: {detail!r}")
    page.key("Escape", 27)
    # print: the three lines and the translation whatever the toggles say, no toolbar
    page.click("#dg-t-seg")
    page.click("#dg-t-gl")
    page.call("Emulation.setEmulatedMedia", media="print")
    check(page.js(f"({VISIBLE})(document.querySelector('.w .seg')) && ({VISIBLE})(document.querySelector('.w .lz'))"
                  f" && !({VISIBLE})(document.querySelector('.w .pl'))"
                  f" && !({VISIBLE})(document.querySelector('.dg-bar'))"), "print keeps the lines, drops the toolbar")
    page.call("Emulation.setEmulatedMedia", media="")
    check(not page.js(f"({VISIBLE})(document.querySelector('.w .seg'))"), "on screen the toggle holds")
    page.click("#dg-t-seg")
    page.click("#dg-t-gl")
    page.click("#dg-legend-btn")
    check(page.js("document.getElementById('dg-legend').open"), "the labels button opens the legend")
    page.screenshot(os.path.join(OUTDIR, "html-sample.png"))

    # a translation: highlighting in the html output too
    src = os.path.join(tmp, "de.txt")
    trf = os.path.join(tmp, "en.txt")
    with open(src, "w") as f:
        f.write("Der Hund schläft im Garten.\n")
    with open(trf, "w") as f:
        f.write("The dog sleeps in the garden.\n")
    out = os.path.join(tmp, "tr.html")
    with open(out, "wb") as f:
        subprocess.run([EXE, "--no-config", "-f", "html", "--input", "lines", "--translation", trf, src],
                       stdout=f, check=True)
    page.call("Page.navigate", url="file://" + out)
    page.wait("document.querySelectorAll('.tr span[data-b]').length >= 3", "the html page's aligned translation")
    page.hover(".w[data-t='4']")
    al = page.js("[...document.querySelectorAll('.tr .al')].map(e => e.textContent)")
    check(al == ["garden"], f"html: hovering Garten highlights 'garden': {al}")
    page.hover(".tr span[data-b]")
    al = page.js("[...document.querySelectorAll('.w.al .de')].map(e => e.textContent)")
    check(al == ["Hund"], f"html: hovering 'dog' highlights Hund: {al}")
    page.viewport(375, 740, mobile=True)
    page.call("Page.navigate", url="file://" + os.path.join(tmp, "sample.html"))
    page.wait("!!document.getElementById('dg-search')", "the html page at phone width")
    sw = page.js("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    check(sw and sw[0] <= sw[1], f"html: no horizontal overflow at 375 px: {sw}")
    page.viewport(1100, 760)


def main():
    os.makedirs(OUTDIR, exist_ok=True)
    server = subprocess.Popen([EXE, "serve", "--no-config", "--listen", "127.0.0.1:0"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    profile = tempfile.mkdtemp(prefix="degloss-chromium-")
    tmp = tempfile.mkdtemp(prefix="degloss-browser-")
    browser = None
    try:
        ready, _, _ = select.select([server.stdout], [], [], 20)
        if not ready:
            sys.exit("FAIL: the server printed no URL")
        url = server.stdout.readline().strip()
        browser = subprocess.Popen(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             "--disable-extensions", "--disable-default-apps", "--mute-audio", "--allow-file-access-from-files",
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
        page.call("DOM.enable")
        page.viewport(1100, 760)
        page.call("Emulation.setEmulatedMedia", features=[{"name": "prefers-color-scheme", "value": "light"}])
        webapp(page, url, tmp)
        html_output(page, tmp)
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
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"screenshots in {OUTDIR}")
    return summary()


if __name__ == "__main__":
    sys.exit(main())
