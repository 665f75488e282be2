#!/usr/bin/python3
"""The participant page (issue 12 point 3) in a real browser: headless Chromium at 390×844 drives the page served
by `atelier serve`, as a phone in the room would.

    participer_test.py ATELIER PAGE_VOTES WORKDIR

Builds a data folder through the CLI (an idea imported on the board « Leviers ») and page_votes (one open vote
per method in étape 1), then: a wrong code shows the French error; joining with the code; an idea with accents
and « guillemets » posted, edited, and another one deleted from the page; another phone's idea seen within two
seconds; a majority-judgment ballot; a reload rejoins without asking and finds the ballot; « Connexion perdue »
once the server is gone; then one ballot per other method, the server started again on the same port for each
vote: the page carries on by itself with the same identity (issue 28 point 4: nothing to join again); the waiting
screen; a page without its token is sent to the join screen with the code pre-filled; SIGTERM each time; the idea is in `atelier idees --json`, every ballot in the archive of the étape and in its vote's results.
Then a vote « un bulletin par personne présente » (issue 28 point 5): the page asks for a name among the people
checked in, votes in that name, and is signed out when a second phone votes in the same name; one ballot stored.
On every screen: nothing wider than 390 px, targets at least 44 px high, text contrast at least 7:1, and no
axe-core violation of WCAG 2.1 A/AA or of its best practices (ATELIER_AXE=path of axe.min.js, installed by npm
into the build folder; the test fails when it is set and missing).

Exit 77 (skipped) when chromium, chromedriver or python3-selenium is missing. ATELIER_PAGE_SHOTS=DIR keeps a
full-page PNG of every screen.
"""
import base64
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request

CHROMEDRIVER = "/usr/bin/chromedriver"
CODE = "123456"
DRAFT = "Brouillon d'idée"
IDEA = "Idée « accentuée » : des cafés où les élèves présentent leurs œuvres, été compris"
BOARD = "Leviers"
# The votes page_votes adds, in order (the K of serve --vote K).
VOTES = ["majority", "dot", "approval", "borda", "schulze"]
QUESTIONS = {
    "majority": "Quelle action lancer à la rentrée ?",
    "dot": "Où mettre nos efforts ?",
    "approval": "Quelles actions soutenez-vous ?",
    "borda": "Classez les actions (Borda)",
    "schulze": "Classez les actions (Schulze)",
}
PERSON_QUESTION = "Quelle action pour l'an prochain ? (une voix par personne)"  # vote 6: one ballot per person
SENTENCE = "Les échanges « entre Cités » : très utiles, à refaire à l'été"
OPTIONS = ["Cafés des parents", "Tutorat « grands-petits »", "Livret d'accueil traduit"]


def skip(reason):
    print("SKIP: " + reason)
    sys.exit(77)


try:
    from selenium import webdriver
    from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:
    skip("python3-selenium is missing (Debian: apt-get install python3-selenium)")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if not CHROMIUM:
    skip("chromium is missing (Debian: apt-get install chromium)")
if not os.access(CHROMEDRIVER, os.X_OK):
    skip("chromedriver is missing (Debian: apt-get install chromium-driver)")

failures = []

# Every visible element with text of its own whose contrast with the background under it is below 7:1.
CONTRAST_JS = """
function rgb(c) { var m = c.match(/[\\d.]+/g) || [0, 0, 0, 0]; return m.map(Number); }
function lum(c) {
  var v = c.slice(0, 3).map(function (x) { x /= 255; return x <= 0.03928 ? x / 12.92 : Math.pow((x + 0.055) / 1.055, 2.4); });
  return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2];
}
function background(e) {
  for (; e; e = e.parentElement) {
    var c = rgb(getComputedStyle(e).backgroundColor);
    if (c.length < 4 || c[3] > 0) return c;
  }
  return [255, 255, 255];
}
var low = [];
document.querySelectorAll('body *').forEach(function (e) {
  var own = Array.from(e.childNodes).some(function (n) { return n.nodeType === 3 && n.textContent.trim(); });
  var r = e.getBoundingClientRect();
  if (!own || r.width === 0 || r.height === 0) return;
  var a = lum(rgb(getComputedStyle(e).color)), b = lum(background(e));
  var ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
  if (ratio < 7) low.push(e.textContent.trim().slice(0, 30) + ' ' + ratio.toFixed(1));
});
return low;
"""


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)
    return condition


def run(args, **kw):
    result = subprocess.run(args, capture_output=True, text=True, timeout=60, **kw)
    if result.returncode != 0:
        print(result.stdout + result.stderr)
    return result


class Server:
    """`atelier --data D serve …` on 127.0.0.1, any free port; its output in a file."""

    def __init__(self, atelier, data, log, vote=None, board=BOARD, port=0, evaluation=False):
        args = [atelier, "--data", data, "serve", "--etape", "1", "--host", "127.0.0.1", "--port", str(port),
                "--code", CODE]
        if board:
            args += ["--tableau", board]
        if vote:
            args += ["--vote", str(vote)]
        if evaluation:
            args += ["--evaluation"]
        self.log = log
        self.out = open(log, "w")
        self.process = subprocess.Popen(args, stdout=self.out, stderr=subprocess.STDOUT)
        self.url = None
        deadline = time.time() + 15
        while time.time() < deadline and self.process.poll() is None:
            match = re.search(r"http://127\.0\.0\.1:\d+/", open(log, encoding="utf-8").read())
            if match:
                self.url = match.group(0)
                break
            time.sleep(0.05)
        if not self.url:
            self.stop()
            raise RuntimeError("atelier serve gave no URL:\n" + open(log, encoding="utf-8").read())

    def stop(self):
        """SIGTERM, then the exit code."""
        started = time.time()
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.out.close()
        print("     atelier serve stopped in %.1f s" % (time.time() - started))
        return self.process.returncode


class Page:
    def __init__(self, shots):
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in ("--headless=new", "--no-sandbox", "--window-size=390,844", "--disable-gpu",
                     "--disable-dev-shm-usage", "--lang=fr-FR", "--no-first-run", "--disable-extensions"):
            options.add_argument(flag)
        # A desktop window is at least 500 px wide whatever --window-size says: the phone's 390×844 viewport (and
        # its viewport meta) comes from Chromium's mobile emulation.
        options.add_experimental_option("mobileEmulation",
                                        {"deviceMetrics": {"width": 390, "height": 844, "pixelRatio": 1}})
        self.driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        self.driver.set_page_load_timeout(30)
        self.driver.set_script_timeout(30)
        self.shots = shots
        self.axe = None
        axe = os.environ.get("ATELIER_AXE")
        if axe:
            if check(os.path.isfile(axe), "axe-core is installed at " + axe):
                self.axe = open(axe, encoding="utf-8").read()
        else:
            print("     ATELIER_AXE not set: no axe-core audit")
        self.audited = 0

    def quit(self):
        self.driver.quit()

    def find(self, css):
        return self.driver.find_element(By.CSS_SELECTOR, css)

    def all(self, css):
        return self.driver.find_elements(By.CSS_SELECTOR, css)

    def wait(self, predicate, what, timeout=10):
        try:
            return WebDriverWait(self.driver, timeout, poll_frequency=0.1).until(lambda d: predicate())
        except TimeoutException:
            self.shot("echec")
            raise AssertionError("timed out waiting for " + what + "\nalerte: " + self.text("#alerte"))

    def visible(self, css):
        found = self.all(css)
        return bool(found) and found[0].is_displayed()

    def text(self, css):
        found = self.all(css)
        return found[0].text if found else ""

    def press(self, css, label, last=False):
        """Clicks the button under `css` that says `label` (the first, or the last), again when the list was
        drawn anew between finding and clicking it (the ideas are reloaded when the revision moves)."""
        for attempt in range(20):
            try:
                buttons = [b for b in self.all(css + " button") if b.text == label]
                if buttons:
                    button = buttons[-1 if last else 0]
                    self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", button)
                    button.click()
                    return
            except StaleElementReferenceException:
                pass
            time.sleep(0.1)
        raise AssertionError("no button « %s » under %s" % (label, css))

    def content(self, css):
        """The textContent (text as written, not as drawn: the header is in capitals)."""
        found = self.all(css)
        return found[0].get_attribute("textContent") if found else ""

    def click(self, css):
        element = self.find(css)
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
        element.click()

    def type(self, css, text):
        element = self.find(css)
        element.clear()
        element.send_keys(text)

    def audit(self, name):
        """axe-core on the page as it is (WebDriver's scripts are not subject to the page's CSP)."""
        if not self.axe:
            return
        if not self.driver.execute_script("return typeof window.axe === 'object'"):
            self.driver.execute_script(self.axe)
        violations = self.driver.execute_async_script(
            "var done = arguments[arguments.length - 1];"
            "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
            " 'best-practice']}, resultTypes: ['violations']})"
            ".then(function (r) { done(r.violations.map(function (v) {"
            "  return v.id + ' (' + v.impact + '): ' + v.nodes.slice(0, 3).map(function (n) {"
            "    return n.target.join(' '); }).join(', '); })); })"
            ".catch(function (e) { done(['axe failed: ' + e]); });")
        self.audited += 1
        check(not violations, name + ": no axe-core violation " + json.dumps(violations, ensure_ascii=False))

    def shot(self, name):
        """A PNG of the whole page (not only the viewport) when ATELIER_PAGE_SHOTS is set; on every screen, nothing
        wider than the phone and every visible button at least 44 px high."""
        wide = self.driver.execute_script("return document.documentElement.scrollWidth")
        check(wide <= 390, name + ": nothing wider than the phone (%d px)" % wide)
        small = self.driver.execute_script(
            "return Array.from(document.querySelectorAll('button, .option span, input[type=text], select, textarea'))"
            ".filter(function (e) { var r = e.getBoundingClientRect(); return r.width > 0 && r.height < 44; })"
            ".map(function (e) { return e.textContent || e.id; })")
        check(not small, name + ": every target at least 44 px high " + json.dumps(small, ensure_ascii=False))
        low = self.driver.execute_script(CONTRAST_JS)
        check(not low, name + ": text contrast at least 7:1 " + json.dumps(low[:5], ensure_ascii=False))
        self.audit(name)
        if not self.shots:
            return
        metrics = self.driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
        size = metrics.get("cssContentSize") or metrics["contentSize"]
        png = self.driver.execute_cdp_cmd("Page.captureScreenshot", {
            "format": "png", "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": 390, "height": max(844, size["height"]), "scale": 1}})
        path = os.path.join(self.shots, name + ".png")
        with open(path, "wb") as f:
            f.write(base64.b64decode(png["data"]))
        print("     screenshot " + path)


def phone(url, path, body, token=None):
    """A request of another phone, straight to the API; its JSON answer."""
    request = urllib.request.Request(url.rstrip("/") + path, data=json.dumps(body).encode("utf-8"), method="POST",
                                     headers={"Content-Type": "application/json"})
    if token:
        request.add_header("Authorization", "Bearer " + token)
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read().decode("utf-8"))


def phone_get(url, path, token):
    """A GET of another phone, straight to the API; its JSON answer."""
    request = urllib.request.Request(url.rstrip("/") + path, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return json.loads(answer.read().decode("utf-8"))


def join(page, url, prenom):
    """From the join screen: the code (pre-filled by the QR link or typed), a first name, a Cité when offered."""
    page.wait(lambda: page.visible("#ecran-rejoindre"), "the join screen")
    if page.find("#code").get_attribute("value") != CODE:
        page.type("#code", CODE)
    page.type("#prenom", prenom)
    page.wait(lambda: page.visible("#champ-cite") or page.visible("#champ-cite-texte"), "the Cité field")
    if page.visible("#champ-cite"):
        options = page.all("#cite option")
        if len(options) > 1:
            options[1].click()
    page.click("#bouton-rejoindre")
    page.wait(lambda: not page.visible("#ecran-rejoindre") and (page.visible("#ecran-vote") or
              page.visible("#ecran-idees") or page.visible("#ecran-attente") or page.visible("#ecran-evaluation"))
              and "Étape" in page.content("#marque"),
              "the page after joining")


def cast(page, method):
    """Fills the ballot on screen for `method` and sends it; returns what was chosen."""
    page.wait(lambda: page.visible("#ecran-vote") and page.all("#bulletin *"), "the ballot")
    if method == "majority":
        fieldsets = page.all("#bulletin fieldset.proposition")
        check(len(fieldsets) == len(OPTIONS), "majority: one fieldset per proposal")
        chosen = {}
        for i, fieldset in enumerate(fieldsets):
            labels = fieldset.find_elements(By.CSS_SELECTOR, "label.option")
            label = labels[i % len(labels)]
            page.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", label)
            label.click()
            chosen[OPTIONS[i]] = label.text
        # No grade left out: « Envoyer » would say which proposal lacks one.
    elif method == "dot":
        check("Il vous reste 5 points" in page.text("#bulletin .budget"), "dots: the budget counter")
        plus = page.all("#bulletin .points button:last-child")
        for _ in range(3):
            page.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", plus[0])
            plus[0].click()
        plus[2].click()
        check("Il vous reste 1 point" in page.text("#bulletin .budget"), "dots: the counter follows the + buttons")
        chosen = {OPTIONS[0]: 3, OPTIONS[2]: 1}
    elif method == "approval":
        boxes = page.all("#bulletin label.option")
        boxes[0].click()
        boxes[2].click()
        chosen = [OPTIONS[0], OPTIONS[2]]
    else:
        # The last proposal moved to the top with « Monter », twice.
        for _ in range(2):
            up = [b for b in page.all("#bulletin .classement button")
                  if b.get_attribute("aria-label") == "Monter « " + OPTIONS[2] + " »"]
            up[0].click()
        ranked = [e.text for e in page.all("#bulletin .classement .nom")]
        chosen = [OPTIONS[2], OPTIONS[0], OPTIONS[1]]
        check(ranked == chosen, method + ": « Monter » moves the proposal up (" + " / ".join(ranked) + ")")
    page.shot("vote-" + method)
    page.click("#bouton-vote")
    page.wait(lambda: "Vote enregistré" in page.text("#confirmation-vote"), method + ": « Vote enregistré »")
    check(page.text("#bouton-vote") == "Modifier mon vote", method + ": the button becomes « Modifier mon vote »")
    check(page.text("#alerte") == "", method + ": no error")
    return chosen


def ballots_in_archive(atelier, data):
    """{question: (the stored ballots, the ballots counted in the vote's results)} from the archive of étape 1,
    written by the CLI."""
    saved = run([atelier, "--data", data, "archive", "enregistrer", "--etape", "1"])
    if not check(saved.returncode == 0, "atelier archive enregistrer"):
        return {}
    archive = json.load(open(saved.stdout.splitlines()[0].strip(), encoding="utf-8"))["archive"]
    counted = {r["vote"]: r.get("ballots") for r in archive.get("results", [])}
    return {v["setup"]["question"]: (v["ballots"], counted.get(v["id"])) for v in archive["etape"]["votes"]}


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    atelier, page_votes, workroot = (os.path.abspath(a) for a in sys.argv[1:])
    os.makedirs(workroot, exist_ok=True)
    work = tempfile.mkdtemp(prefix="page-", dir=workroot)
    data = os.path.join(work, "data")
    shots = os.environ.get("ATELIER_PAGE_SHOTS")
    if shots:
        os.makedirs(shots, exist_ok=True)

    # The page: three files, under 60 KB, nothing inline (the CSP forbids it), no external URL.
    assets = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "assets")
    files = {name: open(os.path.join(assets, name), encoding="utf-8").read()
             for name in ("participer.html", "participer.css", "participer.js")}
    total = sum(len(text.encode("utf-8")) for text in files.values())
    check(total < 60 * 1024, "the page weighs %d bytes, under 60 KB" % total)
    check(not re.search(r"<script(?![^>]*\bsrc=)|\sstyle=|\son[a-z]+=", files["participer.html"]),
          "no inline script, style or handler in the HTML")
    check(not any(re.search(r"https?://", text) for text in files.values()), "no external URL")

    # The data: an idea on « Leviers » through the CLI, one open vote per method through page_votes.
    csv = os.path.join(work, "idees.csv")
    with open(csv, "w", encoding="utf-8") as f:
        f.write("texte\nUn livret d'accueil traduit en cinq langues\n")
    check(run([atelier, "--data", data, "importer", "idees", "--etape", "1", "--tableau", BOARD, csv]).returncode == 0,
          "atelier importer idees")
    check(run([page_votes, data]).returncode == 0, "page_votes")

    page = Page(shots)
    server = None
    cast_ballots = {}
    try:
        server = Server(atelier, data, os.path.join(work, "serve-1.log"), vote=1)
        page.driver.get(server.url)
        page.wait(lambda: page.visible("#ecran-rejoindre"), "the join screen")
        check(page.driver.execute_script("return document.documentElement.lang") == "fr", "lang=\"fr\"")
        check(page.driver.execute_script("return window.innerWidth") == 390, "a 390-px viewport")
        page.shot("rejoindre")

        # A wrong code: the French error, in the alert zone.
        page.type("#code", "000000")
        page.click("#bouton-rejoindre")
        page.wait(lambda: page.text("#alerte") != "", "the wrong-code error")
        check("Code incorrect" in page.text("#alerte"), "a wrong code shows the French error: " + page.text("#alerte"))
        check(page.find("#alerte").get_attribute("role") == "alert", "errors are in a role=alert zone")
        page.shot("rejoindre-erreur")

        join(page, server.url, "Zoé")
        check(page.visible("#onglets"), "a board and a vote open: the tabs Idées / Vote")
        check("Zoé" in page.text("#moi"), "the page says who I am")

        # An idea with accents and « guillemets ».
        page.click("#onglet-idees")
        page.wait(lambda: page.visible("#ecran-idees"), "the ideas screen")
        check(page.text("#titre-tableau") == BOARD, "the board's title")
        page.wait(lambda: "Un livret d'accueil traduit" in page.text("#autres"), "the room's ideas")
        columns = page.all("#liste-colonnes label.option")
        if len(columns) > 1:
            columns[1].click()
        page.type("#texte-idee", DRAFT)
        check(page.text("#compteur-idee").startswith(str(len(DRAFT)) + " / 500"), "the counter counts characters")
        page.click("#bouton-idee")
        page.wait(lambda: "Idée envoyée" in page.text("#confirmation-idee"), "« Idée envoyée »")
        page.wait(lambda: DRAFT in page.text("#miennes"), "my idea listed")
        check(page.find("#texte-idee").get_attribute("value") == "", "the field is emptied")
        # Edited: « Modifier », the new text, « Enregistrer ».
        page.press("#miennes", "Modifier")
        page.wait(lambda: page.visible("#miennes textarea"), "the edit field")
        page.type("#miennes textarea", IDEA)
        page.shot("idees-modifier")
        page.press("#miennes", "Enregistrer")
        page.wait(lambda: IDEA in page.text("#miennes") and not page.visible("#miennes textarea"), "my idea edited")
        # A second idea, deleted: « Supprimer », confirmed.
        page.type("#texte-idee", "Idée à retirer")
        page.click("#bouton-idee")
        page.wait(lambda: "Idée à retirer" in page.text("#miennes"), "the second idea listed")
        page.press("#miennes", "Supprimer", last=True)
        page.driver.switch_to.alert.accept()
        page.wait(lambda: "Idée à retirer" not in page.text("#miennes"), "the second idea deleted")
        check(IDEA in page.text("#miennes"), "the first idea is still mine")
        page.shot("idees")

        # Another phone's idea shows on this one within two seconds (long polling).
        other = phone(server.url, "/api/rejoindre", {"code": CODE})
        started = time.time()
        phone(server.url, "/api/idees", {"texte": "Idée d'un autre téléphone"}, other["jeton"])
        page.wait(lambda: "Idée d'un autre téléphone" in page.text("#autres"), "another phone's idea", timeout=2)
        print("     another phone's idea seen after %.2f s" % (time.time() - started))

        # A majority-judgment ballot.
        page.click("#onglet-vote")
        cast_ballots["majority"] = cast(page, "majority")
        page.shot("vote-majority-enregistre")

        # A reload rejoins without asking and finds the ballot cast.
        page.driver.refresh()
        page.wait(lambda: page.visible("#ecran-vote"), "the vote after a reload")
        check(not page.visible("#ecran-rejoindre"), "a reload rejoins without asking")
        page.wait(lambda: page.text("#bouton-vote") == "Modifier mon vote", "« Modifier mon vote » after a reload")
        check(len(page.all("#bulletin input:checked")) == len(OPTIONS), "the ballot is pre-filled from mon_bulletin")
        check(server.stop() == 0, "SIGTERM stops atelier serve (exit 0)")
        # The laptop gone: the page says so and keeps trying.
        page.wait(lambda: "Connexion perdue" in page.text("#connexion"), "« Connexion perdue »", timeout=6)
        page.shot("connexion-perdue")

        # Every other method, the server started again on each vote, on the same port (the page's origin, where
        # its token is kept): the page carries on by itself, the same phone (issue 28 point 4).
        port = int(re.search(r":(\d+)/", server.url).group(1))
        for k, method in enumerate(VOTES[1:], start=2):
            server = Server(atelier, data, os.path.join(work, "serve-%d.log" % k), vote=k, board=None, port=port)
            check(server.url.endswith(":%d/" % port), method + ": the same port again")
            if k == 2:  # the page left open on « Connexion perdue » finds the laptop again by itself
                page.wait(lambda: page.visible("#ecran-vote") and page.text("#connexion") == "",
                          method + ": the page carries on after the restart", timeout=10)
                page.shot("reprise-apres-redemarrage")
            else:
                page.driver.get(server.url)
                page.wait(lambda: page.visible("#ecran-vote"), method + ": the vote after a reload")
            check(not page.visible("#ecran-rejoindre"), method + ": nothing to join again after a restart")
            check("Zoé" in page.text("#moi"), method + ": the same identity after a restart")
            check(not page.visible("#onglets"), method + ": no tabs without a board")
            cast_ballots[method] = cast(page, method)
            check(server.stop() == 0, method + ": SIGTERM stops atelier serve")

        # Nothing open: the waiting screen.
        server = Server(atelier, data, os.path.join(work, "serve-attente.log"), board=None, port=port)
        page.driver.get(server.url)
        page.wait(lambda: page.visible("#ecran-attente"), "the waiting screen")
        check("Étape 1" in page.content("#marque") and page.text("#titre-etape") not in ("", "Atelier"),
              "the waiting screen names the étape: " + page.content("#marque") + " " + page.text("#titre-etape"))
        page.shot("attente")
        # A page that lost its token (another browser, private mode): the join screen, the code from the URL.
        page.driver.execute_script("window.localStorage.clear()")
        page.driver.get(server.url + "?code=" + CODE)
        page.wait(lambda: page.visible("#ecran-rejoindre"), "no token: the join screen")
        check(page.find("#code").get_attribute("value") == CODE, "?code= pre-fills the code")
        page.shot("rejoindre-code-prerempli")
        join(page, server.url, "Inès")
        page.wait(lambda: page.visible("#ecran-attente"), "the waiting screen after joining")
        check(server.stop() == 0, "attente: SIGTERM stops atelier serve")
        server = None

        # The evaluation of the day: the questionnaire (made by `evaluation saisir` with a first paper answer)
        # takes the page over; a note and a sentence, sent, found again after a reload, corrected.
        check(run([atelier, "--data", data, "evaluation", "saisir", "--etape", "1", "--question", "3", "--texte",
                   "Réponse sur papier"]).returncode == 0, "atelier evaluation saisir")
        server = Server(atelier, data, os.path.join(work, "serve-evaluation.log"), board=None, port=port,
                        evaluation=True)
        page.driver.get(server.url)
        page.wait(lambda: page.visible("#ecran-evaluation") and page.all("#questionnaire fieldset"),
                  "the questionnaire")
        notes = page.all("#questionnaire fieldset.proposition")
        check(len(notes) >= 2, "the two grade questions (and the practices) as fieldsets: %d" % len(notes))
        best = notes[0].find_elements(By.CSS_SELECTOR, "label.option")
        page.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", best[0])
        best[0].click()
        grade = best[0].text
        check("Aucune pratique présentée aujourd'hui" in page.text("#questionnaire"),
              "no practice of the day: the question says so")
        page.type("#questionnaire textarea", SENTENCE)
        page.shot("evaluation")
        page.click("#bouton-evaluation")
        page.wait(lambda: "Merci" in page.text("#confirmation-evaluation"), "« Merci ! »")
        check(page.text("#bouton-evaluation") == "Corriger mes réponses", "the button becomes « Corriger mes réponses »")
        page.shot("evaluation-envoyee")
        page.driver.refresh()
        page.wait(lambda: page.visible("#ecran-evaluation") and page.all("#questionnaire textarea"),
                  "the questionnaire after a reload")
        check(page.find("#questionnaire textarea").get_attribute("value") == SENTENCE,
              "the sentence sent is there after a reload")
        check(page.all("#questionnaire fieldset input:checked"), "the note sent is there after a reload")
        page.type("#questionnaire textarea", SENTENCE + " Merci !")
        page.click("#bouton-evaluation")
        page.wait(lambda: "Merci" in page.text("#confirmation-evaluation"), "« Merci ! » after the correction")
        check(server.stop() == 0, "evaluation: SIGTERM stops atelier serve")
        server = None

        # « Un bulletin par personne présente » (vote 6): the page asks whose ballot it is, among the people checked in.
        server = Server(atelier, data, os.path.join(work, "serve-personne.log"), vote=6, board=None, port=port)
        page.driver.get(server.url)
        page.wait(lambda: page.visible("#ecran-vote") and page.visible("#champ-personne"), "the name to vote in")
        names = [o.text for o in page.all("#personne option")]
        check(names[1:] == ["Inès B.", "Karim D.", "Zoé M."], "the people checked in, as their short names: " + json.dumps(names))
        check(page.find("#personne").get_attribute("required") is not None, "the name is required")
        page.shot("vote-personne")
        page.click("#bouton-vote")
        page.wait(lambda: "Choisissez votre nom" in page.text("#alerte"), "no name chosen: the French message")
        check(page.driver.switch_to.active_element == page.find("#personne"), "no name chosen: the list has focus")
        ines = [o for o in page.all("#personne option") if o.text == "Inès B."][0]
        ines_id = int(ines.get_attribute("value"))
        ines.click()
        cast_ballots["personne"] = cast(page, "majority")
        page.wait(lambda: page.visible("#ma-personne") and "au nom de Inès B." in page.text("#ma-personne"),
                  "« Vous votez au nom de Inès B. »")
        check(not page.visible("#champ-personne"), "the name is chosen once")
        page.shot("vote-personne-enregistre")
        # Another phone says it is Inès too: its ballot replaces hers, and this page is signed out, told why.
        second = phone(server.url, "/api/rejoindre", {"code": CODE, "prenom": "Inès"})
        state = phone_get(server.url, "/api/etat", second["jeton"])
        grades = state["vote"]["mentions"]
        phone(server.url, "/api/bulletin", {"vote": state["vote"]["id"], "personne": ines_id,
                                            "grades": {o: grades[0] for o in OPTIONS}}, second["jeton"])
        page.wait(lambda: page.visible("#ecran-rejoindre") and "Un autre téléphone a voté à votre nom"
                  in page.text("#alerte"), "the replaced phone signed out, told why")
        page.shot("vote-personne-remplace")
        check(server.stop() == 0, "per person: SIGTERM stops atelier serve")
        server = None

        # Nothing refused by the CSP, no script error. Refused requests are part of the scenario (a wrong code:
        # 403; a server stopping answers its waiting polls 503; a server gone) and left out.
        problems = [entry["message"] for entry in page.driver.get_log("browser")
                    if entry.get("level") == "SEVERE" and "Failed to load resource" not in entry["message"]]
        check(not problems, "no error in the browser console " + json.dumps(problems, ensure_ascii=False))
    finally:
        if server:
            server.stop()
        page.quit()

    # What the page sent is in the data folder.
    ideas = run([atelier, "--data", data, "idees", "--etape", "1", "--tableau", BOARD, "--json"])
    texts = [i.get("texte") for i in json.loads(ideas.stdout or "[]")] if ideas.returncode == 0 else []
    check(IDEA in texts, "the idea, as edited, is in atelier idees --json")
    check(DRAFT not in texts and "Idée à retirer" not in texts, "neither the draft nor the deleted idea is stored")
    results = run([atelier, "--data", data, "evaluation", "--etape", "1", "--json"])
    evaluation = json.loads(results.stdout or "{}") if results.returncode == 0 else {}
    check(evaluation.get("reponses") == 2, "evaluation: the paper answer and one sheet from the phone (corrected, "
          "not added): %s" % evaluation.get("reponses"))
    sentences = [t.get("texte") for q in evaluation.get("questions", []) for t in q.get("reponses", [])]
    check(SENTENCE + " Merci !" in sentences and SENTENCE not in sentences, "evaluation: the corrected sentence only")
    graded = [q for q in evaluation.get("questions", []) if q.get("type") == "note"]
    check(graded and graded[0].get("mention") == grade, "evaluation: the note sent is the median (%s)" % grade)
    ballots = ballots_in_archive(atelier, data)
    for method, chosen in cast_ballots.items():
        stored, counted = ballots.get(QUESTIONS.get(method, PERSON_QUESTION), ([], None))
        check(len(stored) == 1, method + ": one ballot stored " + json.dumps(stored, ensure_ascii=False))
        check(str(counted) == "1", method + ": one ballot in the vote's results (%s)" % counted)

    if page.axe:
        print("     axe-core audited %d screens" % page.audited)
    if failures:
        print("\n%d failure(s):\n  " % len(failures) + "\n  ".join(failures))
        return 1
    shutil.rmtree(work, ignore_errors=True)
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
