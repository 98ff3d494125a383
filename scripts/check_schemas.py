"""Validates exported files against their formats' own JSON schemas, offline.

Usage: check_schemas.py mct SCHEMA_FILE FILE...
       check_schemas.py cyclonedx SCHEMA_DIR FILE...

`mct`: Model Card Toolkit JSON against MCT's model_card.schema.json (draft-07).
`cyclonedx`: CycloneDX BOMs against bom-1.6.schema.json, with the schemas it references
(spdx.schema.json, jsf-0.82.schema.json) loaded from the same folder, never fetched.
Formats (date, uri) are not checked: jsonschema checks them only with optional packages.
Exit 1 naming the file and the path of the first error of each invalid file.
"""

import json
import os
import sys

from jsonschema import Draft7Validator
from referencing import Registry, Resource


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def validator(kind, where):
    if kind == "mct":
        return Draft7Validator(load(where))
    resources = []
    for name in os.listdir(where):
        if name.endswith(".schema.json"):
            schema = load(os.path.join(where, name))
            resource = Resource.from_contents(schema)
            resources.append((name, resource))
            if "$id" in schema:
                resources.append((schema["$id"], resource))
    registry = Registry().with_resources(resources)
    return Draft7Validator(load(os.path.join(where, "bom-1.6.schema.json")), registry=registry)


def main():
    kind, where, files = sys.argv[1], sys.argv[2], sys.argv[3:]
    if not files:
        print(f"FAILED: no {kind} files to check")
        return 1
    check = validator(kind, where)
    bad = 0
    for path in files:
        try:
            document = load(path)
        except ValueError as error:
            bad += 1
            print(f"FAILED: {os.path.basename(path)} is not JSON: {error}")
            continue
        errors = sorted(check.iter_errors(document), key=lambda e: list(e.absolute_path))
        if errors:
            bad += 1
            first = errors[0]
            where_in = "/".join(str(p) for p in first.absolute_path) or "(root)"
            print(f"FAILED: {os.path.basename(path)}: {len(errors)} errors, first at {where_in}: {first.message[:200]}")
        elif len(files) <= 12:
            print(f"ok: {os.path.basename(path)} is valid {kind}")
    print(f"{len(files)} {kind} files checked against the schema: {'all valid' if not bad else f'{bad} invalid'}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
