"""Time per KB as documents grow: is the work on one document linear in its length?

Builds documents of --sizes kilobytes (default 1, 8, 64, 512, 5120: 1 KB to 5 MB) of three
kinds, reads each with `factionmap.pipeline.extract` (parse, actors, claims; no store; a text
over 20,000 characters is parsed in passages), and prints the seconds per KB of each, then
the ratio of the largest size's seconds per KB to the smallest's (a warm-up read of each kind
comes first, not counted), then the seconds each document took. A linear pipeline gives
ratios near 1.0; quadratic work shows as a ratio near the ratio of the sizes. `ingest` refuses
texts over 64 KB unless `--max-doc-kb` is raised (E118): the seconds of the 64 KB column are
what the default limit promises at most.

- news: sentences of news prose about armed groups, repeated with other numbers;
- run-on: the same words with no full stop anywhere (one sentence as long as the text);
- names: a long list of group names and places joined by commas.

Run from the repo root:
    python benchmarks/doc_size.py [--sizes 1,8,64,512,5120]
"""

from __future__ import annotations

import argparse
import time

NEWS = ("Al-Shabaab fighters attacked a base in Lower Shabelle on Sunday, killing {n} soldiers, the group said. "
        "The Islamic State and its allies seized the town of Baga after clashes with government forces. ")
RUN_ON = "Al-Shabaab fighters attacked a base in Lower Shabelle killing {n} soldiers and the Islamic State seized Baga "
NAMES = "Boko Haram, Ansar Dine, al-Shabaab, Hizbul Islam {n}, Jamaat-ul-Ahrar, Katiba Macina, Mogadishu, Kismayo, "


def _document(template: str, kilobytes: int) -> str:
    parts, size, n = [], 0, 0
    while size < kilobytes * 1024:
        n += 1
        part = template.format(n=n)
        parts.append(part)
        size += len(part)
    return "".join(parts).strip() + ("" if template is RUN_ON else ".")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,8,64,512,5120", help="document sizes in KB, comma-separated")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]

    from factionmap.pipeline import extract

    for template in (NEWS, RUN_ON, NAMES):  # model and gazetteer loads, not counted
        extract(_document(template, 2), published="2020-01-01")
    print(f"{'kind':8} " + " ".join(f"{s:>7} KB" for s in sizes) + "   (seconds per KB)   ratio largest/smallest")
    took = {}
    for kind, template in (("news", NEWS), ("run-on", RUN_ON), ("names", NAMES)):
        per_kb = []
        for kb in sizes:
            text = _document(template, kb)
            started = time.perf_counter()
            extract(text, published="2020-01-01")
            seconds = time.perf_counter() - started
            per_kb.append(seconds / (len(text) / 1024))
            took.setdefault(kind, []).append(seconds)
        print(f"{kind:8} " + " ".join(f"{v:10.3f}" for v in per_kb) + f"   {per_kb[-1] / per_kb[0]:.2f}", flush=True)
    print("seconds a document")
    for kind, seconds in took.items():
        print(f"{kind:8} " + " ".join(f"{v:10.1f}" for v in seconds))


if __name__ == "__main__":
    main()
