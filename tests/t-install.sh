#!/bin/sh
# t-install.sh - `make install DESTDIR=... PREFIX=/usr` from a clean copy
# of the source; the installed kitgen, run from another folder, builds the
# real kit and a fresh `kitgen init` kit with its installed templates;
# where it looks for templates; -q and the build summary; the man page
# (groff -ww, every command and option); bash completion; uninstall.
. "$(dirname "$0")/lib.sh"

# A clean copy: the files git knows (committed or new, not ignored), or,
# outside git, the tree without what builds make.
SRC=$TMP/src
mkdir -p "$SRC"
if git -C "$ROOT" rev-parse --git-dir >/dev/null 2>&1; then
	(cd "$ROOT" && git ls-files -co --exclude-standard |
		while IFS= read -r f; do [ -e "$f" ] && printf '%s\n' "$f"; done |
		tar -cf - -T -) | tar -xf - -C "$SRC"
else
	(cd "$ROOT" && tar --exclude=./build --exclude=./output --exclude=./kitgen \
		--exclude=./node_modules -cf - .) | tar -xf - -C "$SRC"
fi
STAGE=$TMP/stage
# install builds nothing: in a copy never built it says to run make first
cp -R "$SRC" "$TMP/unbuilt"
make -C "$TMP/unbuilt" install DESTDIR="$TMP/stage0" PREFIX=/usr >"$TMP/make0.log" 2>&1
status=$?
[ "$status" != 0 ] && grep -q "run 'make' first" "$TMP/make0.log" &&
	[ ! -e "$TMP/unbuilt/build" ] && [ ! -e "$TMP/unbuilt/kitgen" ] && [ ! -e "$TMP/stage0" ] &&
	ok "make install before make fails, says to run make first, and builds nothing" ||
	not_ok "make install before make fails, says to run make first, and builds nothing" \
		"status $status" "$(tail -5 "$TMP/make0.log")" "$(ls -A "$TMP/unbuilt")"
snapshot() { # every path in the tree, with its owner and modification time
	(cd "$SRC" && find . -printf '%p %U:%G %T@\n' | LC_ALL=C sort)
}
make -C "$SRC" -j2 kitgen PREFIX=/usr >"$TMP/make.log" 2>&1 &&
	snapshot >"$TMP/before" &&
	make -C "$SRC" install DESTDIR="$STAGE" PREFIX=/usr >>"$TMP/make.log" 2>&1
status=$?
snapshot >"$TMP/after"
same_text "make install changes nothing in the tree (no file made, no owner or time changed)" \
	"$TMP/before" "$TMP/after"
if [ "$status" != 0 ]; then
	# everything below tests what was installed
	not_ok "make install DESTDIR=... PREFIX=/usr from a clean copy" "$(tail -20 "$TMP/make.log")"
	exit 0
fi
ok "make install DESTDIR=... PREFIX=/usr from a clean copy"
BIN=$STAGE/usr/bin/kitgen

# The dependency check (which may run apt-get) is a step of its own: a
# changed tools/deps.sh reruns it and recompiles nothing; CC picks the
# compiler as users expect.
touch "$SRC/tools/deps.sh"
check "a changed tools/deps.sh reruns the check and recompiles nothing" sh -c \
	"make -C '$SRC' -n PREFIX=/usr kitgen | grep -q deps.sh && ! make -C '$SRC' -n PREFIX=/usr kitgen | grep -q -- ' -c '"
check "make CC=... compiles with that compiler" sh -c \
	"make -C '$SRC' -n -B CC=my-cc build/obj/buf.o | grep -q '^my-cc '"
check "the binary is installed in PREFIX/bin, executable" test -x "$BIN"
check "the man page is installed as man1/kitgen.1" test -s "$STAGE/usr/share/man/man1/kitgen.1"
check "bash completion is installed" test -s "$STAGE/usr/share/bash-completion/completions/kitgen"
check "the content model is installed" test -s "$STAGE/usr/share/doc/kitgen/content-model.md"
check "the export's JSON Schema is installed" cmp -s "$ROOT/docs/export.schema.json" "$STAGE/usr/share/doc/kitgen/export.schema.json"
(cd "$ROOT" && find templates -type f | LC_ALL=C sort) >"$TMP/want"
(cd "$STAGE/usr/share/kitgen" && find templates -type f | LC_ALL=C sort) >"$TMP/got"
same_text "every template is installed under PREFIX/share/kitgen" "$TMP/want" "$TMP/got"
check "the installed templates are the source's" diff -r "$ROOT/templates" "$STAGE/usr/share/kitgen/templates"
check "nothing is installed outside DESTDIR/usr" sh -c "test \"\$(ls -A '$STAGE')\" = usr"

# From another folder, with no ./templates: the installed templates, and
# the same bytes as a build from the source tree.
mkdir -p "$TMP/elsewhere"
(cd "$TMP/elsewhere" && "$BIN" build --content "$ROOT/content" --out out) >"$TMP/out" 2>&1
status=$?
[ "$status" = 0 ] && ok "the installed kitgen builds the kit from another folder" ||
	not_ok "the installed kitgen builds the kit from another folder" "status $status" "$(tail -5 "$TMP/out")"
"$KITGEN" build --content "$ROOT/content" --templates "$ROOT/templates" --out "$TMP/ref" >/dev/null 2>&1
check "... and writes what the source tree's kitgen writes" diff -r "$TMP/ref" "$TMP/elsewhere/out"
check "... every file kitgen list names" sh -c \
	"'$BIN' list --content '$ROOT/content' | awk '/^ / { for (i = 1; i <= NF; i++) print \$i }' |
	 while read -r f; do test -s '$TMP/elsewhere/out/'\$f || { echo missing \$f; exit 1; }; done"

(cd "$TMP/elsewhere" && "$BIN" init newkit --role "Data engineering" &&
	cd newkit && "$BIN" check && "$BIN" build) >"$TMP/out" 2>&1
status=$?
[ "$status" = 0 ] && ok "the installed kitgen inits, checks and builds a new kit" ||
	not_ok "the installed kitgen inits, checks and builds a new kit" "status $status" "$(tail -5 "$TMP/out")"
check "... into every format" sh -c \
	"cd '$TMP/elsewhere/newkit' && '$BIN' list | awk '/^ / { for (i = 1; i <= NF; i++) print \$i }' |
	 while read -r f; do test -s output/\$f || { echo missing \$f; exit 1; }; done"

# The build summary: one line, the time only on the terminal.
tail -1 "$TMP/out" >"$TMP/last"
check "a build ends with a summary: files written, time taken" \
	grep -Eq '^wrote [0-9]+ files to output in [0-9]+\.[0-9][0-9] s$' "$TMP/last"
n=$(grep -c '^wrote output/' "$TMP/out")
grep -q "^wrote $n files to output in" "$TMP/last" && ok "the summary counts the files written" ||
	not_ok "the summary counts the files written" "$n files listed" "$(cat "$TMP/last")"
check "the time is in no output file" sh -c \
	"! grep -rlE '[0-9]\\.[0-9][0-9] s\\b|files to output' '$TMP/elsewhere/newkit/output'"
# (with init's placeholders replaced: each would be a warning)
sed -i 's/ (replace me)//' "$TMP/elsewhere/newkit/content/kit.yaml" "$TMP/elsewhere/newkit/content/topics/"*.yaml
(cd "$TMP/elsewhere/newkit" && "$BIN" build -q && "$BIN" check -q) >"$TMP/out" 2>&1
[ $? = 0 ] && [ ! -s "$TMP/out" ] && ok "-q: build and check print nothing" ||
	not_ok "-q: build and check print nothing" "$(cat "$TMP/out")"
kit=$(fixture_copy quiet-bad)
sed -i 's/^    level: expert$/    level: principal/' "$kit/topics/01-cache.yaml"
"$BIN" check -q --content "$kit" >/dev/null 2>"$TMP/err"
[ $? = 1 ] && grep -q "error: level 'principal'" "$TMP/err" && ok "-q still prints errors" ||
	not_ok "-q still prints errors" "$(cat "$TMP/err")"

# ./templates, when there is one, wins over the installed templates.
mkdir -p "$TMP/own"
cp -R "$ROOT/templates" "$TMP/own/templates"
printf 'OWN TEMPLATE\n' >>"$TMP/own/templates/md/document.mustache"
(cd "$TMP/own" && "$BIN" build -q --content "$FIXTURE" --format md --out out)
check "./templates is used when it exists" grep -q '^OWN TEMPLATE$' "$TMP/own/out/fixture-kit.md"

# Without any templates, the error says where it looked.
mkdir -p "$TMP/lonely/bin" "$TMP/lonely/run"
cp "$BIN" "$TMP/lonely/bin/kitgen"
if [ ! -e /usr/share/kitgen/templates ]; then
	(cd "$TMP/lonely/run" && "$TMP/lonely/bin/kitgen" build --content "$FIXTURE") >"$TMP/out" 2>&1
	status=$?
	[ "$status" = 3 ] &&
		grep -qF "looked in ./templates, $TMP/lonely/share/kitgen/templates, /usr/share/kitgen/templates" "$TMP/out" &&
		ok "no templates anywhere: status 3, and every place it looked" ||
		not_ok "no templates anywhere: status 3, and every place it looked" "status $status" "$(cat "$TMP/out")"
	check "... and nothing is written" test ! -e "$TMP/lonely/run/output"
fi

# The man page: renders without a warning, covers every command and
# option, has the version.
MAN=$STAGE/usr/share/man/man1/kitgen.1
if command -v groff >/dev/null 2>&1; then
	groff -ww -man -Tutf8 -P-cbou "$MAN" >"$TMP/man.txt" 2>"$TMP/man.err"
	[ $? = 0 ] && [ ! -s "$TMP/man.err" ] && [ -s "$TMP/man.txt" ] &&
		ok "groff -ww -man renders the man page without warnings" ||
		not_ok "groff -ww -man renders the man page without warnings" "$(head -20 "$TMP/man.err")"
	for sec in NAME SYNOPSIS DESCRIPTION COMMANDS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES; do
		grep -q "^$sec\$" "$TMP/man.txt" || missing="$missing '$sec'"
	done
	[ -z "${missing:-}" ] && ok "the man page has every section" || not_ok "the man page has every section" "missing:$missing"
	check "the man page documents SOURCE_DATE_EPOCH and NO_COLOR" sh -c \
		"grep -q '^ *SOURCE_DATE_EPOCH' '$TMP/man.txt' && grep -q '^ *NO_COLOR' '$TMP/man.txt'"
else
	not_ok "groff is installed (apt-get install groff-base)"
fi
version=$("$BIN" --version | sed 's/^kitgen //')
check "the installed man page carries the version ($version)" sh -c \
	"grep -q '^\\.TH KITGEN 1 \"\" \"kitgen $version\"' '$MAN' && ! grep -q @VERSION@ '$MAN'"
"$BIN" --help | awk '/^Commands:/ { on = 1; next } on && /^  [a-z]/ { print $1 } /^$/ { on = 0 }' >"$TMP/cmds"
missing=""
for cmd in $(cat "$TMP/cmds"); do
	grep -q "^\\.SS \"kitgen $cmd\"\$" "$MAN" || missing="$missing $cmd"
	for opt in $("$BIN" "$cmd" --help | grep -E '^ +-' | grep -oE -- '--[a-z][a-z-]*'); do
		grep -q -- "$(echo "$opt" | sed 's/-/\\\\-/g')" "$MAN" || missing="$missing $cmd:$opt"
	done
done
[ "$(wc -l <"$TMP/cmds")" -ge 7 ] && [ -z "$missing" ] &&
	ok "the man page has every command and every option of its --help" ||
	not_ok "the man page has every command and every option of its --help" \
		"commands: $(tr '\n' ' ' <"$TMP/cmds")" "missing:$missing"

# Bash completion: what COMPREPLY holds for a few inputs.
COMP=$STAGE/usr/share/bash-completion/completions/kitgen
if command -v bash >/dev/null 2>&1; then
	cat >"$TMP/comp.bash" <<'SH'
. "$1"
shift
COMP_WORDS=("$@")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
_kitgen
printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'
SH
	comp() { (cd "$ROOT" && bash "$TMP/comp.bash" "$COMP" "$@"); }
	check "completion is registered for kitgen" bash -c \
		". '$COMP' && complete -p kitgen | grep -q -- '-F _kitgen'"
	got=$(comp "$BIN" "")
	want=$(printf '%s\n' $(cat "$TMP/cmds") --help --version | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
	[ "$got" = "$want" ] && ok "completion: every command" || not_ok "completion: every command" "got:  $got" "want: $want"
	missing=""
	for cmd in $(cat "$TMP/cmds"); do
		got=$(comp "$BIN" "$cmd" --)
		want=$("$BIN" "$cmd" --help | grep -E '^ +-' | grep -oE -- '--[a-z][a-z-]*' | LC_ALL=C sort -u | tr '\n' ' ' | sed 's/ $//')
		[ "$got" = "$want" ] || missing="$missing
$cmd: got '$got', want '$want'"
	done
	[ -z "$missing" ] && ok "completion: each command's options are its --help's" ||
		not_ok "completion: each command's options are its --help's" "$missing"
	got=$(comp "$BIN" bu)
	[ "$got" = build ] && ok "completion: 'bu' -> build" || not_ok "completion: 'bu' -> build" "$got"
	got=$(comp "$BIN" build --format md,h)
	[ "$got" = md,html ] && ok "completion: --format md,h -> md,html" || not_ok "completion: --format md,h -> md,html" "$got"
	got=$(comp "$BIN" build --paper "")
	[ "$got" = "a4 letter" ] && ok "completion: --paper -> a4 letter" || not_ok "completion: --paper -> a4 letter" "$got"
	got=$(comp "$BIN" diff --format "")
	[ "$got" = "md text" ] && ok "completion: diff --format -> md text" || not_ok "completion: diff --format -> md text" "$got"
	got=$(comp "$BIN" export --format "")
	[ "$got" = "csv json" ] && ok "completion: export --format -> csv json" || not_ok "completion: export --format -> csv json" "$got"
	got=$(comp "$BIN" export --content "$FIXTURE" bal)
	want=$("$BIN" list --content "$FIXTURE" | awk '/^panels\/[^\/ ]+ / { sub("panels/", "", $1); print $1 }' | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
	[ -n "$got" ] && [ "$got" = "$want" ] && ok "completion: export EDITION from kitgen list of --content" ||
		not_ok "completion: export EDITION from kitgen list of --content" "got:  $got" "want: $want"
	got=$(comp "$BIN" build --content "$FIXTURE" --edition pan)
	want=$("$BIN" list --content "$FIXTURE" | awk '/^panels/ { print $1 }' | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//')
	[ -n "$got" ] && [ "$got" = "$want" ] && ok "completion: --edition from kitgen list of --content" ||
		not_ok "completion: --edition from kitgen list of --content" "got:  $got" "want: $want"
	got=$(comp "$BIN" build --content = tem)
	[ "$got" = templates ] && ok "completion: --content=DIR completes folders" || not_ok "completion: --content=DIR completes folders" "$got"
	got=$(comp "$BIN" init --r)
	[ "$got" = --role ] && ok "completion: init --r -> --role" || not_ok "completion: init --r -> --role" "$got"
else
	not_ok "bash is installed"
fi

# uninstall removes every file install wrote, and kitgen's own folders.
make -C "$SRC" uninstall DESTDIR="$STAGE" PREFIX=/usr >"$TMP/make.log" 2>&1
status=$?
left=$(find "$STAGE" -type f)
[ "$status" = 0 ] && [ -z "$left" ] && ok "make uninstall removes every installed file" ||
	not_ok "make uninstall removes every installed file" "status $status" "$left" "$(tail -5 "$TMP/make.log")"
check "make uninstall removes share/kitgen and share/doc/kitgen" sh -c \
	"test ! -e '$STAGE/usr/share/kitgen' && test ! -e '$STAGE/usr/share/doc/kitgen'"
