"""Time and peak memory of ``spamsift report`` over many output records.

    python benchmarks/report_scale.py [--records 1000000] [--hosts 50000] [--campaigns 60]

Writes ``--records`` output records as ``spamsift run`` writes them (JSON Lines, gzip, in a temporary folder):
pages of ``--hosts`` hosts, a third of them spam carrying the campaign traces of ``--campaigns`` operations (their
own brands, targets and MinHash bands) plus traces every operation shares; each record has a few blocks with
reasons and a clean text of some hundred characters. Then times ``spamsift report --json`` on it, with the peak
resident memory of the process, and prints how many campaigns it found.
"""

from __future__ import annotations

import argparse
import gzip
import json
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scale import timed_command

CLEAN_TEXT = ("The council approved the new budget for public transport on Monday after a long debate about fares. "
              * 3)


def write_records(path: Path, records: int, hosts: int, campaigns: int, seed: int = 1) -> None:
    rng = random.Random(seed)
    infected = {f"host{h}.example.go.id": rng.randrange(campaigns) for h in range(0, hosts, 3)}
    host_names = [f"host{h}.example.go.id" for h in range(hosts)]
    with gzip.open(path, "wt", encoding="utf-8", compresslevel=1) as out:
        for number in range(records):
            host = rng.choice(host_names)
            campaign = infected.get(host)
            spam = campaign is not None and rng.random() < 0.8
            record = {"id": f"urn:uuid:{number:032x}", "status": "ok", "error": None,
                      "label": "gambling" if spam else "clean", "score": 0.97 if spam else 0.02,
                      "clean_text": CLEAN_TEXT, "url": f"https://{host}/berita/{number}",
                      "blocks": [{"start": 0, "end": 40, "kind": "content", "score": 0.01, "reasons": []},
                                 {"start": 41, "end": 90, "kind": "spam" if spam else "boilerplate",
                                  "score": 0.99 if spam else 0.05, "reasons": ["gambling terms: slot gacor"] if spam
                                  else []}],
                      "terms": {"slot gacor": 2, f"brand{campaign}a": 1} if spam else {},
                      "campaign": {"brands": [f"brand{campaign}a", f"brand{campaign}b", "slot88"],
                                   "targets": [f"target{campaign}.xyz", "bit.ly"],
                                   "blocks": [f"{band}:{campaign:04x}{band:08x}" for band in range(8)]} if spam else {},
                      "source": "crawl.warc.gz", "record": number + 1, "offset": number * 30000,
                      "warc_record_id": f"<urn:uuid:{number:032x}>", "warc_type": "response",
                      "warc_date": f"2026-11-{1 + number % 28:02d}T00:00:00Z"}
            out.write(json.dumps(record) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument("--hosts", type=int, default=50_000)
    parser.add_argument("--campaigns", type=int, default=60)
    args = parser.parse_args()
    print(f"{time.strftime('%Y-%m-%d')} {platform.machine()} python {platform.python_version()}")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "out.jsonl.gz"
        started = time.perf_counter()
        write_records(path, args.records, args.hosts, args.campaigns)
        print(f"wrote {args.records:,} records ({path.stat().st_size / 2**20:.0f} MiB gzip) in "
              f"{time.perf_counter() - started:.0f} s")
        seconds, peak = timed_command([sys.executable, "-m", "spamsift", "report", str(path), "--json"], ok=(0,))
        summary = subprocess.run([sys.executable, "-m", "spamsift", "report", str(path), "--json"],
                                 capture_output=True, text=True, check=True) if args.records <= 100_000 else None
        print(f"spamsift report --json: {seconds:.1f} s ({args.records / seconds:,.0f} records/s), peak resident "
              f"memory {peak:.0f} MiB")
        if summary is not None:
            print(f"campaigns found: {len(json.loads(summary.stdout)['campaigns'])} of {args.campaigns}")


if __name__ == "__main__":
    main()
