#!/bin/sh
# t-code.sh - every code exercise in content/ does what the kit says.
#
# A question with `code` has a folder tests/code/<question-id>/ holding an
# executable `check`. The runner takes the listing out of the content YAML
# (so the test checks the listing a candidate sees, not a copy), writes it
# to a file named by the language (listing.py, Listing.java, listing.sql)
# in a scratch folder, and runs `check LISTING-FILE` from the question's
# folder. `check` exits 0 when the listing shows the behaviour the kit
# describes (the bug is really there) and the fixed version beside it
# (fixed.py, Fixed.java, fixed.sql...) really works; it prints why not.
# Every code exercise has a folder, and every folder a code exercise.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3

"$PY" - "$ROOT/content" "$TMP/listings" >"$TMP/list" 2>"$TMP/err" <<'PYEOF'
import glob, os, sys, yaml
content, out = sys.argv[1], sys.argv[2]
ext = {"python": "listing.py", "java": "Listing.java", "sql": "listing.sql",
       "go": "listing.go"}
for path in sorted(glob.glob(os.path.join(content, "topics", "*.yaml"))):
    with open(path, encoding="utf-8") as f:
        topic = yaml.safe_load(f)
    for q in topic.get("questions") or []:
        code = q.get("code")
        if not code:
            continue
        d = os.path.join(out, q["id"])
        os.makedirs(d, exist_ok=True)
        name = os.path.join(d, ext[code["language"]])
        with open(name, "w", encoding="utf-8") as f:
            f.write(code["listing"])
        print(q["id"], name)
PYEOF
if [ -s "$TMP/err" ]; then
	not_ok "the code listings are read from content/" "$(cat "$TMP/err")"
	exit 0
fi
check "content/ has a code exercise" test -s "$TMP/list"

while read -r id file; do
	dir="$ROOT/tests/code/$id"
	if [ ! -x "$dir/check" ]; then
		not_ok "code exercise $id has tests/code/$id/check"
		continue
	fi
	if out=$(cd "$dir" && ./check "$file" 2>&1); then
		ok "code exercise $id does what the kit says"
	else
		not_ok "code exercise $id does what the kit says" "$out"
	fi
done <"$TMP/list"

for dir in "$ROOT"/tests/code/*/; do
	[ -d "$dir" ] || continue
	id=$(basename "$dir")
	if grep -q "^$id " "$TMP/list"; then
		ok "tests/code/$id belongs to a code exercise"
	else
		not_ok "tests/code/$id belongs to a code exercise" \
			"no question '$id' in content/ has code"
	fi
done
