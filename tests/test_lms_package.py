"""The LMS package the export writes (member-induction-lms-DATE-VERSION.zip): the offline site
with a SCORM 1.2 manifest at the top of the zip, valid against the kept schemas."""

from __future__ import annotations

import zipfile

import pytest

from export.lms import MANIFEST
from export_support import real_export
from test_lms_manifest import NS, valid


@pytest.fixture(scope="session")
def exported(tmp_path_factory):
    return real_export(tmp_path_factory)


def test_the_lms_package_is_the_offline_site_with_a_valid_manifest_at_its_top(exported):
    package = exported.one("member-induction-lms-*.zip")
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        document = valid(archive.read(MANIFEST).decode("utf-8"))
    resource = document.xpath("//cp:resource", namespaces=NS)[0]
    assert resource.get("href") == "index.html"
    listed = set(resource.xpath("cp:file/@href", namespaces=NS))
    assert listed == names - {MANIFEST}  # every file listed, and nothing listed that is missing
    assert {"index.html", "search/search_index.js", "javascripts/lms.js"} <= names
    with zipfile.ZipFile(exported.zip) as offline:  # the same site as the offline zip
        folder = exported.zip.stem + "/"
        site = {name.removeprefix(folder) for name in offline.namelist()}
    assert names - {MANIFEST} <= site
