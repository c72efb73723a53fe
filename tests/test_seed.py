"""The seed page: every keyword line spam, the article kept, the template debris dropped."""

import spamsift


def test_seed_is_gambling_spam_with_every_keyword_line_located(seed_text, seed_labels):
    report = spamsift.check(text=seed_text)
    assert report.label == "gambling"
    assert report.score > 0.9
    lines = seed_text.split("\n")
    kinds_by_line = {}
    for block in report.blocks:
        line_number = seed_text.count("\n", 0, block.start) + 1
        assert seed_text[block.start:block.end] == block.text == lines[line_number - 1].strip()
        kinds_by_line[line_number] = block.kind
    spam_lines = [n for n, label, _ in seed_labels if label == "spam"]
    assert len(spam_lines) == 27
    assert all(kinds_by_line[n] == "spam" for n in spam_lines)
    content_lines = [n for n, label, _ in seed_labels if label == "content"]
    assert len(content_lines) == 12
    assert all(kinds_by_line[n] == "content" for n in content_lines)
    assert all(kinds_by_line[n] == "boilerplate" for n, label, _ in seed_labels if label == "boilerplate")


def test_seed_blocks_cover_every_non_blank_line_once(seed_text):
    report = spamsift.check(text=seed_text)
    non_blank = [line for line in seed_text.split("\n") if line.strip()]
    assert [b.text for b in report.blocks] == [line.strip() for line in non_blank]
    starts = [b.start for b in report.blocks]
    assert starts == sorted(set(starts))


def test_seed_clean_text_is_the_article_without_debris(seed_text, seed_labels):
    clean = spamsift.check(text=seed_text).clean_text
    for _, label, text in seed_labels:
        if label == "content":
            assert text in clean
    assert "5 Min Read" not in clean
    assert "Share this Article" not in clean
    assert "togel" not in clean and "dapurtoto" not in clean


def test_seed_reasons_name_what_fired(seed_text):
    report = spamsift.check(text=seed_text)
    reasons = " | ".join(r for b in report.spam_blocks for r in b.reasons)
    assert "gambling terms: " in reasons
    assert "brand names: dapurtoto" in reasons
    assert "line repeated 9 times" in reasons
    assert report.reasons and "27 spam blocks" in report.reasons[0]


def test_report_to_dict_is_the_documented_json_form(seed_text):
    data = spamsift.check(text=seed_text).to_dict()
    assert set(data) >= {"label", "score", "blocks", "clean_text", "reasons"}
    assert set(data["blocks"][0]) >= {"start", "end", "kind", "score", "reasons", "text"}
    assert 0.0 <= data["score"] <= 1.0


def test_a_spam_line_of_another_topic_than_the_article_is_said_to_be_off_topic(seed_text):
    """Injected keywords share no words with the Aleppo article they were put above; a line of one or two words
    is too short to say what its topic is."""
    report = spamsift.check(text=seed_text)
    off_topic = {b.text for b in report.blocks
                 if any(r.startswith("topic unlike the rest of the page") for r in b.reasons)}
    assert "situs togel terpercaya" in off_topic
    assert "dapurtoto" not in off_topic
    assert all(b.kind == "spam" for b in report.blocks if b.text in off_topic)
    comment = spamsift.check(text="situs togel terpercaya bandar togel online")
    assert not any(r.startswith("topic unlike") for b in comment.blocks for r in b.reasons)
