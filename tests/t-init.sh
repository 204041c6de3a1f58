#!/bin/sh
# t-init.sh - `kitgen init`: the skeleton for a role checks clean as
# written, builds into every format, is named for the role and marks its
# topics as examples; bad roles and non-empty folders are refused.
. "$(dirname "$0")/lib.sh"
LINT="$ROOT/node_modules/.bin/markdownlint-cli2"

"$KITGEN" init --help >"$TMP/help" 2>&1
check "kitgen init --help" grep -q '^Usage: kitgen init DIR' "$TMP/help"

# The default role.
(cd "$TMP" && "$KITGEN" init plain) >"$TMP/out" 2>&1
status=$?
[ "$status" = 0 ] && ok "init writes a kit (status 0)" ||
	not_ok "init writes a kit (status 0)" "status $status" "$(cat "$TMP/out")"
for f in README.md content/kit.yaml content/scenarios.yaml \
	content/topics/01-example-debugging.yaml content/topics/02-example-change.yaml \
	schema/kit.schema.json schema/topic.schema.json schema/scenarios.schema.json; do
	check "init wrote $f" test -s "$TMP/plain/$f"
done
check "init lists the files and the next step" sh -c \
	"grep -q '^wrote plain/content/kit.yaml$' '$TMP/out' && grep -q '^next: cd plain && kitgen build$' '$TMP/out'"
check "init writes a .gitignore that leaves output/ out of git" sh -c \
	"grep -qx 'output/' '$TMP/plain/.gitignore' && grep -q '^wrote plain/.gitignore$' '$TMP/out' &&
	 cp -R '$TMP/plain' '$TMP/plain-git' && cd '$TMP/plain-git' && git init -q && mkdir output && touch output/x.md &&
	 git status --porcelain --ignored | grep -qx '!! output/'"
check "the default role names the kit" sh -c \
	"grep -q '^id: software-engineering-interview-kit$' '$TMP/plain/content/kit.yaml' &&
	 grep -q '^title: \"Software engineering interview kit\"$' '$TMP/plain/content/kit.yaml'"

# check passes on it as written, from inside it with no options, and
# warns at each placeholder init left to replace.
(cd "$TMP/plain" && "$KITGEN" check) >"$TMP/out" 2>"$TMP/err"
status=$?
[ "$status" = 0 ] && [ "$(cat "$TMP/out")" = "content: ok: 2 topics, 6 questions, 1 scenario, 1 profile" ] &&
	ok "kitgen check passes on a new kit" ||
	not_ok "kitgen check passes on a new kit" "status $status" "$(cat "$TMP/out")"
grep ': warning: ' "$TMP/err" >"$TMP/got"
cat >"$TMP/want" <<'WANT'
content/kit.yaml:11:12: warning: 'publisher' still holds a placeholder from 'kitgen init' ('(replace me)')
content/kit.yaml:14:15: warning: 'introduction' still holds a placeholder from 'kitgen init' ('(replace me)')
content/topics/01-example-debugging.yaml:6:8: warning: 'title' still holds a placeholder from 'kitgen init' ('(replace me)')
content/topics/02-example-change.yaml:6:8: warning: 'title' still holds a placeholder from 'kitgen init' ('(replace me)')
WANT
same_text "check warns at each placeholder init left (publisher, introduction, example topics)" "$TMP/want" "$TMP/got"
cp -R "$TMP/plain" "$TMP/release"
(cd "$TMP/release" && "$KITGEN" build -q --release --templates "$ROOT/templates") >"$TMP/out" 2>&1
status=$?
[ "$status" = 1 ] && [ ! -e "$TMP/release/output" ] &&
	[ "$(grep -c "error: .* placeholder from 'kitgen init' ('(replace me)'): a release needs it replaced" "$TMP/out")" = 4 ] &&
	ok "build --release refuses the placeholders (exit 1, four errors, nothing written)" ||
	not_ok "build --release refuses the placeholders (exit 1, four errors, nothing written)" \
		"status $status" "$(cat "$TMP/out")"
sed -i 's/ (replace me)//' "$TMP/release/content/kit.yaml" "$TMP/release/content/topics/"*.yaml
(cd "$TMP/release" && "$KITGEN" build -q --release --templates "$ROOT/templates") >"$TMP/out" 2>&1
status=$?
[ "$status" = 0 ] && [ ! -s "$TMP/out" ] && [ -d "$TMP/release/output" ] &&
	ok "with the placeholders replaced, no warning and build --release builds" ||
	not_ok "with the placeholders replaced, no warning and build --release builds" \
		"status $status" "$(cat "$TMP/out")"
for kit in "$ROOT/content" "$FIXTURE"; do
	"$KITGEN" check --content "$kit" >/dev/null 2>"$TMP/err"
	grep -q placeholder "$TMP/err" && not_ok "no placeholder warning on $kit" "$(cat "$TMP/err")" ||
		ok "no placeholder warning on $kit"
done

# build turns it into every format: every file `kitgen list` names.
(cd "$TMP/plain" && "$KITGEN" build --templates "$ROOT/templates") >"$TMP/out" 2>&1
status=$?
[ "$status" = 0 ] && ok "kitgen build builds a new kit" ||
	not_ok "kitgen build builds a new kit" "status $status" "$(cat "$TMP/out")"
(cd "$TMP/plain" && "$KITGEN" list 2>/dev/null) | awk '/^ / { for (i = 1; i <= NF; i++) print $i }' >"$TMP/files"
missing=""
n=0
while read -r f; do
	n=$((n + 1))
	[ -s "$TMP/plain/output/$f" ] || missing="$missing $f"
done <"$TMP/files"
[ "$n" -ge 8 ] && [ -z "$missing" ] &&
	ok "the build wrote all $n files of the public kit and 3 panel packets" ||
	not_ok "the build wrote every file kitgen list names" "$n files; missing:$missing"
for ext in md html; do
	check "the public kit is written as .$ext" \
		test -s "$TMP/plain/output/software-engineering-interview-kit.$ext"
done
if "$KITGEN" build --help | grep -q 'pdf'; then
	check "the public kit is written as .pdf" sh -c \
		"head -c 5 '$TMP/plain/output/software-engineering-interview-kit.pdf' | grep -q '%PDF-'"
fi
check "each level has a full loop plan (a packet per level)" sh -c \
	"for l in fresher intermediate expert; do test -s '$TMP/plain/output/panels/generalist-'\$l.md || exit 1; done"

# The example topics say they are examples, in the file and in the kit.
check "the example topics are marked as examples to replace" sh -c \
	"grep -l '^# EXAMPLE TOPIC' '$TMP'/plain/content/topics/*.yaml | wc -l | grep -qx 2 &&
	 grep -c '^title: \"Example: ' '$TMP'/plain/content/topics/*.yaml | grep -c ':1$' | grep -qx 2"
check "the built kit shows the topics as examples" \
	grep -q '^## .*Example: find out why a scheduled job failed' \
	"$TMP/plain/output/software-engineering-interview-kit.md"

# A role names the kit: title, id and prose.
"$KITGEN" init "$TMP/data" --role "Data engineering" >/dev/null 2>&1
check "--role sets the title and id" sh -c \
	"grep -q '^id: data-engineering-interview-kit$' '$TMP/data/content/kit.yaml' &&
	 grep -q '^title: \"Data engineering interview kit\"$' '$TMP/data/content/kit.yaml' &&
	 grep -q '^# Data engineering interview kit$' '$TMP/data/README.md'"
check "--role reads as prose mid-sentence" \
	grep -q 'for data engineering interviews' "$TMP/data/content/kit.yaml"
check "a kit for another role checks clean" "$KITGEN" check --content "$TMP/data/content"
"$KITGEN" init "$TMP/devops" --role DevOps >/dev/null 2>&1
check "--role DevOps keeps its capitals" sh -c \
	"grep -q '^id: devops-interview-kit$' '$TMP/devops/content/kit.yaml' &&
	 grep -q 'who run DevOps hiring' '$TMP/devops/content/kit.yaml'"
"$KITGEN" init "$TMP/rnd" --role "R&D tools (C++), v2" >/dev/null 2>&1
"$KITGEN" build --content "$TMP/rnd/content" --templates "$ROOT/templates" \
	--out "$TMP/rnd/output" --format md,html >/dev/null 2>&1
check "a role with & + ( ) , builds, escaped in HTML" sh -c \
	"grep -q '^id: r-d-tools-c-v2-interview-kit$' '$TMP/rnd/content/kit.yaml' &&
	 grep -q 'R&amp;D tools (C++), v2 interview kit' '$TMP/rnd/output/r-d-tools-c-v2-interview-kit.html'"
"$KITGEN" init "$TMP/utf" --role "Données" >/dev/null 2>&1
check "a role in UTF-8 checks clean" "$KITGEN" check --content "$TMP/utf/content"

# Refusals: usage errors (status 2) that write nothing.
refuse() { # refuse NAME DIR [ARGS...]: status 2, nothing new in $TMP/r
	name=$1
	shift
	"$KITGEN" init "$@" >"$TMP/out" 2>&1
	status=$?
	left=$(find "$TMP/r" -newer "$TMP/stamp" 2>/dev/null | head -1)
	[ "$status" = 2 ] && [ -z "$left" ] && [ -s "$TMP/out" ] && ok "$name" ||
		not_ok "$name" "status $status, wrote: $left" "$(cat "$TMP/out")"
}
mkdir -p "$TMP/r/full"
echo keep >"$TMP/r/full/notes.txt"
echo file >"$TMP/r/file"
touch "$TMP/stamp"
sleep 1
refuse "a folder that is not empty is refused" "$TMP/r/full"
check "... saying so" grep -qx "kitgen init: cannot write a kit into '$TMP/r/full': it is not empty" "$TMP/out"
check "the folder is left as it was" sh -c \
	"test \"\$(ls -A '$TMP/r/full')\" = notes.txt && test \"\$(cat '$TMP/r/full/notes.txt')\" = keep"
refuse "a file is refused" "$TMP/r/file"
refuse "no DIR is a usage error" --role x
refuse "two folders are a usage error" "$TMP/r/a" "$TMP/r/b"
refuse "an empty role is refused" "$TMP/r/a" --role ""
refuse "a role with a quote is refused" "$TMP/r/a" --role 'a "b"'
refuse "a role with a colon is refused" "$TMP/r/a" --role 'a: b'
refuse "a role with a backslash is refused" "$TMP/r/a" --role 'a\b'
refuse "a role with a newline is refused" "$TMP/r/a" --role "$(printf 'a\nb')"
refuse "a role with a leading space is refused" "$TMP/r/a" --role " a"
refuse "a role that is not UTF-8 is refused" "$TMP/r/a" --role "$(printf 'caf\351')"
refuse "a role without a letter or digit is refused" "$TMP/r/a" --role "--"
refuse "a role over 60 characters is refused" "$TMP/r/a" \
	--role "$(printf '%061d' 0)"
grep -q "kitgen init: bad --role: " "$TMP/out" && ok "a bad role says why" ||
	not_ok "a bad role says why" "$(cat "$TMP/out")"
mkdir "$TMP/empty"
check "an empty folder is fine" "$KITGEN" init -q "$TMP/empty"

# -q: nothing on success
"$KITGEN" init -q "$TMP/quiet" >"$TMP/out" 2>&1
[ $? = 0 ] && [ ! -s "$TMP/out" ] && ok "init -q prints nothing" ||
	not_ok "init -q prints nothing" "$(cat "$TMP/out")"

# Its Markdown passes the linter: the README as a hand-written file
# (default rules), the built kit with the rules of kitgen's output.
if [ -x "$LINT" ]; then
	check "markdownlint passes on the new kit's README" sh -c \
		"cd '$TMP/plain' && '$LINT' README.md"
	check "markdownlint passes on the new kit's built Markdown" sh -c \
		"cd '$ROOT' && '$LINT' '$TMP/plain/output/software-engineering-interview-kit.md'"
fi

# All or nothing (issue 14, class 1). A full disk (a file-size limit that
# takes README.md, then fails on kit.yaml) leaves no half kit and no
# temporary folder, and a rerun succeeds; the folder is named with a
# trailing slash, as a shell completes it.
mkdir -p "$TMP/disk"
(cd "$TMP/disk" && ulimit -f 4 && exec "$KITGEN" init newkit/) >"$TMP/out" 2>&1
status=$?
[ "$status" = 3 ] && [ -z "$(ls -A "$TMP/disk")" ] &&
	ok "init on a full disk exits 3 and leaves nothing behind" ||
	not_ok "init on a full disk exits 3 and leaves nothing behind" "status $status" \
		"left: $(ls -A "$TMP/disk")" "$(cat "$TMP/out")"
(cd "$TMP/disk" && "$KITGEN" init -q newkit/) >"$TMP/out" 2>&1 &&
	[ -s "$TMP/disk/newkit/content/kit.yaml" ] && [ "$(ls -A "$TMP/disk")" = newkit ] &&
	mkdir "$TMP/m" && [ "$(stat -c %a "$TMP/disk/newkit")" = "$(stat -c %a "$TMP/m")" ] &&
	ok "a rerun after a full disk writes the kit, in a folder with the usual mode" ||
	not_ok "a rerun after a full disk writes the kit, in a folder with the usual mode" \
		"$(ls -A "$TMP/disk")" "$(cat "$TMP/out")"

# An existing empty folder stays the same folder (a shell inside it keeps
# seeing it) and stays empty after a failure.
mkdir "$TMP/disk/here"
ino=$(stat -c %i "$TMP/disk/here")
(cd "$TMP/disk/here" && ulimit -f 4 && exec "$KITGEN" init .) >"$TMP/out" 2>&1
status=$?
[ "$status" = 3 ] && [ -z "$(ls -A "$TMP/disk/here")" ] &&
	ok "init . on a full disk leaves the empty folder empty" ||
	not_ok "init . on a full disk leaves the empty folder empty" "status $status" \
		"left: $(ls -A "$TMP/disk/here")" "$(cat "$TMP/out")"
(cd "$TMP/disk/here" && "$KITGEN" init -q .) >"$TMP/out" 2>&1
[ "$(ls -A "$TMP/disk/here" | tr '\n' ' ')" = ".gitignore README.md content schema " ] &&
	[ "$(stat -c %i "$TMP/disk/here")" = "$ino" ] &&
	(cd "$TMP/disk/here" && "$KITGEN" check -q 2>/dev/null) &&
	ok "init . fills the empty folder it runs in, which stays the same folder" ||
	not_ok "init . fills the empty folder it runs in, which stays the same folder" \
		"$(ls -A "$TMP/disk/here")" "$(cat "$TMP/out")"

# init writes nothing outside the folder it names: not the folders above.
touch "$TMP/stamp2"
"$KITGEN" init "$TMP/r/no/such/kit" >"$TMP/out" 2>&1
status=$?
[ "$status" = 2 ] && [ ! -e "$TMP/r/no" ] &&
	grep -qx "kitgen init: cannot write a kit into '$TMP/r/no/such/kit': its folder '$TMP/r/no/such' does not exist" "$TMP/out" &&
	ok "a folder whose parent is missing is refused, and no parent is made" ||
	not_ok "a folder whose parent is missing is refused, and no parent is made" "status $status" "$(cat "$TMP/out")"
ln -s "$TMP/r/nowhere" "$TMP/r/dangling"
# Interrupted (SIGINT, SIGTERM, SIGHUP) at any moment, init leaves the kit
# whole or nothing: no half kit and no temporary folder or file. Every
# rename is slowed (tests/fault_preload.c), so the signals land while the
# skeleton is written, checked and moved into place.
FAULT=$TMP/fault.so
if ${CC:-cc} -shared -fPIC -o "$FAULT" "$ROOT/tests/fault_preload.c" -ldl 2>"$TMP/out"; then
	bad=""
	for i in $(seq 1 16); do
		sig=$(echo INT TERM HUP | cut -d' ' -f$((i % 3 + 1)))
		rm -rf "$TMP/intr" && mkdir "$TMP/intr"
		(cd "$TMP/intr" && ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
			KG_FAULT_SLOW_MS=12 LD_PRELOAD="$FAULT" \
			exec env --default-signal=INT,TERM,HUP "$KITGEN" init -q newkit) \
			>"$TMP/out" 2>&1 &
		pid=$!
		sleep "0.0$(( (i * 37) % 10 ))$(( (i * 53) % 10 ))"
		kill -s "$sig" "$pid" 2>/dev/null
		wait "$pid"
		status=$?
		left=$(ls -A "$TMP/intr" | tr '\n' ' ')
		if [ "$status" = 0 ]; then
			[ "$left" = "newkit " ] && (cd "$TMP/intr/newkit" && "$KITGEN" check -q) >/dev/null 2>&1 ||
				bad="$bad
run $i ($sig): status 0 but left: $left"
		elif [ -n "$left" ]; then
			bad="$bad
run $i ($sig): status $status, left: $left"
		fi
	done
	[ -z "$bad" ] && ok "init stopped by a signal at 16 moments leaves the whole kit or nothing" ||
		not_ok "init stopped by a signal at 16 moments leaves the whole kit or nothing" "$bad"
else
	not_ok "build tests/fault_preload.c" "$(cat "$TMP/out")"
fi

"$KITGEN" init "$TMP/r/dangling" >"$TMP/out" 2>&1
status=$?
[ "$status" = 2 ] && [ -L "$TMP/r/dangling" ] && [ ! -e "$TMP/r/nowhere" ] &&
	ok "a symbolic link to nothing is refused and left alone" ||
	not_ok "a symbolic link to nothing is refused and left alone" "status $status" "$(cat "$TMP/out")"
