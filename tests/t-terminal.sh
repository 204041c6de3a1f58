#!/bin/sh
# t-terminal.sh - nothing a kit holds reaches a terminal raw: control
# characters in content (raw or as YAML escapes), in file names and in
# source lines are printed escaped (\x1b, \x07, \u009b) by check, list,
# digest and build, never as the bytes a terminal would obey.
. "$(dirname "$0")/lib.sh"

# no_raw NAME FILE: FILE holds no C0 control but tab and newline, no DEL
# and no C1 control (UTF-8 C2 80..C2 9F)
no_raw() {
	if LC_ALL=C grep -qP '[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]' "$2"; then
		not_ok "$1" "$(od -c "$2" | head -20)"
	else
		ok "$1"
	fi
}

has() { # NAME FILE TEXT: FILE holds TEXT
	if grep -qF -- "$3" "$2"; then ok "$1"; else
		not_ok "$1" "'$3' is not in:" "$(cat "$2")"; fi
}

kit=$(fixture_copy hostile-terminal)
# a raw ESC in a value (libyaml refuses it, and the source line is shown)
printf 'colour: "\033]0;pwned\007"\n' >>"$kit/topics/02-queue.yaml"
# escapes in values: refused, and quoted in the source line as written
sed -i 's/^title: Design a cache$/title: "\\e[2J\\a"/' "$kit/topics/01-cache.yaml"
# a file name that is a control sequence
printf 'x: 1\n' >"$kit/topics/$(printf '99-\033[31mred\007.yaml')"
for cmd in check list digest build; do
	"$KITGEN" $cmd --content "$kit" >"$TMP/$cmd.out" 2>&1
	echo "status $?" >>"$TMP/$cmd.out"
	no_raw "$cmd on a hostile kit prints no raw control character" "$TMP/$cmd.out"
done
has "the raw ESC in a source line shows as \\x1b" "$TMP/check.out" 'colour: "\x1b]0;pwned\x07"'
has "a file name's ESC and BEL show as \\x1b and \\x07" "$TMP/check.out" '99-\x1b[31mred\x07.yaml'
has "an escaped control is refused at its place" "$TMP/check.out" \
	'01-cache.yaml:2:8: error: text holds control character U+001B'
has "check fails on the hostile kit" "$TMP/check.out" 'status 1'

# Paths and option values are escaped too, in every command's output and
# usage errors (the wrote lines, summaries, "unknown option"), not only in
# diagnostics. E sets the window title: ESC ] 0 ; T BEL.
E=$(printf '\033]0;T\007')
good="$TMP/c$E"
cp -R "$FIXTURE" "$good"
cp "$ROOT"/tests/fixture/cards/*.yaml "$TMP/" 2>/dev/null
T="$ROOT/templates"
n=0
hostile() { # NAME ARGS...: kitgen ARGS prints no raw control character
	name=$1
	shift
	n=$((n + 1))
	(cd "$TMP" && timeout 30 "$KITGEN" "$@" >"$TMP/h$n.out" 2>&1 </dev/null)
	echo "status $?" >>"$TMP/h$n.out"
	no_raw "$name: no raw control character" "$TMP/h$n.out"
}
hostile "check -c with an escape in the folder's name" check -c "c$E"
hostile "check of a missing folder" check -c "missing$E"
hostile "list -c" list -c "c$E"
hostile "digest -c" digest -c "c$E"
hostile "build -o (its wrote lines)" build -c "c$E" -t "$T" -o "c$E/o" -f md
hostile "build -t" build -c "c$E" -t "t$E" -o out -f md
hostile "build --format" build -c "c$E" --format "md$E"
hostile "build --format with an empty item" build -c "c$E" --format "md$E,"
hostile "build --edition" build -c "c$E" -t "$T" --edition "x$E"
hostile "build --paper" build -c "c$E" --paper "a$E"
hostile "build --changes-since" build -c "c$E" -t "$T" -o o2 --changes-since "v$E"
hostile "an unknown long option" check "--nope$E"
hostile "an unknown short option" check "-$(printf '\001')"
hostile "an option's value missing" build -c "c$E" "-$(printf '\033')"
hostile "an unexpected argument" check "extra$E"
hostile "an unknown command" "nope$E"
hostile "init (its wrote and next lines)" init "i2$E"
hostile "init --role" init "i3$E" --role "r$E"
hostile "init into a folder that is not empty" init "c$E"
hostile "diff OLD NEW" diff "c$E" "missing$E"
hostile "diff --format" diff --format "x$E" "c$E" "c$E"
hostile "diff --git" diff --git "v$E" "c$E"
hostile "render" render "t$E" --data "d$E"
hostile "render --partials" render "t$E" --data "d$E" --partials "p$E"
hostile "card" card -c "c$E" "x$E"
hostile "card --round" card -c "c$E" --round "9$E" balanced-expert
hostile "card with a round" card -c "c$E" --round 1 balanced-expert
hostile "score" score -c "c$E" "card$E.yaml"
hostile "score -o" score -c "c$E" -o "o$E" "card$E.yaml"
hostile "calibrate" calibrate -c "c$E" "card$E.yaml"
hostile "schema" schema "x$E"
hostile "schema --option" schema "--x$E"
hostile "serve -c" serve -c "x$E"
hostile "serve --port" serve -c "c$E" --port "1$E"
has "build's wrote lines show the folder's ESC as \\x1b" "$TMP/h5.out" \
	'wrote c\x1b]0;T\x07/o/fixture-kit.md'
has "an unknown option is named escaped" "$TMP/h13.out" \
	"kitgen check: unknown option '-\\x01'"
has "init's next line is escaped" "$TMP/h17.out" 'next: cd i2\x1b]0;T\x07 && kitgen build'
