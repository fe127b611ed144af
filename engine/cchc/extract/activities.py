"""Activities: one per form of communication a clause prescribes, with owner, quantity and dates.

Two layouts occur. A plan "per activity" (Tân Phong) numbers each activity and gives it
labelled fields (Cơ quan thực hiện, Cơ quan phối hợp, Nội dung, Sản phẩm). Other plans list
forms in a forms section and assign duties to bodies in the organisation section; there the
assigned duties come first, and a form of the forms section is kept only when no body is
assigned it (it is still what the plan prescribes).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from cchc.extract.dates import Deadline, find_deadlines
from cchc.extract.lexicon import FORM_RX, GENERIC_FORM, forms_by_owner
from cchc.extract.owners import (
    DOER_LABEL,
    PARTNER_LABEL,
    block_owner,
    owner_level,
    sentence_owner,
    split_levels,
    split_partners,
)
from cchc.extract.quantity import find_quantities
from cchc.extract.structure import Block, Outline, is_title_like, split_sentences
from cchc.model import Activity
from cchc.vocab import Form, SectionKind

# "cách nộp hồ sơ … qua Cổng …": how to use a channel is content, not a channel used.
_HOW_TO = re.compile(r"\bcách (?:thức )?(?:nộp|tra cứu|sử dụng|thực hiện|truy cập|đăng ký)\b", re.I)
_OUTPUT_LABEL = re.compile(r"^(?:Sản phẩm|Kết quả dự kiến)", re.I)
_CONTENT_LABEL = re.compile(r"^Nội dung\b", re.I)
_BROADCAST = {Form.radio, Form.television}


@dataclass
class Mention:
    form: Form
    start: int  # offset in the block text
    sentence: str


@dataclass
class Context:
    single_year: bool
    default_year: int | None
    on: dt.date | None
    completion: Deadline | None = None  # "hoàn thành … trước tháng 11 năm 2024"


@dataclass
class _Draft:
    activity: Activity
    primary: bool  # assigned to a body in the organisation section, or a structured item
    covers: set[Form] = field(default_factory=set)


def form_mentions(text: str, owner: str | None = None) -> list[Mention]:
    """Forms named in a text, first mention of each, skipping "how to use X" clauses."""
    found: dict[Form, Mention] = {}
    offset = 0
    for clause in re.split(r"(?<=;)", text):
        if not _HOW_TO.search(clause):
            spans: list[tuple[int, int]] = []
            for rx, form in FORM_RX:
                for m in rx.finditer(clause):
                    if any(a <= m.start() < b for a, b in spans):
                        continue  # inside a longer phrase already read
                    spans.append(m.span())
                    if form not in found:
                        found[form] = Mention(form, offset + m.start(), clause)
            if not spans:
                generic = GENERIC_FORM.search(clause)
                implied = forms_by_owner(owner)
                if generic and implied and implied not in found:
                    found[implied] = Mention(implied, offset + generic.start(), clause)
        offset += len(clause)
    return sorted(found.values(), key=lambda x: x.start)


def _attach_quantities(
    drafts: list[_Draft], mentions: list[Mention], text: str, ctx: Context
) -> None:
    by_form = {d.activity.form: d for d in drafts}
    for q in find_quantities(text, ctx.single_year):
        before = [m for m in mentions if m.start <= q.start]
        target = before[-1] if before else (mentions[0] if mentions else None)
        if target is None or target.form not in by_form:
            continue
        act = by_form[target.form].activity
        if q.count is not None and act.count is None:
            act.count, act.per = q.count, q.per
        if q.duration is not None and act.duration_minutes is None:
            act.duration_minutes = q.duration
        if q.peak:
            act.peak_time = True


def _deadline(texts: list[str], ctx: Context) -> dt.date | None:
    for text in texts:
        found = find_deadlines(text, ctx.default_year)
        if found:
            return found[0].date
    return None


def _title(text: str) -> str:
    first = re.split(r"(?<=[.;:])\s", text, maxsplit=1)[0].rstrip(".;: ")
    return first[:200]


def _structured(outline: Outline, block: Block, ctx: Context) -> list[_Draft]:
    """An activity item with labelled fields (Cơ quan thực hiện, Nội dung, Sản phẩm…)."""
    kids = outline.descendants(block)
    doer = next((k for k in kids if k.label and DOER_LABEL.match(k.label)), None)
    partner = next((k for k in kids if k.label and PARTNER_LABEL.match(k.label)), None)
    owner = doer.value.rstrip(". ") if doer and doer.value else None
    partners = split_partners(partner.value) if partner and partner.value else []
    products: list[str] = []
    content_texts: list[str] = []
    current = None
    for k in kids:
        name = k.label or (
            k.text.rstrip(": ") if k.marker is not None and is_title_like(k.text) else ""
        )
        if name and _OUTPUT_LABEL.match(name):
            current = "out"
            if k.value:
                products.append(k.value)
            continue
        if name and _CONTENT_LABEL.match(name):
            current = "content"
            if k.value:
                content_texts.append(k.value)
            continue
        if k.label and (DOER_LABEL.match(k.label) or PARTNER_LABEL.match(k.label)):
            current = None
            continue
        if current == "out":
            products.append(k.text)
        elif current == "content":
            content_texts.append(k.text)
    mentions = [Mention(m.form, m.start, block.text) for m in form_mentions(block.text)]
    if not mentions:
        # The heading names no form: the forms of its content lines, first mention of each.
        seen: set[Form] = set()
        for text in content_texts:
            for m in form_mentions(text):
                if m.form not in seen:
                    seen.add(m.form)
                    mentions.append(Mention(m.form, len(mentions), text))
    label = block.marker.label if block.marker else str(block.index)
    base_id = f"{block.roman}.{label}" if block.roman else label
    drafts: list[_Draft] = []
    forms = mentions or [Mention(Form.other, 0, block.text)]
    for m in forms:
        sentence = m.sentence if mentions else block.text
        act = Activity(
            id=base_id if len(forms) == 1 else f"{base_id}-{m.form.value}",
            title=_title(block.text),
            form=m.form,
            owner=owner,
            owner_level=owner_level(owner, ctx.on),
            partners=list(partners),
            expected_products=[p.rstrip(".") for p in products],
            evidence=sentence,
        )
        drafts.append(_Draft(act, primary=True, covers={m.form}))
    everything = " ".join([block.text, *content_texts, *products])
    _attach_quantities(
        drafts, [Mention(d.activity.form, 0, "") for d in drafts[:1]], everything, ctx
    )
    deadline = _deadline([block.text, *content_texts], ctx)
    for d in drafts:
        d.activity.deadline = deadline
    return drafts


_HEAD_OWNER = re.compile(r"chủ trì|thực hiện|^Cơ quan|^Đơn vị", re.I)
_HEAD_TIME = re.compile(r"^Thời (?:gian|hạn)|tiến độ", re.I)
_HEAD_TASK = re.compile(r"^(?:Nội dung|Nhiệm vụ|Hoạt động|Công việc)", re.I)


def _table_row(outline: Outline, block: Block, ctx: Context, primary: bool) -> list[_Draft]:
    """A row 'STT | Nội dung | Cơ quan chủ trì | Thời gian' of a plan's task table."""
    head = next(
        (
            b
            for b in reversed(outline.blocks[: block.index])
            if " | " in b.text
            and _HEAD_TASK.search(b.text.split(" | ")[1] if b.text.count(" | ") else "")
        ),
        None,
    )
    if head is None or head is block:
        return []
    names = head.text.split(" | ")
    cells = block.text.split(" | ")
    col = {
        kind: next((i for i, n in enumerate(names) if rx.search(n)), None)
        for kind, rx in (("owner", _HEAD_OWNER), ("time", _HEAD_TIME), ("task", _HEAD_TASK))
    }
    task = (
        cells[col["task"]] if col["task"] is not None and col["task"] < len(cells) else block.text
    )
    owner = cells[col["owner"]] if col["owner"] is not None and col["owner"] < len(cells) else None
    time = cells[col["time"]] if col["time"] is not None and col["time"] < len(cells) else ""
    deadline = _deadline([time, f"trong {time}"], ctx) if time else None
    drafts = []
    for m in form_mentions(task, owner):
        act = Activity(
            title=_title(task),
            form=m.form,
            owner=owner or None,
            owner_level=owner_level(owner, ctx.on),
            deadline=deadline,
            evidence=block.text,
        )
        drafts.append(_Draft(act, primary=primary or owner is not None, covers={m.form}))
    _attach_quantities(drafts, [Mention(d.activity.form, 0, "") for d in drafts[:1]], task, ctx)
    return drafts


def _plain(outline: Outline, block: Block, ctx: Context, primary: bool) -> list[_Draft]:
    """Activities of one paragraph or list item: one per form (and per owner level)."""
    if " | " in block.text:
        return _table_row(outline, block, ctx, primary)
    default_owner = block_owner(outline, block)
    drafts: list[_Draft] = []
    mentions_all: list[Mention] = []
    subject = None
    sentences = block.sentences
    # A label that names a form ("Hội nghị đối thoại giữa Chủ tịch UBND xã với Nhân dân: …")
    # is the activity itself, unless it is a body known by its forms (a radio-TV station).
    label_is_body = not form_mentions(block.label or "") or forms_by_owner(block.label or "")
    if default_owner and block.label == default_owner and block.value and label_is_body:
        # "e) Đài Phát thanh - Truyền hình Cà Mau: Duy trì …": the label names the body, not a form.
        sentences = split_sentences(block.value)
    for sentence in sentences:
        subject = sentence_owner(sentence) or subject  # "Đồng thời …" keeps the subject
        owner = subject or default_owner
        offset = block.text.find(sentence)
        mentions = form_mentions(sentence, owner)
        if not mentions and block.label and block.value and owner == block.label:
            implied = forms_by_owner(owner)
            if implied and primary and sentence == sentences[0]:
                mentions = [Mention(implied, 0, sentence)]
        for m in mentions:
            m.start += max(offset, 0)
            mentions_all.append(m)
            for who in split_levels(owner) if owner else [None]:
                act = Activity(
                    title=_title(m.sentence if m.sentence else sentence),
                    form=m.form,
                    owner=who,
                    owner_level=owner_level(who, ctx.on),
                    evidence=sentence,
                )
                # The deadline of the clause that names the form, not of a report in the next clause.
                act.deadline = _deadline([m.sentence or sentence], ctx)
                covers = {m.form}
                if (
                    m.form in _BROADCAST
                    and who
                    and re.search(r"Phát thanh", who)
                    and re.search(r"Truyền hình", who)
                ):
                    covers |= _BROADCAST  # a radio-television station's broadcast
                drafts.append(_Draft(act, primary=primary, covers=covers))
    # Quantities go to the nearest form named before them in the paragraph.
    by_form: dict[Form, list[_Draft]] = {}
    for d in drafts:
        by_form.setdefault(d.activity.form, []).append(d)
    for q in find_quantities(block.text, ctx.single_year):
        before = [m for m in mentions_all if m.start <= q.start]
        target = before[-1] if before else (mentions_all[0] if mentions_all else None)
        if target is None:
            continue
        for d in by_form.get(target.form, []):
            act = d.activity
            if q.count is not None and act.count is None:
                act.count, act.per = q.count, q.per
            if q.duration is not None and act.duration_minutes is None:
                act.duration_minutes = q.duration
            if q.peak:
                act.peak_time = True
    _dedupe(drafts)
    return drafts


def _key(a: Activity) -> tuple[object, ...]:
    return (a.form, a.owner, a.count, a.per, a.duration_minutes)


def _dedupe(drafts: list[_Draft]) -> None:
    seen: set[tuple[object, ...]] = set()
    keep: list[_Draft] = []
    for d in drafts:
        k = _key(d.activity)
        if k not in seen:
            seen.add(k)
            keep.append(d)
    drafts[:] = keep


def _is_structured(outline: Outline, block: Block) -> bool:
    if block.marker is None or block.marker.kind not in ("arabic", "letter"):
        return False
    return any(k.label and DOER_LABEL.match(k.label) for k in outline.children(block))


def extract_activities(outline: Outline, ctx: Context) -> list[Activity]:
    drafts: list[_Draft] = []
    consumed: set[int] = set()
    sectioned = any(b.kinds for b in outline.blocks)
    for block in outline.blocks:
        if block.index in consumed:
            continue
        if _is_structured(outline, block):
            drafts.extend(_structured(outline, block, ctx))
            consumed.update(b.index for b in outline.descendants(block))
            continue
        if block.is_heading and not (block.label and block.value):
            continue
        kinds = set(block.kinds)
        if SectionKind.organisation in kinds or SectionKind.reporting in kinds:
            drafts.extend(_plain(outline, block, ctx, primary=True))
        elif SectionKind.forms in kinds or not sectioned:
            drafts.extend(_plain(outline, block, ctx, primary=False))
    acts = _merge(drafts)
    if ctx.completion is not None:
        for a in acts:
            if a.deadline is None:
                a.deadline = ctx.completion.date
    _number(acts)
    return acts


def _merge(drafts: list[_Draft]) -> list[Activity]:
    """Duties assigned to bodies first; a listed form only when no body is assigned it."""
    primary = [d for d in drafts if d.primary]
    _dedupe(primary)
    covered: set[Form] = set()
    for d in primary:
        covered |= d.covers
    secondary = [
        d for d in drafts if not d.primary and (d.activity.owner or d.activity.form not in covered)
    ]
    _dedupe(secondary)
    order = {id(d): i for i, d in enumerate(drafts)}
    kept = sorted(primary + secondary, key=lambda d: order[id(d)])
    return [d.activity for d in kept]


def _number(acts: list[Activity]) -> None:
    for i, a in enumerate(acts, start=1):
        if a.id is None:
            a.id = f"A{i}"
