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

from cchc.extract.citations import find_refs
from cchc.extract.dates import Deadline, find_deadlines, find_span
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
from cchc.extract.quantity import Quantity, every_rate, find_quantities
from cchc.extract.structure import Block, Outline, is_title_like, split_sentences
from cchc.model import Activity
from cchc.vocab import Form, SectionKind

# "cách nộp hồ sơ … qua Cổng …": how to use a channel is content, not a channel used.
_HOW_TO = re.compile(r"\bcách (?:thức )?(?:nộp|tra cứu|sử dụng|thực hiện|truy cập|đăng ký)\b", re.I)
_TIME_LABEL = re.compile(r"^Thời (?:gian|hạn)", re.I)
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
    years: int | None = None  # calendar years the plan covers ("02 năm một lần")


@dataclass
class _Draft:
    activity: Activity
    primary: bool  # assigned to a body in the organisation section, or a structured item
    covers: set[Form] = field(default_factory=set)
    item: str | None = None  # "II.1": the list item it was read from, for "mục II.1"


# One activity per task: a form named only as the content of another ("tin, bài trên Trang
# thông tin điện tử", "Phát thanh … trên loa truyền thanh"), as the first word of a compound
# ("hội nghị đối thoại", "hội nghị tập huấn"), or as the place where an event happens
# ("Hội thi trực tuyến trên Cổng thông tin điện tử", "tọa đàm trên sóng Đài Truyền thanh")
# is not an activity of its own.
_CHANNELS = {
    Form.website,
    Form.social_media,
    Form.radio,
    Form.television,
    Form.loudspeaker,
    Form.electronic_board,
    Form.public_board,
    Form.bulletin,
    Form.press,
}
_EVENTS = {Form.contest, Form.talk_show, Form.survey, Form.dialogue, Form.training}
_CONTENT_WORDS = re.compile(r"^(?:tin,? bài|bài viết|đưa tin|phát thanh)$", re.I)
_CARRIER = re.compile(r"\b(?:trên|lên|qua|tại)\b")
_COMPOUND_HEAD = {Form.conference, Form.meeting}


@dataclass
class _Hit:
    form: Form
    start: int
    end: int
    text: str


def _content_only(hit: _Hit, clause: str) -> bool:
    """'tin, bài', 'phát thanh' used as the content a channel carries, not as a channel."""
    if not _CONTENT_WORDS.match(hit.text):
        return False
    return not re.search(
        r"(?:Đài|đài|sóng|chương trình)\s*$", clause[max(0, hit.start - 12) : hit.start]
    )


def _one_per_task(hits: list[_Hit], clause: str) -> list[_Hit]:
    drop: set[int] = set()
    for i, a in enumerate(hits):
        for j, b in enumerate(hits):
            if j <= i or a.form == b.form:
                continue
            between = clause[a.end : b.start]
            if a.form in _COMPOUND_HEAD and not between.strip() and b.form in _EVENTS:
                drop.add(i)  # "hội nghị đối thoại", "hội nghị tập huấn"
            near = len(between) <= 70 and ";" not in between and _CARRIER.search(between)
            if not near:
                continue
            if b.form in _CHANNELS and _content_only(a, clause):
                drop.add(i)  # "đăng tin, bài trên Trang thông tin điện tử"
            elif a.form in _EVENTS and b.form in _CHANNELS:
                drop.add(j)  # "Hội thi trực tuyến trên Cổng thông tin điện tử"
    kept = [h for k, h in enumerate(hits) if k not in drop]
    channels = [h for h in kept if h.form in _CHANNELS and not _content_only(h, clause)]
    if channels:
        # "… tin, bài …/tháng" after the channel is still the channel's content.
        kept = [h for h in kept if h in channels or not _content_only(h, clause)]
    return kept


def form_mentions(text: str, owner: str | None = None) -> list[Mention]:
    """Forms named in a text, first mention of each, skipping "how to use X" clauses, the
    owner's own name ("Đài Phát thanh và Truyền hình tỉnh duy trì …") and forms that are
    part of another form's task."""
    found: dict[Form, Mention] = {}
    offset = 0
    for clause in re.split(r"(?<=;)", text):
        if not _HOW_TO.search(clause):
            own = _owner_spans(clause, owner)
            hits: list[_Hit] = []
            spans: list[tuple[int, int]] = []
            for rx, form in FORM_RX:
                for m in rx.finditer(clause):
                    if any(a <= m.start() < b for a, b in spans + own):
                        continue  # inside a longer phrase already read, or the owner's name
                    spans.append(m.span())
                    hits.append(_Hit(form, m.start(), m.end(), m.group(0)))
            hits = _one_per_task(sorted(hits, key=lambda h: h.start), clause)
            implied = forms_by_owner(owner)
            if implied and (not hits or all(_content_only(h, clause) for h in hits)):
                # "Đài truyền thanh xã phát tin, bài …": the owner is the channel.
                generic = GENERIC_FORM.search(clause)
                if hits or generic:
                    start = hits[0].start if hits else (generic.start() if generic else 0)
                    hits = [_Hit(implied, start, start, "")]
            for h in hits:
                if h.form not in found:
                    found[h.form] = Mention(h.form, offset + h.start, clause)
        offset += len(clause)
    return sorted(found.values(), key=lambda x: x.start)


def _owner_spans(clause: str, owner: str | None) -> list[tuple[int, int]]:
    if not owner:
        return []
    at = clause.find(owner)
    return [(at, at + len(owner))] if at >= 0 else []


def _attach_quantities(
    drafts: list[_Draft], mentions: list[Mention], text: str, ctx: Context
) -> None:
    by_form = {d.activity.form: d for d in drafts}
    for q in find_quantities(text, ctx.single_year):
        before = [m for m in mentions if m.start <= q.start]
        target = before[-1] if before else (mentions[0] if mentions else None)
        if target is None or target.form not in by_form:
            continue
        _apply(by_form[target.form].activity, q, ctx)


def _apply(act: Activity, q: Quantity, ctx: Context) -> None:
    """Put a quantity on an activity that does not have one yet."""
    if q.every is not None and act.count is None:
        rate = every_rate(q.every[0], q.every[1], ctx.years)
        if rate:
            act.count, act.per = rate
    if q.count is not None and act.count is None:
        act.count, act.per = q.count, q.per
    if q.duration is not None and act.duration_minutes is None:
        act.duration_minutes = q.duration
    if q.peak:
        act.peak_time = True


def _when(texts: list[str], ctx: Context) -> tuple[dt.date | None, dt.date | None]:
    """(start, deadline) of an activity: a span ('Quý III/2024', 'tháng 5/2024', '6 tháng cuối
    năm', 'năm 2024') gives both; 'trước ngày …', 'hoàn thành trước …' a deadline only."""
    for text in texts:
        span = find_span(text, ctx.default_year)
        deadlines = find_deadlines(text, ctx.default_year)
        hard = [d for d in deadlines if not re.match(r"(?i:trong|hết|đến hết)\b", d.phrase)]
        if hard and (span is None or hard[0].start <= span.offset):
            return None, hard[0].date
        if span:
            return span.start, span.end
        if deadlines:
            return None, deadlines[0].date
    return None, None


def _deadline(texts: list[str], ctx: Context) -> dt.date | None:
    return _when(texts, ctx)[1]


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
    times = [k.value for k in kids if k.label and _TIME_LABEL.match(k.label) and k.value]
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
    start, deadline = _when([*times, block.text, *content_texts], ctx)
    for d in drafts:
        d.activity.start, d.activity.deadline = start, deadline
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
    start, deadline = _when([time, f"trong {time}"], ctx) if time else (None, None)
    drafts = []
    for m in form_mentions(task, owner):
        act = Activity(
            title=_title(task),
            form=m.form,
            owner=owner or None,
            owner_level=owner_level(owner, ctx.on),
            start=start,
            deadline=deadline,
            evidence=block.text,
        )
        drafts.append(_Draft(act, primary=primary or owner is not None, covers={m.form}))
    _attach_quantities(drafts, [Mention(d.activity.form, 0, "") for d in drafts[:1]], task, ctx)
    return drafts


_BASIS = re.compile(r"^(?:Căn cứ|Thực hiện|Thi hành|Triển khai thực hiện)\b")
_ON_BASIS = re.compile(r"\btrên cơ sở\b|\bcăn cứ\b", re.I)
# "… chủ trì thực hiện các nội dung tại mục II.1 và II.2": owners given by reference.
_ITEM_REF = re.compile(r"\bmục\s+((?:[IVX]+\.\d+)(?:\s*(?:,|và)\s*[IVX]+\.\d+)*)")


def _is_basis(sentence: str) -> bool:
    """A sentence citing the documents the plan rests on names their subjects, not tasks."""
    if not find_refs(sentence):
        return False
    return bool(_BASIS.match(sentence) or _ON_BASIS.search(sentence))


def _clauses(sentence: str) -> list[tuple[str, int]]:
    out = []
    pos = 0
    for piece in re.split(r"(?<=;)\s*", sentence):
        at = sentence.find(piece, pos)
        out.append((piece, max(at, 0)))
        pos = max(at, 0) + len(piece)
    return [(c, o) for c, o in out if c.strip()]


def _item(block: Block) -> str | None:
    if block.marker is None or block.marker.kind != "arabic" or block.roman is None:
        return None
    return f"{block.roman}.{block.marker.label}"


def _plain(
    outline: Outline,
    block: Block,
    ctx: Context,
    primary: bool,
    refs: list[tuple[str, list[str]]] | None = None,
) -> list[_Draft]:
    """Activities of one paragraph or list item: one per form (and per owner level)."""
    if " | " in block.text:
        return _table_row(outline, block, ctx, primary)
    default_owner = block_owner(outline, block)
    drafts: list[_Draft] = []
    mentions_all: list[Mention] = []
    subject = None
    sentences = block.sentences
    base = 0
    # A label that names a form ("Hội nghị đối thoại giữa Chủ tịch UBND xã với Nhân dân: …")
    # is the activity itself, unless it is a body known by its forms (a radio-TV station).
    label_is_body = not form_mentions(block.label or "") or forms_by_owner(block.label or "")
    if default_owner and block.label == default_owner and block.value and label_is_body:
        # "e) Đài Phát thanh - Truyền hình Cà Mau: Duy trì …": the label names the body, not a form.
        sentences = split_sentences(block.value)
        base = block.text.find(block.value)
    for sentence in sentences:
        if _is_basis(sentence):
            continue
        offset = block.text.find(sentence, base)
        for clause, at in _clauses(sentence):
            subject = sentence_owner(clause) or subject  # "Đồng thời …" keeps the subject
            owner = subject or default_owner
            mentions = form_mentions(clause, owner)
            if not mentions and block.label and block.value and owner == block.label:
                implied = forms_by_owner(owner)
                if implied and primary and sentence == sentences[0] and at == 0:
                    mentions = [Mention(implied, 0, clause)]
            listed = _ITEM_REF.search(clause)
            if not mentions and listed and owner and refs is not None:
                refs.append((owner, re.split(r"\s*(?:,|và)\s*", listed.group(1))))
            for m in mentions:
                m.start += max(offset, 0) + at
                mentions_all.append(m)
                for who in split_levels(owner) if owner else [None]:
                    act = Activity(
                        title=_title(m.sentence if m.sentence else sentence),
                        form=m.form,
                        owner=who,
                        owner_level=owner_level(who, ctx.on),
                        evidence=sentence,
                    )
                    # The time of the clause that names the form, not of a report in the next.
                    act.start, act.deadline = _when([m.sentence or clause], ctx)
                    covers = {m.form}
                    if (
                        m.form in _BROADCAST
                        and who
                        and re.search(r"Phát thanh", who)
                        and re.search(r"Truyền hình", who)
                    ):
                        covers |= _BROADCAST  # a radio-television station's broadcast
                    drafts.append(_Draft(act, primary=primary, covers=covers, item=_item(block)))
    # Quantities go to the nearest form named before them in the paragraph.
    by_form: dict[Form, list[_Draft]] = {}
    for d in drafts:
        by_form.setdefault(d.activity.form, []).append(d)
    for q in find_quantities(block.text, ctx.single_year):
        inside = [m for m in mentions_all if q.start <= m.start < q.end]
        before = inside or [m for m in mentions_all if m.start <= q.start]
        target = before[-1] if before else (mentions_all[0] if mentions_all else None)
        if target is None:
            continue
        for d in by_form.get(target.form, []):
            _apply(d.activity, q, ctx)
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


_TASK_HEADING = re.compile(
    r"\b(?:nhiệm vụ|hoạt động|nội dung thực hiện|công việc|phân công|trách nhiệm)\b", re.I
)
# "Giao X chủ trì thực hiện Kế hoạch này": one body carries out every task not given to another.
_WHOLE_PLAN = re.compile(
    r"chủ trì(?:,?\s*tham mưu)?(?:\s+tổ chức)?\s+(?:thực hiện|triển khai)(?:\s+thực hiện)?\s+"
    r"(?:các nội dung của\s+)?[Kk]ế hoạch\b"
)


def _under_tasks(outline: Outline, block: Block) -> bool:
    """Inside a section of tasks ("NHIỆM VỤ CỤ THỂ", "CÁC HOẠT ĐỘNG", "PHÂN CÔNG …")."""
    return any(
        b.marker is not None
        and (b.marker.kind == "roman" or is_title_like(b.text))
        and _TASK_HEADING.search(b.text)
        and not b.label
        for b in [block, *outline.ancestors(block)]
    )


def _whole_plan_owner(outline: Outline) -> str | None:
    for block in outline.blocks:
        if SectionKind.organisation not in block.kinds:
            continue
        for sentence in block.sentences:
            for clause, _ in _clauses(sentence):
                if _WHOLE_PLAN.search(clause) and not form_mentions(clause):
                    owner = sentence_owner(clause)
                    if owner:
                        return owner
    return None


def extract_activities(outline: Outline, ctx: Context) -> list[Activity]:
    drafts: list[_Draft] = []
    consumed: set[int] = set()
    refs: list[tuple[str, list[str]]] = []
    # Headings divide the plan; a news summary's paragraphs that open with a section name
    # do not, and its other paragraphs are read too.
    sectioned = any(b.kinds for b in outline.blocks if b.marker is not None)
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
        if (
            SectionKind.organisation in kinds
            or SectionKind.reporting in kinds
            or _under_tasks(outline, block)
        ):
            drafts.extend(_plain(outline, block, ctx, primary=True, refs=refs))
        elif SectionKind.forms in kinds or (not sectioned and not kinds - {SectionKind.forms}):
            drafts.extend(_plain(outline, block, ctx, primary=False, refs=refs))
    for owner, items in refs:
        for d in drafts:
            if d.item in items and d.activity.owner is None:
                d.activity.owner, d.activity.owner_level = owner, owner_level(owner, ctx.on)
    acts = _merge(drafts)
    whole = _whole_plan_owner(outline)
    for a in acts:
        if whole and a.owner is None:
            a.owner, a.owner_level = whole, owner_level(whole, ctx.on)
        if ctx.completion is not None and a.deadline is None:
            a.deadline = ctx.completion.date
    _number(acts)
    return acts


def _fill(target: Activity, source: Activity) -> None:
    """What the forms section says of a task (how often, how long, when) on the duty that
    assigns it."""
    if target.count is None and source.count is not None:
        target.count, target.per = source.count, source.per
    if target.duration_minutes is None:
        target.duration_minutes = source.duration_minutes
    if target.peak_time is None:
        target.peak_time = source.peak_time
    if target.start is None and target.deadline is None:
        target.start, target.deadline = source.start, source.deadline


def _merge(drafts: list[_Draft]) -> list[Activity]:
    """Duties assigned to bodies first, with what the forms section says of them; a listed
    form on its own only when no body is assigned it."""
    primary = [d for d in drafts if d.primary]
    owned = [d for d in primary if d.activity.owner]
    for d in [d for d in primary if not d.activity.owner]:
        # A task listed without a body, assigned in the organisation section.
        same = [o for o in owned if d.activity.form in o.covers]
        for o in same:
            _fill(o.activity, d.activity)
        if same:
            primary.remove(d)
    _dedupe(primary)
    covered: set[Form] = set()
    for d in primary:
        covered |= d.covers
    secondary: list[_Draft] = []
    for d in drafts:
        if d.primary:
            continue
        a = d.activity
        same = [
            p
            for p in primary
            if a.form in p.covers and (a.owner is None or a.owner == p.activity.owner)
        ]
        for p in same:
            _fill(p.activity, a)
        if not same and (a.owner or a.form not in covered):
            secondary.append(d)
    _dedupe(secondary)
    order = {id(d): i for i, d in enumerate(drafts)}
    kept = sorted(primary + secondary, key=lambda d: order[id(d)])
    return [d.activity for d in kept]


def _number(acts: list[Activity]) -> None:
    for i, a in enumerate(acts, start=1):
        if a.id is None:
            a.id = f"A{i}"
