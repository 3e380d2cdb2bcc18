"""The package for a council's learning management system (LMS): the offline site as one SCORM 1.2
sharable content object (SCO), described by `imsmanifest.xml` at the top of the zip.

An LMS imports the zip, reads the manifest and launches the site's start page in a frame; the
site's docs/javascripts/lms.js then finds the LMS's SCORM API and reports progress to it.
The manifest is written by `manifest(...)`, a pure function the unit tests call.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable
from pathlib import Path

from induction.common import DataError

MANIFEST = "imsmanifest.xml"
LAUNCH = "index.html"  # the offline site's start page (directory URLs are off in that build)
SETTING = "lms"  # mkdocs.yml `extra: lms: {pass_mark: 80}`

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
SCHEMA_LOCATION = f"{IMSCP} imscp_rootv1p1p2.xsd {IMSMD} imsmd_rootv1p2p1.xsd {ADLCP} adlcp_rootv1p2.xsd"


def manifest(
    title: str, version: str, files: Iterable[str], *, launch: str = LAUNCH, pass_mark: int | None = None
) -> str:
    """The SCORM 1.2 `imsmanifest.xml` for one SCO: an organisation with one item whose resource
    launches `launch` and lists every file of the package (paths relative to the zip's top).

    `pass_mark` (0-100), when set, is the item's mastery score: the LMS hands it to the site as
    cmi.student_data.mastery_score and the site reports passed or failed against it.
    """
    ET.register_namespace("", IMSCP)
    ET.register_namespace("adlcp", ADLCP)
    ET.register_namespace("xsi", XSI)
    root = ET.Element(
        _q(IMSCP, "manifest"),
        {
            "identifier": identifier(f"{title}-{version}"),
            "version": version,
            _q(XSI, "schemaLocation"): SCHEMA_LOCATION,
        },
    )
    metadata = ET.SubElement(root, _q(IMSCP, "metadata"))
    ET.SubElement(metadata, _q(IMSCP, "schema")).text = "ADL SCORM"
    ET.SubElement(metadata, _q(IMSCP, "schemaversion")).text = "1.2"
    organisations = ET.SubElement(root, _q(IMSCP, "organizations"), {"default": "induction"})
    organisation = ET.SubElement(organisations, _q(IMSCP, "organization"), {"identifier": "induction"})
    ET.SubElement(organisation, _q(IMSCP, "title")).text = title
    item = ET.SubElement(
        organisation,
        _q(IMSCP, "item"),
        {"identifier": "induction-item", "identifierref": "site", "isvisible": "true"},
    )
    ET.SubElement(item, _q(IMSCP, "title")).text = title
    if pass_mark is not None:
        ET.SubElement(item, _q(ADLCP, "masteryscore")).text = str(pass_mark)
    resources = ET.SubElement(root, _q(IMSCP, "resources"))
    resource = ET.SubElement(
        resources,
        _q(IMSCP, "resource"),
        {"identifier": "site", "type": "webcontent", _q(ADLCP, "scormtype"): "sco", "href": launch},
    )
    for name in sorted(set(files) | {launch}):
        ET.SubElement(resource, _q(IMSCP, "file"), {"href": name})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def identifier(text: str) -> str:
    """An XML ID (what the manifest's identifier must be): letters, digits, '-', '_', '.', not
    starting with a digit, a '-' or a '.'."""
    cleaned = re.sub(r"[^A-Za-z0-9_.-]+", "-", text).strip("-.")
    return cleaned if re.match(r"[A-Za-z_]", cleaned) else f"id-{cleaned}"


def pass_mark(extra: dict, path: str = "mkdocs.yml") -> int | None:
    """The pass mark a trainer set in mkdocs.yml (`extra: lms: pass_mark:`, a whole number from 0
    to 100, the percentage of self-check questions right), or None when there is none."""
    settings = extra.get(SETTING) or {}
    value = settings.get("pass_mark") if isinstance(settings, dict) else None
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
        raise DataError(
            path,
            None,
            f"extra: lms: pass_mark is {value!r}",
            "a whole number from 0 to 100, for example pass_mark: 80",
        )
    return value


def zip_package(site: Path, target: Path, title: str, version: str, pass_mark: int | None) -> tuple[int, int]:
    """The LMS package: every file of the site at the zip's top, with the manifest beside the
    start page (where SCORM wants it); return (files, bytes of the zip)."""
    files = sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, manifest(title, version, files, pass_mark=pass_mark))
        for name in files:
            archive.write(site / name, name)
    return len(files) + 1, target.stat().st_size


def _q(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"
