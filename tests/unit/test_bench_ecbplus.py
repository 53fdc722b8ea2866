"""The ECB+ reader and benchmark on a tiny hand-made document: mentions, gold clusters, missing data."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from claimledger.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "bench"))
import ecbplus  # noqa: E402  # bench/ is not a package

DOCUMENT = """<Document doc_name="1_1ecb.xml" doc_id="DOC1">
<token t_id="1" sentence="0" number="0">Reid</token>
<token t_id="2" sentence="0" number="1">entered</token>
<token t_id="3" sentence="0" number="2">rehab</token>
<token t_id="4" sentence="1" number="0">She</token>
<token t_id="5" sentence="1" number="1">checked</token>
<token t_id="6" sentence="1" number="2">in</token>
<token t_id="7" sentence="2" number="0">Fans</token>
<token t_id="8" sentence="2" number="1">cheered</token>
<Markables>
<ACTION_OCCURRENCE m_id="10"><token_anchor t_id="2"/></ACTION_OCCURRENCE>
<ACTION_OCCURRENCE m_id="11"><token_anchor t_id="5"/><token_anchor t_id="6"/></ACTION_OCCURRENCE>
<NEG_ACTION_OCCURRENCE m_id="12"><token_anchor t_id="8"/></NEG_ACTION_OCCURRENCE>
<HUMAN_PART_PER m_id="13"><token_anchor t_id="1"/></HUMAN_PART_PER>
<ACTION_OCCURRENCE m_id="14" TAG_DESCRIPTOR="t1_rehab" instance_id="ACT1" />
</Markables>
<Relations>
<CROSS_DOC_COREF r_id="1" note="ACT1">
  <source m_id="10"/><source m_id="11"/><target m_id="14"/>
</CROSS_DOC_COREF>
</Relations>
</Document>
"""


def test_bench_ecbplus_reads_event_mentions_of_annotated_sentences(tmp_path: Path) -> None:
    path = tmp_path / "1_1ecb.xml"
    path.write_text(DOCUMENT, "utf-8")
    document, mentions = ecbplus.read_document(path, "1", {("1_1ecb", 0), ("1_1ecb", 1)})
    assert (document.subtopic, document.sentences[1]) == ("ecb", ["She", "checked", "in"])
    assert [(m.key, m.words, m.token_numbers, m.gold) for m in mentions] == [
        ("1_1ecb.xml#10", ("entered",), (1,), "ACT1"),
        ("1_1ecb.xml#11", ("checked", "in"), (1, 2), "ACT1"),
    ]


def test_bench_ecbplus_mention_without_relation_is_a_singleton(tmp_path: Path) -> None:
    path = tmp_path / "1_1ecb.xml"
    path.write_text(DOCUMENT, "utf-8")
    _, mentions = ecbplus.read_document(path, "1", {("1_1ecb", 2)})
    assert [(m.key, m.gold) for m in mentions] == [("1_1ecb.xml#12", "singleton:1_1ecb.xml#12")]


def test_bench_ecbplus_text_leaves_out_the_source_url() -> None:
    document = ecbplus.Document(
        "1_1ecbplus.xml", "1", "ecbplus", {0: ["http", ":", "/", "/x"], 1: ["A", "b"]}
    )
    assert document.text == "A b"


def test_bench_ecbplus_stories_come_from_the_text_not_the_file_name() -> None:
    fight = ["Klitschko", "stopped", "Thompson", "in", "Bern", "on", "July", "7", ",", "2012"]
    concert = ["The", "Kelmont", "orchestra", "announced", "baroque", "cello", "concerts"]
    documents = [
        ecbplus.Document("1_1ecb.xml", "1", "ecb", {0: fight}),
        ecbplus.Document("1_1ecbplus.xml", "1", "ecbplus", {0: fight}),
        ecbplus.Document("1_2ecb.xml", "1", "ecb", {0: concert}),
    ]
    story_of = ecbplus.document_stories(documents, Settings())
    assert story_of["1_1ecb.xml"] == story_of["1_1ecbplus.xml"] != story_of["1_2ecb.xml"]


def test_bench_ecbplus_missing_data_is_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert ecbplus.main(["--data", str(tmp_path / "nowhere"), "--split", "dev"]) == 2
    assert "ECB+ data not found at" in capsys.readouterr().err


def test_bench_ecbplus_test_split_is_not_here(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "ECB+").mkdir()
    (tmp_path / "splits.tsv").write_text("topic\tsplit\tdocs\n", "utf-8")
    assert ecbplus.main(["--data", str(tmp_path), "--split", "test"]) == 2
    assert "test topics are kept elsewhere" in capsys.readouterr().err
