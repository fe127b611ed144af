"""Who carries out a task: the body a clause assigns it to.

Plans assign duties in several ways: an item labelled with the body ("b) Sở Nội vụ: …",
"a) Cơ quan thực hiện: …"), a sentence whose subject is the body ("Văn phòng UBND phường
phối hợp với …"), or a clause "Đối với Ủy ban nhân dân cấp huyện, cấp xã, …".
"""

from __future__ import annotations

import datetime as dt
import re

from cchc.extract.lexicon import level_of
from cchc.extract.structure import Block, Outline
from cchc.vocab import Level

ORG_START = re.compile(
    r"^(?:Các|các|Văn phòng|Sở|UBND|Ủy ban|Uỷ ban|Phòng|Ban|Công chức|Trung tâm|Đài|Báo|Cổng|"
    r"Trưởng|Bộ phận|Chủ tịch|Giám đốc|Thủ trưởng|Đoàn|Hội|Mặt trận|UBMTTQ\w*|Công an|Trường|Bộ|"
    r"Thanh tra|Chi cục|Tỉnh Đoàn|Huyện Đoàn|Bệnh viện|Thư viện|Bảo tàng|Nhà văn hóa)\b(?! cáo)"
)
_FIELD_LABEL = re.compile(
    r"^(?:Nội dung|Sản phẩm|Thời gian|Cơ quan phối hợp|Đơn vị phối hợp|Kinh phí|Mục)", re.I
)
_TASK_VERBS = (
    r"phối hợp|chủ trì|tham mưu|có trách nhiệm|thường xuyên|căn cứ|xây dựng|tổ chức|thực hiện|"
    r"báo cáo|triển khai|chịu trách nhiệm|đôn đốc|hướng dẫn|cập nhật|lập|bố trí|chủ động|theo dõi|"
    r"duy trì|chỉ đạo|làm đầu mối|cân đối|định kỳ|tổng hợp|hàng|hằng|tuyên truyền|"
    r"thành lập|đăng tải|đăng|phát sóng|phát thanh|phát|treo|niêm yết|biên tập|in"
)
# "Hàng quý, 6 tháng và năm, các ban ngành báo cáo …": a time phrase before the subject.
_LEADING_TIME = re.compile(
    r"^(?:(?:Hàng|Hằng|Định kỳ)(?:\s+(?:tuần|tháng|quý|năm))?|Đồng thời|Trên cơ sở đó|Theo Kế hoạch)"
    r"(?:\s*(?:,|và)\s*(?:6 tháng|sáu tháng|năm|quý|tháng))*\s*,\s*"
)
_SUBJECT = re.compile(
    r"^(?:Giao\s+)?(?P<org>"
    + ORG_START.pattern[1:]
    + r"[^:;.]{0,90}?)\s+(?=(?:"
    + _TASK_VERBS
    + r")\b)"
)
_FOR = re.compile(
    r"^Đối với (?P<org>.+?),\s*(?=(?:trong|ưu tiên|phải|cần|hằng|hàng|mỗi|định kỳ|thực hiện|tổ chức)\b)"
)
_RESPONSIBLE = re.compile(r"\s+(?:có trách nhiệm|chịu trách nhiệm|thực hiện)\s*:?\s*$")
_TWO_LEVELS = re.compile(r"^(?P<head>.+?)\s+cấp\s+(?P<a>[^,]+?),\s*cấp\s+(?P<b>[^,]+)$")
FORM_WORDS = re.compile(r"hội thi|hội nghị|tập huấn|đối thoại|tọa đàm|tuyên truyền", re.I)
DOER_LABEL = re.compile(r"^(?:Cơ quan|Đơn vị|Bộ phận)\s+(?:thực hiện|chủ trì)", re.I)
PARTNER_LABEL = re.compile(r"^(?:Cơ quan|Đơn vị|Bộ phận)\s+phối hợp", re.I)


def _name_only(text: str) -> bool:
    """An item that is only a body's name: no verb, no form, no sentence end."""
    return bool(
        ORG_START.match(text)
        and len(text.split()) <= 12
        and not text.endswith((".", ";"))
        and not re.search(r"\b(?:" + _TASK_VERBS + r")\b", text)
        and not FORM_WORDS.search(text)
    )


def _label_owner(block: Block) -> str | None:
    label = block.label
    if (
        label is not None
        and not _FIELD_LABEL.match(label)
        and ORG_START.match(label)
        and not DOER_LABEL.match(label)
    ):
        return _RESPONSIBLE.sub("", label + " ").strip()
    if block.marker is not None and block.marker.kind in ("arabic", "letter") and not block.label:
        text = re.sub(r"^Giao\s+", "", block.text.rstrip(":. "))
        if ORG_START.match(text) and _RESPONSIBLE.search(block.text + " "):
            return re.sub(r"^Giao\s+", "", _RESPONSIBLE.sub("", text))
        if ORG_START.match(text) and len(text.split()) <= 16 and block.text.endswith(":"):
            return text
        if _name_only(text):
            return text  # "1. Sở Nội vụ" above the duties listed under it
    return None


def sentence_owner(sentence: str) -> str | None:
    """The body a sentence assigns a task to, from 'Đối với …,' or its subject."""
    m = _FOR.match(sentence)
    if m:
        return m.group("org").strip()
    m = _SUBJECT.match(_LEADING_TIME.sub("", sentence))
    if m:
        return m.group("org").strip()
    return None


def block_owner(outline: Outline, block: Block) -> str | None:
    """The body named by the block's label or by the nearest enclosing labelled item."""
    own = _label_owner(block)
    if own:
        return own
    for anc in outline.ancestors(block):
        own = _label_owner(anc)
        if own:
            return own
    return None


def split_levels(owner: str) -> list[str]:
    """'Ủy ban nhân dân cấp huyện, cấp xã' → one owner per level."""
    m = _TWO_LEVELS.match(owner)
    if m:
        return [
            f"{m.group('head')} cấp {m.group('a').strip()}",
            f"{m.group('head')} cấp {m.group('b').strip()}",
        ]
    return [owner]


def owner_level(owner: str | None, on: dt.date | None = None) -> Level | None:
    """The tier of an owning body; internal offices take their parent's tier."""
    if not owner:
        return None
    level = level_of(owner, on)
    if level is not None:
        return level
    if re.search(r"\bSở\b", owner):
        return Level.department
    if re.search(r"Cổng [Tt]hông tin điện tử|^Đài|^Báo", owner):
        return Level.media
    if re.search(r"\b(?:xã|phường|thị trấn|ấp|thôn|khu phố)\b", owner):
        return Level.commune
    if re.search(r"\b(?:huyện|quận|thị xã|thành phố)\b", owner):
        return Level.district
    if re.search(r"\btỉnh\b", owner):
        return Level.province
    return None


def split_partners(text: str) -> list[str]:
    """'Trưởng các ấp và các bộ phận chuyên môn xã' → two partners."""
    text = text.strip().rstrip(".;")
    parts = re.split(
        r"\s*;\s*|,\s+(?=(?:các|Các|Công chức|Trưởng|Trung tâm|Phòng|Sở|UBND|Ủy ban|Ban|Văn phòng)\b)|\s+và\s+(?=(?:các|Các|Trưởng|Công chức)\b)",
        text,
    )
    return [p.strip() for p in parts if p.strip()]
