"""The Member Induction site's own code: one home for what the build hooks, the content check
(check/) and the export (export/) share.

hooks/*.py are the files MkDocs loads (mkdocs.yml `hooks:`); each names the event handlers it
takes from here. Everything else is an ordinary package, installed in every nox session with
`pip install -e .`, so `from induction.glossary import ...` works the same in the build, the
check, the export, the tests and an editor's go-to-definition.
"""
