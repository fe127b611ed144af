"""The five seed plans, as published on web pages, read into plans."""

from __future__ import annotations

import datetime as dt
import importlib.util
import sys
from pathlib import Path

import pytest

from cchc.extract import extract_file
from cchc.vocab import Form, Level, Per

SEEDS = Path(__file__).parents[1] / "fixtures" / "seeds"
TEXTS = SEEDS / "text"


def plan(name: str):  # type: ignore[no-untyped-def]
    return extract_file(TEXTS / f"{name}.txt").plan


def test_an_dong_web_copy_with_duplicated_body() -> None:
    p = plan("an-dong-2020")
    assert p.document.number is None and p.document.issue_date is None  # not in the copy
    assert (p.issuer.name, p.issuer.level, p.issuer.province, p.issuer.district) == (
        "UBND phường An Đông",
        Level.commune,
        "Thừa Thiên Huế",
        "Huế",
    )
    assert (p.period.start, p.period.end) == (dt.date(2020, 1, 1), dt.date(2020, 12, 31))
    assert [c.number for c in p.cited_documents][:2] == ["30c/NQ-CP", "225/QĐ-TTg"]
    assert len({c.number for c in p.cited_documents}) == len(p.cited_documents)  # one copy only
    notes = " ".join(p.notes)
    assert "hai lần" in notes and "sau 3 là 5" in notes and "trang web" in notes
    meeting = [a for a in p.activities if a.form == Form.meeting and a.count]
    assert [(a.count, a.per) for a in meeting] == [(1, Per.quarter)]


def test_cao_bang_news_summary() -> None:
    p = plan("cao-bang-2021")
    assert (p.document.number, p.document.issue_date) == ("3627/KH-UBND", dt.date(2021, 12, 23))
    assert (p.issuer.name, p.issuer.level) == ("UBND tỉnh Cao Bằng", Level.province)
    nq76 = next(c for c in p.cited_documents if c.number == "76/NQ-CP")
    assert (nq76.issuer, nq76.issuer_level) == ("Thủ tướng Chính phủ", Level.prime_minister)
    assert "3627/KH-UBND" not in [c.number for c in p.cited_documents]
    assert [s.kind.value for s in p.sections] == ["purpose", "content", "forms"]
    assert {Form.radio, Form.loudspeaker, Form.bookshelf, Form.public_board} <= {
        a.form for a in p.activities
    }


def test_ca_mau_quantitative_duties() -> None:
    p = plan("ca-mau-2014")
    assert (p.document.kind, p.document.number, p.document.issue_date) == (
        "QD",
        "47/QĐ-UBND",
        dt.date(2014, 1, 14),
    )
    by_form = {(a.form, a.owner): a for a in p.activities}
    tv = by_form[(Form.television, "Đài Phát thanh - Truyền hình Cà Mau")]
    assert (tv.count, tv.per, tv.duration_minutes, tv.peak_time) == (1, Per.week, 15, True)
    talk = by_form[(Form.talk_show, "Đài Phát thanh - Truyền hình Cà Mau")]
    assert (talk.count, talk.per) == (1, Per.month)
    press = by_form[(Form.press, "Báo Cà Mau, Báo ảnh Đất Mũi")]
    assert (press.count, press.per) == (2, Per.month)
    dialogues = sorted(
        (a.owner_level.value, a.count) for a in p.activities if a.form == Form.dialogue and a.count
    )
    assert dialogues == [("commune", 1), ("district", 1)]
    assert not any(a.form == Form.radio for a in p.activities)  # the station's broadcast covers it


def test_tan_phong_structured_plan() -> None:
    p = plan("tan-phong-2024")
    assert (p.document.number, p.document.place, p.document.issue_date) == (
        "52/KH-UBND",
        "Tân Phong",
        dt.date(2024, 4, 1),
    )
    # The plan calls itself "Ủy ban nhân dân huyện Tân Phong"; its locality is xã Tân Phong.
    assert (p.issuer.name, p.issuer.level, p.issuer.district) == (
        "UBND xã Tân Phong",
        Level.commune,
        "Tân Biên",
    )
    assert p.issuer.other_names == ["Ủy ban nhân dân huyện Tân Phong"]
    assert any("issuer.other_names" in n for n in p.notes)
    assert {a.deadline for a in p.activities} == {dt.date(2024, 10, 31)}
    (duty,) = p.reporting
    assert (duty.to, duty.due_date, duty.frequency) == (
        "UBND huyện (qua Phòng Văn hóa và Thông tin huyện)",
        dt.date(2024, 4, 30),
        Per.once,
    )
    assert {i.name.value for i in p.indices} == {
        "par_index",
        "pci",
        "papi",
        "sipas",
        "ddci",
        "index_766",
    }


def test_dien_bien_department_plan() -> None:
    p = plan("dien-bien-sldtbxh-2022")
    assert (p.issuer.name, p.issuer.level) == (
        "Sở Lao động - Thương binh và Xã hội tỉnh Điện Biên",
        Level.department,
    )
    assert [i.number for i in p.implements] == ["4289/KH-UBND", "136/KH-SLĐTBXH", "42/KH-STTTT"]
    assert sorted(r.due_date for r in p.reporting if r.due_date) == [
        dt.date(2022, 11, 15),
        dt.date(2022, 12, 5),
    ]
    assert "Tải Kế hoạch" not in " ".join(a.evidence or "" for a in p.activities)


@pytest.mark.parametrize("name", sorted(p.stem for p in TEXTS.glob("*.txt")))
def test_every_evidence_is_quoted_from_the_text(name: str) -> None:
    text = " ".join((TEXTS / f"{name}.txt").read_text(encoding="utf-8").split())
    text = text.replace("*", "")
    p = plan(name)
    spans = [p.document.evidence, p.issuer.evidence, p.period.evidence]
    for items in (
        p.cited_documents,
        p.implements,
        p.activities,
        p.reporting,
        p.budget,
        p.indices,
        p.audiences,
    ):
        spans += [i.evidence for i in items]
    for span in filter(None, spans):
        for part in span.split(" | "):  # header fields quote two lines
            assert " ".join(part.split()) in text, part


def _load_eval():  # type: ignore[no-untyped-def]
    path = Path(__file__).parents[1] / "bench" / "extract_eval.py"
    spec = importlib.util.spec_from_file_location("extract_eval", path)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    sys.modules["extract_eval"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


@pytest.mark.skipif(not list(SEEDS.glob("*.json")), reason="hand-checked seed fixtures not present")
def test_extraction_meets_its_targets_on_the_hand_checked_fixtures(tmp_path: Path) -> None:
    ev = _load_eval()
    tot = ev.totals(ev.evaluate(ev.documents(tmp_path, "seeds")))
    header, citations, acts = tot["header"], tot["citations"], tot["activities"]
    assert header.exact / header.fields >= 0.95
    assert citations.precision >= 0.95 and citations.recall >= 0.95
    assert acts.precision >= 0.90 and acts.recall >= 0.90
