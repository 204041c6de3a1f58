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
