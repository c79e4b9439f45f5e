"""Certificates for passing candidates: one landscape A4 page with the same verification block as the slip."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Spacer, Table, TableStyle

from kiosk.domain.items import certificate_name
from kiosk.registry.reports.slips import Candidate
from kiosk.support.paper.fonts import BOLD
from kiosk.support.paper.page import (
    BODY,
    CENTRED,
    FOOTER_SPACE,
    HEADER_SPACE,
    LAYOUT_FONT,
    MARGIN,
    PageHeader,
    build_pdf,
    content_width,
    page_size,
    para,
)
from kiosk.support.paper.verification import verification_block
from kiosk.support.paper.wording import GRADE_LEVELS, day, percent

TITLE = CENTRED.clone("certificate-title", fontName=BOLD, fontSize=28, leading=34)
NAME = CENTRED.clone("certificate-name", fontName=BOLD, fontSize=22, leading=28)
LINE = CENTRED.clone("certificate-line", fontSize=12, leading=16)
SUBJECT = CENTRED.clone("certificate-subject", fontName=BOLD, fontSize=15, leading=20)


@dataclass(frozen=True, slots=True)
class CertificateData:
    """What a certificate prints; ``token`` is the same signed record as on the candidate's slip."""

    attempt_id: str
    candidate: Candidate
    certificate: str
    """Display name, e.g. "Energy Storage Maintenance"."""
    grade: int
    centre: str
    sitting_date: date | str | None
    issued_on: date
    percent: float
    token: str
    check_code: str
    submission_code: str | None = None

    @property
    def header(self) -> PageHeader:
        title = certificate_name(self.certificate, self.grade)
        return PageHeader("Certificate", title, self.centre, f"Certificate for attempt {self.attempt_id}")


def _signature_lines(width: float) -> Table:
    table = Table(
        [["", ""], [para("Registry administrator", BODY), para("Date of issue", BODY)]],
        colWidths=[width / 2, width / 2],
        rowHeights=[14 * mm, None],
    )
    table.setStyle(
        TableStyle(
            [
                LAYOUT_FONT,
                ("LINEBELOW", (0, 0), (0, 0), 0.6, colors.black),
                ("LINEBELOW", (1, 0), (1, 0), 0.6, colors.black),
                ("LEFTPADDING", (0, 0), (-1, -1), 10),
                ("RIGHTPADDING", (0, 0), (-1, -1), 10),
            ]
        )
    )
    return table


def certificate_story(data: CertificateData) -> list[Flowable]:
    width = content_width(wide=True)
    level = GRADE_LEVELS.get(data.grade, "")
    inner_width = width - 12 * mm
    candidate = [para(data.candidate.name, NAME, bold=True)]
    if data.candidate.name_zh:
        candidate.append(para(data.candidate.name_zh, NAME))
    body: list[Flowable] = [
        para("1+X Vocational Skill Certificate", LINE),
        para("CERTIFICATE OF ACHIEVEMENT", TITLE, bold=True),
        Spacer(1, 3 * mm),
        para("This is to certify that", LINE),
        *candidate,
        para(f"candidate number {data.candidate.number}", LINE),
        para("has passed the theory examination for", LINE),
        para(f"{certificate_name(data.certificate, data.grade)} ({level})", SUBJECT, bold=True),
        para(
            f"with a mark of {percent(data.percent)}, sat at {data.centre} on {day(data.sitting_date)}; "
            f"issued on {day(data.issued_on)}.",
            LINE,
        ),
    ]
    if data.submission_code:
        body.append(para(f"Submission code {data.submission_code}", LINE))
    body.append(Spacer(1, 4 * mm))
    bottom = Table(
        [
            [
                verification_block(
                    data.token, data.check_code, inner_width * 0.58, "certificate", qr_size=32 * mm
                ),
                _signature_lines(inner_width * 0.38),
            ]
        ],
        colWidths=[inner_width * 0.6, inner_width * 0.4],
    )
    bottom.setStyle(
        TableStyle(
            [LAYOUT_FONT, ("VALIGN", (0, 0), (-1, -1), "BOTTOM"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]
        )
    )
    height = page_size(wide=True)[1] - 2 * MARGIN - HEADER_SPACE - FOOTER_SPACE - 2
    # A thick outer rule and a thin inner one frame the page, as printed certificates are framed.
    inner = Table([[body], [bottom]], colWidths=[inner_width], rowHeights=[None, None])
    inner.setStyle(
        TableStyle(
            [
                LAYOUT_FONT,
                ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 6),
                ("LEFTPADDING", (0, 0), (-1, -1), 8),
                ("RIGHTPADDING", (0, 0), (-1, -1), 8),
            ]
        )
    )
    outer = Table([[inner]], colWidths=[width], rowHeights=[height])
    outer.setStyle(
        TableStyle(
            [
                LAYOUT_FONT,
                ("BOX", (0, 0), (-1, -1), 3, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ]
        )
    )
    return [outer]


def render_certificate(data: CertificateData) -> bytes:
    """The certificate as a one-page landscape A4 PDF."""
    return build_pdf(certificate_story(data), data.header, wide=True)
