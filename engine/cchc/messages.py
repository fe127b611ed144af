"""The message catalogue: every sentence the tool prints, in Vietnamese (default) and English.

Rule texts live in the rule packs; everything else a user reads comes from here, so that a
translation or a wording change is made in one place.
"""

from __future__ import annotations

from typing import Any

Lang = str  # "vi" | "en"
LANGS = ("vi", "en")

MESSAGES: dict[str, tuple[str, str]] = {
    # --- reading a file -------------------------------------------------------------------
    "file_missing": ("không tìm thấy tệp", "file not found"),
    "file_is_dir": ("là một thư mục, không phải tệp kế hoạch", "is a directory, not a plan file"),
    "file_not_regular": (
        "không phải tệp thông thường (ống dẫn, thiết bị…)",
        "is not a regular file (pipe, device…)",
    ),
    "file_unreadable": ("không đọc được tệp: {reason}", "cannot read the file: {reason}"),
    "file_too_large": (
        "tệp quá lớn ({size} MB, tối đa {limit} MB)",
        "file too large ({size} MB, limit {limit} MB)",
    ),
    "file_empty": ("tệp rỗng", "the file is empty"),
    "file_binary": ("tệp nhị phân, không phải văn bản JSON", "binary data, not JSON text"),
    "file_encoding": (
        "không giải mã được văn bản (cần UTF-8 hoặc UTF-16 có BOM): byte lỗi ở vị trí {pos}",
        "cannot decode the text (UTF-8, or UTF-16 with a BOM, expected): bad byte at offset {pos}",
    ),
    "file_type": (
        "định dạng tệp {suffix} chưa được hỗ trợ (dùng .json, .txt, .docx, .pdf)",
        "unsupported file type {suffix} (use .json, .txt, .docx, .pdf)",
    ),
    "json_syntax": (
        "không phải JSON hợp lệ: {reason} (dòng {line}, cột {col})",
        "not valid JSON: {reason} (line {line}, column {col})",
    ),
    "json_nan": (
        "giá trị {value} không hợp lệ trong JSON (dòng {line})",
        "{value} is not allowed in JSON (line {line})",
    ),
    "json_duplicate_key": (
        "khóa '{key}' xuất hiện hai lần trong cùng một đối tượng",
        "key '{key}' appears twice in the same object",
    ),
    "json_too_deep": ("JSON lồng nhau quá sâu", "JSON nested too deeply"),
    "json_not_object": (
        "kế hoạch phải là một đối tượng JSON {{…}}, không phải {kind}",
        "a plan must be a JSON object {{…}}, not {kind}",
    ),
    # --- validation (pydantic error types) ---------------------------------------------------
    "v_missing": ("thiếu trường bắt buộc", "required field missing"),
    "v_extra_forbidden": (
        "trường không có trong mô hình kế hoạch (sai chính tả?)",
        "unknown field (a typo?)",
    ),
    "v_int_type": ("phải là số nguyên không âm", "must be a non-negative whole number"),
    "v_int_range": (
        "phải là số nguyên không âm, không quá {max}",
        "must be a non-negative whole number, at most {max}",
    ),
    "v_bool_type": ("phải là true hoặc false", "must be true or false"),
    "v_string_type": ("phải là chuỗi văn bản", "must be a text string"),
    "v_string_too_long": ("văn bản quá dài", "text too long"),
    "v_list_type": ("phải là một danh sách [...]", "must be a list [...]"),
    "v_object_type": ("phải là một đối tượng {{…}}", "must be an object {{…}}"),
    "v_enum": (
        "giá trị '{value}' không hợp lệ; dùng một trong: {expected}",
        "invalid value '{value}'; use one of: {expected}",
    ),
    "v_date_type": (
        "phải là ngày dạng yyyy-mm-dd hoặc dd/mm/yyyy",
        "must be a date, yyyy-mm-dd or dd/mm/yyyy",
    ),
    "v_date_invalid": ("ngày không tồn tại: '{value}'", "not a real date: '{value}'"),
    "v_date_year": (
        "năm không hợp lý: '{value}' (chấp nhận 1990–2100)",
        "implausible year: '{value}' (1990–2100 accepted)",
    ),
    "v_period_order": ("ngày kết thúc trước ngày bắt đầu", "the period ends before it starts"),
    "v_schema_version": (
        "phiên bản mô hình '{value}' không được hỗ trợ (hiện là {current})",
        "schema_version '{value}' is not supported (current: {current})",
    ),
    "v_other": ("giá trị không hợp lệ: {detail}", "invalid value: {detail}"),
    "v_more": ("… và {n} lỗi khác", "… and {n} more errors"),
    # --- command line ----------------------------------------------------------------------
    "error_prefix": ("Lỗi", "Error"),
    "internal_error": (
        "Lỗi nội bộ của cchc-check / internal error: {error} (chạy lại với CCHC_DEBUG=1 để xem chi tiết)",
        "internal error: {error} (run again with CCHC_DEBUG=1 for details)",
    ),
    "no_input": ("chưa chỉ ra tệp kế hoạch nào", "no plan file given"),
    "summary_title": ("Kế hoạch", "Plan"),
    "summary_issuer": ("Cơ quan ban hành", "Issuer"),
    "summary_level": ("Cấp", "Level"),
    "summary_number": ("Số, ký hiệu", "Number"),
    "summary_date": ("Ngày ban hành", "Issue date"),
    "summary_period": ("Thời gian thực hiện", "Period"),
    "summary_counts": (
        "{cites} văn bản được trích dẫn, {acts} hoạt động, {reports} nhiệm vụ báo cáo",
        "{cites} cited documents, {acts} activities, {reports} reporting duties",
    ),
    "unknown": ("chưa xác định", "unknown"),
    # --- results ---------------------------------------------------------------------------
    "score_line": ("Điểm: {score}/100 — {verdict}", "Score: {score}/100 — {verdict}"),
    "source_label": ("Căn cứ", "Source"),
    "fix_label": ("Cách khắc phục", "Fix"),
    # --- engine and applicability ------------------------------------------------------------
    "engine_fallback": (
        "durable-rules không dùng được trên máy này (Python {py}); dùng bộ đánh giá Python tham chiếu",
        "durable-rules is not usable here (Python {py}); using the reference Python evaluator",
    ),
    "engine_rule_error": (
        "không đánh giá được quy tắc này: {error}",
        "this rule could not be evaluated: {error}",
    ),
    "err_missing_facts": (
        "kế hoạch thiếu thông tin cần để đánh giá: {facts}",
        "the plan lacks what this rule needs: {facts}",
    ),
    "waiver_expired": (
        "miễn trừ cho {rule} đã hết hạn ngày {date} nên không còn áp dụng",
        "the waiver for {rule} expired on {date} and no longer applies",
    ),
    "na_level": ("không áp dụng cho cấp {level}", "does not apply to level {level}"),
    "na_level_unknown": (
        "không xác định được cấp của cơ quan ban hành (issuer.level)",
        "the issuer's level is unknown (issuer.level)",
    ),
    "na_province": ("không áp dụng cho tỉnh {province}", "does not apply to province {province}"),
    "na_province_unknown": (
        "không xác định được tỉnh của cơ quan ban hành (issuer.province)",
        "the issuer's province is unknown (issuer.province)",
    ),
    "na_date_unknown": (
        "không xác định được ngày ban hành (document.issue_date) để biết quy định nào có hiệu lực",
        "the issue date is unknown (document.issue_date), so the rules in force cannot be chosen",
    ),
    "na_before": (
        "chỉ áp dụng cho kế hoạch ban hành từ {date}",
        "applies only to plans issued from {date}",
    ),
    "na_after": (
        "chỉ áp dụng cho kế hoạch ban hành đến {date}",
        "applies only to plans issued until {date}",
    ),
    "na_parent": (
        "chỉ áp dụng cho kế hoạch thực hiện {parents}",
        "applies only to plans implementing {parents}",
    ),
    # --- rules commands ------------------------------------------------------------------------
    "rule_unknown": ("không có luật {rule}", "no rule {rule}"),
    "rule_pack": ("Gói", "Pack"),
    "rule_area": ("Lĩnh vực", "Area"),
    "rule_severity": ("Mức", "Severity"),
    "rule_weight": ("Trọng số", "Weight"),
    "rule_catalogue_status": ("Mức xác minh", "Catalogue status"),
    "rule_check": ("Điều kiện kiểm tra", "Check"),
    "rule_examples": ("Ví dụ", "Examples"),
    "rules_none": ("không có gói luật (*.yaml) trong {dir}", "no rule packs (*.yaml) in {dir}"),
    "rules_broken": (
        "gói luật trong {dir} có lỗi; chạy `cchc rules lint` để xem",
        "the packs in {dir} have errors; run `cchc rules lint`",
    ),
    "lint_summary": (
        "{packs} gói, {rules} luật, {problems} lỗi",
        "{packs} packs, {rules} rules, {problems} problems",
    ),
    "example_failed": (
        "{rule}: ví dụ {expected}[{index}] cho kết quả '{got}' ({message})",
        "{rule}: example {expected}[{index}] gave '{got}' ({message})",
    ),
    "examples_label": ("Ví dụ", "Examples"),
    # --- data files (rule packs, schemes, waivers) -------------------------------------------
    "yaml_unreadable": ("không đọc được tệp: {reason}", "cannot read the file: {reason}"),
    "yaml_too_large": ("tệp quá lớn (tối đa {limit} kB)", "file too large (limit {limit} kB)"),
    "yaml_encoding": ("tệp không phải UTF-8 (byte {pos})", "the file is not UTF-8 (byte {pos})"),
    "yaml_syntax": ("YAML không hợp lệ: {reason}", "invalid YAML: {reason}"),
    "yaml_alias": (
        "không cho phép neo/bí danh YAML (&, *) trong tệp dữ liệu",
        "YAML anchors and aliases (&, *) are not allowed in data files",
    ),
    "yaml_tag": ("không cho phép thẻ YAML {tag}", "YAML tag {tag} is not allowed"),
}


def t(key: str, lang: Lang = "vi", /, **params: Any) -> str:
    """The message `key` in `lang`, with `params` filled in."""
    vi, en = MESSAGES[key]
    text = en if lang == "en" else vi
    return text.format(**params) if params else text.replace("{{", "{").replace("}}", "}")
