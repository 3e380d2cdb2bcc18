"""The glossary's linking is a plain Python-Markdown extension: it is imported and run where
neither MkDocs nor Material can be imported (a host such as Zensical runs Python-Markdown
extensions without MkDocs)."""

from __future__ import annotations

import json
import subprocess
import sys

from bs4 import BeautifulSoup

from conftest import ROOT

# Run in a fresh Python: every import of mkdocs or material (or a module under them) fails, as
# where they are not installed; then a page is converted with only the glossary extension.
WITHOUT_MKDOCS = """
import json, sys

class Refuse:
    def find_spec(self, name, path=None, target=None):
        if name.partition(".")[0] in ("mkdocs", "material"):
            raise ModuleNotFoundError(f"No module named {name!r} (refused by the test)", name=name)
        return None

sys.meta_path.insert(0, Refuse())

from markdown import Markdown
from induction.glossary import GlossaryExtension, load_glossary

glossary = load_glossary('''
terms:
  - {term: MASH, expansion: Multi-Agency Safeguarding Hub, definition: Where agencies meet.}
  - {term: care leaver, definition: Someone who has left care.}
  - {term: Ofsted, definition: The inspectorate.}
''', "data/glossary.yml")
extension = GlossaryExtension(glossary)
md = Markdown(extensions=[extension])
extension.start("../glossary/")
html = md.convert("Ring the MASH. A care leaver can ring the MASH too.")
loaded = sorted(name for name in sys.modules if name.partition(".")[0] in ("mkdocs", "material"))
print(json.dumps({"html": html, "loaded": loaded}))
"""


def test_the_glossary_links_terms_with_neither_mkdocs_nor_material_importable():
    run = subprocess.run(
        [sys.executable, "-c", WITHOUT_MKDOCS], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert run.returncode == 0, run.stderr
    result = json.loads(run.stdout)
    assert result["loaded"] == []
    links = BeautifulSoup(result["html"], "html.parser").select("a.glossary-term")
    assert [(a.get_text(), a["href"]) for a in links] == [
        ("MASH", "../glossary/#mash"),
        ("care leaver", "../glossary/#care-leaver"),
    ]
