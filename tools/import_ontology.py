"""Copy the CAMEO and PLOVER ontology files from ../shared/ontology into the package.

The files are facts (CAMEO codebook, GDELT lookup tables) and CC BY-SA 4.0 data (PLOVER);
this script only adds the version/source/licence header that detente's loaders require,
so that the packaged copy says where it came from. Run from the repository root:

    python tools/import_ontology.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

TARGET = Path("detente/data/ontology")

HEADERS = {
    "cameo_event_codes.tsv": [
        "# CAMEO 1.1b3 event codes: code, name, Goldstein score, quad class",
        "# version: CAMEO 1.1b3",
        "# source: CAMEO codebook (Schrodt et al.) and GDELT's public CAMEO lookup tables,"
        " via ../shared/ontology/cameo_event_codes.tsv",
        "# licence: facts (code list); see NOTICE",
    ],
    "cameo_to_plover.txt": [
        "# version: PLOVER 0.8 draft (2021-09-17)",
        "# source: openeventdata/PLOVER CAMEO2PLOVER table, via ../shared/ontology",
        "# licence: CC BY-SA 4.0",
    ],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    args = parser.parse_args()
    source = args.shared / "ontology"
    TARGET.mkdir(parents=True, exist_ok=True)
    for name, header in HEADERS.items():
        body = (source / name).read_text(encoding="utf-8")
        (TARGET / name).write_text("\n".join(header) + "\n" + body.rstrip("\n") + "\n", "utf-8")
    plover = json.loads((source / "plover_ontology.json").read_text(encoding="utf-8"))
    plover = {
        "version": "PLOVER 0.8 draft",
        "licence": "CC BY-SA 4.0",
        "source": "PLOVER manual v0.8 via ../shared/ontology/plover_ontology.json",
        **plover,
    }
    (TARGET / "plover_ontology.json").write_text(
        json.dumps(plover, indent=1, ensure_ascii=False) + "\n", "utf-8"
    )
    print(f"wrote {len(HEADERS) + 1} files to {TARGET}")


if __name__ == "__main__":
    main()
