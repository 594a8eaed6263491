"""Latency of the HTTP API over a big synthetic store: GET /api/network and GET /api/leader.

Builds (or reuses, from /tmp) a store of --facts facts with `synthetic.py` (no spaCy), then
times --requests requests of each route over random dates (and random groups that have
leaders), first in-process (FastAPI's TestClient), then over loopback against a real
uvicorn server (`factionmap serve` in a child process) with httpx. Prints p50/p95/p99 in
ms and p95/50 ms, the target being p95 under 50 ms. A route whose requests together pass
--budget seconds stops early; the figures then say how many requests were measured.
Timings are printed, never asserted.

Run from the repo root:
    python benchmarks/web_api.py [--facts 100000] [--requests 200] [--budget 120] [--no-server]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import socket
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import synthetic  # noqa: E402

TARGET_MS = 50.0


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q / 100 * len(ordered) + 0.5) - 1))]


def _urls(groups: list[str], requests: int, seed: int) -> dict[str, list[str]]:
    rng = random.Random(seed)

    def day() -> str:
        year = rng.randint(synthetic.FIRST_YEAR, synthetic.LAST_YEAR)
        return f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"

    return {"network": [f"/api/network?on={day()}" for _ in range(requests)],
            "leader": [f"/api/leader?org={rng.choice(groups)}&on={day()}" for _ in range(requests)]}


def time_route(get, urls: list[str], budget: float) -> dict:
    """Milliseconds of each request (all must answer 200), stopping once `budget` s are spent."""
    get(urls[0])  # warm-up: the store's connection, the first query plan
    times: list[float] = []
    began = time.perf_counter()
    for url in urls:
        start = time.perf_counter()
        response = get(url)
        times.append((time.perf_counter() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"{url}: HTTP {response.status_code} {response.text[:200]}")
        if time.perf_counter() - began > budget:
            break
    p50, p95, p99 = (percentile(times, q) for q in (50, 95, 99))
    return {"requests": len(times), "of": len(urls), "p50_ms": round(p50, 2), "p95_ms": round(p95, 2),
            "p99_ms": round(p99, 2), "p95_over_target": round(p95 / TARGET_MS, 3)}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server(db: Path, port: int) -> subprocess.Popen:
    code = "import sys; from factionmap.cli.main import main; main(sys.argv[1:])"
    env = {k: v for k, v in os.environ.items() if k != "FACTIONMAP_TOKEN"}
    return subprocess.Popen([sys.executable, "-c", code, "serve", "--db", str(db), "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def over_loopback(db: Path, urls: dict[str, list[str]], budget: float) -> dict[str, dict]:
    import httpx

    port = _free_port()
    server = _server(db, port)
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=None) as client:
            for _ in range(200):  # up to 20 s for the server to start
                try:
                    client.get("/api/meta")
                    break
                except httpx.TransportError:
                    time.sleep(0.1)
            return {name: time_route(client.get, route_urls, budget) for name, route_urls in urls.items()}
    finally:
        server.terminate()
        server.wait(timeout=10)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--facts", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--budget", type=float, default=120.0, help="seconds at most per route and client")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--routes", nargs="+", default=["network", "leader"], choices=["network", "leader"])
    parser.add_argument("--no-server", action="store_true", help="only in-process (no uvicorn)")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from fastapi.testclient import TestClient

    from factionmap.store.sqlite import Store
    from factionmap.web import create_app

    began = time.perf_counter()
    db, counts = synthetic.cached_store(args.facts, args.seed)
    built = time.perf_counter() - began
    with Store.open(db, create=False) as store:
        groups = synthetic.groups_with_leaders(store)
    urls = {name: u for name, u in _urls(groups, args.requests, args.seed).items() if name in args.routes}
    results = {"facts": counts["facts"], "claims": counts["claims"], "store": str(db), "store_s": round(built, 1),
               "in_process": {}, "loopback": {}}
    with TestClient(create_app(db)) as client:
        results["in_process"] = {name: time_route(client.get, u, args.budget) for name, u in urls.items()}
    if not args.no_server:
        results["loopback"] = over_loopback(db, urls, args.budget)
    if args.json:
        return print(json.dumps(results, indent=2))
    print(f"store {db}: {counts['facts']:,} facts, {counts['claims']:,} claims ({built:.1f} s to build or open)")
    for where in ("in_process", "loopback"):
        for name, r in results[where].items():
            print(f"{where:10} {name:8} {r['requests']}/{r['of']} requests: p50 {r['p50_ms']:.1f} ms, "
                  f"p95 {r['p95_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms; p95/{TARGET_MS:g} ms = {r['p95_over_target']}")


if __name__ == "__main__":
    main()
