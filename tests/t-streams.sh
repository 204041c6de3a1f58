#!/bin/sh
# t-streams.sh - command lines and output streams (issue 14, class 11, and
# the empty paths of class 1): every command that prints exits 3 with a
# message when standard output cannot be written (/dev/full, a closed
# descriptor); an option value or a path argument that is empty, and a
# --format that selects nothing, are usage errors (exit 2) that write
# nothing.
. "$(dirname "$0")/lib.sh"

kit=$(fixture_copy kit)
changed=$(fixture_copy changed)
sed -i 's/^      coding: 50$/      coding: 60/; s/^      systems: 50$/      systems: 40/' "$changed/kit.yaml"
printf 'title: "x"\n' >"$TMP/data.yaml"
printf '{{title}}\n' >"$TMP/t.mustache"

# full NAME ARGS...: with stdout on /dev/full, exit 3 and say so.
full() {
	name=$1
	shift
	(cd "$TMP" && timeout 60 "$KITGEN" "$@" >/dev/full 2>"$TMP/err")
	status=$?
	if [ "$status" = 3 ] && grep -q '^kitgen: cannot write standard output: No space left on device$' "$TMP/err"; then
		ok "$name to a full disk exits 3"
	else
		not_ok "$name to a full disk exits 3" "status $status" "$(head -5 "$TMP/err")"
	fi
}
full "check's summary" check --content kit
full "list" list --content kit
full "digest" digest --content kit
full "diff with changes" diff kit changed
full "diff --format md" diff --format md kit changed
full "render" render t.mustache --data data.yaml
full "init's list of files" init newkit
full "build's summary" build --content kit --templates "$ROOT/templates" --out out --format md
full "kitgen --help" --help
full "kitgen --version" --version
full "kitgen list --help" list --help
full "kitgen build --help" build --help

# Only output that is lost is an error: a command with nothing to print
# does not fail on a full disk, the same command with a summary does.
(cd "$TMP" && "$KITGEN" check -q --content kit >/dev/full 2>"$TMP/err")
quiet=$?
(cd "$TMP" && "$KITGEN" diff kit kit >/dev/full 2>>"$TMP/err")
same=$?
(cd "$TMP" && "$KITGEN" check --content kit >/dev/full 2>>"$TMP/err")
loud=$?
[ "$quiet" = 0 ] && [ "$same" = 0 ] && [ "$loud" = 3 ] &&
	ok "a full disk is an error only when there was output (check -q, diff of the same kit)" ||
	not_ok "a full disk is an error only when there was output (check -q, diff of the same kit)" \
		"check -q: $quiet, diff: $same, check: $loud" "$(cat "$TMP/err")"

# A closed standard output is an error too when there is something to say.
(cd "$TMP" && "$KITGEN" digest --content kit >&- 2>"$TMP/err")
status=$?
[ "$status" = 3 ] && grep -q '^kitgen: cannot write standard output' "$TMP/err" &&
	ok "digest with standard output closed exits 3" ||
	not_ok "digest with standard output closed exits 3" "status $status" "$(cat "$TMP/err")"

# usage NAME WANT ARGS...: exit 2, the message WANT on stderr (a fixed
# string), nothing written to $TMP/w. $AS may name a command that runs
# kitgen as another user.
AS=
mkdir -p "$TMP/w"
usage() {
	name=$1 want=$2
	shift 2
	# shellcheck disable=SC2086
	(cd "$TMP/w" && timeout 60 $AS "$KITGEN" "$@" >"$TMP/stdout" 2>"$TMP/err")
	status=$?
	if [ "$status" = 2 ] && grep -qF -- "$want" "$TMP/err" && [ -z "$(ls -A "$TMP/w")" ]; then
		ok "$name"
	else
		not_ok "$name" "status $status, in w: $(ls -A "$TMP/w")" "$(head -5 "$TMP/err")"
	fi
	rm -rf "$TMP/w" && mkdir "$TMP/w"
}
k="$TMP/kit"
T="$ROOT/templates"
usage "build --format , selects nothing: usage error" \
	"kitgen build: --format ',' names an empty format" \
	build --content "$k" --templates "$T" --out out --format ,
usage "build --format '' is a usage error" \
	"kitgen build: option '--format' has an empty value" \
	build --content "$k" --templates "$T" --out out --format ''
usage "build --format md, (an empty item) is a usage error" \
	"kitgen build: --format 'md,' names an empty format" \
	build --content "$k" --templates "$T" --out out --format md,
usage "build --format md,,html is a usage error" \
	"names an empty format" \
	build --content "$k" --templates "$T" --out out --format md,,html
usage "build -f= (short, empty) is a usage error" \
	"kitgen build: option '-f' has an empty value" \
	build --content "$k" --templates "$T" --out out -f ''
for opt in --content --templates --out --edition --paper; do
	usage "build $opt '' is a usage error" \
		"kitgen build: option '$opt' has an empty value" \
		build --content "$k" --templates "$T" --out out "$opt" ''
done
usage "build --out= (the = form) is a usage error" \
	"kitgen build: option '--out' has an empty value" \
	build --content "$k" --templates "$T" --out=
for cmd in check list digest; do
	usage "$cmd --content '' is a usage error" \
		"kitgen $cmd: option '--content' has an empty value" "$cmd" --content ''
	usage "$cmd -c '' is a usage error" \
		"kitgen $cmd: option '-c' has an empty value" "$cmd" -c ''
done
# `init ''` once wrote into the filesystem root: as root, run it as nobody,
# so that a regression cannot write there.
if [ "$(id -u)" = 0 ]; then
	AS="setpriv --reuid=65534 --regid=65534 --clear-groups --"
fi
if [ -z "$AS" ] || command -v setpriv >/dev/null 2>&1; then
	chmod 755 "$TMP"
	mkdir -p "$TMP/root/sub" && chmod -R 777 "$TMP/root"
	# shellcheck disable=SC2086
	(cd "$TMP/root/sub" && $AS "$KITGEN" init '' >"$TMP/stdout" 2>"$TMP/err")
	status=$?
	AS=
	[ "$status" = 2 ] && grep -qF "kitgen init: DIR is an empty path" "$TMP/err" &&
		[ -z "$(ls -A "$TMP/root/sub")" ] && [ "$(ls -A "$TMP/root")" = sub ] &&
		ok "init '' is a usage error that writes nothing, here or above" ||
		not_ok "init '' is a usage error that writes nothing, here or above" \
			"status $status" "$(find "$TMP/root")" "$(cat "$TMP/err")"
else
	ok "init '' is a usage error # SKIP no setpriv to run it unprivileged"
fi
usage "render '' is a usage error" "kitgen render: TEMPLATE is an empty path" \
	render '' --data "$TMP/data.yaml"
usage "render --data '' is a usage error" \
	"kitgen render: option '--data' has an empty value" \
	render "$TMP/t.mustache" --data ''
usage "render --partials '' is a usage error" \
	"kitgen render: option '--partials' has an empty value" \
	render "$TMP/t.mustache" --data "$TMP/data.yaml" --partials ''
usage "diff '' NEW is a usage error" "kitgen diff: OLD is an empty path" diff '' "$k"
usage "diff OLD '' is a usage error" "kitgen diff: NEW is an empty path" diff "$k" ''
usage "diff --git '' is a usage error" \
	"kitgen diff: option '--git' has an empty value" diff --git '' "$k"
usage "diff --git REV '' is a usage error" "kitgen diff: NEW is an empty path" \
	diff --git HEAD ''
usage "diff --format '' is a usage error" \
	"kitgen diff: option '--format' has an empty value" diff --format '' "$k" "$k"

