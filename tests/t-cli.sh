#!/bin/sh
# t-cli.sh - the command line: help, version, usage errors, the diagnostic
# format with its source line and caret, colour only on a terminal,
# `kitgen render`, `kitgen list` and `kitgen digest`.
. "$(dirname "$0")/lib.sh"

for cmd in check build list digest render export; do
	"$KITGEN" "$cmd" --help >"$TMP/help" 2>&1
	status=$?
	if [ "$status" = 0 ] && grep -q "^Usage: kitgen $cmd" "$TMP/help"; then
		ok "kitgen $cmd --help"
	else
		not_ok "kitgen $cmd --help" "status $status" "$(cat "$TMP/help")"
	fi
done
"$KITGEN" help export >"$TMP/help1" 2>&1 && "$KITGEN" export --help >"$TMP/help2" 2>&1 &&
	cmp -s "$TMP/help1" "$TMP/help2" && ok "kitgen help CMD is CMD --help" ||
	not_ok "kitgen help CMD is CMD --help" "$(head -3 "$TMP/help1")"
"$KITGEN" help nope >/dev/null 2>&1
[ $? = 2 ] && ok "kitgen help of an unknown command is a usage error" ||
	not_ok "kitgen help of an unknown command is a usage error"
check "kitgen --help lists every command" sh -c \
	"'$KITGEN' --help | grep -q '^  check ' && '$KITGEN' --help | grep -q '^  render '"
check "--help lists the commands with their summaries in one column" sh -c \
	"'$KITGEN' --help | sed -n '/^Commands:/,/^\$/p' | awk 'NR > 1 && NF { match(\$0, /^  [a-z]+ +/); print RLENGTH }' | sort -u | wc -l | grep -qx 1"
check "kitgen --version" sh -c "'$KITGEN' --version | grep -Eq '^kitgen [0-9]+\.[0-9]+\.[0-9]+$'"
# libqpdf and libmicrohttpd (and GnuTLS, libstdc++ behind them) are loaded
# only by the commands that use them (generator/lazylib.h): a build does
# not carry their 5 MB
case "$KITGEN" in */*) bin="$KITGEN" ;; *) bin=$(command -v "$KITGEN") ;; esac
# the binary's own NEEDED entries: a sanitizer's runtime may pull in
# libstdc++ itself, which says nothing of kitgen
linked=$(readelf -d "$bin" 2>/dev/null | grep NEEDED | grep -E 'libqpdf|libmicrohttpd|libgnutls|libstdc\+\+')
[ -z "$linked" ] && ok "kitgen links neither libqpdf nor libmicrohttpd" ||
	not_ok "kitgen links neither libqpdf nor libmicrohttpd" "$linked"
"$KITGEN" >/dev/null 2>&1
[ $? = 2 ] && ok "no command is a usage error" || not_ok "no command is a usage error"

# The diagnostic: FILE:LINE:COL: error: MESSAGE, the source line, a caret
# under the column, and a count.
kit=$(fixture_copy caret)
sed -i 's/^    level: expert$/    level: principal/' "$kit/topics/01-cache.yaml"
(cd "$TMP" && "$KITGEN" check --content caret) >/dev/null 2>"$TMP/err"
printf '%s\n' \
	"caret/topics/01-cache.yaml:59:12: error: level 'principal' is not declared in kit.yaml" \
	"      level: principal" \
	"             ^" \
	"caret/topics/01-cache.yaml:59:12: note: declared levels: fresher, expert" \
	"      level: principal" \
	"             ^" \
	"1 error, 0 warnings" >"$TMP/want"
same_text "a diagnostic shows its source line and a caret" "$TMP/want" "$TMP/err"
if grep -q "$(printf '\033')" "$TMP/err"; then
	not_ok "no colour when stderr is not a terminal"
else
	ok "no colour when stderr is not a terminal"
fi
if command -v script >/dev/null 2>&1; then
	script -qec "'$KITGEN' check --content '$kit'" /dev/null >"$TMP/tty" 2>&1
	grep -q "$(printf '\033')\[" "$TMP/tty" && ok "colour on a terminal" ||
		not_ok "colour on a terminal" "$(cat "$TMP/tty")"
	NO_COLOR=1 script -qec "'$KITGEN' check --content '$kit'" /dev/null >"$TMP/tty" 2>&1
	grep -q "$(printf '\033')\[" "$TMP/tty" && not_ok "NO_COLOR turns colour off" ||
		ok "NO_COLOR turns colour off"
fi

# A clean check says so, on standard output, and exits 0.
check "check on the fixture is clean" sh -c \
	"'$KITGEN' check --content '$FIXTURE' | grep -q 'ok: 2 topics, 4 questions'"
check "check on the committed content is clean" "$KITGEN" check --content "$ROOT/content"

# list: every edition with its files
"$KITGEN" list --content "$FIXTURE" >"$TMP/list" 2>&1
check "list shows the published kit, for hiring teams and recruiters, marked not for candidates" grep -q '^fixture-kit  *Published kit (for hiring teams and recruiters: every question and answer key) \[Contains answer keys — not for candidates\]$' "$TMP/list"
check "list shows the published kit's files" grep -q '^  *fixture-kit.md ' "$TMP/list"
check "list shows each panel packet, marked confidential" grep -q "^panels/balanced-expert  *Panel packet: Balanced, Expert (for the interview panel: its rounds' questions and answer keys) \\[Confidential — interviewer material\\]\$" "$TMP/list"
check "list shows each candidate's guide, safe to send" grep -q "^candidates/balanced-expert  *Candidate's guide: Balanced, Expert (for candidates — safe to send)\$" "$TMP/list"
check "list shows the candidate's guide's files" grep -q '^  *candidates/balanced-fresher.md candidates/balanced-fresher.html candidates/balanced-fresher.pdf$' "$TMP/list"
"$KITGEN" build -q --content "$FIXTURE" --out "$TMP/guide" --format md --edition candidates/balanced-expert >/dev/null 2>&1
check "build --edition candidates/ID writes that guide only" test "$(cd "$TMP/guide" && find . -type f)" = "./candidates/balanced-expert.md"
"$KITGEN" build -q --content "$FIXTURE" --out "$TMP/short" --format md --edition balanced-expert >/dev/null 2>&1
check "build --edition with a packet's short id still means the packet (and its parts)" test "$(cd "$TMP/short" && find . -type f | LC_ALL=C sort | tr '\n' ' ')" = "./panels/balanced-expert.md ./panels/balanced-expert/debrief.md ./panels/balanced-expert/loop-plan.md ./panels/balanced-expert/round-1.md ./panels/balanced-expert/round-2.md "
got=$("$KITGEN" build --content "$FIXTURE" --out "$TMP/typo" --edition panels/balanced-expret 2>&1)
[ "$got" = "kitgen build: no edition 'panels/balanced-expret' (did you mean 'panels/balanced-expert'? see 'kitgen list')" ] &&
	[ ! -e "$TMP/typo" ] && ok "build --edition with a slip: did you mean, nothing written" ||
	not_ok "build --edition with a slip: did you mean, nothing written" "$got"

# digest: SHA-256 hex; values count, formatting does not.
d1=$("$KITGEN" digest --content "$FIXTURE")
echo "$d1" | grep -Eq '^[0-9a-f]{64}$' && ok "digest is 64 hex digits" || not_ok "digest is 64 hex digits" "$d1"
kit=$(fixture_copy reformat)
sed -i 's/^title: Design a cache$/title: "Design a cache"   # quoted now/; s/^areas: \[coding, systems\]$/areas:\n  - coding\n  - systems/' "$kit/topics/01-cache.yaml"
d2=$("$KITGEN" digest --content "$kit")
[ "$d1" = "$d2" ] && ok "reformatting the YAML keeps the digest" ||
	not_ok "reformatting the YAML keeps the digest" "$d1 / $d2"
sed -i 's/Design a cache/Design a cachE/' "$kit/topics/01-cache.yaml"
d3=$("$KITGEN" digest --content "$kit")
[ "$d1" != "$d3" ] && ok "changing one character changes the digest" ||
	not_ok "changing one character changes the digest"

# render: a template against YAML data, core-schema falsiness, partials.
mkdir -p "$TMP/r/partials"
cat >"$TMP/r/data.yaml" <<'YAML'
name: "Ada & <co>"
f1: false
f2: null
f3: ~
f4: []
t1: "false"
items: [a, b]
YAML
printf '{{name}}|{{{name}}}|{{#f1}}x{{/f1}}{{#f2}}x{{/f2}}{{#f3}}x{{/f3}}{{#f4}}x{{/f4}}|{{#t1}}T{{/t1}}|{{#items}}{{> item}}{{/items}}\n' >"$TMP/r/t.mustache"
printf '[{{.}}]' >"$TMP/r/partials/item.mustache"
"$KITGEN" render "$TMP/r/t.mustache" --data "$TMP/r/data.yaml" --partials "$TMP/r/partials" >"$TMP/r/out" 2>"$TMP/r/err"
printf 'Ada &amp; &lt;co&gt;|Ada & <co>||T|[a][b]\n' >"$TMP/r/want"
same_text "render: escaping, falsey values, partials" "$TMP/r/want" "$TMP/r/out"
"$KITGEN" render "$TMP/r/t.mustache" --data "$TMP/r/data.yaml" >/dev/null 2>"$TMP/r/err"
status=$?
[ "$status" = 1 ] && grep -q "partial 'item' not found" "$TMP/r/err" &&
	ok "render: a missing partial is an error" ||
	not_ok "render: a missing partial is an error" "status $status" "$(cat "$TMP/r/err")"
# render's data is data, not content: a carriage return (the Mustache
# spec's own tests hold them) is kept; a NUL is still refused
printf 'line: "a\\r\\nb"\n' >"$TMP/r/crlf.yaml"
printf '{{{line}}}' >"$TMP/r/crlf.mustache"
"$KITGEN" render "$TMP/r/crlf.mustache" --data "$TMP/r/crlf.yaml" >"$TMP/r/out" 2>"$TMP/r/err" &&
	[ "$(od -An -c "$TMP/r/out" | tr -d ' ')" = 'a\r\nb' ] &&
	ok "render: a carriage return in the data reaches the output" ||
	not_ok "render: a carriage return in the data reaches the output" "$(cat "$TMP/r/err")" "$(od -c "$TMP/r/out")"
printf 'line: "a\\0b"\n' >"$TMP/r/nul.yaml"
"$KITGEN" render "$TMP/r/crlf.mustache" --data "$TMP/r/nul.yaml" >/dev/null 2>"$TMP/r/err"
[ $? = 1 ] && grep -q "NUL" "$TMP/r/err" &&
	ok "render: a NUL in the data is refused" ||
	not_ok "render: a NUL in the data is refused" "$(cat "$TMP/r/err")"
"$KITGEN" render "$TMP/r/t.mustache" >/dev/null 2>&1
[ $? = 2 ] && ok "render without --data is a usage error" || not_ok "render without --data is a usage error"
printf '{{#a}}\n' >"$TMP/r/bad.mustache"
"$KITGEN" render "$TMP/r/bad.mustache" --data "$TMP/r/data.yaml" >"$TMP/r/out" 2>"$TMP/r/err"
status=$?
[ "$status" = 1 ] && [ ! -s "$TMP/r/out" ] &&
	grep -q "bad.mustache:1:1: error: unclosed section 'a'" "$TMP/r/err" &&
	ok "render: an unclosed section is an error at its tag, with no output" ||
	not_ok "render: an unclosed section is an error at its tag, with no output" "$(cat "$TMP/r/err")"

# An edition that is a slip of one: build and export name the nearest, in
# the form each takes (a packet's id's last part is enough for both).
"$KITGEN" build --content "$FIXTURE" --out "$TMP/slip" --edition balanced-expret >/dev/null 2>"$TMP/err"
status=$?
[ "$status" = 2 ] && grep -q "^kitgen build: no edition 'balanced-expret' (did you mean 'panels/balanced-expert'? see 'kitgen list')$" "$TMP/err" &&
	[ ! -e "$TMP/slip" ] &&
	ok "build --edition with a slip of a packet's short id names the packet" ||
	not_ok "build --edition with a slip of a packet's short id names the packet" "status $status" "$(cat "$TMP/err")"
