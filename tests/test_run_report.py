"""``spamsift report`` over the output of a real run: totals, shares by host, domain and public suffix, terms."""

import json
import subprocess
import sys

from selectolax.lexbor import LexborHTMLParser

QUIET = "Rainfall this week was above average across the northern provinces, forecasters said on Monday."


def test_report_tables_and_charts(tmp_path, seed_text):
    records = []
    for i in range(3):  # a hacked provincial health office: 3 spam pages of 4
        records.append({"id": f"dinkes-{i}", "text": seed_text, "url": f"https://dinkes.jatengprov.go.id/berita/{i}"})
    records.append({"id": "dinkes-ok", "text": QUIET, "url": "https://dinkes.jatengprov.go.id/kontak"})
    records.append({"id": "ugm", "text": QUIET, "url": "https://ft.ugm.ac.id/news"})
    records.append({"id": "school", "text": seed_text, "url": "https://sman1-contoh.sch.id/?id=SLOT-GACOR"})
    source = tmp_path / "in.jsonl"
    source.write_text("\n".join(json.dumps(r) for r in records) + "\nbroken line\n")
    out = tmp_path / "out.jsonl.gz"
    subprocess.run([sys.executable, "-m", "spamsift", "run", str(source), "-o", str(out), "-w", "1"], check=False,
                   capture_output=True, timeout=300)
    page = tmp_path / "report.html"
    done = subprocess.run([sys.executable, "-m", "spamsift", "report", str(out), "--html", str(page)],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "7 records: error 1, ok 6" in done.stdout
    assert "go.id 3/4 (75%)" in done.stdout and "sch.id 1/1 (100%)" in done.stdout
    assert "dapurtoto 36" in done.stdout  # 9 mentions on each of 4 spam pages

    tree = LexborHTMLParser(page.read_text(encoding="utf-8"))
    captions = [node.text() for node in tree.css("figcaption")]
    assert {"Pages by label", "Score histogram", "Spam share by public suffix (%)", "Spam terms and brands"} <= \
        set(captions)
    assert len(tree.css("svg.chart rect")) >= 4
    headings = [node.text() for node in tree.css("h2")]
    assert headings[:4] == ["Spam share by public suffix", "Spam share by registered domain", "Most affected hosts",
                            "Most frequent spam terms and brands"]
    tables = {node.css_first("th").text(): node for node in tree.css("table")}
    suffix_rows = [[td.text() for td in tr.css("td")] for tr in tables["public suffix"].css("tbody tr")]
    assert suffix_rows == [["go.id", "4", "3", "75.0%"], ["sch.id", "1", "1", "100.0%"]]
    domain_rows = [[td.text() for td in tr.css("td")] for tr in tables["registered domain"].css("tbody tr")]
    assert domain_rows[0][:3] == ["jatengprov.go.id", "4", "3"]
    host_row = tables["host"].css_first("tbody tr")
    assert host_row.css_first("td").text() == "dinkes.jatengprov.go.id"
    assert "https://dinkes.jatengprov.go.id/berita/0" in host_row.html
    assert "ugm.ac.id" not in tables["registered domain"].html  # no spam there
    assert "Errors" in headings
