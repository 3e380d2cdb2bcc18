"""The packages for a council's learning management system (LMS): the offline site as one
sharable content object (SCO), described by `imsmanifest.xml` at the top of the zip, once for
SCORM 1.2 and once for SCORM 2004 4th Edition (`SCORM12`, `SCORM2004`: what differs between them).

An LMS imports the zip, reads the manifest and launches the site's start page in a frame; the
site's docs/javascripts/lms.js then finds the LMS's SCORM API and reports progress to it.
The manifest is written by `manifest(...)`, a pure function the unit tests call.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from induction.common import DataError

MANIFEST = "imsmanifest.xml"
SCRIPT = "javascripts/lms.js"  # docs/javascripts/lms.js in the built site
PACKAGED_FOR = 'var PACKAGED_FOR = "";'  # its line that each package fills in with its version
LAUNCH = "index.html"  # the offline site's start page (directory URLs are off in that build)
SETTING = "lms"  # mkdocs.yml `extra: lms: {pass_mark: 80}`

IMSCP = "http://www.imsproject.org/xsd/imscp_rootv1p1p2"
ADLCP = "http://www.adlnet.org/xsd/adlcp_rootv1p2"
IMSMD = "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1"
XSI = "http://www.w3.org/2001/XMLSchema-instance"
# SCORM 2004 4th Edition
IMSCP_2004 = "http://www.imsglobal.org/xsd/imscp_v1p1"
ADLCP_2004 = "http://www.adlnet.org/xsd/adlcp_v1p3"
ADLSEQ = "http://www.adlnet.org/xsd/adlseq_v1p3"
ADLNAV = "http://www.adlnet.org/xsd/adlnav_v1p3"
IMSSS = "http://www.imsglobal.org/xsd/imsss"


@dataclass(frozen=True)
class Edition:
    """What differs between the SCORM versions' manifests; everything else is written once."""

    label: str  # for people: "SCORM 1.2"
    schemaversion: str  # the manifest's metadata/schemaversion
    imscp: str  # the content packaging namespace (the manifest's own elements)
    adlcp: str  # ADL's extensions to it
    scorm_type: str  # the name of ADL's attribute that makes a resource a SCO
    schemas: tuple[tuple[str, str], ...]  # (namespace, schema file), for xsi:schemaLocation
    script_name: str = ""  # the version as lms.js names it (its VERSIONS), written into the package

    @property
    def schema_location(self) -> str:
        return " ".join(f"{namespace} {file}" for namespace, file in self.schemas)


SCORM12 = Edition(
    "SCORM 1.2",
    "1.2",
    IMSCP,
    ADLCP,
    "scormtype",
    ((IMSCP, "imscp_rootv1p1p2.xsd"), (IMSMD, "imsmd_rootv1p2p1.xsd"), (ADLCP, "adlcp_rootv1p2.xsd")),
    script_name="1.2",
)
SCORM2004 = Edition(
    "SCORM 2004 4th Edition",
    "2004 4th Edition",
    IMSCP_2004,
    ADLCP_2004,
    "scormType",
    (
        (IMSCP_2004, "imscp_v1p1.xsd"),
        (ADLCP_2004, "adlcp_v1p3.xsd"),
        (ADLSEQ, "adlseq_v1p3.xsd"),
        (ADLNAV, "adlnav_v1p3.xsd"),
        (IMSSS, "imsss_v1p0.xsd"),
    ),
    script_name="2004",
)


def manifest(
    title: str,
    version: str,
    files: Iterable[str],
    *,
    launch: str = LAUNCH,
    pass_mark: int | None = None,
    edition: Edition = SCORM12,
) -> str:
    """The `imsmanifest.xml` of `edition` for one SCO: an organisation with one item whose
    resource launches `launch` and lists every file of the package (paths relative to the zip's
    top).

    `pass_mark` (0-100), when set, goes to the LMS, which hands it to the site: in SCORM 1.2 as
    the item's mastery score (cmi.student_data.mastery_score), in SCORM 2004 as the smallest
    score of the item's primary objective, satisfied by its score (cmi.scaled_passing_score,
    from 0 to 1). The site reports passed or failed against it.
    """
    ET.register_namespace("", edition.imscp)
    ET.register_namespace("adlcp", edition.adlcp)
    ET.register_namespace("imsss", IMSSS)
    ET.register_namespace("xsi", XSI)
    cp = partial(_q, edition.imscp)
    root = ET.Element(
        cp("manifest"),
        {
            "identifier": identifier(f"{title}-{version}"),
            "version": version,
            _q(XSI, "schemaLocation"): edition.schema_location,
        },
    )
    metadata = ET.SubElement(root, cp("metadata"))
    ET.SubElement(metadata, cp("schema")).text = "ADL SCORM"
    ET.SubElement(metadata, cp("schemaversion")).text = edition.schemaversion
    organisations = ET.SubElement(root, cp("organizations"), {"default": "induction"})
    organisation = ET.SubElement(organisations, cp("organization"), {"identifier": "induction"})
    ET.SubElement(organisation, cp("title")).text = title
    item = ET.SubElement(
        organisation,
        cp("item"),
        {"identifier": "induction-item", "identifierref": "site", "isvisible": "true"},
    )
    ET.SubElement(item, cp("title")).text = title
    if pass_mark is not None and edition is SCORM12:
        ET.SubElement(item, _q(ADLCP, "masteryscore")).text = str(pass_mark)
    elif pass_mark is not None:
        objectives = ET.SubElement(ET.SubElement(item, _q(IMSSS, "sequencing")), _q(IMSSS, "objectives"))
        primary = ET.SubElement(
            objectives,
            _q(IMSSS, "primaryObjective"),
            {"objectiveID": "pass-mark", "satisfiedByMeasure": "true"},
        )
        ET.SubElement(primary, _q(IMSSS, "minNormalizedMeasure")).text = f"{pass_mark / 100:g}"
    resources = ET.SubElement(root, cp("resources"))
    resource = ET.SubElement(
        resources,
        cp("resource"),
        {
            "identifier": "site",
            "type": "webcontent",
            _q(edition.adlcp, edition.scorm_type): "sco",
            "href": launch,
        },
    )
    for name in sorted(set(files) | {launch}):
        ET.SubElement(resource, cp("file"), {"href": name})
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


def zip_package(
    site: Path, target: Path, title: str, version: str, pass_mark: int | None, edition: Edition = SCORM12
) -> tuple[int, int]:
    """The LMS package: every file of the site at the zip's top, with the manifest beside the
    start page (where SCORM wants it); return (files, bytes of the zip)."""
    files = sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(MANIFEST, manifest(title, version, files, pass_mark=pass_mark, edition=edition))
        for name in files:
            if name == SCRIPT:
                archive.writestr(name, packaged_script((site / name).read_text(encoding="utf-8"), edition))
            else:
                archive.write(site / name, name)
    return len(files) + 1, target.stat().st_size


def packaged_script(text: str, edition: Edition) -> str:
    """lms.js for a package of `edition`: it tries that version's API first (an LMS may offer
    both, and the package's version is the one it launched)."""
    if text.count(PACKAGED_FOR) != 1:
        raise ValueError(f"{SCRIPT} has no line {PACKAGED_FOR} for the package's SCORM version")
    return text.replace(PACKAGED_FOR, f'var PACKAGED_FOR = "{edition.script_name}";')


def _q(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"
