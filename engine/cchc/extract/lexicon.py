"""Vietnamese words and phrases mapped onto the fixed vocabularies of `cchc.vocab`."""

from __future__ import annotations

import datetime as dt
import re

from cchc import levels
from cchc.vocab import Area, Audience, DocKind, Form, IndexName, Level

# --- documents ---------------------------------------------------------------------------------

DOC_TYPES: dict[str, DocKind] = {
    "nghị quyết": DocKind.NQ,
    "quyết định": DocKind.QD,
    "kế hoạch": DocKind.KH,
    "nghị định": DocKind.ND,
    "chỉ thị": DocKind.CT,
    "thông tư liên tịch": DocKind.TT,
    "thông tư": DocKind.TT,
    "công văn": DocKind.CV,
    "luật": DocKind.LUAT,
    "tờ trình": DocKind.OTHER,
    "hướng dẫn": DocKind.OTHER,
    "thông báo": DocKind.OTHER,
    "chương trình": DocKind.OTHER,
    "đề án": DocKind.OTHER,
}
# The type part of a symbol: 76/NQ-CP, 47/QĐ-UBND, 61/2018/NĐ-CP, 02-NQ/TU.
SYMBOL_TYPES: dict[str, DocKind] = {
    "NQ": DocKind.NQ,
    "QĐ": DocKind.QD,
    "KH": DocKind.KH,
    "NĐ": DocKind.ND,
    "CT": DocKind.CT,
    "TT": DocKind.TT,
    "TTLT": DocKind.TT,
}
# The issuer part of a symbol, for citations that do not name their issuer.
SYMBOL_ISSUERS: dict[str, Level] = {"CP": Level.government, "TTg": Level.prime_minister}


def symbol_kind(number: str) -> DocKind | None:
    for part in re.split(r"[/-]", number):
        if part in SYMBOL_TYPES:
            return SYMBOL_TYPES[part]
    return None


def symbol_level(number: str) -> Level | None:
    last = re.split(r"[/-]", number)[-1]
    if last in SYMBOL_ISSUERS:
        return SYMBOL_ISSUERS[last]
    if re.fullmatch(r"B[A-ZĐ]{1,6}", last) and last != "BCĐ":
        return Level.ministry  # BNV, BTC, BTTTT…
    return None


# --- levels ------------------------------------------------------------------------------------

LEVEL_WORDS = r"(?:tỉnh|thành phố|TP\.?|huyện|quận|thị xã|xã|phường|thị trấn|đặc khu)"


def level_of(name: str | None, on: dt.date | None = None) -> Level | None:
    """The administrative level an organisation's name says, or None (the one reader:
    `cchc.levels`, data in rules/data/levels.yaml)."""
    return levels.level_of(name, on)


def short_name(name: str) -> str:
    """'Ủy ban nhân dân xã Tân Phong' → 'UBND xã Tân Phong' (the usual short form)."""
    return re.sub(r"^(?:Ủy|Uỷ) ban nhân dân\b", "UBND", name.strip())


# --- forms -------------------------------------------------------------------------------------

# Order matters: a longer, more specific phrase is tried before a shorter one it contains.
FORM_PHRASES: list[tuple[str, Form]] = [
    (
        r"bảng thông tin điện tử|màn hình (?:điện tử|LED)|bảng điện tử|bảng LED",
        Form.electronic_board,
    ),
    (r"văn phòng điện tử|eGov|e-Gov|hệ thống quản lý văn bản", Form.egov_system),
    (r"tủ sách(?: pháp luật)?", Form.bookshelf),
    (r"bảng tin(?: công cộng)?|niêm y[ếê][tu]", Form.public_board),
    (r"bản tin", Form.bulletin),
    (
        r"trạm truyền thanh|xe loa|loa (?:truyền thanh|phát thanh)|"
        r"(?:đài|hệ thống) truyền thanh (?:các )?(?:cơ sở|xã|phường|thị trấn|cấp xã)|"
        r"truyền (?:thanh|thành) cấp xã",
        Form.loudspeaker,
    ),
    (r"tọa đàm|toạ đàm|talkshow|giao lưu trực tuyến", Form.talk_show),
    (r"đối thoại|hội nghị[^.;]{0,60}?với (?:người dân|nhân dân|doanh nghiệp)", Form.dialogue),
    (r"hội thi|cuộc thi|thi tìm hiểu", Form.contest),
    (r"tập huấn|bồi dưỡng|quán triệt", Form.training),
    (
        r"giao ban|họp định kỳ|họp thường kỳ|cuộc họp|chương trình họp|hội nghị sơ kết|hội nghị tổng kết|"
        r"sinh hoạt (?:chi bộ|định kỳ)",
        Form.meeting,
    ),
    (r"hội nghị|hội thảo|diễn đàn", Form.conference),
    (r"phóng sự|video ?clip|clip|video", Form.reportage),
    (r"truyền hình", Form.television),
    (r"phát thanh|truyền thanh|truyền thành", Form.radio),
    (r"mạng xã hội|zalo|facebook|fanpage", Form.social_media),
    (
        r"(?:cổng|trang)(?:\s*/\s*trang)? thông tin điện tử|website|trang tin điện tử|"
        r"cổng hành chính công|cổng dịch vụ công",
        Form.website,
    ),
    (
        r"(?<!cơ quan )(?<!thông tấn )báo chí|báo in|báo điện tử|báo mạng|tin,? bài|bài viết|đưa tin|chuyên trang",
        Form.press,
    ),
    (
        r"tờ gấp|tờ rơi|tờ bướm|pa ?nô|áp phích|băng\s*-?\s*rôn|khẩu hiệu|tranh cổ động|ấn phẩm|xuất bản|"
        r"(?:phát hành|in ấn|cấp phát)[^.;]{0,40}?tài liệu",
        Form.print,
    ),
    (r"khảo sát|lấy ý kiến|điều tra xã hội học", Form.survey),
    (
        r"sân khấu|kịch ngắn|tiểu phẩm|tuyên truyền (?:trực tiếp|miệng)|(?:vào|trong) công tác tuyên truyền, phổ biến,? giáo dục pháp luật",
        Form.other,
    ),
]
FORM_RX: list[tuple[re.Pattern[str], Form]] = [(re.compile(p, re.I), f) for p, f in FORM_PHRASES]
# A column or broadcast whose medium is said by its owner ("Đài Phát thanh - Truyền hình…").
GENERIC_FORM = re.compile(r"chuyên mục|chương trình|phát sóng")


def forms_by_owner(owner: str | None) -> Form | None:
    if not owner:
        return None
    if re.search(r"Truyền hình|truyền hình", owner):
        return Form.television
    if re.search(r"Phát thanh|phát thanh", owner):
        return Form.radio
    if re.search(r"truyền thanh|Truyền thanh", owner):
        return Form.loudspeaker
    if re.search(r"^Báo\b|cơ quan báo chí|Báo\s", owner):
        return Form.press
    if re.search(r"Cổng [Tt]hông tin điện tử|Trang thông tin điện tử", owner):
        return Form.website
    return None


# --- audiences, areas, indices ----------------------------------------------------------------

AUDIENCE_PHRASES: list[tuple[re.Pattern[str], Audience]] = [
    (
        re.compile(
            r"cán bộ,? công chức(?:,? viên chức)?(?:,? người lao động)?|công chức,? viên chức|đội ngũ cán bộ|"
            r"\b(?:công chức|viên chức)\b(?! (?:Văn|Tư pháp|Nội vụ|Địa chính|Tài chính|Văn phòng))",
            re.I,
        ),
        Audience.officials,
    ),
    (
        re.compile(r"tổ chức chính trị\s*-\s*xã hội|đoàn thể|Mặt trận Tổ quốc", re.I),
        Audience.political_orgs,
    ),
    (
        re.compile(r"đơn vị sự nghiệp(?: công lập)?|cung ứng dịch vụ công", re.I),
        Audience.public_units,
    ),
    (re.compile(r"doanh nghiệp", re.I), Audience.businesses),
    (
        re.compile(
            r"(?:mọi |các |toàn thể )?(?:tầng lớp )?(?<![Bb]an )[Nn]hân dân|người dân|công dân|"
            r"tổ chức,? cá nhân|cá nhân,? tổ chức|người bệnh",
            re.I,
        ),
        Audience.citizens,
    ),
    (re.compile(r"cơ quan báo chí|phóng viên", re.I), Audience.media),
    (re.compile(r"người đứng đầu", re.I), Audience.heads),
]

AREA_PHRASES: list[tuple[re.Pattern[str], Area]] = [
    (re.compile(r"cải cách thể chế|\bthể chế\b", re.I), Area.institutions),
    (re.compile(r"thủ tục hành chính|\bTTHC\b|một cửa"), Area.procedures),
    (re.compile(r"tổ chức bộ máy|bộ máy hành chính|tinh giản biên chế", re.I), Area.apparatus),
    (
        re.compile(
            r"chế độ công vụ|đội ngũ cán bộ|vị trí việc làm|đạo đức công vụ|công vụ, công chức",
            re.I,
        ),
        Area.civil_service,
    ),
    (re.compile(r"tài chính công", re.I), Area.public_finance),
    (
        re.compile(
            r"Chính phủ điện tử|Chính phủ số|chính quyền điện tử|chính quyền số|chuyển đổi số|dịch vụ công trực tuyến",
            re.I,
        ),
        Area.digital_government,
    ),
    (
        re.compile(r"hiện đại hóa (?:nền )?hành chính|hiện đại hoá (?:nền )?hành chính", re.I),
        Area.modernisation,
    ),
]
INDEX_PHRASES: list[tuple[re.Pattern[str], IndexName]] = [
    (
        re.compile(r"PAR ?INDEX|Par Index|PAR Index|[Cc]hỉ số (?:CCHC|cải cách hành chính)"),
        IndexName.par_index,
    ),
    (re.compile(r"SIPAS|[Cc]hỉ số (?:đo lường )?(?:sự )?hài lòng"), IndexName.sipas),
    (re.compile(r"PAPI|hiệu quả quản trị (?:và )?hành chính công"), IndexName.papi),
    (re.compile(r"\bPCI\b|năng lực cạnh tranh cấp tỉnh"), IndexName.pci),
    (re.compile(r"DDCI|năng lực cạnh tranh cấp (?:sở|huyện|địa phương)"), IndexName.ddci),
    (re.compile(r"766/QĐ-TTg|Bộ chỉ số chỉ đạo, điều hành"), IndexName.index_766),
]
