"""`bearing schema`: every document of examples/northwind validates against the schema of its
type, checked with the jsonschema package (draft 2020-12), and a wrong value does not."""
import json
import os
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
NORTHWIND = ROOT / "examples" / "northwind"
BEARING = os.environ.get("BEARING", str(ROOT / ".build" / "debug" / "bearing"))
FOLDERS = {"goals": "goal", "briefs": "brief", "decisions": "decision", "notes": "note"}


class FrontMatterLoader(yaml.SafeLoader):
    """YAML as editors read front matter: dates stay strings (no timestamp type)."""


FrontMatterLoader.yaml_implicit_resolvers = {
    key: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for key, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def schema(kind):
    out = subprocess.run([BEARING, "schema", str(NORTHWIND), "--type", kind, "--no-git"], check=True,
                         capture_output=True, text=True).stdout
    document = json.loads(out)
    jsonschema.Draft202012Validator.check_schema(document)
    return jsonschema.Draft202012Validator(document)


def front_matter(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("---\n"), path
    return yaml.load(text.split("\n---\n", 1)[0][4:], Loader=FrontMatterLoader) or {}


@pytest.mark.parametrize("folder", sorted(FOLDERS))
def test_every_example_document_matches_its_types_schema(folder):
    validator = schema(FOLDERS[folder])
    files = sorted((NORTHWIND / folder).glob("*.md"))
    assert files
    for path in files:
        errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in validator.iter_errors(front_matter(path))]
        assert errors == [], f"{path.name}: {errors}"


def test_wrong_values_fail_and_unknown_fields_pass():
    validator = schema("brief")
    good = front_matter(NORTHWIND / "briefs" / "portal-card-payments.md")
    assert list(validator.iter_errors(dict(good, mood="fine"))) == []
    for key, value in [("status", "shipped"), ("owner", "nobody-we-know"), ("review_by", "next week"), ("goals", [3])]:
        assert list(validator.iter_errors(dict(good, **{key: value}))), f"{key}: {value!r} passed"


def test_the_any_document_schema_is_valid():
    out = subprocess.run([BEARING, "schema", str(NORTHWIND), "--no-git"], check=True, capture_output=True, text=True).stdout
    jsonschema.Draft202012Validator.check_schema(json.loads(out))
