"""The web app in a real browser: Debian's Chromium driven by Playwright against the app
served by uvicorn over a store of examples/corpus plus one hostile article (markup in its
title, outlet, URL and text). Each test leaves a screenshot in build/screenshots/; the network one is also the README's
docs/img/web-network.png when that is missing or FACTIONMAP_UPDATE_SCREENSHOTS is set.

Chromium missing: skipped, except in CI or where the set-up can install it (root with
apt-get, scripts/_browser.sh), where that is a failure."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path
from urllib.parse import quote

import pytest

from browser_support import CHROMIUM, CHROMIUM_ARGS, ServerThread, chromium_required, get_json

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "build" / "screenshots"
README_SHOT = ROOT / "docs" / "img" / "web-network.png"
HOSTILE = {
    "id": "xss_probe",
    "title": "Police station attacked in Kismayo <script>alert(1)</script>",
    "outlet": "Probe Wire <img src=x onerror=alert(1)>",
    "url": "javascript:alert(1)",
    "published": "2016-06-14",
    "text": ("Police station attacked in Kismayo\n"
             "Al-Shabaab fighters attacked a police station in Kismayo on Monday, officials said. "
             "<script>alert(1)</script> A local elder said the militants withdrew after an hour. "
             "<img src=x onerror=alert(1)> The group later claimed the attack in a statement."),
}

if not CHROMIUM.exists():
    reason = f"{CHROMIUM} is not installed (scripts/_browser.sh installs Debian's chromium as root)"
    if chromium_required():
        pytest.fail(reason + "; required here (CI, or root with apt-get)", pytrace=False)
    pytest.skip(reason, allow_module_level=True)

playwright_sync = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from factionmap.api import ingest_paths
    from factionmap.web import create_app

    folder = tmp_path_factory.mktemp("web")
    extra = folder / "hostile.jsonl"
    extra.write_text(json.dumps(HOSTILE) + "\n", encoding="utf-8")
    db = folder / "web.db"
    ingest_paths([ROOT / "examples" / "corpus", extra], db)
    running = ServerThread(create_app(db)).start()
    yield running
    running.stop()


@pytest.fixture(scope="module")
def browser():
    with playwright_sync.sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, server):
    """A fresh page at 1280x800 that records console errors, page errors and dialogs; after
    the test no Content-Security-Policy violation and no uncaught error may have happened."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    tab = context.new_page()
    tab.errors, tab.dialogs = [], []
    tab.on("console", lambda m: tab.errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: tab.errors.append(f"uncaught: {e}"))
    tab.on("dialog", lambda d: (tab.dialogs.append(d.message), d.dismiss()))
    tab.base = server.url
    yield tab
    errors = list(tab.errors)
    context.close()
    csp = [e for e in errors if "Content Security Policy" in e or "Refused to" in e]
    assert not csp, f"CSP violations: {csp}"
    assert not [e for e in errors if e.startswith("uncaught")], errors


def shot(page, name: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / name
    page.screenshot(path=str(path))
    return path


def open_at(page, route: str, day: str):
    """Open #/<route> and set the day as a user would: type it in the date field, press Enter."""
    page.goto(f"{page.base}/#/{route}")
    field = page.locator("#date-field")
    field.fill(day)
    field.press("Enter")
    playwright_sync.expect(page.locator("#date-slider")).to_have_value(str(_days(day)))


def _days(day: str) -> int:
    from datetime import date

    return (date.fromisoformat(day) - date(1970, 1, 1)).days


def leader_answer(page, org: str):
    search = page.locator("#search")
    search.fill(org)
    return page.locator("#leader-answer")


def test_slider_to_june_2016_shows_haibatullah_leading_the_taliban(page, server):
    api = get_json(f"{server.url}/api/leader?org=Taliban&on=2016-06-15")
    assert api["leader"]["name"] == "Haibatullah Akhundzada"
    open_at(page, "network", "2016-06-15")
    answer = leader_answer(page, "Taliban")
    playwright_sync.expect(answer).to_contain_text("Leader on 2016-06-15: Haibatullah Akhundzada")
    # the network drew the groups of that day, sized by ties, and the Taliban node is found
    taliban = page.locator('#network .node[data-id="taliban"]')
    playwright_sync.expect(taliban).to_have_class(re.compile(r"\bmatch\b"))
    assert int(taliban.get_attribute("data-ties")) >= 3
    assert page.locator("#network .edge").count() == len(get_json(f"{server.url}/api/network?on=2016-06-15")["edges"])
    # the slider moves by keys too: one step is one day
    page.locator("#date-slider").press("ArrowRight")
    playwright_sync.expect(page.locator("#date-field")).to_have_value("2016-06-16")
    playwright_sync.expect(answer).to_contain_text("Leader on 2016-06-16: Haibatullah Akhundzada")
    page.evaluate("document.activeElement.blur()")
    page.mouse.move(0, 0)
    path = shot(page, "network-2016-06.png")
    if os.environ.get("FACTIONMAP_UPDATE_SCREENSHOTS") or not README_SHOT.exists():  # the README's picture
        README_SHOT.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, README_SHOT)


def _pledge_edge(server) -> tuple[dict, dict]:
    """The edge carrying al-Qaeda's (Zawahiri's) pledge to the Taliban on 2016-06-15 and its evidence."""
    edges = get_json(f"{server.url}/api/network?on=2016-06-15")["edges"]
    pledgers = {"al-qaeda", "ayman-al-zawahiri"}
    between = [e for e in edges if {e["source"], e["target"]} & pledgers and "taliban" in (e["source"], e["target"])]
    for edge in sorted(between, key=lambda e: e["type"] != "PLEDGE"):
        if edge["type"] not in ("PLEDGE", "AFFILIATION"):
            continue
        evidence = get_json(f"{server.url}/api/evidence/{edge['fact_id']}")
        if any("pledge" in s["text"].lower() for s in evidence["sources"]):
            return edge, evidence
    raise AssertionError(f"no pledge edge between al-Qaeda and the Taliban in {between}")


def test_clicking_the_pledge_edge_shows_its_sentences_marked_in_the_documents(page, server):
    edge, evidence = _pledge_edge(server)
    open_at(page, "network", "2016-06-15")
    link = page.locator(f'#network .edge[data-fact-id="{edge["fact_id"]}"]')
    playwright_sync.expect(link).to_have_attribute("data-type", edge["type"])
    assert link.get_attribute("data-source") == edge["source"]
    link.click()
    panel = page.locator("#evidence-panel")
    playwright_sync.expect(panel).to_be_visible()
    playwright_sync.expect(panel.locator(".fact-text")).to_have_text(evidence["fact"]["text"])
    pledge = next(s for s in evidence["sources"] if "pledge" in s["text"].lower())
    block = panel.locator(f'.source[data-document="{pledge["document"]}"]')
    playwright_sync.expect(block.locator("q.sentence").filter(has_text=pledge["text"]).first).to_be_visible()
    mark = block.locator(".doctext mark").filter(has_text=pledge["text"]).first
    playwright_sync.expect(mark).to_be_visible()
    assert mark.text_content() == pledge["text"]
    # the document around it is there too: the full text holds more than the sentence
    document = get_json(f"{server.url}/api/documents/{pledge['document']}")
    assert block.locator(".doctext").text_content().strip() == document["text"].strip()
    playwright_sync.expect(block.locator("a.url")).to_have_attribute("rel", "noopener noreferrer")
    assert block.locator("a.url").get_attribute("href") == pledge["url"]
    shot(page, "evidence-pledge.png")


def test_as_known_on_toggle_brings_back_mullah_omar_on_2015_01_01(page, server):
    now = get_json(f"{server.url}/api/leader?org=Taliban&on=2015-01-01")
    then = get_json(f"{server.url}/api/leader?org=Taliban&on=2015-01-01&known_on=2015-01-01")
    assert now["leader"] is None  # his death in 2013 is known now
    assert then["leader"]["name"] == "Mohammed Omar"  # not yet known on that day
    open_at(page, "network", "2015-01-01")
    answer = leader_answer(page, "Taliban")
    playwright_sync.expect(answer).to_contain_text("Leader on 2015-01-01: unknown")
    assert "Mohammed Omar" not in answer.text_content()
    page.locator("#known-on").check()
    playwright_sync.expect(answer).to_contain_text("Leader on 2015-01-01 (as known then): Mohammed Omar")
    shot(page, "network-2015-known-on.png")
    page.locator("#known-on").uncheck()
    playwright_sync.expect(answer).to_contain_text("Leader on 2015-01-01: unknown")


def test_hostile_article_renders_as_inert_text(page, server):
    facts = get_json(f"{server.url}/api/facts?actor=al-Shabaab&type=ATTACK")
    probe = [f for f in facts if any("Probe Wire" in o for o in f["outlets"])]
    assert probe, "the hostile article gave no ATTACK fact"
    page.goto(f"{page.base}/#/actor/al-shabaab")
    page.locator(f'#events button[data-fact-id="{probe[0]["id"]}"]').click()
    panel = page.locator("#evidence-panel")
    block = panel.locator('.source[data-document="xss_probe"]')
    marks = block.locator(".doctext mark")
    playwright_sync.expect(marks.filter(has_text="Al-Shabaab fighters attacked a police station")).to_have_count(1)
    text = block.locator(".doctext")
    playwright_sync.expect(text).to_contain_text("<script>alert(1)</script>")
    playwright_sync.expect(text).to_contain_text("<img src=x onerror=alert(1)>")
    playwright_sync.expect(block.locator(".doc-title")).to_have_text(HOSTILE["title"])
    playwright_sync.expect(block.locator(".outlet")).to_have_text(HOSTILE["outlet"])
    # a javascript: URL stays text, never a link
    assert block.locator('a[href^="javascript"]').count() == 0
    playwright_sync.expect(block.locator(".url")).to_have_text("javascript:alert(1)")
    # the same through the evidence page of the route
    page.goto(f"{page.base}/#/evidence/{quote(probe[0]['id'])}")
    playwright_sync.expect(page.locator("main .doctext")).to_contain_text("<script>alert(1)</script>")
    page.wait_for_timeout(300)
    assert page.evaluate("document.querySelectorAll('img[onerror], img[src=x], [onerror]').length") == 0
    assert page.evaluate("[...document.scripts].every(s => s.src.endsWith('/static/app.js'))")
    assert page.dialogs == []
    shot(page, "evidence-hostile.png")


def test_map_draws_outlines_and_points_offline(page, server):
    outside = []

    def only_local(route):
        if route.request.url.startswith(server.url + "/"):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", only_local)
    open_at(page, "map", "2016-06-15")
    geo = get_json(f"{server.url}/api/places?on=2016-06-15")
    placed = [f for f in geo["features"] if f["geometry"]]
    assert placed, "no place with coordinates on 2016-06-15"
    points = page.locator("#map .point")
    playwright_sync.expect(points).to_have_count(len(placed))
    assert page.locator("#map path.country").count() > 100
    shaded = {f["properties"]["country"] for f in geo["features"] if not f["geometry"]}
    drawn = set(page.eval_on_selector_all("#map path.shade", "els => els.map(e => e.dataset.country)"))
    assert drawn and drawn <= shaded
    first = placed[0]["properties"]
    page.locator(f'#map .point[data-fact-id="{first["fact_id"]}"]').click()
    playwright_sync.expect(page.locator("#evidence-panel .fact-text")).to_be_visible()
    assert outside == [], f"requests left the test server: {outside}"
    shot(page, "map-2016-06.png")


def test_actor_page_shows_taliban_leaders_in_time_order(page, server):
    page.goto(f"{page.base}/#/actor/Taliban")
    playwright_sync.expect(page.locator("h1")).to_have_text("Taliban")
    rows = page.locator("#leaders-timeline .row")
    playwright_sync.expect(rows.first).to_be_visible()
    labels = rows.locator(".row-label").all_text_contents()
    names = ["Mohammed Omar", "Akhtar Mohammad Mansour", "Haibatullah Akhundzada"]
    where = [next(i for i, label in enumerate(labels) if name in label) for name in names]
    assert where == sorted(where), labels
    starts = [float(rows.nth(i).locator("rect.bar").get_attribute("x")) for i in where]
    assert starts == sorted(starts) and starts[0] < starts[2]
    # the current leader's bar runs open to today; the aliases and evidence links are there
    assert "open-end" in rows.nth(where[2]).locator("rect.bar").get_attribute("class")
    playwright_sync.expect(page.locator(".aliases")).to_contain_text("Afghan Taliban")
    rows.nth(where[1]).click()
    playwright_sync.expect(page.locator("#evidence-panel .fact-text")).to_contain_text("Akhtar Mohammad Mansour")
    page.locator("#evidence-panel .drawer-close").click()
    shot(page, "actor-taliban.png")


def test_region_and_type_filters_play_and_api_errors(page, server):
    open_at(page, "network", "2016-06-15")
    region = page.locator("#region")
    region.fill("zz")
    region.press("Tab")
    with pytest.raises(Exception):
        get_json(f"{server.url}/api/network?on=2016-06-15&region=zz")
    playwright_sync.expect(page.locator(".canvas .notice.error")).to_contain_text("unknown region 'zz'")
    somalia = get_json(f"{server.url}/api/network?on=2016-06-15&region=SO")
    region.fill("SO")
    region.press("Tab")
    playwright_sync.expect(page.locator("#network .node")).to_have_count(len(somalia["nodes"]))
    assert len(somalia["nodes"]) < len(get_json(f"{server.url}/api/network?on=2016-06-15")["nodes"])
    rivalries = [e for e in somalia["edges"] if e["type"] == "RIVALRY"]
    assert rivalries and len(rivalries) < len(somalia["edges"])
    page.locator("#type-RIVALRY").uncheck()
    playwright_sync.expect(page.locator("#network .edge")).to_have_count(len(somalia["edges"]) - len(rivalries))
    assert page.locator('#network .edge[data-type="RIVALRY"]').count() == 0
    page.locator("#play").click()  # one month a step
    playwright_sync.expect(page.locator("#date-field")).to_have_value("2016-07-15")
    page.locator("#play").click()
    playwright_sync.expect(page.locator("#play")).to_have_attribute("aria-pressed", "false")
    shot(page, "network-filters.png")


def test_map_without_country_outlines_still_draws_points(page, server):
    page.route("**/vendor/**", lambda route: route.fulfill(status=404, body="{}", content_type="application/json"))
    open_at(page, "map", "2016-06-15")
    playwright_sync.expect(page.locator("#map .point").first).to_be_visible()
    assert page.locator("#map path.country").count() == 0
    playwright_sync.expect(page.locator(".canvas .notice.warn")).to_contain_text("outlines are not installed")
    shot(page, "map-no-outlines.png")
