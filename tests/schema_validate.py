"""schema_validate.py - validate kit YAML files against `kitgen schema`.

    /usr/bin/python3 tests/schema_validate.py SCHEMA_DIR FILE...

SCHEMA_DIR holds kit.json, topic.json and scenarios.json. A file whose
first line is "# yaml-language-server: $schema=PATH" is validated against
PATH (relative to the file), as an editor would; otherwise a file named
kit.yaml is a kit, scenarios.yaml the scenarios, any other a topic. Prints
one line per file: "valid FILE", "invalid FILE: WHY" or "unloadable FILE:
WHY" (YAML that does not load is no verdict of the schema). YAML is read
with the YAML 1.2 core schema, as kitgen and the YAML language server read
it: yes/no/on/off and dates stay text.
"""
import json
import os
import re
import sys

import jsonschema
import yaml


class CoreLoader(yaml.SafeLoader):
    pass


CoreLoader.yaml_implicit_resolvers = {}
for tag, rx, first in [
    ("bool", r"^(?:true|True|TRUE|false|False|FALSE)$", "tTfF"),
    ("int", r"^[-+]?[0-9]+$", "-+0123456789"),
    ("float", r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$", "-+.0123456789"),
    ("null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
]:
    CoreLoader.add_implicit_resolver("tag:yaml.org,2002:" + tag, re.compile(rx), list(first))


MODELINE = re.compile(r"^# yaml-language-server: \$schema=(\S+)\s*$")


def validator(path):
    with open(path) as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def main():
    schemas = {}
    for path in sys.argv[2:]:
        with open(path, "rb") as f:
            first = f.readline().decode("utf-8-sig", "replace")
        m = MODELINE.match(first)
        if m:
            kind = os.path.join(os.path.dirname(path), m.group(1))
        else:
            base = os.path.basename(path)
            name = {"kit.yaml": "kit", "scenarios.yaml": "scenarios"}.get(base, "topic")
            kind = os.path.join(sys.argv[1], name + ".json")
        if kind not in schemas:
            schemas[kind] = validator(kind)
        try:
            with open(path, encoding="utf-8-sig") as f:
                data = yaml.load(f, Loader=CoreLoader)
        except Exception as e:  # noqa: BLE001 - any failure to load
            print("unloadable %s: %s" % (path, str(e).splitlines()[0]))
            continue
        errors = sorted(schemas[kind].iter_errors(data), key=lambda e: list(e.path))
        if errors:
            where = "/".join(str(p) for p in errors[0].path)
            print("invalid %s: %s: %s" % (path, where, errors[0].message[:200]))
        else:
            print("valid %s" % path)


main()
