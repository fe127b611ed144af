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
    # --- limits and hostile inputs (cchc.limits) ---------------------------------------------
    "limit_hint": (" (đổi bằng --limit {name}=…)", " (change it with --limit {name}=…)"),
    "limit_zip_member": (
        "phần {member} của tệp Word khi giải nén vượt quá {limit} MB",
        "the Word file's part {member} inflates to more than {limit} MB",
    ),
    "limit_zip_total": (
        "tệp Word khi giải nén vượt quá {limit} MB",
        "the Word file inflates to more than {limit} MB in all",
    ),
    "limit_xml_elements": (
        "phần {member} của tệp Word có hơn {limit} phần tử XML",
        "the Word file's part {member} holds more than {limit} XML elements",
    ),
    "limit_pdf_stream": (
        "một luồng dữ liệu của tệp PDF khi giải nén vượt quá {limit} MB",
        "a stream of the PDF file inflates to more than {limit} MB",
    ),
    "limit_pdf_pages": (
        "tệp PDF có hơn {limit} trang, vượt giới hạn số trang",
        "the PDF file has more than {limit} pages, the limit",
    ),
    "limit_pdf_page": (
        "một trang của tệp PDF có nội dung vượt quá {limit} kB",
        "a page of the PDF file holds more than {limit} kB of content",
    ),
    "limit_paragraphs": (
        "văn bản có hơn {limit} đoạn, vượt giới hạn số đoạn",
        "the text has more than {limit} paragraphs, the limit",
    ),
    "limit_characters": (
        "văn bản có {value} ký tự, vượt giới hạn số ký tự ({limit})",
        "the text has {value} characters, more than the limit of {limit} characters",
    ),
    "limit_seconds": (
        "quá thời gian cho phép: kiểm tra tệp này mất hơn {limit} giây",
        "took longer than the limit of {limit} seconds to check",
    ),
    "limit_bad_option": (
        "tùy chọn --limit {option} không hợp lệ; dùng TÊN=SỐ (số nguyên dương), TÊN là một trong: {names}",
        "invalid --limit {option}; use NAME=NUMBER (a positive whole number), NAME one of: {names}",
    ),
    "x_docx_numbering": (
        'numbering.xml: {attr}="{value}" không hợp lệ (cần số nguyên từ 0 đến {max})',
        'numbering.xml: {attr}="{value}" is invalid (a whole number from 0 to {max} is expected)',
    ),
    "file_outside_folder": (
        "liên kết dẫn ra ngoài thư mục đầu vào; tệp không được đọc",
        "a link that leads outside the input folder; the file is not read",
    ),
    "json_number_too_long": (
        "số ở dòng {line} có {digits} chữ số, quá dài (tối đa {max})",
        "the number at line {line} has {digits} digits, too long (at most {max})",
    ),
    "write_failed": ("không ghi được {path}: {reason}", "cannot write {path}: {reason}"),
    "file_blank": (
        "tệp chỉ có khoảng trắng, không có nội dung",
        "the file holds only white space",
    ),
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
    # reasons of the JSON parser, shown inside json_syntax
    "json_r_value": ("thiếu giá trị", "a value was expected"),
    "json_r_comma": ("thiếu dấu phẩy ','", "a ',' was expected"),
    "json_r_colon": ("thiếu dấu hai chấm ':'", "a ':' was expected"),
    "json_r_name": (
        "tên trường phải nằm trong dấu ngoặc kép",
        "a field name in double quotes was expected",
    ),
    "json_r_string": ("chuỗi chưa được đóng ngoặc kép", "unterminated string"),
    "json_r_control": (
        "ký tự điều khiển không được phép trong chuỗi",
        "control character not allowed in a string",
    ),
    "json_r_escape": ("chuỗi thoát '\\' không hợp lệ", "invalid '\\' escape"),
    "json_r_extra": ("còn dữ liệu thừa sau đối tượng JSON", "extra data after the JSON value"),
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
    "v_extra_forbidden_hint": (
        "trường không có trong mô hình kế hoạch; có phải là '{hint}'?",
        "unknown field; did you mean '{hint}'?",
    ),
    "v_int_type": ("phải là số nguyên không âm", "must be a non-negative whole number"),
    "v_int_range": (
        "phải là số nguyên không âm, không quá {max}",
        "must be a non-negative whole number, at most {max}",
    ),
    "v_bool_type": ("phải là true hoặc false", "must be true or false"),
    "v_string_type": ("phải là chuỗi văn bản", "must be a text string"),
    "v_string_too_long": ("văn bản quá dài", "text too long"),
    "v_string_unicode": (
        "chuỗi chứa ký tự Unicode không hợp lệ (nửa cặp surrogate)",
        "the string holds an invalid Unicode character (a lone surrogate)",
    ),
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
    "v_date_invalid": (
        "ngày không hợp lệ: '{value}' (cần một ngày có thật, dạng yyyy-mm-dd hoặc dd/mm/yyyy, ví dụ 2024-04-01 hoặc 01/04/2024)",
        "not a valid date: '{value}' (a real date, yyyy-mm-dd or dd/mm/yyyy, e.g. 2024-04-01 or 01/04/2024)",
    ),
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
    # --- results reports (cchc.results_report) ----------------------------------------------
    "rr_file_type": (
        "báo cáo kết quả phải là tệp .json (định dạng {suffix} chưa được hỗ trợ)",
        "a results report must be a .json file ({suffix} is not supported)",
    ),
    "rr_evidence_empty": (
        "tài liệu kiểm chứng phải có ít nhất một trong: number, url, file, description",
        "an evidence item needs at least one of: number, url, file, description",
    ),
    "rr_url": (
        "đường dẫn phải bắt đầu bằng http:// hoặc https://: '{value}'",
        "a link must start with http:// or https://: '{value}'",
    ),
    "rr_activity_key": (
        "cần activity_id hoặc form để đối chiếu với hoạt động trong kế hoạch",
        "needs activity_id or form to match a plan activity",
    ),
    # --- PAR-index scoring schemes (cchc.parindex.scheme) ------------------------------------
    "sc_line": ("dòng {line}", "line {line}"),
    "sc_not_mapping": (
        "bộ chấm điểm phải là một ánh xạ YAML (scheme:, sub_criteria:)",
        "a scheme must be a YAML mapping (scheme:, sub_criteria:)",
    ),
    "sc_unknown": (
        "không có bộ chấm điểm này; các bộ có sẵn: {known} (hoặc chỉ ra đường dẫn tệp .yaml)",
        "no such scheme; shipped schemes: {known} (or give the path of a .yaml file)",
    ),
    "sc_number_type": ("phải là một số", "must be a number"),
    "sc_number_range": ("số ngoài giới hạn (cần {limit})", "number out of range (must be {limit})"),
    "sc_id_pattern": (
        "mã chỉ gồm chữ thường, chữ số và dấu gạch ngang",
        "an id is lower-case letters, digits and dashes",
    ),
    "sc_band_kind": (
        "mỗi khoảng cần đúng một trong hai: points hoặc proportional: true",
        "each band needs exactly one of: points, or proportional: true",
    ),
    "sc_bands_order": (
        "các khoảng phải xếp theo 'from' giảm dần",
        "bands must be listed with 'from' decreasing",
    ),
    "sc_bands_floor": (
        "khoảng cuối cùng phải bắt đầu từ 0 (from: 0)",
        "the last band must start at 0 (from: 0)",
    ),
    "sc_points_over_max": (
        "số điểm {points} lớn hơn điểm tối đa {max}",
        "{points} points exceed the maximum {max}",
    ),
    "sc_group_shape": (
        "nhóm hình thức cần forms hoặc groups (không cả hai)",
        "a form group needs forms or groups (not both)",
    ),
    "sc_group_points": ("nhóm có forms phải có points", "a group with forms needs points"),
    "sc_group_sum": (
        "điểm {points} khác tổng điểm các nhóm con {total}",
        "{points} points differ from the sum of the groups, {total}",
    ),
    "sc_form_twice": (
        "hình thức '{form}' nằm trong hai nhóm",
        "form '{form}' is in two groups",
    ),
    "sc_code_twice": ("mã tiêu chí '{code}' bị trùng", "sub-criterion code '{code}' is used twice"),
    "sc_max_sum": (
        "điểm tối đa của tiêu chí {max} khác tổng điểm các tiêu chí thành phần {total}",
        "the criterion's maximum {max} differs from the sum of its sub-criteria, {total}",
    ),
    # --- PAR index: scoring the propaganda criterion (cchc index, cchc.parindex) -----------
    "px_plan": ("Kế hoạch", "Plan"),
    "px_report": ("Báo cáo kết quả", "Results report"),
    "px_number": ("số {number}", "no. {number}"),
    "px_dated": ("ngày {date}", "of {date}"),
    "px_unnumbered": ("(không rõ số, ngày)", "(number and date unknown)"),
    "px_per_week": ("tuần", "week"),
    "px_per_month": ("tháng", "month"),
    "px_per_quarter": ("quý", "quarter"),
    "px_per_half_year": ("6 tháng", "half-year"),
    "px_req_times": ("kế hoạch {n} lần", "planned {n} times"),
    "px_req_periods": (
        "kế hoạch {n} lần ({count} lần/{per} × {periods})",
        "planned {n} times ({count} per {per} × {periods})",
    ),
    "px_req_assumed": (
        "kế hoạch không nêu số lần, tính {n} lần",
        "the plan gives no number, {n} times assumed",
    ),
    "px_done_none": ("báo cáo không nêu", "not in the report"),
    "px_done_unknown": (
        "báo cáo không nêu số lần, không nêu đã hoàn thành",
        "the report gives neither a number nor completion",
    ),
    "px_done_claimed": (
        "báo cáo ghi đã hoàn thành (không nêu số lần)",
        "the report says done in full (no number)",
    ),
    "px_done_times": ("đã thực hiện {n} lần", "done {n} times"),
    "px_target_met": ("hoàn thành", "done"),
    "px_target_not_met": ("chưa hoàn thành", "not done in full"),
    "px_target_no_evidence": (
        "không tính: chưa có tài liệu kiểm chứng",
        "not counted: no verification document",
    ),
    "px_targets_counted": (
        "{done}/{due} mục tiêu hoàn thành",
        "{done} of {due} targets done",
    ),
    "px_volume_counted": ("{done}/{due} lượt thực hiện", "{done} of {due} planned times done"),
    "px_band_proportional": ("{pct} × {max} = {points} điểm", "{pct} × {max} = {points} points"),
    "px_band_fixed": ("{points} điểm", "{points} points"),
    "px_completion_reason": (
        "{counted} ({pct}), thuộc khoảng {band}: {points}",
        "{counted} ({pct}), in the band {band}: {points}",
    ),
    "px_band_top": ("từ {low}% trở lên", "{low}% and above"),
    "px_band_mid": ("từ {low}% đến dưới {high}%", "{low}% to below {high}%"),
    "px_band_low": ("dưới {high}%", "below {high}%"),
    "px_done_refused": ("báo cáo ghi chưa thực hiện", "the report says not done"),
    "px_completion_no_plan": (
        "không có kế hoạch: không tính được mức độ thực hiện, 0 điểm",
        "no plan: completion cannot be computed, 0 points",
    ),
    "px_completion_no_report": (
        "không có báo cáo kết quả: không tính được mức độ thực hiện, 0 điểm",
        "no results report: completion cannot be computed, 0 points",
    ),
    "px_completion_no_targets": (
        "kế hoạch không có hoạt động (mục tiêu) đếm được: không chấm được, 0 điểm",
        "the plan has no countable activities (targets): not scorable, 0 points",
    ),
    "px_unmatched_id": (
        "báo cáo {where}: activity_id '{what}' không có trong kế hoạch — không tính",
        "report {where}: activity_id '{what}' is not in the plan — not counted",
    ),
    "px_unmatched_form": (
        "báo cáo {where}: hình thức {what} không có trong kế hoạch — không tính vào mức độ thực hiện",
        "report {where}: form {what} is not in the plan — not counted for completion",
    ),
    "px_missing_plan": ("Kế hoạch tuyên truyền CCHC năm", "The year's propaganda plan"),
    "px_missing_report": ("Báo cáo kết quả thực hiện kế hoạch", "The year-end results report"),
    "px_missing_issue_date": ("Ngày ban hành kế hoạch", "The plan's issue date"),
    "px_missing_activity_evidence": (
        "Tài liệu kiểm chứng cho {what}",
        "A verification document for {what}",
    ),
    "px_missing_group": ("Hình thức thuộc nhóm: {group}", "A form of the group: {group}"),
    "px_missing_form_evidence": (
        "Tài liệu kiểm chứng cho hình thức {form}",
        "A verification document for the form {form}",
    ),
    "px_diversity_no_report": (
        "không có báo cáo kết quả: không có căn cứ về hình thức đã thực hiện, 0 điểm",
        "no results report: nothing shows which forms were used, 0 points",
    ),
    "px_group_unused": ("không sử dụng", "not used"),
    "px_form_use": ("{form}, {n} tài liệu kiểm chứng", "{form}, {n} verification documents"),
    "px_form_not_counted": (
        "{form}: không thuộc nhóm nào của bộ chấm điểm — không tính",
        "{form}: in no group of the scheme — not counted",
    ),
    "px_diversity_reason": (
        "{met}/{groups} nhóm hình thức đạt ({earned}) = {points} điểm",
        "{met} of {groups} form groups met ({earned}) = {points} points",
    ),
    "px_issue_on_time": (
        "ban hành ngày {issued}, trong hạn {due}: {points} điểm",
        "issued on {issued}, by the deadline {due}: {points} points",
    ),
    "px_issue_late": (
        "ban hành ngày {issued}, sau hạn {due}: {points} điểm",
        "issued on {issued}, after the deadline {due}: {points} points",
    ),
    "px_issue_unknown": (
        "không xác định được ngày ban hành kế hoạch: tính như ban hành trễ, {points} điểm",
        "the plan's issue date is unknown: scored as late, {points} points",
    ),
    "px_issue_missing": (
        "không có kế hoạch trong hồ sơ: tính như không ban hành, {points} điểm",
        "no plan in the files: scored as not issued, {points} points",
    ),
    "px_pairing_matched": ("Có kế hoạch và báo cáo", "Plan and report"),
    "px_pairing_no_report": (
        "Có kế hoạch, không có báo cáo kết quả",
        "Plan without a results report",
    ),
    "px_pairing_no_plan": (
        "Có báo cáo, không tìm thấy kế hoạch",
        "Report without a plan",
    ),
    "px_paired_by_unit": (
        "báo cáo ghi kế hoạch số {number}, khác số kế hoạch của đơn vị: ghép theo đơn vị",
        "the report names plan {number}, not the number of the unit's plan: paired by unit",
    ),
    "px_name_differs": (
        "kế hoạch ghi cơ quan ban hành '{plan}', báo cáo ghi '{report}' (ghép theo đơn vị)",
        "the plan names its issuer '{plan}', the report '{report}' (paired by unit)",
    ),
    "px_plan_date_differs": (
        "báo cáo ghi kế hoạch ngày {reported}, kế hoạch ban hành ngày {actual}",
        "the report dates the plan {reported}; the plan is dated {actual}",
    ),
    "px_level_mismatch": (
        "đơn vị cấp {level}, bộ chấm điểm dành cho: {wanted}",
        "the unit is {level}; the scheme is meant for: {wanted}",
    ),
    "px_skip_plan_year": (
        "kế hoạch không thuộc năm {year}",
        "the plan is not for {year}",
    ),
    "px_skip_report_year": (
        "báo cáo năm {other}, không phải năm {year}",
        "a report for {other}, not {year}",
    ),
    # --- PAR index: identity, duplicates, expected units, review flags ----------------------
    "px_pairing_nothing": (
        "Không gửi kế hoạch và báo cáo",
        "Sent neither plan nor report",
    ),
    "px_paired_by_number": (
        "kế hoạch không ghi rõ đơn vị ban hành: ghép theo số và ngày kế hoạch báo cáo trích dẫn",
        "the plan does not say which unit issued it: paired by the number and date the report cites",
    ),
    "px_unmatched_document_id": (
        "báo cáo {where}: activity_id '{what}' không dùng được với kế hoạch đọc từ văn bản "
        "(số thứ tự hoạt động do chương trình đánh) và dòng không nêu hình thức — không tính",
        "report {where}: activity_id '{what}' cannot refer to a plan read from a document "
        "(its activity numbers are the extractor's) and the line gives no form — not counted",
    ),
    "px_unmatched_form_ambiguous": (
        "báo cáo {where}: hình thức {what} chỉ có trong câu kế hoạch được đọc thành nhiều hình "
        "thức — không tự ghép, cần xem lại",
        "report {where}: form {what} is only in a plan sentence read as several forms — "
        "not matched, to be checked",
    ),
    "px_issue_no_content": (
        "ban hành ngày {issued}, trong hạn {due}, nhưng kế hoạch có {n} hoạt động (cần ít nhất "
        "{need}): chưa đảm bảo nội dung, {points} điểm",
        "issued on {issued}, by the deadline {due}, but the plan has {n} activities (at least "
        "{need} needed): content not ensured, {points} points",
    ),
    "px_missing_plan_content": (
        "Nội dung kế hoạch: các hoạt động tuyên truyền cụ thể",
        "The plan's content: its propaganda activities",
    ),
    "px_dup_same_plan": (
        "{file}: cùng một kế hoạch (số, ngày, đơn vị) với {kept} — giữ {kept}",
        "{file}: the same plan (number, date, unit) as {kept} — {kept} kept",
    ),
    "px_dup_same_unit_plan": (
        "{file}: kế hoạch khác của cùng đơn vị với {kept} — chấm theo {kept} (kế hoạch báo cáo "
        "trích dẫn, hoặc tệp .json)",
        "{file}: another plan of the same unit as {kept} — {kept} scored (the plan the report "
        "cites, or the .json)",
    ),
    "px_dup_same_report": (
        "{file}: trùng nội dung với báo cáo {kept} — giữ {kept}",
        "{file}: the same report as {kept} — {kept} kept",
    ),
    "px_dup_same_unit_report": (
        "{file}: báo cáo khác của cùng đơn vị với {kept} — chấm theo báo cáo ban hành sau ({kept})",
        "{file}: another report of the same unit as {kept} — the later one ({kept}) scored",
    ),
    "px_rv_claimed_no_count": (
        "{what}: báo cáo ghi đã hoàn thành nhưng không nêu số lần, kế hoạch yêu cầu {n} lần — "
        "tạm tính là hoàn thành",
        "{what}: the report says done in full without a number, the plan asks for {n} times — "
        "counted as done meanwhile",
    ),
    "px_rv_not_done_with_count": (
        "{what}: báo cáo ghi chưa hoàn thành nhưng nêu {n} lần — tạm tính theo số lần",
        "{what}: the report says not done but gives {n} times — the number counted meanwhile",
    ),
    "px_rv_two_lines": (
        "{what}: {lines} cùng báo cáo một hoạt động — tạm tính tổng số lần đã nêu ({n})",
        "{what}: {lines} report the same activity — the sum of the stated numbers counted "
        "meanwhile ({n})",
    ),
    "px_rv_backdated": (
        "kế hoạch ghi ngày ban hành {issued}, {after} — cần xác minh (có thể ký lùi ngày)",
        "the plan is dated {issued}, {after} — to be verified (possibly backdated)",
    ),
    "px_rv_after_report": ("sau báo cáo kết quả ngày {date}", "after the results report of {date}"),
    "px_rv_after_year": ("sau năm đánh giá {year}", "after the assessed year {year}"),
    "px_rv_cites_other_plan": (
        "báo cáo trích dẫn kế hoạch số {number} của {other} ({file}) — không ghép với kế hoạch "
        "đó; cần xác minh",
        "the report cites plan {number} of {other} ({file}) — not paired with it; to be verified",
    ),
    "px_rv_duplicate": ("{file}", "{file}"),
    "px_rv_matched_by_form": (
        "kế hoạch đọc từ văn bản: các dòng báo cáo được ghép theo hình thức — cần đối chiếu",
        "plan read from a document: report lines matched by form — to be checked",
    ),
    "px_duplicates_title": (
        "Tệp trùng (không chấm, đã giữ một bản):",
        "Duplicates (not scored, one copy kept):",
    ),
    "px_unexpected_title": (
        "Đơn vị không có trong danh sách phải nộp (--units):",
        "Units not on the list of units expected to submit (--units):",
    ),
    "px_band_unscored": (
        "Không chấm được (thiếu kế hoạch, báo cáo hoặc mục tiêu)",
        "Not scorable (no plan, report or targets)",
    ),
    "px_sheet_summary": ("Tổng hợp", "Summary"),
    "px_sheet_compliance": ("Điểm tuân thủ KH", "Plan compliance"),
    "px_col_council": ("Điểm thẩm định", "Council score"),
    "px_col_explain": ("Giải trình của đơn vị", "Unit's explanation"),
    "px_col_review": ("Cần xem xét lại (quy tắc)", "For review (rule)"),
    "px_col_rank": ("Xếp hạng", "Rank"),
    "px_col_band": ("Khoảng", "Band"),
    "px_col_count": ("Số đơn vị", "Units"),
    "px_col_packs": ("Gói luật áp dụng", "Rule packs applied"),
    "px_col_ev_no": ("Số TT", "No."),
    "px_col_ev_name": ("Tên tài liệu kiểm chứng", "Verification document"),
    "px_col_ev_sub": ("Dùng cho", "Used for"),
    "px_col_ev_link": ("Đường dẫn, tệp", "Link, file"),
    "px_col_ev_where": ("Trích từ", "Cited in"),
    "px_evidence_title": ("DANH MỤC TÀI LIỆU KIỂM CHỨNG", "LIST OF VERIFICATION DOCUMENTS"),
    "px_evidence_none": ("Không có tài liệu kiểm chứng", "No verification document"),
    "px_evidence_list": ("Danh mục: {n} tài liệu", "List: {n} documents"),
    "px_back_to_main": ("← Về bảng tự đánh giá", "← Back to the self-assessment"),
    "px_organ_blank": ("CƠ QUAN LẬP BẢNG: …………………", "PREPARED BY: …………………"),
    "px_nation": ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "SOCIALIST REPUBLIC OF VIET NAM"),
    "px_motto": ("Độc lập - Tự do - Hạnh phúc", "Independence - Freedom - Happiness"),
    "px_place_date": ("…………, ngày …… tháng …… năm {year}", "…………, …… / …… / {year}"),
    "px_signed_preparer": ("NGƯỜI LẬP BẢNG", "PREPARED BY"),
    "px_signed_head": ("THỦ TRƯỞNG CƠ QUAN", "HEAD OF THE BODY"),
    "px_sum_total": ("Tổng cộng", "Total"),
    "px_sum_mean": ("Bình quân ({n} đơn vị)", "Average ({n} units)"),
    "px_sum_bands": ("Số đơn vị theo khoảng của bộ chấm điểm", "Units per band of the scheme"),
    "px_compliance_note": (
        "Điểm tuân thủ kế hoạch theo các gói luật (cchc-check): KHÔNG thuộc Chỉ số CCHC, chỉ để "
        "tham khảo khi rà soát kế hoạch.",
        "The plans' compliance score from the rule packs (cchc-check): NOT part of the PAR "
        "index, for reference when reviewing the plans.",
    ),
    "px_basis_title": (
        "CĂN CỨ CHẤM ĐIỂM VÀ CÁC CÁCH HIỂU ĐÃ ÁP DỤNG",
        "BASIS OF THE SCORES AND EVERY READING APPLIED",
    ),
    "px_basis_criterion": ("Tiêu chí", "Criterion"),
    "px_basis_sub": ("Tiêu chí thành phần", "Sub-criterion"),
    "px_basis_reading": ("Cách hiểu của bộ chấm điểm", "Reading of the scheme"),
    "px_basis_program": ("Cách tính của chương trình", "How the program computes"),
    "px_status_v": (
        "Trạng thái V: đã đối chiếu với văn bản nguồn.",
        "Status V: checked against the source.",
    ),
    "px_status_p": (
        "Trạng thái P: đối chiếu được một phần với văn bản nguồn.",
        "Status P: partly checked against the source.",
    ),
    "px_status_u": (
        "Trạng thái U: chưa kiểm chứng với văn bản nguồn — điểm chỉ để tham khảo.",
        "Status U: not verified against the source — points for reference only.",
    ),
    "px_status_u_note": (
        "(Dòng chấm điểm trạng thái U: chưa kiểm chứng với văn bản nguồn, xem trang Căn cứ.)",
        "(Scoring line of status U: not verified against the source; see the Basis sheet.)",
    ),
    "px_reading_pairing": (
        "Ghép kế hoạch với báo cáo theo đơn vị: trước hết các trường xã/phường, huyện, tỉnh, "
        "sau đó tên đơn vị (không phân biệt hoa thường, dấu, “UBND”/“Ủy ban nhân dân”; “, huyện "
        "…” cuối tên là huyện). Số và ngày kế hoạch chỉ dùng để chọn giữa các kế hoạch của cùng "
        "một đơn vị; báo cáo của đơn vị này trích dẫn kế hoạch của đơn vị khác thì không ghép và "
        "được ghi để xem xét lại.",
        "Plans are paired with reports by unit: first the commune, district and province fields, "
        "then the unit name (case, diacritics and “UBND”/“Ủy ban nhân dân” ignored; a trailing "
        "“, huyện …” is the district). Plan number and date only choose between plans of one "
        "unit; a report citing another unit's plan is not paired and is flagged for review.",
    ),
    "px_reading_duplicates": (
        "Tệp trùng: cùng kế hoạch (số, ngày, đơn vị) ở hai định dạng, hoặc hai kế hoạch của một "
        "đơn vị — chấm kế hoạch báo cáo trích dẫn, ưu tiên tệp .json; cùng một báo cáo gửi hai "
        "lần, hoặc hai báo cáo của một đơn vị — chấm báo cáo ban hành sau. Tệp không chấm được "
        "liệt kê ở trang Tệp đầu vào.",
        "Duplicates: one plan (number, date, unit) in two formats, or two plans of one unit — "
        "the plan the report cites is scored, a .json first; one report sent twice, or two "
        "reports of one unit — the later one is scored. The others are listed on the Inputs sheet.",
    ),
    "px_reading_matching": (
        "Mỗi dòng báo cáo được ghép với hoạt động kế hoạch theo activity_id, rồi theo tên hoạt "
        "động, rồi theo hình thức. Kế hoạch đọc từ văn bản (.txt, .docx, .pdf) không ghép theo "
        "activity_id, và không ghép theo hình thức với câu kế hoạch được đọc thành nhiều hình thức.",
        "Each report line is matched to a planned activity by activity_id, then by title, then "
        "by form. A plan read from a document (.txt, .docx, .pdf) is not matched by activity_id, "
        "nor by form to a sentence read as several forms.",
    ),
    "px_reading_bands": (
        "Tỷ lệ hoàn thành so với ngưỡng là phân số chính xác (89/99 = 89,9% dưới 90%); điểm làm "
        "tròn đến hai chữ số thập phân, 0,005 làm tròn lên.",
        "Completion is compared with the band edges as an exact fraction (89/99 = 89.9% is below "
        "90%); points are rounded to hundredths, half up.",
    ),
    "px_reading_missing_unit": (
        "Đơn vị trong danh sách phải nộp (--units) không gửi kế hoạch, báo cáo: chấm như không có "
        "kế hoạch và báo cáo theo bộ chấm điểm.",
        "A unit on the list of expected units (--units) that sent nothing is scored as having "
        "no plan and no report, as the scheme says.",
    ),
    "px_reading_review": (
        "Cột “Cần xem xét lại” không làm thay đổi điểm: ghi điều mâu thuẫn đã thấy, quy tắc phát "
        "hiện và cách đã tạm tính.",
        "The “For review” column changes no point: it says what contradiction was seen, the "
        "rule that saw it, and how it was counted meanwhile.",
    ),
    "px_rv_claimed_no_count_rule": (
        "Dòng báo cáo ghi đã hoàn thành nhưng không nêu số lần, cho hoạt động phải làm nhiều lần.",
        "A report line says done in full without a number, for an activity due several times.",
    ),
    "px_rv_not_done_with_count_rule": (
        "Dòng báo cáo ghi chưa hoàn thành nhưng nêu số lần đã làm.",
        "A report line says not done but gives a number of times.",
    ),
    "px_rv_two_lines_rule": (
        "Hai dòng báo cáo trở lên cho cùng một hoạt động của kế hoạch.",
        "Two or more report lines for one planned activity.",
    ),
    "px_rv_backdated_rule": (
        "Kế hoạch ghi ngày ban hành sau báo cáo kết quả của chính năm đó, hoặc sau năm đánh giá.",
        "The plan is dated after the results report of its own year, or after the year.",
    ),
    "px_rv_cites_other_plan_rule": (
        "Báo cáo của đơn vị này trích dẫn kế hoạch của đơn vị khác.",
        "The report of one unit cites the plan of another.",
    ),
    "px_rv_duplicate_rule": (
        "Một tệp khác của đơn vị được để riêng vì trùng.",
        "Another file of the unit was set aside as a duplicate.",
    ),
    "px_rv_matched_by_form_rule": (
        "Kế hoạch đọc từ văn bản: dòng báo cáo được ghép theo hình thức.",
        "A plan read from a document: report lines matched by form.",
    ),
    "px_units_unreadable": (
        "không đọc được bảng danh sách đơn vị (.xlsx hỏng?)",
        "cannot read the list of units (a broken .xlsx?)",
    ),
    "px_units_type": (
        "danh sách đơn vị phải là .csv hoặc .xlsx, không phải {suffix}",
        "the list of units must be .csv or .xlsx, not {suffix}",
    ),
    "px_units_too_many": (
        "danh sách đơn vị quá dài (tối đa {limit} dòng)",
        "the list of units is too long (at most {limit} rows)",
    ),
    "px_units_no_name": (
        "thiếu cột tên đơn vị (“Tên đơn vị” hoặc “name”); các cột có: {found}",
        "no unit-name column (“Tên đơn vị” or “name”); columns found: {found}",
    ),
    "px_units_blank_name": ("tên đơn vị để trống", "the unit name is blank"),
    "px_units_twice": (
        "đơn vị “{name}” đã có ở dòng {row}",
        "the unit “{name}” is already on row {row}",
    ),
    # --- PAR index: outputs and command line (cchc index) ------------------------------------
    "px_heading": (
        "BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year} — {criterion}",
        "PAR INDEX SELF-ASSESSMENT {year} — {criterion}",
    ),
    "px_criterion_coded": ("Tiêu chí {code}. {title}", "criterion {code}. {title}"),
    "px_scheme_label": ("Bộ chấm điểm", "Scheme"),
    "px_scheme_file": ("Tệp bộ chấm điểm", "Scheme file"),
    "px_note_label": ("Ghi chú", "Note"),
    "px_missing_label": ("Còn thiếu:", "Missing:"),
    "px_and_more": ("(và {n} mục khác)", "(and {n} more)"),
    "px_skipped_title": (
        "Tệp không thuộc năm đánh giá (không chấm):",
        "Files outside the assessed year (not scored):",
    ),
    "px_col_no": ("STT", "No."),
    "px_col_unit": ("Đơn vị", "Unit"),
    "px_col_code": ("Mã", "Code"),
    "px_col_title": ("Tiêu chí, tiêu chí thành phần", "Criterion, sub-criterion"),
    "px_col_max": ("Điểm tối đa", "Maximum"),
    "px_col_points": ("Điểm tự chấm", "Points"),
    "px_col_total": ("Tổng", "Total"),
    "px_col_evidence": ("Tài liệu kiểm chứng", "Evidence"),
    "px_col_note": ("Cách tính, ghi chú", "How scored, notes"),
    "px_col_compliance": ("Điểm tuân thủ kế hoạch", "Plan compliance"),
    "px_col_status": ("Hồ sơ", "Files"),
    "px_col_detail": ("Chi tiết", "Details"),
    "px_col_trace": ("Căn cứ tính điểm", "Trace"),
    "px_col_file": ("Tệp", "File"),
    "px_sheet_main": ("Tự đánh giá", "Self-assessment"),
    "px_sheet_trace": ("Truy vết điểm", "Trace"),
    "px_sheet_scheme": ("Căn cứ", "Basis"),
    "px_sheet_inputs": ("Tệp đầu vào", "Inputs"),
    "px_not_a_dir": ("{option}: '{path}' không phải thư mục", "{option}: '{path}' is not a folder"),
    "px_bad_year": ("năm {year} không hợp lý (1990–2100)", "implausible year {year} (1990–2100)"),
    "px_xlsx_needs_out": (
        "định dạng xlsx cần --out TỆP.xlsx",
        "the xlsx format needs --out FILE.xlsx",
    ),
    "px_out_unwritable": (
        "không ghi được tệp {path}: {reason}",
        "cannot write {path}: {reason}",
    ),
    "px_written": ("đã ghi {path} ({units} đơn vị)", "wrote {path} ({units} units)"),
    # --- extraction from documents (.txt, .docx, .pdf) ---------------------------------------
    "x_binary": (
        "tệp nhị phân, không phải văn bản (.txt cần là văn bản thuần)",
        "binary data, not text (a .txt file must be plain text)",
    ),
    "x_encoding_bad": (
        "tệp khai báo mã {encoding} nhưng có byte lỗi ở vị trí {pos}",
        "the file declares {encoding} but has a bad byte at offset {pos}",
    ),
    "x_encoding_unknown": (
        "không nhận ra bảng mã: không phải Unicode (UTF-8, UTF-16), Windows-1258 hay TCVN3 (ABC);"
        " hãy lưu lại dưới dạng văn bản Unicode (UTF-8) hoặc chuyển mã bằng Unikey",
        "unknown encoding: not Unicode (UTF-8, UTF-16), Windows-1258 or TCVN3 (ABC);"
        " save the file again as Unicode (UTF-8) text or convert it with Unikey",
    ),
    "x_docx_invalid": (
        "không phải tệp Word .docx hợp lệ (tệp .doc cũ cần lưu lại thành .docx)",
        "not a valid Word .docx file (save an old .doc file as .docx)",
    ),
    "x_docx_invalid_reason": (
        "tệp Word .docx bị hỏng, không đọc được ({reason})",
        "the Word .docx file is damaged and cannot be read ({reason})",
    ),
    "x_docx_empty": ("tệp Word không có nội dung văn bản", "the Word file contains no text"),
    "x_pdf_invalid": ("không phải tệp PDF hợp lệ", "not a valid PDF file"),
    "x_pdf_invalid_reason": (
        "tệp PDF bị hỏng, không đọc được ({reason})",
        "the PDF file is damaged and cannot be read ({reason})",
    ),
    "x_pdf_encrypted": (
        "tệp PDF được mã hóa (bằng mật khẩu hoặc chứng thư); hãy gỡ mật khẩu, mã hóa rồi kiểm tra lại",
        "the PDF file is encrypted (with a password or a certificate); remove the password or encryption and try again",
    ),
    "x_pdf_scanned": (
        "tệp PDF là bản quét ({pages} trang, {images} ảnh) không có lớp chữ: không đọc được nội dung;"
        " hãy dùng tệp Word gốc hoặc PDF xuất từ Word",
        "the PDF is a scan ({pages} pages, {images} images) without a text layer: its content cannot"
        " be read; use the original Word file or a PDF exported from Word",
    ),
    "x_note_encoding": (
        "văn bản được chuyển từ bảng mã {encoding} sang Unicode",
        "the text was converted from {encoding} to Unicode",
    ),
    "x_note_tcvn3_case": (
        "văn bản TCVN3: chữ in hoa có dấu (phông .VnTimeH) được đọc thành chữ thường",
        "TCVN3 text: capitals with tone marks (.VnTimeH font) are read as lower case",
    ),
    "x_note_nfd": (
        "văn bản ở dạng Unicode tổ hợp (NFD), đã chuẩn hóa về dạng dựng sẵn (NFC)",
        "the text was in decomposed Unicode (NFD) and was normalised to NFC",
    ),
    "x_note_chrome_before": (
        "đã bỏ {n} dòng của trang web trước phần nội dung kế hoạch",
        "removed {n} web-page lines before the plan",
    ),
    "x_note_chrome_after": (
        "đã bỏ {n} dòng của trang web sau phần nội dung kế hoạch",
        "removed {n} web-page lines after the plan",
    ),
    "x_note_joined": (
        "đã nối {n} dòng bị ngắt giữa câu",
        "joined {n} lines broken inside a sentence",
    ),
    "x_note_duplicate": (
        "nội dung kế hoạch bị lặp lại hai lần ({n} đoạn): chỉ giữ một bản",
        "the body of the plan is printed twice ({n} paragraphs): one copy kept",
    ),
    "x_note_numbering": (
        "đánh số không liên tục ở mục {where}: sau {prev} là {next}",
        "numbering jumps in section {where}: {next} follows {prev}",
    ),
    "x_note_missing": (
        "không xác định được {field} từ văn bản",
        "{field} could not be determined from the text",
    ),
    "x_note_year_from_title": (
        "văn bản không có dòng ngày tháng: năm {year} của kế hoạch lấy từ tên kế hoạch",
        "the document has no date line: the plan's year {year} is taken from its title",
    ),
    "x_note_issuer_inferred": (
        "cơ quan ban hành được suy ra từ văn bản (không có dòng tên cơ quan): {name}",
        "the issuer was inferred from the text (no issuer line): {name}",
    ),
    "x_note_issuer_level": (
        "cơ quan ban hành ghi là '{name}', nhưng địa bàn của kế hoạch cho thấy là {local}: tên và cấp lấy theo địa bàn, tên ghi sai giữ trong issuer.other_names",
        "the issuer is written '{name}', but the plan's locality shows {local}: name and level follow the locality, the written name is kept in issuer.other_names",
    ),
    "x_note_self_reference": (
        "số, ngày của văn bản lấy từ câu: {sentence}",
        "the document's number and date come from the sentence: {sentence}",
    ),
    "x_note_format_unknown": (
        "format_parts để trống: các thành phần thể thức (NĐ 30/2020, có con dấu) không xác định được từ phần chữ",
        "format_parts left null: the format components (Decree 30/2020, seal included) cannot be told from the text",
    ),
    "x_note_activity_owner": (
        "{n} hoạt động chưa xác định được cơ quan thực hiện: {ids}",
        "{n} activities have no owner: {ids}",
    ),
    "x_note_no_sections": (
        "không tìm thấy đề mục La Mã (I., II., …): văn bản có thể là bản tin tóm tắt kế hoạch",
        "no Roman-numeral headings (I., II., …) found: the text may be a news summary of the plan",
    ),
    "x_not_document": (
        "không trích xuất được từ tệp {suffix}: cần văn bản kế hoạch .txt, .docx hoặc .pdf",
        "cannot extract from a {suffix} file: a plan document (.txt, .docx or .pdf) is needed",
    ),
    # --- `cchc extract` --------------------------------------------------------------------
    "x_explain_field": ("Trường", "Field"),
    "x_explain_value": ("Giá trị", "Value"),
    "x_explain_evidence": ("Căn cứ trong văn bản", "Evidence in the text"),
    "x_explain_notes": ("Ghi chú", "Notes"),
    "x_written": ("đã ghi {path}", "wrote {path}"),
    "x_output_unwritable": (
        "không ghi được tệp kết quả {path}: {reason}",
        "cannot write the output file {path}: {reason}",
    ),
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
    "binary_needs_output": (
        "định dạng {fmt} là tệp nhị phân: chỉ ra tệp ghi bằng --output",
        "the {fmt} format is binary: name a file with --output",
    ),
    # --- results ---------------------------------------------------------------------------
    "score_line": ("Điểm: {score}/100 — {verdict}", "Score: {score}/100 — {verdict}"),
    "source_label": ("Căn cứ", "Source"),
    "reference_label": (
        "Tham khảo (khuyến nghị, không ràng buộc)",
        "Reference (a recommendation, not binding)",
    ),
    "fix_label": ("Cách khắc phục", "Fix"),
    "fix_paste_label": ("Sửa (câu mẫu để dán)", "Fix (text to paste, Vietnamese)"),
    "rule_label": ("Mã quy tắc", "Rule"),
    "in_vietnamese": ("{text}", "clause (Vietnamese): “{text}”"),
    "vietnamese_source": ("{text}", "(Vietnamese) {text}"),
    "fix_label_quoted": ("Cách khắc phục", "Fix (quoted text in Vietnamese, to paste as is)"),
    # the closing line of the terminal view: what the exit code says
    "closing_gaps": (
        "{n} thiếu sót cần khắc phục — mã thoát 1",
        "{n} gaps to fix — exit code 1",
    ),
    "closing_gap_one": ("1 thiếu sót cần khắc phục — mã thoát 1", "1 gap to fix — exit code 1"),
    "closing_under": (
        "điểm dưới {floor} (--fail-under) — mã thoát 1",
        "score under {floor} (--fail-under) — exit code 1",
    ),
    "closing_ok": ("Không có thiếu sót — mã thoát 0", "No gaps — exit code 0"),
    "closing_below": (
        "{n} thiếu sót dưới mức --fail-on {level} — mã thoát 0",
        "{n} gaps below --fail-on {level} — exit code 0",
    ),
    "closing_input": (
        "{n} tệp không đọc được — mã thoát 2",
        "{n} unreadable files — exit code 2",
    ),
    # --- Word comments (cchc-check --annotate) ------------------------------------------------
    "ann_summary": (
        "cchc-check: Điểm {score}/100 — {verdict}",
        "cchc-check: score {score}/100 — {verdict}",
    ),
    "ann_gaps": (
        "{n} thiếu sót cần khắc phục, mỗi thiếu sót là một nhận xét tại chỗ cần sửa",
        "{n} gaps to fix, each a comment where the plan needs the change",
    ),
    "ann_advisories": (
        "{n} khuyến nghị (yêu cầu chưa xác minh đầy đủ, không tính điểm)",
        "{n} advisories (requirements not fully verified, not scored)",
    ),
    "ann_no_section": (
        "(Không tìm thấy mục của kế hoạch nơi cần bổ sung: nhận xét đặt ở tiêu đề.)",
        "(The section where this belongs was not found: the comment is on the title.)",
    ),
    "ann_needs_document": (
        "chú thích vào văn bản cần một tệp .docx, .txt hoặc .pdf; tệp {suffix} không phải văn bản (tạo nhận xét trên bản Word của kế hoạch)",
        "annotation needs a document (.docx, .txt or .pdf); a {suffix} file is not one (annotate the plan's Word file)",
    ),
    "ann_written": (
        "Đã ghi {n} nhận xét vào {out}",
        "{n} comments written to {out}",
    ),
    "ann_out_one": (
        "--annotate-out chỉ dùng được với một kế hoạch",
        "--annotate-out takes a single plan",
    ),
    # --- engine and applicability ------------------------------------------------------------
    "engine_fallback": (
        "durable-rules không có trên Python {py}: dùng bộ máy Python (cùng kết quả)",
        "durable-rules is not on Python {py}: the Python engine runs (same results)",
    ),
    "engine_unavailable": (
        "--engine durable: durable-rules không cài được trên Python {py} (chỉ chạy trên Python 3.11, 3.12); dùng --engine python hoặc bỏ --engine",
        "--engine durable: durable-rules cannot be installed on Python {py} (it runs on Python 3.11 and 3.12 only); use --engine python or leave --engine out",
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
    "judged_at_period_start": (
        "kế hoạch không ghi ngày ban hành: áp dụng quy định có hiệu lực ngày {date} (đầu kỳ kế hoạch)",
        "the plan has no issue date: judged by the rules in force on {date} (start of its period)",
    ),
    "na_level": ("không áp dụng cho cấp {level}", "does not apply to level {level}"),
    "na_level_unknown": (
        "không xác định được cấp của cơ quan ban hành (UBND tỉnh, huyện, xã, sở…): ghi rõ tên cơ quan ở đầu văn bản",
        "the issuer's level (province, district, commune, department…) is unknown: name the issuer in the document's header",
    ),
    "place_how_stated": ("theo tỉnh ghi trong kế hoạch", "as the plan states its province"),
    "place_by_stated": ("tỉnh ghi trong kế hoạch", "the province the plan states"),
    "place_how_option": ("theo tùy chọn --province", "as given with --province"),
    "place_not_listed": (
        "“{name}” không có trong danh mục đơn vị hành chính ở ngày của kế hoạch",
        "“{name}” is not in the list of administrative units on the plan's date",
    ),
    "place_by": ("theo {unit} trong {where}", "from {unit} in {where}"),
    "place_by_context": (
        "theo {unit} ({n} nơi cùng tên) và {clue} trong {where}",
        "from {unit} ({n} places of that name) and {clue} in {where}",
    ),
    "place_ambiguous": (
        "có {n} nơi tên {unit} ({where}) và văn bản không nêu huyện, tỉnh nào phân biệt được",
        "{n} places are called {unit} ({where}) and the text names no district or province that tells them apart",
    ),
    "place_many_provinces": (
        "văn bản nêu nhiều tỉnh ({names})",
        "the text names several provinces ({names})",
    ),
    "place_unknown": (
        "văn bản không nêu địa danh nào có trong danh mục đơn vị hành chính",
        "the text names no place found in the list of administrative units",
    ),
    "place_no_gazetteer": (
        "thiếu gói danh mục đơn vị hành chính (vietnamadminunits)",
        "the gazetteer package (vietnamadminunits) is not installed",
    ),
    "place_former": (
        "{unit} là tên trước ngày 01/7/2025 (nay thuộc {now})",
        "{unit} is a name from before 1/7/2025 (now part of {now})",
    ),
    "place_former_district": (
        "{unit}: từ ngày 01/7/2025 không còn cấp huyện",
        "{unit}: there are no districts from 1/7/2025",
    ),
    "place_agrees": ("khớp với {by}", "as {by} says"),
    "place_disagrees": (
        "khác với địa danh trong văn bản: {province} ({how})",
        "the text says otherwise: {province} ({how})",
    ),
    "place_one_province": (
        "theo {unit} trong {where} ({n} nơi cùng tên, cùng một tỉnh)",
        "from {unit} in {where} ({n} places of that name, all in one province)",
    ),
    "place_read_as": ("“{name}” được đọc là {province}", "“{name}” read as {province}"),
    "place_candidates": ("có thể là: {names}", "possibly: {names}"),
    "place_where_issuer": ("tên cơ quan ban hành", "the issuer's name"),
    "place_where_fields": ("thông tin cơ quan ban hành", "the issuer's details"),
    "place_where_title": ("tên kế hoạch", "the plan's title"),
    "place_where_place_line": ("dòng địa danh, ngày tháng", "the place-and-date line"),
    "place_where_parents": ("văn bản căn cứ", "the documents it cites"),
    "place_where_body": ("nội dung kế hoạch", "the plan's body"),
    "province_packs_unchecked": (
        "chưa kiểm tra các gói luật của tỉnh {packs} vì không xác định được tỉnh của kế hoạch; "
        "nêu tỉnh bằng tùy chọn --province TÊN hoặc trường issuer.province trong plan.json",
        "the packs of province {packs} were not checked because the plan's province is unknown; "
        "state it with --province NAME or issuer.province in plan.json",
    ),
    "na_province_unchecked": (
        "chưa kiểm tra: gói luật của tỉnh {provinces}, không xác định được tỉnh của kế hoạch",
        "not checked: a pack of province {provinces}, and the plan's province is unknown",
    ),
    "na_province": ("không áp dụng cho tỉnh {province}", "does not apply to province {province}"),
    "na_date_unknown": (
        "không xác định được ngày ban hành của kế hoạch để biết quy định nào có hiệu lực",
        "the plan's issue date is unknown, so the rules in force cannot be chosen",
    ),
    "na_before": (
        "chỉ áp dụng cho kế hoạch ban hành từ {date}",
        "applies only to plans issued from {date}",
    ),
    "na_after": (
        "chỉ áp dụng cho kế hoạch ban hành đến {date}",
        "applies only to plans issued until {date}",
    ),
    "na_years": (
        "chỉ áp dụng cho kế hoạch của các năm {start}–{end}",
        "applies only to plans for the years {start}–{end}",
    ),
    "na_years_unknown": (
        "không xác định được kế hoạch cho năm nào (thời gian thực hiện, ngày ban hành)",
        "the years the plan is for are unknown (period of implementation, issue date)",
    ),
    "na_issuer": (
        "chỉ áp dụng cho kế hoạch của {issuers}",
        "applies only to plans of {issuers}",
    ),
    "na_issuer_unknown": (
        "không xác định được tên cơ quan ban hành",
        "the issuer's name is unknown",
    ),
    "na_forms": (
        "chỉ áp dụng cho kế hoạch có hoạt động hình thức {forms}",
        "applies only to plans with an activity of the forms {forms}",
    ),
    "na_not_after_source": (
        "kế hoạch ban hành không sau ngày {date} của văn bản căn cứ, nên không bị văn bản đó ràng buộc",
        "the plan was not issued after the source document of {date}, so it is not bound by it",
    ),
    "na_level_abolished": (
        "văn bản của cấp huyện không còn là căn cứ cho kế hoạch ban hành từ {date} (cấp huyện đã bỏ)",
        "a district document binds no plan issued from {date} (the district level was abolished)",
    ),
    "na_yields": (
        "văn bản cấp trên áp dụng cho kế hoạch này đã quy định việc này: xem {rules}",
        "a parent document that binds this plan states this duty: see {rules}",
    ),
    "na_parent": (
        "chỉ áp dụng cho kế hoạch thực hiện {parents}",
        "applies only to plans implementing {parents}",
    ),
    # --- rules commands ------------------------------------------------------------------------
    "rule_unknown": (
        "không có luật {rule} (xem danh sách: cchc rules list)",
        "no rule {rule} (see: cchc rules list)",
    ),
    "rule_unknown_near": (
        "không có luật {rule}; có phải là: {near}?",
        "no rule {rule}; did you mean: {near}?",
    ),
    "rule_pack": ("Gói", "Pack"),
    "rule_area": ("Lĩnh vực", "Area"),
    "rule_severity": ("Mức", "Severity"),
    "rule_weight": ("Trọng số", "Weight"),
    "rule_catalogue_status": ("Xác minh nguồn", "Source verified"),
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
    "yaml_duplicate_key": (
        "khóa '{name}' được ghi hai lần trong cùng một mục (lần đầu ở dòng {first})",
        "the key '{name}' is written twice in one mapping (first at line {first})",
    ),
    # --- reports and batch checking (cchc.render, cchc.batch) ------------------------------
    # column headings of the tables (terminal, CSV, XLSX, HTML)
    "col_file": ("Tệp", "File"),
    "col_title": ("Tên kế hoạch", "Title"),
    "col_issuer": ("Cơ quan ban hành", "Issuer"),
    "col_level": ("Cấp", "Level"),
    "col_province": ("Tỉnh, thành phố", "Province"),
    "col_number": ("Số, ký hiệu", "Number"),
    "col_date": ("Ngày ban hành", "Issue date"),
    "col_score": ("Điểm", "Score"),
    "col_verdict": ("Kết luận", "Verdict"),
    "col_gaps": ("Số thiếu sót", "Gaps"),
    "col_critical": ("Thiếu sót nghiêm trọng", "Critical gaps"),
    "col_advisories": ("Khuyến nghị", "Advisories"),
    "col_rule": ("Mã quy tắc", "Rule"),
    "col_rule_title": ("Yêu cầu", "Requirement"),
    "col_pack": ("Bộ quy tắc", "Rule pack"),
    "col_area": ("Lĩnh vực", "Area"),
    "col_status": ("Kết quả", "Status"),
    "col_status_code": ("Mã kết quả", "Status code"),
    "col_severity": ("Mức độ", "Severity"),
    "col_weight": ("Trọng số", "Weight"),
    "col_credit": ("Mức đạt", "Credit"),
    "col_message": ("Nhận xét", "Finding"),
    "col_evidence": ("Trích từ kế hoạch", "Evidence from the plan"),
    "col_waiver": ("Lý do miễn", "Waiver reason"),
    "col_error": ("Lỗi", "Error"),
    "col_field": ("Trường", "Field"),
    "col_plans": ("Số kế hoạch", "Plans"),
    "col_as_of": ("Ngày áp dụng quy tắc", "Rules as of"),
    "col_engine": ("Bộ máy suy luận", "Engine"),
    "col_report": ("Báo cáo", "Report"),
    "col_area_score": ("Điểm {area}", "{area} score"),
    "col_gap_share": ("Tỷ lệ chưa đạt (%)", "Gap share (%)"),
    # labels of severities and scoring areas: rules/data/labels.yaml (cchc.render.labels)
    # worksheet names (at most 31 characters)
    "sheet_summary": ("Tổng hợp", "Summary"),
    "sheet_gaps": ("Thiếu sót", "Gaps"),
    "sheet_rules": ("Theo quy tắc", "By rule"),
    "sheet_errors": ("Tệp không đọc được", "Unreadable files"),
    "sheet_truncated": (
        "… còn {n} dòng nữa: xem tệp CSV (Excel giới hạn {max} dòng mỗi trang)",
        "… {n} more rows: see the CSV file (Excel holds at most {max} rows a sheet)",
    ),
    # one plan's report (HTML, Markdown, terminal)
    "rpt_title": ("Báo cáo kiểm tra kế hoạch tuyên truyền CCHC", "PAR propaganda plan check"),
    "rpt_untitled": ("(kế hoạch chưa có tên)", "(untitled plan)"),
    "rpt_plan_of": ("{number} ngày {date}", "{number} of {date}"),
    "rpt_score": ("Điểm", "Score"),
    "rpt_not_scored": ("không chấm điểm", "not scored"),
    "rpt_areas": ("Điểm theo lĩnh vực", "Score by area"),
    "rpt_gaps": ("Thiếu sót cần khắc phục ({n})", "Gaps to fix ({n})"),
    "rpt_area_gaps": ("{n} thiếu sót", "{n} gaps"),
    "rpt_no_gaps": (
        "Không có thiếu sót: kế hoạch đáp ứng mọi yêu cầu đã kiểm tra.",
        "No gaps: the plan meets every requirement checked.",
    ),
    "rpt_advisories": ("Khuyến nghị ({n})", "Advisories ({n})"),
    "rpt_group": (
        "{n} quy tắc chưa đánh giá được: {reason}",
        "{n} rules left unevaluated: {reason}",
    ),
    "rpt_group_rules": ("Các quy tắc", "Rules"),
    "rpt_advisory_note": (
        "Yêu cầu chưa được xác minh đầy đủ: chỉ để tham khảo, không tính điểm.",
        "Requirements not fully verified: for information, never scored.",
    ),
    "rpt_all_results": ("Kết quả theo từng quy tắc ({n})", "Result of every rule ({n})"),
    "rpt_counts": (
        "{passed} đạt · {gaps} thiếu sót · {unknown} chưa xác định được · {na} không áp dụng · {waived} được miễn",
        "{passed} passed · {gaps} gaps · {unknown} unknown · {na} not applicable · {waived} waived",
    ),
    "rpt_unknowns": ("Chưa xác định được ({n})", "Unknown: not shown in the input ({n})"),
    "rpt_unknown_note": (
        "Kế hoạch (hoặc bản trích xuất) không cho thấy điều quy tắc cần: không tính điểm, không phải thiếu sót.",
        "The plan (or its extracted text) does not show what the rule needs: not scored, not a gap.",
    ),
    "rpt_provisional": (
        "Kết luận tạm thời: văn bản chưa cho thấy {n} yêu cầu nghiêm trọng hoặc quan trọng ({rules})",
        "Provisional verdict: the input does not show {n} critical or major requirements ({rules})",
    ),
    "rpt_notices": ("Lưu ý", "Notices"),
    # --- the results store and re-submissions ---------------------------------------------
    "store_unusable": (
        "không dùng được kho kết quả {reason}",
        "cannot use the results store {reason}",
    ),
    "baseline_db_needs_db": (
        "--baseline-db cần --db (kho chứa bản trước)",
        "--baseline-db needs --db (the store holding the earlier version)",
    ),
    "baseline_one_plan": (
        "--baseline so sánh đúng một kế hoạch với bản trước của nó (không dùng cùng --baseline-db)",
        "--baseline compares exactly one plan with its earlier version (not with --baseline-db)",
    ),
    "diff_title": (
        "So với bản trước ({baseline})",
        "Compared with the earlier version ({baseline})",
    ),
    "diff_score": (
        "Điểm: {before} → {after}; kết luận: {vbefore} → {vafter}",
        "Score: {before} → {after}; verdict: {vbefore} → {vafter}",
    ),
    "diff_fixed": ("Đã khắc phục ({n})", "Fixed ({n})"),
    "diff_still_open": ("Vẫn còn ({n})", "Still open ({n})"),
    "diff_new": ("Thiếu sót mới ({n})", "New gaps ({n})"),
    "diff_rules_changed": (
        "Kết quả đổi do bộ quy tắc thay đổi, không do kế hoạch ({n})",
        "Results changed by the rules, not by the plan ({n})",
    ),
    "diff_rules_unknown": (
        "Không biết bản trước được chấm theo bộ quy tắc nào: thay đổi do quy tắc không tách riêng được.",
        "The rules the earlier version was judged by are unknown: changes due to the rules cannot be told apart.",
    ),
    "diff_none": ("(không có)", "(none)"),
    "diff_before_after": ("trước: {before} · nay: {after}", "before: {before} · now: {after}"),
    "hist_title": ("Kết quả kiểm tra kế hoạch qua các năm", "Plan checks over the years"),
    "hist_years": ("Các năm {first}–{last}", "Years {first}–{last}"),
    "hist_share_passing": ("% kế hoạch đạt", "% of plans passing"),
    "hist_units": ("Số đơn vị", "Units"),
    "hist_chart_headlines": ("Ba yêu cầu chính qua các năm", "The three headline requirements"),
    "hist_chart_verdicts": ("Kết luận theo năm", "Verdicts by year"),
    "hist_col_unit": ("Đơn vị", "Unit"),
    "hist_col_year": ("Năm", "Year"),
    "hist_col_rule": ("Quy tắc", "Rule"),
    "hist_col_plans": ("Số kế hoạch", "Plans"),
    "hist_col_share": ("Tỷ lệ (%)", "Share (%)"),
    "hist_col_headline": ("Yêu cầu", "Requirement"),
    "hist_col_checked": ("Số kế hoạch được đánh giá", "Plans judged"),
    "hist_col_passing": ("Số kế hoạch đạt", "Plans passing"),
    "hist_col_verdict_before": ("Kết luận năm trước", "Verdict the year before"),
    "hist_col_verdict_after": ("Kết luận năm nay", "Verdict this year"),
    "hist_col_score_before": ("Điểm năm trước", "Score the year before"),
    "hist_col_score_after": ("Điểm năm nay", "Score this year"),
    "hist_sheet_verdicts": ("Kết luận", "Verdicts"),
    "hist_sheet_scores": ("Điểm", "Scores"),
    "hist_sheet_top_failed": ("Yêu cầu hay thiếu", "Most failed"),
    "hist_sheet_headlines": ("Ba yêu cầu chính", "Headline requirements"),
    "hist_sheet_regressions": ("Đơn vị giảm", "Regressions"),
    "hist_needs_db": ("cần --db (kho kết quả)", "--db (the results store) is needed"),
    "hist_empty": (
        "Kho {db} chưa có kết quả nào (cho tỉnh {province}).",
        "The store {db} holds no results yet (for province {province}).",
    ),
    "hist_written": ("Đã ghi: {files}", "Written: {files}"),
    # --- the web page (cchc serve) ----------------------------------------------------------
    "web_title": ("Kiểm tra kế hoạch tuyên truyền CCHC", "Check a PAR propaganda plan"),
    "web_nav_home": ("Tải kế hoạch lên", "Upload plans"),
    "web_nav_province": ("Toàn tỉnh", "Province"),
    "web_nav_rules": ("Quy tắc", "Rules"),
    "web_upload_help": (
        "Chọn một hoặc nhiều tệp kế hoạch (.docx, .pdf, .txt, .json; tối đa {limit} MB mỗi tệp).",
        "Choose one or more plan files (.docx, .pdf, .txt, .json; at most {limit} MB each).",
    ),
    "web_upload_button": ("Kiểm tra", "Check"),
    "web_recent": ("Kiểm tra gần đây", "Recent checks"),
    "web_uploaded": ("Kết quả tải lên", "Uploaded files"),
    "web_downloads": ("Tải về", "Downloads"),
    "web_download_docx": ("Kế hoạch kèm nhận xét (.docx)", "The plan with comments (.docx)"),
    "web_too_large": ("tệp quá lớn (tối đa {limit} MB)", "file too large (at most {limit} MB)"),
    "web_empty": ("tệp rỗng", "the file is empty"),
    "web_bad_type": (
        "nội dung tệp không phải kế hoạch .docx, .pdf, .txt hoặc .json",
        "the file's content is not a .docx, .pdf, .txt or .json plan",
    ),
    "web_no_length": (
        "yêu cầu tải lên không cho biết kích thước",
        "the upload request does not say its size",
    ),
    "web_not_found": ("Không tìm thấy.", "Not found."),
    "web_no_document": (
        "Kế hoạch này không được tải lên dưới dạng văn bản (.docx, .pdf, .txt).",
        "This plan was not uploaded as a document (.docx, .pdf, .txt).",
    ),
    "web_filter": ("Lọc", "Filter"),
    "web_all": ("(tất cả)", "(all)"),
    "web_with_gap_on": ("Có thiếu sót ở quy tắc", "With a gap on rule"),
    "web_unit_plans": ("Các kế hoạch của {name}", "Plans of {name}"),
    "web_failing": ("Số kế hoạch thiếu", "Plans failing"),
    "web_examples": ("Ví dụ", "Examples"),
    "web_login": ("Mã truy cập", "Access token"),
    "web_login_failed": ("Mã truy cập không đúng.", "Wrong access token."),
    "web_token_needed": (
        "phục vụ trên địa chỉ {host} (không phải 127.0.0.1) cần mã truy cập: --token hoặc biến CCHC_TOKEN",
        "serving on {host} (not loopback) needs an access token: --token or CCHC_TOKEN",
    ),
    "web_token_short": (
        "mã truy cập cần ít nhất 12 ký tự",
        "the access token needs 12 characters or more",
    ),
    "web_listening": (
        "Đang phục vụ tại {url} (dữ liệu: {data}). Ctrl-C để dừng.",
        "Serving at {url} (data: {data}). Ctrl-C to stop.",
    ),
    "web_checked_at": ("Thời điểm kiểm tra", "Checked at"),
    "store_recorded": (
        "Kho kết quả: ghi {new} kế hoạch mới, {old} đã có từ trước.",
        "Results store: {new} plans recorded, {old} already there.",
    ),
    "rpt_evidence": ("Trích từ kế hoạch", "From the plan"),
    # where a result comes from (cchc.evidence)
    "ev_page": ("trang {n}", "page {n}"),
    "ev_paragraph": ("đoạn {n}", "paragraph {n}"),
    "ev_line": ("dòng {n}", "line {n}"),
    "ev_more": ("và {n} chỗ khác", "and {n} more"),
    "ev_looked_in": ("Đã tìm ở: {where}", "Searched: {where}"),
    "ev_looked_in_none": ("Đã tìm ở: {where} — không thấy", "Searched: {where} — not found"),
    "col_evidence_at": ("Vị trí trong kế hoạch", "Where in the plan"),
    "col_looked_in": ("Đã tìm ở", "Searched"),
    "rpt_waived_because": ("Được miễn: {reason}", "Waived: {reason}"),
    "rpt_run_line": (
        "Bộ máy {engine}; quy tắc áp dụng tại ngày {as_of}; bộ quy tắc: {packs}",
        "Engine {engine}; rules as of {as_of}; packs: {packs}",
    ),
    "rpt_generated": ("Tạo bởi {tool} {version}", "Made by {tool} {version}"),
    "rpt_generated_at": ("lúc {time}", "at {time}"),
    "rpt_plans": ("Các kế hoạch ({n})", "Plans ({n})"),
    "rpt_errors": ("Tệp không đọc được ({n})", "Files that could not be read ({n})"),
    "rpt_back": ("← Về trang tổng hợp", "← Back to the summary"),
    "rpt_unreadable": ("Không đọc được", "Unreadable"),
    "rpt_toc": ("Mục lục", "Contents"),
    # the batch dashboard (index.html)
    "dash_title": ("Tổng hợp kết quả kiểm tra kế hoạch", "Plan check results"),
    "dash_files": ("Tệp đã kiểm tra", "Files checked"),
    "dash_mean": ("Điểm trung bình", "Mean score"),
    "dash_top_gaps": ("Thiếu sót thường gặp nhất", "Most frequent gaps"),
    "dash_top_gaps_note": (
        "Số kế hoạch mắc từng thiếu sót, trên {n} kế hoạch đọc được.",
        "Plans with each gap, out of {n} readable plans.",
    ),
    "dash_area_unevaluated": (
        "chưa đánh giá được ở {n} kế hoạch",
        "unevaluated in {n} plans",
    ),
    "dash_area_means": ("Điểm trung bình theo lĩnh vực", "Mean score by area"),
    "dash_filter": ("Lọc theo tệp, cơ quan, số hiệu…", "Filter by file, issuer, number…"),
    "dash_all_verdicts": ("Mọi kết luận", "Every verdict"),
    "dash_only_gaps": ("Chỉ kế hoạch có thiếu sót", "Only plans with gaps"),
    "dash_shown": ("Hiển thị {shown}/{total} tệp", "Showing {shown} of {total} files"),
    "dash_sort_hint": ("Bấm vào tiêu đề cột để sắp xếp.", "Click a column heading to sort."),
    "dash_no_gaps": ("Không kế hoạch nào có thiếu sót.", "No plan has a gap."),
    "dash_none": ("Không có tệp nào.", "No files."),
    # batch progress and closing summary
    "batch_progress": (
        "{done}/{total} tệp · {passed} không thiếu sót · {gaps} có thiếu sót · {errors} lỗi đọc",
        "{done}/{total} files · {passed} without gaps · {gaps} with gaps · {errors} unreadable",
    ),
    "batch_finalising": ("Đang ghi các báo cáo tổng hợp…", "Writing the summary reports…"),
    "batch_summary": (
        "Đã kiểm tra {files} tệp trong thư mục {dir} ({seconds} giây, {jobs} tiến trình):"
        " {dat} Đạt, {can_bo_sung} Cần bổ sung, {khong_dat} Không đạt"
        " ({gaps} kế hoạch có thiếu sót) và {errors} tệp không đọc được.",
        "Checked {files} files in {dir} ({seconds} s, {jobs} processes):"
        " {dat} Pass, {can_bo_sung} Needs work, {khong_dat} Fail"
        " ({gaps} plans with gaps) and {errors} files that could not be read.",
    ),
    "batch_summary_resumed": (
        "{n} tệp đã có kết quả từ lần chạy trước.",
        "{n} files had results from the previous run.",
    ),
    "batch_summary_mean": ("Điểm trung bình {mean}/100.", "Mean score {mean}/100."),
    "batch_summary_top": (
        "Thiếu sót thường gặp nhất: {rule} ({title}), ở {n} kế hoạch.",
        "Most frequent gap: {rule} ({title}), in {n} plans.",
    ),
    "batch_summary_unreadable": (
        "Không đọc được: {files}.",
        "Unreadable: {files}.",
    ),
    "batch_summary_more": (
        "… và {n} tệp khác (xem summary.xlsx)",
        "… and {n} more (see summary.xlsx)",
    ),
    "batch_summary_ignored": (
        "{n} tệp khác (không phải .json, .txt, .docx, .pdf) không được kiểm tra.",
        "{n} other files (not .json, .txt, .docx, .pdf) were not checked.",
    ),
    "batch_summary_out": (
        "Kết quả ghi trong {out}: mở {index} để xem.",
        "Results are in {out}: open {index} to view them.",
    ),
    "batch_not_dir": ("{dir} không phải là thư mục", "{dir} is not a folder"),
    "batch_no_files": (
        "thư mục {dir} không có tệp kế hoạch nào (.json, .txt, .docx, .pdf)",
        "the folder {dir} holds no plan file (.json, .txt, .docx, .pdf)",
    ),
    "batch_out_is_input": (
        "thư mục kết quả --out phải khác thư mục kế hoạch {dir}",
        "the --out folder must differ from the plan folder {dir}",
    ),
    "batch_out_unwritable": (
        "không ghi được vào thư mục kết quả {out}: {reason}",
        "cannot write to the output folder {out}: {reason}",
    ),
    "batch_out_locked": (
        "thư mục kết quả {out} đang được một lần chạy khác dùng; hãy chờ nó xong hoặc chọn thư mục khác",
        "the output folder {out} is in use: another run is using it; wait for it to end or choose another folder",
    ),
    "batch_write_failed": (
        "không ghi được {path} trong thư mục kết quả {out}: {reason}",
        "cannot write {path} in the output folder {out}: {reason}",
    ),
    "batch_summary_rechecked": (
        "{n} tệp đã thay đổi (hoặc luật đã đổi) từ lần chạy trước nên được kiểm tra lại.",
        "{n} files changed since the previous run (or the rules did) and were checked again.",
    ),
    "batch_journal_mismatch": (
        "không tiếp tục được: lần chạy trước trong {out} dùng tùy chọn khác ({what});"
        " hãy chạy lại không có --resume",
        "cannot resume: the previous run in {out} used other options ({what});"
        " run again without --resume",
    ),
    "batch_folder_unreadable": (
        "không đọc được thư mục: {reason}",
        "cannot read the folder: {reason}",
    ),
    "batch_internal_error": (
        "lỗi nội bộ khi kiểm tra tệp ({reason}); xin báo lỗi này cho nhóm phát triển",
        "internal error while checking the file ({reason}); please report it",
    ),
    "batch_interrupted": (
        "Đã dừng: {done}/{total} tệp có kết quả. Chạy lại với --resume để tiếp tục.",
        "Stopped: {done}/{total} files have results. Run again with --resume to continue.",
    ),
}


def t(key: str, lang: Lang = "vi", /, **params: Any) -> str:
    """The message `key` in `lang`, with `params` filled in."""
    vi, en = MESSAGES[key]
    text = en if lang == "en" else vi
    return text.format(**params) if params else text.replace("{{", "{").replace("}}", "}")
