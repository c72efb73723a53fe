from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed/000_9824f43910e82243.txt"
SEED_LABELS = SHARED / "seed/000_9824f43910e82243.labels.tsv"
DATA = SHARED / "data"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_labels() -> list[tuple[int, str, str]]:
    rows = []
    for line in SEED_LABELS.read_text(encoding="utf-8").splitlines()[1:]:
        number, label, text = (line.split("\t") + [""])[:3]
        rows.append((int(number), label, text))
    return rows
