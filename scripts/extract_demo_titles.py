"""One-off: pick real job titles for the demo generator from the shared job-postings collection.

Reads ../shared/data/job_postings (not shipped to users), keeps titles that a keyword in
vieclam/demo/data/title_occupations.csv maps to an occupation, and writes vieclam/demo/data/job_titles.csv.
    python scripts/extract_demo_titles.py /path/to/shared/data/job_postings
"""

import csv
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "vieclam/demo/data/job_titles.csv"
RULES = [
    (r["keyword"], r["occupation"]) for r in csv.DictReader((ROOT / "vieclam/demo/data/title_occupations.csv").open())
]
NOISE = re.compile(r"\s*[-–(|].*$")


PATTERNS = [(re.compile(rf"(?<!\w){re.escape(keyword)}(?!\w)"), code) for keyword, code in RULES]


def occupation_of(title: str) -> str | None:
    """The first keyword that stands as whole words in the title ('hàn' must not match 'hành')."""
    low = " ".join(title.lower().split())
    return next((code for pattern, code in PATTERNS if pattern.search(low)), None)


def main(src: Path) -> None:
    seen, rows = set(), []
    sources = [("topcv_listings_2025.csv", "location"), ("vietnamworks_listings_2025.csv", "location")]
    for name, loc_field in sources:
        for r in csv.DictReader((src / name).open(encoding="utf-8")):
            title = NOISE.sub("", r["title"].replace("...", "")).strip()
            code = occupation_of(title)
            location = (r.get(loc_field) or "").split(",")[0].strip()
            key = (title.lower(), location)
            if not code or not location or len(title) < 6 or key in seen:
                continue
            seen.add(key)
            rows.append(
                {
                    "title": title,
                    "occupation": code,
                    "location": location,
                    "salary": r.get("salary", ""),
                    "source": name.split("_")[0],
                }
            )
    with OUT.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=["title", "occupation", "location", "salary", "source"])
        writer.writeheader()
        writer.writerows(rows)
    print(f"{len(rows)} titles written to {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
