"""Summary bundles for a coach, and the coach's cohort view.

A person shares a bundle (:func:`share_bundle`, ``workbook share``): a zip
with a manifest, counts, the per-rejection metrics, theme counts, check-in
scores and charts, and free text or company names only where they opted in
(:mod:`workbook.share.contents`).  A coach reads many bundles
(:mod:`workbook.share.reading`, untrusted input, checked before use) into a
:class:`~workbook.share.cohort.Cohort` and writes one self-contained page
(:mod:`workbook.share.page`).  Importing this package loads pandas; the
charts load matplotlib only when drawn.
"""

from __future__ import annotations

from workbook.share.cohort import Client, Cohort, client_names, load_cohort
from workbook.share.contents import Bundle, gather
from workbook.share.layout import FORMAT_VERSION, INCLUDES, parse_includes
from workbook.share.preview import preview_lines, preview_text
from workbook.share.reading import BUNDLE_LIMIT, MEMBER_LIMIT, ClientBundle, read_bundle
from workbook.share.writer import check_target, write_bundle

__all__ = [
    "BUNDLE_LIMIT",
    "FORMAT_VERSION",
    "INCLUDES",
    "MEMBER_LIMIT",
    "Bundle",
    "Client",
    "ClientBundle",
    "Cohort",
    "check_target",
    "client_names",
    "gather",
    "load_cohort",
    "parse_includes",
    "preview_lines",
    "preview_text",
    "read_bundle",
    "write_bundle",
]
