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
full "digest --build" digest --build --content kit --templates "$ROOT/templates"
full "export" export --content kit
full "export --format csv" export --content kit --format csv
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


# A closed standard output is an unwritable one: every command that prints
# exits 3 and says so on stderr; its warnings still reach stderr. A closed
# standard error or input changes nothing else: the same status and output.
F="$ROOT/tests/fixture"
cp "$F"/cards/*.yaml "$TMP/"
n=0
closed_out() { # NAME ARGS...: with stdout closed, exit 3, "it is closed"
	name=$1
	shift
	n=$((n + 1))
	(cd "$TMP" && timeout 60 "$KITGEN" "$@" >&- 2>"$TMP/cerr" </dev/null)
	status=$?
	if [ "$status" = 3 ] && grep -q '^kitgen: cannot write standard output: it is closed$' "$TMP/cerr"; then
		ok "$name with standard output closed exits 3"
	else
		not_ok "$name with standard output closed exits 3" "status $status" "$(head -5 "$TMP/cerr")"
	fi
}
closed_out "check" check --content kit
closed_out "list" list --content kit
closed_out "digest" digest --content kit
closed_out "diff" diff kit changed
closed_out "render" render t.mustache --data data.yaml
closed_out "init" init closedkit
closed_out "build" build --content kit --templates "$T" --out out-closed --format md
closed_out "card" card --content kit balanced-expert
closed_out "score" score --content kit --templates "$T" --out sc card-1.yaml card-2.yaml
closed_out "calibrate" calibrate --content kit --templates "$T" --out cal card-1.yaml card-2.yaml
closed_out "schema" schema kit
closed_out "kitgen --help" --help
closed_out "kitgen --version" --version
closed_out "build --help" build --help
(cd "$TMP" && "$KITGEN" check -q --content kit >&- 2>"$TMP/cerr")
status=$?
[ "$status" = 0 ] && [ ! -s "$TMP/cerr" ] &&
	ok "check -q with standard output closed and nothing to print exits 0" ||
	not_ok "check -q with standard output closed and nothing to print exits 0" \
		"status $status" "$(cat "$TMP/cerr")"

# same_run NAME REDIR ARGS...: kitgen ARGS with REDIR (2>&- or <&-) exits
# as with stderr on /dev/null and stdin from /dev/null, and prints the same.
same_run() {
	name=$1 redir=$2
	shift 2
	rm -rf "$TMP/r1" "$TMP/r2" && mkdir "$TMP/r1" "$TMP/r2"
	cp -R "$TMP/kit" "$TMP/r1/kit" && cp -R "$TMP/kit" "$TMP/r2/kit"
	(cd "$TMP/r1" && timeout 60 "$KITGEN" "$@" >"$TMP/o1" 2>/dev/null </dev/null)
	s1=$?
	if [ "$redir" = "2>&-" ]; then
		(cd "$TMP/r2" && timeout 60 "$KITGEN" "$@" >"$TMP/o2" 2>&- </dev/null)
	else
		(cd "$TMP/r2" && timeout 60 "$KITGEN" "$@" >"$TMP/o2" 2>/dev/null <&-)
	fi
	s2=$?
	sed -i 's/ in [0-9.]* s$//' "$TMP/o1" "$TMP/o2"
	if [ "$s1" = "$s2" ] && cmp -s "$TMP/o1" "$TMP/o2" &&
		! grep -rqs 'warning\|error:' "$TMP/r2/out" "$TMP/r2/new"; then
		ok "$name with $redir"
	else
		not_ok "$name with $redir" "status $s1 then $s2" "$(diff "$TMP/o1" "$TMP/o2" | head -5)"
	fi
}
for redir in "2>&-" "<&-"; do
	same_run "check" "$redir" check --content kit
	same_run "check of a broken kit" "$redir" check --content missing
	same_run "list" "$redir" list --content kit
	same_run "digest" "$redir" digest --content kit
	same_run "diff" "$redir" diff kit "$TMP/changed"
	same_run "render" "$redir" render "$TMP/t.mustache" --data "$TMP/data.yaml"
	same_run "init" "$redir" init new
	same_run "build" "$redir" build --content kit --templates "$T" --out out
	same_run "card" "$redir" card --content kit balanced-expert
	same_run "score" "$redir" score --content kit --templates "$T" --out out \
		"$TMP/card-1.yaml" "$TMP/card-2.yaml"
	same_run "calibrate" "$redir" calibrate --content kit --templates "$T" \
		--out out "$TMP/card-1.yaml" "$TMP/card-2.yaml"
	same_run "schema" "$redir" schema topic
	same_run "a usage error" "$redir" build --format ,
done

# In a tagged repository whose content changed: check's warning that the
# version was not raised still shows with stdout closed (git's pipe once
# took fd 1 and the warning was lost), and diff --git reads git's output.
fixture_repo "$TMP/repo"
sed -i 's/^title: Design a cache$/title: Design a cache, changed/' "$TMP/repo/content/topics/01-cache.yaml"
(cd "$TMP/repo" && "$KITGEN" check --content content -q >&- 2>"$TMP/cerr")
status=$?
[ "$status" = 0 ] && grep -q "warning: content changed since tag 'v0.3.1'" "$TMP/cerr" &&
	ok "check -q with stdout closed still warns that the content changed since the tag" ||
	not_ok "check -q with stdout closed still warns that the content changed since the tag" \
		"status $status" "$(cat "$TMP/cerr")"
(cd "$TMP/repo" && "$KITGEN" check --content content >&- 2>"$TMP/cerr")
status=$?
[ "$status" = 3 ] && grep -q "warning: content changed since tag 'v0.3.1'" "$TMP/cerr" &&
	grep -q '^kitgen: cannot write standard output: it is closed$' "$TMP/cerr" &&
	ok "check with stdout closed warns, then exits 3 for its summary" ||
	not_ok "check with stdout closed warns, then exits 3 for its summary" \
		"status $status" "$(cat "$TMP/cerr")"
(cd "$TMP/repo" && "$KITGEN" diff --git v0.3.1 content >&- 2>"$TMP/cerr")
status=$?
[ "$status" = 3 ] && grep -q '^kitgen: cannot write standard output: it is closed$' "$TMP/cerr" &&
	! grep -q 'cannot read' "$TMP/cerr" &&
	ok "diff --git with stdout closed reads git, then exits 3" ||
	not_ok "diff --git with stdout closed reads git, then exits 3" "status $status" "$(cat "$TMP/cerr")"
(cd "$TMP/repo" && "$KITGEN" diff --git v0.3.1 content 2>&- >"$TMP/o1")
status=$?
[ "$status" = 1 ] && grep -q 'Design a cache, changed' "$TMP/o1" &&
	ok "diff --git with stderr closed finds the change" ||
	not_ok "diff --git with stderr closed finds the change" "status $status" "$(cat "$TMP/o1")"
(cd "$TMP/repo" && "$KITGEN" check --content content 2>&- >"$TMP/o1")
status=$?
[ "$status" = 0 ] && grep -q 'ok: ' "$TMP/o1" &&
	ok "check with stderr closed in the repository" ||
	not_ok "check with stderr closed in the repository" "status $status" "$(cat "$TMP/o1")"
