"""The LMS packages the export writes (member-induction-lms-DATE-VERSION.zip, SCORM 1.2, and
member-induction-lms-scorm2004-DATE-VERSION.zip, SCORM 2004 4th Edition): the offline site with
the version's manifest at the top of the zip, valid against the kept schemas."""

from __future__ import annotations

import zipfile

import pytest

from export.lms import MANIFEST, PACKAGED_FOR, SCORM12, SCORM2004, SCRIPT
from export.pipeline import SITE_IN_ZIP
from export_support import ExportRun, export_project, real_export, run_export
from test_lms_manifest import ADVICE, GUIDE_LINE, namespaces, valid

PACKAGES = [("member-induction-lms-2*.zip", SCORM12), ("member-induction-lms-scorm2004-*.zip", SCORM2004)]


@pytest.fixture(scope="session")
def exported(tmp_path_factory):
    return real_export(tmp_path_factory)


@pytest.mark.parametrize(("pattern", "edition"), PACKAGES, ids=["scorm12", "scorm2004"])
def test_the_lms_package_is_the_offline_site_with_a_valid_manifest_at_its_top(
    exported, pattern, edition, tmp_path
):
    """...and beside it the schemas the manifest names (with those they include), as SCORM's
    content packaging asks: the manifest is valid against the package's own copies."""
    package = exported.one(pattern)
    schemas = {path.name for path in edition.schema_files}
    with zipfile.ZipFile(package) as archive:
        names = set(archive.namelist())
        archive.extractall(tmp_path, members=sorted(schemas & names))
        document = valid(archive.read(MANIFEST).decode("utf-8"), edition, tmp_path)
    assert {file for _, file in edition.schemas} <= schemas <= names
    assert not [name for name in names if name.endswith((".xsd", ".dtd")) and name not in schemas]
    names -= schemas
    ns = namespaces(edition)
    assert document.xpath("//cp:schemaversion/text()", namespaces=ns) == [edition.schemaversion]
    resource = document.xpath("//cp:resource", namespaces=ns)[0]
    assert resource.get("href") == "index.html"
    listed = set(resource.xpath("cp:file/@href", namespaces=ns))
    assert listed == names - {MANIFEST}  # every file listed, and nothing listed that is missing
    assert {"index.html", "search/search_index.js", "javascripts/lms.js"} <= names
    with zipfile.ZipFile(exported.zip) as offline:  # the same site as the offline zip
        folder = f"{exported.zip.stem}/{SITE_IN_ZIP}/"
        site = {name.removeprefix(folder) for name in offline.namelist()}
    assert names - {MANIFEST} <= site


@pytest.mark.parametrize(("pattern", "edition"), PACKAGES, ids=["scorm12", "scorm2004"])
def test_each_package_tells_its_script_which_scorm_version_it_is(exported, pattern, edition):
    with zipfile.ZipFile(exported.one(pattern)) as archive:
        script = archive.read(SCRIPT).decode("utf-8")
    assert f'var PACKAGED_FOR = "{edition.script_name}";' in script
    assert PACKAGED_FOR not in script
    with zipfile.ZipFile(exported.zip) as offline:  # the offline copy's is left as it is
        assert PACKAGED_FOR in offline.read(f"{exported.zip.stem}/{SITE_IN_ZIP}/{SCRIPT}").decode("utf-8")


@pytest.mark.export
def test_a_pass_mark_without_its_colon_stops_the_export_at_its_line_and_makes_nothing(tmp_path):
    """The trainer guide's two lines with the colon after pass_mark left out: YAML reads lms: as
    the text 'pass_mark 80', the build passes, and the packages would have no pass mark (the LMS
    recording "completed", not passed or failed). The export stops at the line instead, with
    nothing made."""
    run, line = export_with_lms_lines(tmp_path, "  lms:\n    pass_mark 80\n")
    assert run.returncode != 0, run.output
    message = f"extra: lms: holds the text 'pass_mark 80', not a pass mark ({ADVICE['text']})"
    assert f"mkdocs.yml:{line + 1}: {message}" in run.output
    assert not any((tmp_path / "dist").glob("*"))


@pytest.mark.export
def test_the_pass_mark_set_in_mkdocs_yml_is_in_both_packages_manifests(tmp_path):
    """The trainer guide's two lines, `lms:` and `pass_mark: 80` under it, reach the LMS: the
    SCORM 1.2 package's item has the mastery score 80, the SCORM 2004 package's item a primary
    objective satisfied by a score of at least 0.8 (the real project sets no pass mark)."""
    run, _ = export_with_lms_lines(tmp_path, "  lms:\n    pass_mark: 80\n")
    assert run.returncode == 0, run.output
    marks = {}
    for pattern, edition in PACKAGES:
        with zipfile.ZipFile(run.one(pattern)) as archive:
            document = valid(archive.read(MANIFEST).decode("utf-8"), edition)
        marks[edition.label] = document.xpath(
            "//cp:item/adlcp:masteryscore/text()"
            " | //cp:item/imsss:sequencing/imsss:objectives/imsss:primaryObjective"
            "[@satisfiedByMeasure='true']/imsss:minNormalizedMeasure/text()",
            namespaces=namespaces(edition),
        )
    assert marks == {SCORM12.label: ["80"], SCORM2004.label: ["0.8"]}


def export_with_lms_lines(tmp_path, lines: str) -> tuple[ExportRun, int]:
    """The export of a copy of the project with `lines` added to mkdocs.yml's extra: where the
    trainer guide says, after its `generator:` line; with the number of the first added line."""
    project = export_project(tmp_path / "project")
    settings = project / "mkdocs.yml"
    text = settings.read_text(encoding="utf-8")
    assert text.count(GUIDE_LINE) == 1
    settings.write_text(text.replace(GUIDE_LINE, GUIDE_LINE + lines), encoding="utf-8")
    run = run_export(project, tmp_path / "dist", "--no-large-print")  # the packages are the point
    return run, text[: text.index(GUIDE_LINE)].count("\n") + 2
