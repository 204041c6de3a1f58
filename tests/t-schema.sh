#!/bin/sh
# t-schema.sh - `kitgen schema`: a draft 2020-12 JSON Schema that every
# kit in the repository satisfies, and that every bad-input case with a
# shape error (wrong kind, missing or unknown field, out of range, too
# long, a line break in a single line) fails, as check does. The cases are
# found by their expected diagnostics (SHAPE below), so a new case of
# those kinds is covered without a change here.
. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
$PY -c 'import jsonschema, yaml' 2>/dev/null ||
	{ not_ok "python3-jsonschema and python3-yaml are installed (tools/deps.sh --test)"; exit 0; }

# The messages of check that JSON Schema can say too.
SHAPE="should be a whole number|is not a valid id|should be a single line|: error: '[^']*' is empty|unknown field|has no '[^']*' field|missing required field|should be MAJOR.MINOR.PATCH|rubric has no|rating scale has no|should be text, not|should be a mapping, not|should be a list, not|; it should be from|bytes long;|items; at (most|least)|holds a NUL character|holds control character"

mkdir -p "$TMP/schema"
for w in kit topic scenarios; do
	"$KITGEN" schema "$w" >"$TMP/schema/$w.json" || not_ok "kitgen schema $w" "exit $?"
done
if "$KITGEN" schema >"$TMP/all.json" 2>"$TMP/err" &&
	$PY -c 'import json, sys, jsonschema
s = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(s)
assert set(s["$defs"]) == {"kit", "topic", "scenarios"}
def walk(node, path):
    for name, sub in node.get("properties", {}).items():
        assert sub.get("description"), path + "/" + name
        walk(sub, path + "/" + name)
    if isinstance(node.get("items"), dict):
        walk(node["items"], path)
for name, sub in s["$defs"].items():
    walk(sub, name)' "$TMP/all.json" 2>"$TMP/err"; then
	ok "kitgen schema is a draft 2020-12 schema, every field described"
else
	not_ok "kitgen schema is a draft 2020-12 schema, every field described" "$(cat "$TMP/err")"
fi
"$KITGEN" schema nope >/dev/null 2>"$TMP/err"
[ $? = 2 ] && grep -q "no schema for 'nope'" "$TMP/err" &&
	ok "an unknown schema name is a usage error" || not_ok "an unknown schema name is a usage error" "$(cat "$TMP/err")"

# every kit of the repository is valid, and the one init writes against
# the schema files it writes beside it, named on the files' first lines
"$KITGEN" init -q "$TMP/new" || not_ok "kitgen init"
for f in "$TMP"/new/content/*.yaml "$TMP"/new/content/topics/*.yaml; do
	head -1 "$f" | grep -q '^# yaml-language-server: $schema=\(\.\./\)*schema/[a-z]*\.schema\.json$' ||
		not_ok "init names the schema on the first line of ${f#"$TMP"/}"
done
cmp -s "$TMP/new/schema/topic.schema.json" "$TMP/schema/topic.json" &&
	ok "init writes the schema kitgen schema prints" || not_ok "init writes the schema kitgen schema prints"
cd "$ROOT" || exit 1
$PY tests/schema_validate.py "$TMP/schema" content/*.yaml content/topics/*.yaml \
	tests/fixture/kit/*.yaml tests/fixture/kit/topics/*.yaml \
	tests/fixture/hostile/topics/*.yaml "$TMP"/new/content/*.yaml \
	"$TMP"/new/content/topics/*.yaml >"$TMP/valid" 2>&1
while read -r verdict rest; do
	case $verdict in
	valid) ok "schema accepts ${rest#"$TMP"/}" ;;
	*) not_ok "schema accepts ${rest%%:*}" "$verdict $rest" ;;
	esac
done <"$TMP/valid"

# every case with a shape error fails the schema, in the file it names
section() {
	awk -v want="--- $1" '/^--- / { on = ($0 == want); next } on { print }' "$2"
}
# YAML 1.2 reads 010 as the number 10: only check can refuse the leading
# zero; PyYAML (YAML 1.1, as libyaml) cannot load a raw U+2028 outside
# quotes, which kitgen reads as an ordinary character (yaml_load.c)
GAPS=" number-octal line-separator-lines "
for case in tests/cases/*.case; do
	case $GAPS in *" $(basename "$case" .case) "*) continue ;; esac
	section expect "$case" | grep -E "$SHAPE" | grep '^content/' >"$TMP/shape" || continue
	name=$(basename "$case" .case)
	dir="$TMP/cases/$name"
	mkdir -p "$dir"
	cp -R "$FIXTURE" "$dir/content"
	cp -R templates "$dir/templates"
	section setup "$case" >"$dir/setup.sh"
	(cd "$dir" && ROOT="$ROOT" sh ./setup.sh) >/dev/null 2>&1 || { not_ok "$name: setup"; continue; }
	for file in $(cut -d: -f1 "$TMP/shape" | sort -u); do
		got=$(cd "$dir" && $PY "$ROOT/tests/schema_validate.py" "$TMP/schema" "$file" 2>&1)
		case $got in
		invalid*) ok "schema rejects $name ($file)" ;;
		*) not_ok "schema rejects $name ($file)" "$(cat "$TMP/shape")" "$got" ;;
		esac
	done
done
