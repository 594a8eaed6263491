"""Files the web app takes from pinned npm packages (package.json at the repository root,
installed into node_modules by the set-up): the world's country outlines and Swagger UI.
Nothing is fetched at run time; a file not installed is simply absent (the map then draws
no outlines). Only the names listed here are served, so no path reaches outside them."""

from __future__ import annotations

import os
from pathlib import Path

# served name -> (npm package, file inside it)
FILES = {
    "world/countries-110m.json": ("world-atlas", "countries-110m.json"),
    "swagger-ui/swagger-ui-bundle.js": ("swagger-ui-dist", "swagger-ui-bundle.js"),
    "swagger-ui/swagger-ui.css": ("swagger-ui-dist", "swagger-ui.css"),
}


def node_modules() -> list[Path]:
    """Where installed packages are looked for: $FACTIONMAP_NODE_MODULES, the repository's
    node_modules (beside src/), the working directory's."""
    roots = [Path(os.environ["FACTIONMAP_NODE_MODULES"])] if os.environ.get("FACTIONMAP_NODE_MODULES") else []
    return roots + [Path(__file__).resolve().parents[3] / "node_modules", Path.cwd() / "node_modules"]


def vendor_file(name: str) -> Path | None:
    """The installed file served as /vendor/NAME, or None."""
    if name not in FILES:
        return None
    package, inside = FILES[name]
    for root in node_modules():
        path = root / package / inside
        if path.is_file():
            return path
    return None
