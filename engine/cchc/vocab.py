"""Fixed vocabularies of the plan model, each value with its Vietnamese and English label.

One place for every controlled term: the model validates against these enums, the extractor
maps Vietnamese phrases onto them, the rules match on their values, the reports print labels.
"""

from __future__ import annotations

from enum import StrEnum


class Level(StrEnum):
    """Administrative level of an issuer or of the body a task is addressed to."""

    government = "government"  # Chính phủ
    prime_minister = "prime_minister"  # Thủ tướng Chính phủ
    ministry = "ministry"  # Bộ (e.g. Bộ Nội vụ)
    province = "province"  # UBND tỉnh / thành phố trực thuộc TW
    department = "department"  # sở, ban, ngành cấp tỉnh
    district = "district"  # UBND cấp huyện (abolished 1/7/2025)
    commune = "commune"  # xã, phường, thị trấn, đặc khu
    unit = "unit"  # đơn vị sự nghiệp công lập
    media = "media"  # đài phát thanh - truyền hình, báo


LEVEL_LABELS: dict[str, tuple[str, str]] = {
    "government": ("Chính phủ", "Government"),
    "prime_minister": ("Thủ tướng Chính phủ", "Prime Minister"),
    "ministry": ("Bộ, cơ quan ngang bộ", "Ministry"),
    "province": ("UBND cấp tỉnh", "Province"),
    "department": ("Sở, ban, ngành", "Provincial department"),
    "district": ("UBND cấp huyện", "District"),
    "commune": ("UBND cấp xã", "Commune"),
    "unit": ("Đơn vị sự nghiệp", "Public-service unit"),
    "media": ("Cơ quan báo chí, phát thanh, truyền hình", "Media outlet"),
}


class Form(StrEnum):
    """Form or channel of a propaganda activity."""

    dialogue = "dialogue"  # đối thoại với Nhân dân, doanh nghiệp
    conference = "conference"  # hội nghị, hội thảo
    training = "training"  # tập huấn, bồi dưỡng, quán triệt
    meeting = "meeting"  # lồng ghép trong giao ban, họp định kỳ
    radio = "radio"  # chương trình / chuyên mục phát thanh, truyền thanh
    television = "television"  # chương trình / chuyên mục truyền hình
    talk_show = "talk_show"  # tọa đàm
    press = "press"  # tin, bài, chuyên mục trên báo in / báo điện tử
    reportage = "reportage"  # phóng sự, video clip
    website = "website"  # cổng / trang thông tin điện tử
    social_media = "social_media"  # mạng xã hội, Zalo, Facebook
    electronic_board = "electronic_board"  # bảng thông tin điện tử, màn hình LED
    egov_system = "egov_system"  # văn phòng điện tử, hệ thống quản lý văn bản
    print = "print"  # tờ gấp, pa nô, áp phích, băng rôn, khẩu hiệu
    public_board = "public_board"  # bảng tin công cộng
    loudspeaker = "loudspeaker"  # trạm truyền thanh xã, xe loa
    bookshelf = "bookshelf"  # tủ sách pháp luật, tài liệu
    contest = "contest"  # hội thi, cuộc thi
    survey = "survey"  # khảo sát, lấy ý kiến
    bulletin = "bulletin"  # bản tin
    other = "other"


FORM_LABELS: dict[str, tuple[str, str]] = {
    "dialogue": ("Đối thoại với Nhân dân, doanh nghiệp", "Dialogue with citizens and businesses"),
    "conference": ("Hội nghị, hội thảo", "Conference or seminar"),
    "training": ("Tập huấn, bồi dưỡng, quán triệt", "Training or briefing"),
    "meeting": ("Lồng ghép trong giao ban, họp định kỳ", "Item in regular meetings"),
    "radio": ("Chuyên mục phát thanh, truyền thanh", "Radio segment"),
    "television": ("Chuyên mục truyền hình", "Television segment"),
    "talk_show": ("Tọa đàm", "Talk show"),
    "press": ("Tin, bài, chuyên mục trên báo", "Press articles or column"),
    "reportage": ("Phóng sự, video clip", "Reportage or video clip"),
    "website": ("Cổng/Trang thông tin điện tử", "Web portal"),
    "social_media": ("Mạng xã hội (Zalo, Facebook…)", "Social networks"),
    "electronic_board": ("Bảng thông tin điện tử, màn hình", "Electronic board or screen"),
    "egov_system": ("Văn phòng điện tử", "E-office system"),
    "print": ("Tờ gấp, pa nô, áp phích, băng rôn", "Leaflets, panels, posters, banners"),
    "public_board": ("Bảng tin công cộng", "Public notice board"),
    "loudspeaker": ("Trạm truyền thanh, xe loa", "Loudspeaker station or car"),
    "bookshelf": ("Tủ sách pháp luật", "Legal bookshelf"),
    "contest": ("Hội thi, cuộc thi", "Contest"),
    "survey": ("Khảo sát, lấy ý kiến", "Survey"),
    "bulletin": ("Bản tin", "Bulletin"),
    "other": ("Hình thức khác", "Other form"),
}

# Forms the PAR-index commune criterion counts as "online / IT" (par_index.md §2.2);
# everything else is "traditional".
ONLINE_FORMS: frozenset[str] = frozenset(
    {"website", "social_media", "electronic_board", "egov_system"}
)


class Per(StrEnum):
    """The period a count refers to: `count` times per `per`."""

    week = "week"
    month = "month"
    quarter = "quarter"
    half_year = "half_year"
    year = "year"
    period = "period"  # over the whole plan period
    once = "once"


# How many of each period fit in one year, for annualising a count.
PER_PER_YEAR: dict[str, float] = {
    "week": 52.0,
    "month": 12.0,
    "quarter": 4.0,
    "half_year": 2.0,
    "year": 1.0,
}


class Area(StrEnum):
    """Reform areas: the six of 76/NQ-CP (2021-2030) and those of 30c/NQ-CP (2011-2020)."""

    institutions = "institutions"  # cải cách thể chế
    procedures = "procedures"  # cải cách thủ tục hành chính
    apparatus = "apparatus"  # cải cách tổ chức bộ máy
    civil_service = "civil_service"  # cải cách chế độ công vụ / đội ngũ CBCCVC
    public_finance = "public_finance"  # cải cách tài chính công
    digital_government = "digital_government"  # Chính phủ điện tử, Chính phủ số (76)
    modernisation = "modernisation"  # hiện đại hóa hành chính (30c)


AREA_LABELS: dict[str, tuple[str, str]] = {
    "institutions": ("Cải cách thể chế", "Institutional reform"),
    "procedures": ("Cải cách thủ tục hành chính", "Administrative-procedure reform"),
    "apparatus": ("Cải cách tổ chức bộ máy hành chính", "Apparatus reform"),
    "civil_service": ("Cải cách chế độ công vụ", "Civil-service reform"),
    "public_finance": ("Cải cách tài chính công", "Public-finance reform"),
    "digital_government": (
        "Xây dựng và phát triển Chính phủ điện tử, Chính phủ số",
        "E-Government and digital Government",
    ),
    "modernisation": ("Hiện đại hóa hành chính", "Modernisation of the administration"),
}


class Audience(StrEnum):
    officials = "officials"  # cán bộ, công chức, viên chức
    political_orgs = "political_orgs"  # tổ chức chính trị - xã hội
    public_units = "public_units"  # đơn vị sự nghiệp công lập, cung ứng dịch vụ công
    businesses = "businesses"  # doanh nghiệp
    citizens = "citizens"  # Nhân dân, người dân
    media = "media"  # cơ quan báo chí
    heads = "heads"  # người đứng đầu


AUDIENCE_LABELS: dict[str, tuple[str, str]] = {
    "officials": ("Cán bộ, công chức, viên chức", "Civil servants and public employees"),
    "political_orgs": ("Tổ chức chính trị - xã hội", "Socio-political organisations"),
    "public_units": ("Đơn vị sự nghiệp, cung ứng dịch vụ công", "Public-service units"),
    "businesses": ("Doanh nghiệp", "Businesses"),
    "citizens": ("Nhân dân", "Citizens"),
    "media": ("Cơ quan báo chí", "Press"),
    "heads": ("Người đứng đầu cơ quan, đơn vị", "Heads of agencies"),
}


class SectionKind(StrEnum):
    """Sections a plan is expected to have (requirements.md §2)."""

    purpose = "purpose"  # mục đích / mục tiêu, yêu cầu
    audience = "audience"  # đối tượng
    content = "content"  # nội dung
    forms = "forms"  # hình thức
    solutions = "solutions"  # giải pháp
    organisation = "organisation"  # tổ chức thực hiện
    funding = "funding"  # kinh phí
    reporting = "reporting"  # chế độ báo cáo
    outputs = "outputs"  # sản phẩm, kết quả dự kiến


SECTION_LABELS: dict[str, tuple[str, str]] = {
    "purpose": ("Mục đích, yêu cầu", "Purpose and requirements"),
    "audience": ("Đối tượng", "Audiences"),
    "content": ("Nội dung", "Content"),
    "forms": ("Hình thức", "Forms"),
    "solutions": ("Giải pháp", "Solutions"),
    "organisation": ("Tổ chức thực hiện", "Organisation of implementation"),
    "funding": ("Kinh phí", "Funding"),
    "reporting": ("Chế độ báo cáo", "Reporting"),
    "outputs": ("Sản phẩm, kết quả dự kiến", "Expected outputs"),
}


class FormatPart(StrEnum):
    """The nine components of an administrative document, Decree 30/2020/NĐ-CP art. 8."""

    national_title = "national_title"  # Quốc hiệu và Tiêu ngữ
    issuer_name = "issuer_name"  # Tên cơ quan ban hành
    number_symbol = "number_symbol"  # Số, ký hiệu
    place_date = "place_date"  # Địa danh và thời gian ban hành
    type_summary = "type_summary"  # Tên loại và trích yếu
    body = "body"  # Nội dung
    signature = "signature"  # Chức vụ, họ tên, chữ ký
    seal = "seal"  # Dấu, chữ ký số
    recipients = "recipients"  # Nơi nhận


FORMAT_PART_LABELS: dict[str, tuple[str, str]] = {
    "national_title": ("Quốc hiệu và Tiêu ngữ", "National title and motto"),
    "issuer_name": ("Tên cơ quan ban hành", "Issuer's name"),
    "number_symbol": ("Số, ký hiệu", "Number and symbol"),
    "place_date": ("Địa danh và thời gian ban hành", "Place and date"),
    "type_summary": ("Tên loại và trích yếu", "Type and summary"),
    "body": ("Nội dung", "Body"),
    "signature": ("Chức vụ, họ tên và chữ ký", "Title, name and signature"),
    "seal": ("Dấu, chữ ký số", "Seal or digital signature"),
    "recipients": ("Nơi nhận", "Recipients"),
}


class DocKind(StrEnum):
    KH = "KH"  # kế hoạch
    QD = "QD"  # quyết định
    CV = "CV"  # công văn
    NQ = "NQ"  # nghị quyết
    ND = "ND"  # nghị định
    CT = "CT"  # chỉ thị
    TT = "TT"  # thông tư
    LUAT = "LUAT"  # luật
    OTHER = "OTHER"


class IndexName(StrEnum):
    par_index = "par_index"
    sipas = "sipas"
    papi = "papi"
    pci = "pci"
    ddci = "ddci"
    index_766 = "index_766"


INDEX_LABELS: dict[str, tuple[str, str]] = {
    "par_index": ("Chỉ số CCHC (PAR INDEX)", "PAR Index"),
    "sipas": ("Chỉ số hài lòng (SIPAS)", "SIPAS satisfaction index"),
    "papi": ("Chỉ số PAPI", "PAPI"),
    "pci": ("Chỉ số PCI", "PCI"),
    "ddci": ("Chỉ số DDCI", "DDCI"),
    "index_766": ("Bộ chỉ số 766", "Index 766"),
}


def label(table: dict[str, tuple[str, str]], key: str, lang: str = "vi") -> str:
    """The Vietnamese or English label of a vocabulary value (the value itself if unknown)."""
    pair = table.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "vi" else pair[1]
