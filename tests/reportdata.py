"""Result objects built by hand, for testing the renderers without running the rules."""

from __future__ import annotations

from cchc.result import (
    AreaScore,
    CheckRun,
    EvidenceRef,
    InputFailure,
    PlanInfo,
    PlanReport,
    RuleResult,
    Severity,
    Source,
    Status,
    Verdict,
)

XSS = "<script>alert(1)</script>"


def result(
    rule: str,
    status: Status,
    *,
    area: str = "citations",
    severity: Severity = Severity.major,
    credit: float | None = None,
    title: str | None = None,
    message: str | None = None,
    fix: str | None = None,
    evidence: list[str | EvidenceRef] | None = None,
    looked_in: str | None = None,
    waiver: str | None = None,
) -> RuleResult:
    if credit is None:
        credit = {Status.passed: 1.0, Status.partial: 0.5}.get(status, 0.0)
    return RuleResult(
        rule=rule,
        status=status,
        credit=credit,
        severity=severity,
        weight=2.0,
        area=area,
        pack="nq76-2021",
        title=title or f"Yêu cầu {rule}",
        message=message or f"Nhận xét về {rule}",
        source=Source(
            document="Nghị quyết 76/NQ-CP",
            number="76/NQ-CP",
            date="2021-07-15",
            issuer="Chính phủ",
            clause="Mục III.1",
        ),
        fix=fix if fix is not None else (None if status == Status.passed else f"Bổ sung {rule}"),
        # A bare string is the quote of an activity (a paragraph of the plan's text).
        evidence=[
            e if isinstance(e, EvidenceRef) else EvidenceRef(pointer=f"/activities/{i}", quote=e)
            for i, e in enumerate(evidence or [])
        ],
        looked_in=looked_in,
        waiver=waiver,
    )


def report(
    file: str = "xa-tan-phong.json",
    *,
    title: str | None = "Kế hoạch tuyên truyền cải cách hành chính năm 2024",
    score: float | None = 72.5,
    verdict: Verdict = Verdict.needs_work,
    results: list[RuleResult] | None = None,
    notices: list[str] | None = None,
) -> PlanReport:
    if results is None:
        results = [
            result(
                "NQ76-2021-CITE",
                Status.failed,
                severity=Severity.critical,
                looked_in="Căn cứ (/cited_documents)",
            ),
            result(
                "CAMAU-2014-DIALOGUE",
                Status.partial,
                area="dialogue",
                credit=0.5,
                evidence=[
                    EvidenceRef(
                        pointer="/activities/3",
                        quote="Tổ chức 01 hội nghị đối thoại trong năm.",
                        value={"form": "dialogue", "count": 1, "per": "year"},
                        paragraph=41,
                        line=58,
                    )
                ],
                looked_in="Nhiệm vụ, hình thức (/activities)",
            ),
            result("STRUCT-SECTIONS", Status.passed, area="structure"),
            result("FORMS-MIX", Status.not_applicable, area="forms", fix=""),
            result("REPORT-DUE", Status.waived, area="reporting", waiver="Đã báo cáo bằng văn bản"),
            result("INDEX-NAMED", Status.failed, area="indices", severity=Severity.advisory),
        ]
    areas = sorted({r.area for r in results})
    return PlanReport(
        file=file,
        plan=PlanInfo(
            issuer="UBND xã Tân Phong",
            level="commune",
            province="Tây Ninh",
            number="52/KH-UBND",
            issue_date="2024-04-01",
            title=title,
        ),
        as_of="2024-04-01",
        engine="python",
        packs=["nq76-2021"],
        score=score,
        verdict=verdict,
        areas=[
            AreaScore(
                area=a,
                score=None if a == "forms" else 50.0,
                weight=2.0,
                gaps=sum(
                    1
                    for r in results
                    if r.area == a and r.status in (Status.failed, Status.partial)
                ),
            )
            for a in areas
        ],
        results=results,
        notices=notices or [],
    )


def clean_report(file: str = "phuong-an-dong.json") -> PlanReport:
    return report(
        file,
        score=100.0,
        verdict=Verdict.passed,
        results=[
            result("NQ76-2021-CITE", Status.passed),
            result("S", Status.passed, area="structure"),
        ],
    )


def run(
    *reports: PlanReport, errors: list[InputFailure] | None = None, lang: str = "vi"
) -> CheckRun:
    return CheckRun(version="0.1.0", lang=lang, plans=list(reports), errors=errors or [])


def failure(file: str = "hong.json") -> InputFailure:
    return InputFailure(file=file, error="không phải JSON hợp lệ (dòng 1, cột 1)", field=None)
