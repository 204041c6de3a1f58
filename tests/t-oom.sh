#!/bin/sh
# t-oom.sh - out of memory at any stage of a build is exit status 3 with
# a message, the old outputs as they were and no temporary file: never
# cmark's abort (134), never a crash (139), never a library's failure
# passed off as a content error (1).
#
# Builds of the kit in content/ over the outputs of an older version run
# under address-space limits (ulimit -v) from the least the program can
# start with up to the least a build succeeds with, in MD and HTML
# (loading, checking, composing, writing, the index) and in every format
# (the PDF adds fonts, layout and compression). Each ends in exit 3 and
# the old set, or, where the limit was enough after all, in exit 0 and the
# new set.
# AddressSanitizer reserves terabytes of address space, so a sanitizer
# build cannot run under such limits: the group is skipped there.
. "$(dirname "$0")/lib.sh"

case "$KITGEN" in
*build-asan*) echo "ok - out of memory is exit 3 # SKIP sanitizer build"; exit 0 ;;
esac
[ -n "${KG_SANITIZED:-}" ] &&
	{ echo "ok - out of memory is exit 3 # SKIP sanitizer build"; exit 0; }

# fontconfig writes its font cache; under a memory limit it can write an
# empty one. The builds here get a cache of their own, as it was before
# each run.
mkdir -p "$TMP/fc/cache"
cat >"$TMP/fc/fonts.conf" <<EOT
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>/usr/share/fonts</dir>
  <dir>/usr/local/share/fonts</dir>
  <cachedir>$TMP/fc/cache</cachedir>
</fontconfig>
EOT
export FONTCONFIG_FILE="$TMP/fc/fonts.conf"

KIT=$TMP/kit
OLD=$TMP/old
cp -R "$ROOT/content" "$KIT"
cp -R "$ROOT/content" "$OLD"
sed -i 's/^version: .*/version: 0.0.1/' "$OLD/kit.yaml"
cp -R "$TMP/fc/cache" "$TMP/fc/pristine"
OUT=$TMP/out

# refs FORMATS: the old and the new set in these formats
refs() {
	rm -rf "$TMP/ref" "$TMP/new"
	"$KITGEN" build -q --format "$1" --content "$OLD" --out "$TMP/ref" >/dev/null &&
		"$KITGEN" build -q --format "$1" --content "$KIT" --out "$TMP/new" >/dev/null
}

# run LIMIT FORMATS: a build over the old set under ulimit -v LIMIT (KiB);
# its status in $st, its messages in $TMP/err
run() {
	rm -rf "$OUT" "$TMP/fc/cache"
	cp -R "$TMP/ref" "$OUT"
	cp -R "$TMP/fc/pristine" "$TMP/fc/cache"
	(ulimit -v "$1" && exec "$KITGEN" build -q --format "$2" --content "$KIT" \
		--out "$OUT") >/dev/null 2>"$TMP/err"
	st=$?
	(ulimit -v "$1" && exec "$KITGEN" --version) >/dev/null 2>&1
	vst=$?
}

# the loader itself cannot map the program or its first thread ("error
# while loading shared libraries", "cannot allocate TLS data
# structures"; kitgen never exits 127 itself), or, a little above that,
# a library's start-up code dies before main: then even `kitgen
# --version` fails at the same limit, and nothing of kitgen ran
unstarted() { [ $st = 127 ] || [ $vst != 0 ]; }

# least LOW HIGH FORMATS: the least limit in [LOW, HIGH] at which
# `ok_at` holds, to 64 KiB
least() {
	lo=$1 hi=$2
	while [ $((hi - lo)) -gt 64 ]; do
		mid=$(((lo + hi) / 2))
		run "$mid" "$3"
		if ok_at; then hi=$mid; else lo=$mid; fi
	done
	echo "$hi"
}

sweep() { # sweep FORMATS
	refs "$1" || { not_ok "$1: builds without a limit"; return; }
	ok_at() { ! unstarted; }
	floor=$(least 1024 400000 "$1")
	ok_at() { [ $st = 0 ]; }
	enough=$(least "$floor" 400000 "$1")
	bad="" n=0 built=0 sizes=""
	step=$(((enough - floor) / 16))
	[ "$step" -gt 0 ] || step=1
	v=$floor
	while [ "$v" -lt "$enough" ]; do
		run "$v" "$1"
		v=$((v + step))
		unstarted && continue
		left=$(find "$OUT" -name '.kitgen*')
		if [ $st = 0 ] && diff -r "$TMP/new" "$OUT" >/dev/null 2>&1 &&
			[ -z "$left" ]; then
			built=$((built + 1)) # enough after all
			continue
		fi
		n=$((n + 1))
		if [ $st != 3 ] || ! grep -q '^kitgen: fatal: out of memory' "$TMP/err" ||
			! diff -r "$TMP/ref" "$OUT" >/dev/null 2>&1 || [ -n "$left" ]; then
			bad="$bad
ulimit -v $((v - step)): exit $st, left: $left $(head -3 "$TMP/err")"
		fi
		sizes="$sizes
$(sed -n 's/^kitgen: fatal: out of memory//p' "$TMP/err")"
	done
	kinds=$(printf '%s\n' "$sizes" | sort -u | grep -c .)
	if [ -z "$bad" ] && [ "$n" -ge 8 ]; then
		ok "$1 out of memory at $n limits from $floor to $enough KiB: exit 3, old set, no temporary ($kinds kinds of failed allocation; $built built)"
	else
		not_ok "$1 under memory limits ($n runs from $floor to $enough KiB)" "$bad"
	fi
}

sweep md,html
sweep md,html,pdf
