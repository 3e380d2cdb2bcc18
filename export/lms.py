"""The packages for a council's learning management system (LMS): the offline site as one
sharable content object (SCO), described by `imsmanifest.xml` at the top of the zip, once for
SCORM 1.2 and once for SCORM 2004 4th Edition (`SCORM12`, `SCORM2004`: what differs between them).

An LMS imports the zip, reads the manifest and launches the site's start page in a frame; the
site's docs/javascripts/lms.js then finds the LMS's SCORM API and reports progress to it.
The manifest is written by `manifest(...)`, a pure function the unit tests call.
"""

from __future__ import annotations

import re
import time
import xml.etree.ElementTree as ET
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

import yaml

from induction.common import DataError
from induction.pages import settings_files

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
    folder: str = ""  # its schemas in SCHEMAS (with what they include), copied into each package

    @property
    def schema_location(self) -> str:
        return " ".join(f"{namespace} {file}" for namespace, file in self.schemas)

    @property
    def schema_files(self) -> list[Path]:
        """The schema files the package carries at its top, beside the manifest, as SCORM's
        content packaging asks: those the manifest names and the ones they include."""
        return sorted(p for p in (SCHEMAS / self.folder).iterdir() if p.suffix in (".xsd", ".dtd"))


# The zips are made while Chromium prints the PDFs, on the same processors: the fastest deflate
# (level 1) takes a third of the default's time (level 6) for a zip of 1.6 MB instead of 1.3.
ZIP_LEVEL = 1
# The ADL and IMS schemas (published to be copied into every package; see each folder's README).
SCHEMAS = Path(__file__).parent / "schemas"


SCORM12 = Edition(
    "SCORM 1.2",
    "1.2",
    IMSCP,
    ADLCP,
    "scormtype",
    ((IMSCP, "imscp_rootv1p1p2.xsd"), (IMSMD, "imsmd_rootv1p2p1.xsd"), (ADLCP, "adlcp_rootv1p2.xsd")),
    script_name="1.2",
    folder="scorm12",
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
    folder="scorm2004",
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
    to 100, the percentage of self-check questions right), or None when there is none.

    A slip in the YAML stops the export rather than dropping the pass mark without a word (the
    LMS would then record "completed", not passed or failed): `lms:` holding text or nothing (a
    colon left out: `pass_mark 80`), `pass_mark:` with no number, a key under it other than
    pass_mark, or pass_mark level with `lms:`. The line is looked up in the settings file that
    holds it when `extra` is MkDocs' own (it knows its file: mkdocs-offline.yml, which inherits
    mkdocs.yml)."""
    where = partial(setting_place, getattr(extra, "config_file_path", None), path)
    if "pass_mark" in extra:
        raise DataError(
            *where("pass_mark"),
            "pass_mark is straight under extra:, not under lms:, so the packages would have no pass mark",
            f"put it on the line under lms:, indented two spaces further than lms:, {LIKE}",
        )
    if SETTING not in extra:
        return None
    settings = extra[SETTING]
    if not isinstance(settings, dict):
        held = repr(settings)
        if settings is None:
            held = "nothing"
        elif isinstance(settings, str):
            held = f"the text '{settings}'"
        raise DataError(
            *where(SETTING),
            f"extra: lms: holds {held}, not a pass mark",
            f"on the line under lms:, indented two spaces further, write pass_mark, a colon and a space, "
            f"then the number, {LIKE}; or take lms: out to have no pass mark",
        )
    for key in settings:
        if key != "pass_mark":
            raise DataError(
                *where(SETTING, key),
                f"extra: lms: has '{key}', which is not one of its settings",
                f"the one setting under lms: is pass_mark, {LIKE}",
            )
    if "pass_mark" not in settings:
        return None
    value = settings["pass_mark"]
    if value is None:  # the number left out: `pass_mark:` with nothing after it
        raise DataError(
            *where(SETTING, "pass_mark"),
            "extra: lms: pass_mark has no number, so the packages would have no pass mark",
            f"write the number after the colon and a space, {LIKE}; or take the lms: lines out to have "
            "no pass mark",
        )
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit() and int(value) <= 100:
        raise DataError(
            *where(SETTING, "pass_mark"),
            f"extra: lms: pass_mark is '{value}' in quotes, which is text, not a number",
            f"write it without quotes: pass_mark: {int(value)}",
        )
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 100:
        raise DataError(
            *where(SETTING, "pass_mark"),
            f"extra: lms: pass_mark is {value!r}",
            f"a whole number from 0 to 100, {LIKE}",
        )
    return value


LIKE = "for example pass_mark: 80"


def setting_place(config_file: str | None, fallback: str, *keys: str) -> tuple[str, int | None]:
    """The settings file holding `extra:`'s `keys` (the config file, or one it inherits from
    with `INHERIT:`) and the line, from the YAML parser's marks: the value's when it is text on a
    line of its own, else the key's. (`fallback`, None) when there is no file to read."""
    for display, node in settings_files(config_file) if config_file else ():
        found = _node_at(node, ("extra", *keys))
        if found is not None:
            return display, found.start_mark.line + 1
    return fallback, None


def _node_at(node, keys: tuple[str, ...]):
    """The node at `keys` in nested mappings: a value that is text, else its key; or None."""
    found = None
    for key in keys:
        pairs = node.value if isinstance(node, yaml.MappingNode) else []
        key_node, node = next(((k, v) for k, v in pairs if k.value == str(key)), (None, None))
        if key_node is None:
            return None
        found = node if isinstance(node, yaml.ScalarNode) and node.value else key_node
    return found


def zip_package(
    site: Path, target: Path, title: str, version: str, pass_mark: int | None, edition: Edition = SCORM12
) -> tuple[int, int]:
    """The LMS package: every file of the site at the zip's top, with the manifest beside the
    start page (where SCORM wants it) and the schemas it names; return (files, bytes of the zip)."""
    files = sorted(path.relative_to(site).as_posix() for path in site.rglob("*") if path.is_file())
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=ZIP_LEVEL) as archive:
        write_text(archive, MANIFEST, manifest(title, version, files, pass_mark=pass_mark, edition=edition))
        for schema in edition.schema_files:
            archive.write(schema, schema.name)
        for name in files:
            if name == SCRIPT:
                write_text(archive, name, packaged_script((site / name).read_text(encoding="utf-8"), edition))
            else:
                archive.write(site / name, name)
    return len(files) + 1 + len(edition.schema_files), target.stat().st_size


def write_text(archive: zipfile.ZipFile, name: str, text: str) -> None:
    """Add a file made here (not copied from the built site) to a zip, dated now and readable by
    everyone once unzipped (rw-r--r--), as the copied files are: ZipFile.writestr given a name
    alone marks it readable by its owner only, so a web server or an LMS could not serve it."""
    info = zipfile.ZipInfo(name, date_time=time.localtime()[:6])
    info.external_attr = 0o644 << 16  # Unix permissions, in the high 16 bits
    archive.writestr(info, text, compress_type=archive.compression)


def packaged_script(text: str, edition: Edition) -> str:
    """lms.js for a package of `edition`: it tries that version's API first (an LMS may offer
    both, and the package's version is the one it launched)."""
    if text.count(PACKAGED_FOR) != 1:
        raise ValueError(f"{SCRIPT} has no line {PACKAGED_FOR} for the package's SCORM version")
    return text.replace(PACKAGED_FOR, f'var PACKAGED_FOR = "{edition.script_name}";')


def _q(namespace: str, name: str) -> str:
    return f"{{{namespace}}}{name}"
