#!/bin/sh
# t-interrupt.sh - a build is all or nothing (README, "What a build
# promises"): whether it finishes, fails to rename its Nth file, or is
# stopped by SIGINT, SIGTERM or SIGHUP at any moment, the output folder
# then holds exactly the old set of files or exactly the new one, and no
# temporary file. After SIGKILL the next build removes what the killed one
# left; a build waits for one already writing into the same folder and
# never takes its temporary files for leftovers.
#
# tests/fault_preload.c (LD_PRELOAD) makes the Nth rename or link fail,
# or the commit slow, and says when the commit begins.
. "$(dirname "$0")/lib.sh"

# A shell runs a background job with SIGINT ignored; a terminal's ^C
# reaches kitgen with the default action, so give it that.
SIGS="--default-signal=INT,TERM,HUP"
# an ASan build must come first in the library list; the shim can wait
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"

FAULT=$TMP/fault.so
${CC:-cc} -shared -fPIC -o "$FAULT" "$ROOT/tests/fault_preload.c" -ldl ||
	{ not_ok "build tests/fault_preload.c"; exit 0; }

OLD=$(fixture_copy old)
NEW=$(fixture_copy new)
# a new version: every file of the new set differs from the old one
sed -i 's/^version: 0.3.1$/version: 0.4.0/' "$NEW/kit.yaml"
"$KITGEN" build -q --content "$OLD" --out "$TMP/ref-old" >/dev/null
"$KITGEN" build -q --content "$NEW" --out "$TMP/ref-new" >/dev/null
OUT=$TMP/out

differ=yes
for f in $(cd "$TMP/ref-old" && find . -type f); do
	cmp -s "$TMP/ref-old/$f" "$TMP/ref-new/$f" && differ="no: $f"
done
[ "$differ" = yes ] && ok "every file of the new set differs from the old" ||
	not_ok "every file of the new set differs from the old" "$differ"

# Which set $OUT holds: old, new, or what is wrong with it.
which_set() {
	if diff -r "$TMP/ref-old" "$OUT" >/dev/null 2>&1; then
		echo old
	elif diff -r "$TMP/ref-new" "$OUT" >/dev/null 2>&1; then
		echo new
	else
		echo "neither set: $(diff -r "$TMP/ref-new" "$OUT" 2>&1 | head -5)"
	fi
}

fresh_old() { rm -rf "$OUT" && cp -R "$TMP/ref-old" "$OUT"; }

ms_now() { date +%s%N | cut -c1-13; }

# A build of the new kit over the old set, in the background: $pid.
start() { # start [ENV=VALUE...]
	env $SIGS "$@" LD_PRELOAD="$FAULT" "$KITGEN" build -q \
		--content "$NEW" --out "$OUT" >/dev/null 2>"$TMP/err" &
	pid=$!
}

# wait_for PATH: until it exists (at most 10 s)
wait_for() {
	i=0
	while [ ! -e "$1" ] && [ $i -lt 1000 ]; do
		sleep 0.01
		i=$((i + 1))
	done
}

# How long a build takes here, with a commit slowed to 4 ms a rename, so
# that random moments fall in the commit too.
fresh_old
t0=$(ms_now)
start KG_FAULT_SLOW_MS=4
wait "$pid"
DUR=$(($(ms_now) - t0))

# interrupt SIG N: N builds, each sent SIG at a random moment of it.
interrupt() {
	sig=$1 n=$2 olds=0 news=0 stopped=0 bad=""
	case $sig in INT) want=130 ;; TERM) want=143 ;; HUP) want=129 ;; esac
	for r in $(awk -v n="$n" -v seed="$$" 'BEGIN { srand(seed);
			for (i = 0; i < n; i++) print rand() }'); do
		fresh_old
		start KG_FAULT_SLOW_MS=4
		sleep "$(awk -v r="$r" -v d="$DUR" 'BEGIN { printf "%.3f", r * d / 1000 }')"
		kill -"$sig" "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		st=$?
		set_=$(which_set)
		case "$st:$set_" in
		0:new) news=$((news + 1)) ;;
		"$want:old") olds=$((olds + 1)) stopped=$((stopped + 1)) ;;
		"$want:new") news=$((news + 1)) stopped=$((stopped + 1)) ;;
		*) bad="$bad
after ${r} of the build: exit $st, $set_ $(cat "$TMP/err")" ;;
		esac
	done
	if [ -z "$bad" ] && [ "$stopped" -gt 0 ]; then
		ok "SIG$sig at $n random moments: $olds old set, $news new set ($stopped stopped)"
	else
		not_ok "SIG$sig at $n random moments ($stopped stopped)" "$bad"
	fi
}

interrupt INT 25
interrupt TERM 3
interrupt HUP 3

# in_commit SIG: SIG during the commit waits for it: the new set, then
# the status of the signal.
in_commit() {
	sig=$1 want=$2
	fresh_old
	rm -f "$TMP/mark"
	start KG_FAULT_SLOW_MS=60 KG_FAULT_MARK="$TMP/mark"
	wait_for "$TMP/mark"
	kill -"$sig" "$pid"
	wait "$pid" 2>/dev/null
	st=$?
	set_=$(which_set)
	[ "$st:$set_" = "$want:new" ] && ok "SIG$sig during the commit: the new set, then exit $want" ||
		not_ok "SIG$sig during the commit" "exit $st, $set_"
}
in_commit INT 130
in_commit TERM 143

# fail VAR N: the Nth rename (or link) fails: exit 3, the old set
fail() {
	fresh_old
	env "$1=$2" LD_PRELOAD="$FAULT" "$KITGEN" build -q --content "$NEW" \
		--out "$OUT" >/dev/null 2>"$TMP/err"
	st=$?
	set_=$(which_set)
	if [ "$st:$set_" = 3:old ] &&
		grep -q ': error: cannot write file: Input/output error$' "$TMP/err"; then
		ok "$1=$2: exit 3 and the old set"
	else
		not_ok "$1=$2: exit 3 and the old set" "exit $st, $set_" "$(cat "$TMP/err")"
	fi
}
fail KG_FAULT_RENAME 1
fail KG_FAULT_RENAME 6
fail KG_FAULT_RENAME 10
fail KG_FAULT_LINK 1
fail KG_FAULT_LINK 7

# Over an old set of fewer files (no HTML, no PDF), a failed commit also
# takes the new files away again.
rm -rf "$OUT" "$TMP/ref-md"
"$KITGEN" build -q --format md --content "$OLD" --out "$TMP/ref-md" >/dev/null
cp -R "$TMP/ref-md" "$OUT"
KG_FAULT_RENAME=9 LD_PRELOAD="$FAULT" "$KITGEN" build -q --content "$NEW" \
	--out "$OUT" >/dev/null 2>"$TMP/err"
st=$?
if [ $st = 3 ] && diff -r "$TMP/ref-md" "$OUT" >"$TMP/diff" 2>&1; then
	ok "a failed commit over a smaller old set leaves exactly that set"
else
	not_ok "a failed commit over a smaller old set leaves exactly that set" \
		"exit $st" "$(cat "$TMP/diff")"
fi

leftovers() { find "$OUT" -name '.kitgen*' | LC_ALL=C sort | tr '\n' ' '; }

# killed WHEN: SIGKILL while writing or in the commit; the next build
# removes what it left and writes the whole new set.
killed() {
	fresh_old
	rm -f "$TMP/mark"
	if [ "$1" = commit ]; then
		start KG_FAULT_SLOW_MS=60 KG_FAULT_MARK="$TMP/mark"
		wait_for "$TMP/mark"
	else
		start KG_FAULT_SLOW_MS=60
		i=0
		while [ -z "$(find "$OUT" -name '.kitgen-new.*')" ] && [ $i -lt 1000 ]; do
			sleep 0.005
			i=$((i + 1))
		done
	fi
	kill -KILL "$pid"
	wait "$pid" 2>/dev/null
	left=$(leftovers)
	"$KITGEN" build -q --content "$NEW" --out "$OUT" >/dev/null 2>"$TMP/err"
	st=$?
	set_=$(which_set)
	if [ -n "$left" ] && [ "$st:$set_" = 0:new ] && [ -z "$(leftovers)" ]; then
		ok "SIGKILL while $1 left temporaries; the next build removed them"
	else
		not_ok "SIGKILL while $1; the next build removes what it left" \
			"left: $left" "then: exit $st, $set_, $(leftovers)" "$(cat "$TMP/err")"
	fi
}
killed writing
killed commit

# A build that starts while another one commits waits for the lock: it
# does not take the first one's files for leftovers, and both succeed.
fresh_old
rm -f "$TMP/mark"
start KG_FAULT_SLOW_MS=60 KG_FAULT_MARK="$TMP/mark"
first=$pid
wait_for "$TMP/mark"
"$KITGEN" build -q --content "$NEW" --out "$OUT" >/dev/null 2>"$TMP/err2"
st2=$?
wait "$first" 2>/dev/null
st1=$?
set_=$(which_set)
if [ "$st1:$st2:$set_" = 0:0:new ] && [ -z "$(leftovers)" ]; then
	ok "a second build waits for the one committing, and both succeed"
else
	not_ok "a second build waits for the one committing" \
		"exit $st1 and $st2, $set_, $(leftovers)" "$(cat "$TMP/err" "$TMP/err2")"
fi
