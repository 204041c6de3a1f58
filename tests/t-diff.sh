#!/bin/sh
# t-diff.sh - versioned kits: `kitgen diff` on real pairs of content trees,
# `--git REV`, and the warning of `kitgen check` when content changed since
# the last tag but the version did not.
. "$(dirname "$0")/lib.sh"

# expect_diff NAME STATUS WANT_FILE ARGS...: run kitgen diff, compare.
expect_diff() {
	name=$1 want_status=$2 want=$3
	shift 3
	"$KITGEN" diff "$@" >"$TMP/got" 2>"$TMP/err"
	status=$?
	if [ "$status" != "$want_status" ]; then
		not_ok "$name" "status $status, expected $want_status" "$(cat "$TMP/err")"
	else
		same_text "$name" "$want" "$TMP/got"
	fi
}

old=$(fixture_copy old)

new=$(fixture_copy same)
: >"$TMP/none"
expect_diff "identical content: no changes, exit 0" 0 "$TMP/none" "$old" "$new"

new=$(fixture_copy renamed)
mv "$new/topics/02-queue.yaml" "$new/topics/07-jobs.yaml"
sed -i 's/^title: "\?Design a cache"\?$/title: "Design a cache"  # reformatted/' "$new/topics/01-cache.yaml"
expect_diff "a renamed file with the same ids is no change" 0 "$TMP/none" "$old" "$new"

new=$(fixture_copy added)
cat >>"$new/topics/02-queue.yaml" <<'YAML'
  - id: queue-3
    level: expert
    prompt: How do you drain a poisoned queue?
    recruiter_cues:
      - Mentions dead letters.
    strong_answer: Park poison messages in a dead-letter queue and alert.
    weak_answer: Restart the workers.
    weak_because: It ignores the failing message.
    follow_ups:
      - What if every message fails?
YAML
printf 'added   question queue-3 (in topic queue)\n' >"$TMP/want"
expect_diff "an added question" 1 "$TMP/want" "$old" "$new"

# removed: the kit with the extra question is the old side
printf 'removed question queue-3 (in topic queue)\n' >"$TMP/want"
expect_diff "a removed question" 1 "$TMP/want" "$TMP/added" "$old"

new=$(fixture_copy changed)
sed -i 's/^    prompt: What is a cache for?$/    prompt: Why would you add a cache?/; s/^    weak_answer: Add more servers.$/    weak_answer: Buy bigger servers./' "$new/topics/01-cache.yaml"
printf '%s\n' \
	'changed question cache-1: prompt: "What is a cache for?" → "Why would you add a cache?"' \
	'changed question cache-2: weak_answer: "Add more servers." → "Buy bigger servers."' >"$TMP/want"
expect_diff "a changed question" 1 "$TMP/want" "$old" "$new"

# a long text reworded: a word diff, in text and in Markdown
old_long=$(fixture_copy old-long)
new=$(fixture_copy reworded)
sed -i 's/^    prompt: What is a cache for?$/    prompt: What is a cache for, and what happens to the database when every cache node restarts at once?/' \
	"$old_long/topics/01-cache.yaml"
sed -i 's/^    prompt: What is a cache for?$/    prompt: What is a cache for, and what happens to the primary database when all cache nodes restart at once?/' \
	"$new/topics/01-cache.yaml"
printf '%s\n' \
	'changed question cache-1: prompt: reworded: … what happens to the {+primary+} database when [-every-]{+all+} cache [-node restarts-]{+nodes restart+} at once?' >"$TMP/want"
expect_diff "a reworded long text shows a word diff" 1 "$TMP/want" "$old_long" "$new"
printf '%s\n' \
	'  - question cache-1: `prompt`: reworded: … what happens to the **primary** database when ~~every~~ **all** cache ~~node restarts~~ **nodes restart** at once?' >"$TMP/want"
"$KITGEN" diff --format md "$old_long" "$new" | grep '^  - ' >"$TMP/got"
same_text "... and in Markdown, removed words struck through, added ones in bold" "$TMP/want" "$TMP/got"

new=$(fixture_copy spacing)
sed -i 's/^    prompt: What is a cache for?$/    prompt: "What is a cache for, and what happens to the  database when every cache node restarts at once?"/' \
	"$new/topics/01-cache.yaml"
printf 'changed question cache-1: prompt: white space changed\n' >"$TMP/want"
expect_diff "a long text that changed only in white space says so" 1 "$TMP/want" "$old_long" "$new"

new=$(fixture_copy weights)
sed -i 's/^      coding: 50$/      coding: 70/; s/^      systems: 50$/      systems: 30/' "$new/kit.yaml"
printf '%s\n' \
	'changed profile balanced: weights.coding: 50 → 70' \
	'changed profile balanced: weights.systems: 50 → 30' >"$TMP/want"
expect_diff "a weight change" 1 "$TMP/want" "$old" "$new"

new=$(fixture_copy reordered)
sed -i '/^  - No dead-letter queue.$/d; s/^  - No idempotency plan.$/  - No dead-letter queue.\n  - No idempotency plan./' "$new/topics/02-queue.yaml"
printf 'changed topic queue: red_flags: reordered\n' >"$TMP/want"
expect_diff "a reordered list" 1 "$TMP/want" "$old" "$new"

# Order is a value (the digest hashes it, and the outputs follow it), so
# reordering an entity list is a change, each moved item named with its
# new neighbour. Topic order comes from the file names.
swap_blocks() { # FILE A B C D: swap the adjacent line ranges A-B and C-D
	{ sed -n "1,$(($2 - 1))p" "$1"; sed -n "$4,$5p" "$1"; sed -n "$2,$3p" "$1"
	  sed -n "$(($5 + 1)),\$p" "$1"; } >"$1.new" && mv "$1.new" "$1"
}
new=$(fixture_copy topic-order)
mv "$new/topics/01-cache.yaml" "$new/topics/03-cache.yaml"
printf 'changed kit: topics: reordered: queue now before cache\n' >"$TMP/want"
expect_diff "a topic file renamed so that the topics swap places" 1 "$TMP/want" "$old" "$new"
printf '%s\n' '  - kit: `topics`: reordered: queue now before cache' >"$TMP/want"
"$KITGEN" diff --format md "$old" "$new" | grep '^  - ' >"$TMP/got"
same_text "... and in Markdown" "$TMP/want" "$TMP/got"

new=$(fixture_copy kit-order)
swap_blocks "$new/kit.yaml" 27 29 30 32 # levels
swap_blocks "$new/kit.yaml" 35 37 38 40 # areas
printf '%s\n' 'changed kit: levels: reordered: expert now before fresher' \
	'changed kit: areas: reordered: systems now before coding' >"$TMP/want"
expect_diff "swapped levels and areas" 1 "$TMP/want" "$old" "$new"

new=$(fixture_copy topic-lists)
swap_blocks "$new/topics/01-cache.yaml" 42 57 58 84 # questions
swap_blocks "$new/topics/01-cache.yaml" 9 10 11 12 # signals
printf '%s\n' \
	"changed topic cache: signals: reordered: 'Failure handling' now before 'Invalidation'" \
	'changed topic cache: questions: reordered: cache-2 now before cache-1' >"$TMP/want"
expect_diff "swapped questions and signals in a topic" 1 "$TMP/want" "$old" "$new"

new=$(fixture_copy moved-added)
sed -i 's/^  - id: cache-1$/  - id: cache-0\n    level: fresher\n    prompt: Where do caches live?\n    recruiter_cues: [Names layers.]\n    strong_answer: Client, CDN, service, database.\n    weak_answer: In memory.\n    weak_because: One layer only.\n    follow_ups: [Which first?]\n&/' \
	"$new/topics/01-cache.yaml"
printf 'added   question cache-0 (in topic cache)\n' >"$TMP/want"
expect_diff "an item added in front moves nothing by itself" 1 "$TMP/want" "$old" "$new"

new=$(fixture_copy flags)
sed -i 's/^  - No queue depth metric.$/  - No metric for queue depth or lag./; s/^  weak: Calls APIs synchronously.$/  weak: Calls every API synchronously./' "$new/topics/02-queue.yaml"
printf '%s\n' \
	'changed topic queue: rubric.weak: "Calls APIs synchronously." → "Calls every API synchronously."' \
	'changed topic queue: red_flags: added "No metric for queue depth or lag."' \
	'changed topic queue: red_flags: removed "No queue depth metric."' >"$TMP/want"
expect_diff "a rubric band and a red flag" 1 "$TMP/want" "$old" "$new"

# levels and scenarios: a kit with a level and a scenario of its own is
# the old side of a kit without them
old_more=$(fixture_copy more)
sed -i 's/^  - id: expert$/  - id: staff\n    title: Staff\n    expects: Sets direction.\n  - id: expert/' "$old_more/kit.yaml"
for f in 01-cache 02-queue; do
	printf '  - id: %s-staff\n    level: staff\n    prompt: For ten teams?\n    recruiter_cues: [Ownership.]\n    strong_answer: A platform.\n    weak_answer: Each team alone.\n    weak_because: Duplication.\n    follow_ups: [On call?]\n' \
		"${f#*-}" >>"$old_more/topics/$f.yaml"
done
new=$(fixture_copy scen)
sed -i 's/^  - id: design-dispute$/  - id: design-debate/' "$new/scenarios.yaml"
printf '%s\n' 'removed level staff' 'removed question cache-staff (in topic cache)' \
	'removed question queue-staff (in topic queue)' \
	'added   scenario design-debate' 'removed scenario design-dispute' >"$TMP/want"
expect_diff "scenarios and levels by id" 1 "$TMP/want" "$old_more" "$new"

# The Markdown changelog reads as Markdown.
new=$(fixture_copy md)
sed -i 's/^version: 0.3.1$/version: 0.4.0/; s/^      coding: 50$/      coding: 60/; s/^      systems: 50$/      systems: 40/' "$new/kit.yaml"
sed -i 's/^    prompt: What is a cache for?$/    prompt: What is a cache *for*, and what happens to the `database` when every cache node restarts?/' \
	"$new/topics/01-cache.yaml"
"$KITGEN" diff --format md "$old" "$new" >"$TMP/changes.md"
check "the changelog names both versions" grep -q '^From version 0.3.1 to version 0.4.0.$' "$TMP/changes.md"
check "the changelog lists the weight change" grep -q 'weights.coding`: 50 → 60$' "$TMP/changes.md"
check "the changelog escapes markup in a word diff" grep -qxF '  - question cache-1: `prompt`: reworded: What is a cache ~~for?~~ **\*for\*, and what happens to the \`database\` when every cache node restarts?**' "$TMP/changes.md"
if [ -x "$ROOT/node_modules/.bin/markdownlint-cli2" ]; then
	check "markdownlint passes on the changelog" sh -c \
		"cd '$ROOT' && node_modules/.bin/markdownlint-cli2 '$TMP/changes.md'"
fi

# Errors: exit 2.
bad=$(fixture_copy bad)
sed -i 's/^    level: expert$/    level: guru/' "$bad/topics/01-cache.yaml"
"$KITGEN" diff "$old" "$bad" >/dev/null 2>"$TMP/err"
status=$?
[ "$status" = 2 ] && grep -q "level 'guru' is not declared" "$TMP/err" &&
	ok "content errors make diff exit 2" || not_ok "content errors make diff exit 2" "status $status"
"$KITGEN" diff "$old" >/dev/null 2>&1
[ $? = 2 ] && ok "one folder without --git is a usage error" || not_ok "one folder without --git is a usage error"

# --git REV, and the version warning, in a scratch repository.
if command -v git >/dev/null 2>&1; then
	repo="$TMP/repo"
	fixture_repo "$repo"
	sed -i 's/^      coding: 50$/      coding: 55/; s/^      systems: 50$/      systems: 45/' "$repo/content/kit.yaml"
	printf '%s\n' 'changed profile balanced: weights.coding: 50 → 55' \
		'changed profile balanced: weights.systems: 50 → 45' >"$TMP/want"
	(cd "$repo" && "$KITGEN" diff --git v0.3.1 content) >"$TMP/got" 2>"$TMP/err"
	status=$?
	[ "$status" = 1 ] && same_text "diff --git v0.3.1 content" "$TMP/want" "$TMP/got" ||
		not_ok "diff --git v0.3.1 content" "status $status" "$(cat "$TMP/err")"
	(cd "$repo/content" && "$KITGEN" diff --git v0.3.1 .) >"$TMP/got" 2>"$TMP/err"
	same_text "diff --git works from inside the content folder" "$TMP/want" "$TMP/got"
	(cd "$repo" && "$KITGEN" diff --git no-such-tag content) >/dev/null 2>"$TMP/err"
	status=$?
	[ "$status" = 2 ] && grep -q "'no-such-tag' is not a revision" "$TMP/err" &&
		ok "an unknown revision is an error" ||
		not_ok "an unknown revision is an error" "status $status" "$(cat "$TMP/err")"

	# --git A B: two revisions, neither checked out, the folder not even
	# in the work tree any more
	repo2="$TMP/repo2"
	fixture_repo "$repo2"
	(cd "$repo2" &&
		sed -i 's/^      coding: 50$/      coding: 55/; s/^      systems: 50$/      systems: 45/' content/kit.yaml &&
		git commit -qam two && git tag v0.4.0 && git mv content kit && git commit -qm moved) >/dev/null 2>&1
	(cd "$repo2" && "$KITGEN" diff --git v0.3.1 v0.4.0) >"$TMP/got" 2>"$TMP/err"
	status=$?
	[ "$status" = 1 ] && same_text "diff --git A B compares two tags, neither checked out" "$TMP/want" "$TMP/got" ||
		not_ok "diff --git A B compares two tags, neither checked out" "status $status" "$(cat "$TMP/err")"
	mkdir -p "$repo2/kit/sub"
	(cd "$repo2/kit/sub" && "$KITGEN" diff --git v0.3.1 v0.4.0 --content ../../content) >"$TMP/got" 2>"$TMP/err"
	same_text "diff --git A B --content DIR names the folder, from anywhere in the repository" "$TMP/want" "$TMP/got"
	(cd "$repo2" && "$KITGEN" diff --git v0.3.1 HEAD) >/dev/null 2>"$TMP/err"
	status=$?
	[ "$status" = 2 ] && [ "$(cat "$TMP/err")" = "content: error: revision 'HEAD' has no folder 'content'
1 error, 0 warnings" ] && ok "a revision without the folder says so" ||
		not_ok "a revision without the folder says so" "status $status" "$(cat "$TMP/err")"
	(cd "$repo2" && "$KITGEN" diff --git v0.3.1 no-such-tag) >/dev/null 2>"$TMP/err"
	status=$?
	[ "$status" = 2 ] && grep -q "'no-such-tag' is not a revision" "$TMP/err" &&
		ok "--git A B with an unknown B is an error" ||
		not_ok "--git A B with an unknown B is an error" "status $status" "$(cat "$TMP/err")"
	mkdir "$TMP/own-tmp"
	(cd "$repo2" && TMPDIR="$TMP/own-tmp" "$KITGEN" diff --git v0.3.1 v0.4.0) >/dev/null 2>&1
	[ -z "$(ls -A "$TMP/own-tmp")" ] && ok "diff --git A B removes its temporary folders" ||
		not_ok "diff --git A B removes its temporary folders" "$(ls -A "$TMP/own-tmp")"

	# stopped while it writes the revisions out (every rename slowed by
	# tests/fault_preload.c), it still removes them
	FAULT=$TMP/fault.so
	if ${CC:-cc} -shared -fPIC -o "$FAULT" "$ROOT/tests/fault_preload.c" -ldl 2>/dev/null; then
		bad=""
		for sig in INT TERM HUP; do
			(cd "$repo2" && TMPDIR="$TMP/own-tmp" KG_FAULT_SLOW_MS=40 LD_PRELOAD="$FAULT" \
				ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" \
				exec env --default-signal=INT,TERM,HUP "$KITGEN" diff --git v0.3.1 v0.4.0) \
				>/dev/null 2>&1 &
			pid=$!
			sleep 0.1
			kill -s "$sig" "$pid"
			wait "$pid"
			status=$?
			[ "$status" -gt 128 ] && [ -z "$(ls -A "$TMP/own-tmp")" ] ||
				bad="$bad $sig: status $status, left $(ls -A "$TMP/own-tmp");"
			rm -rf "$TMP/own-tmp"/*
		done
		[ -z "$bad" ] && ok "diff --git stopped by SIGINT, SIGTERM or SIGHUP leaves no temporary folder" ||
			not_ok "diff --git stopped by SIGINT, SIGTERM or SIGHUP leaves no temporary folder" "$bad"
		# SIGKILL can't be caught: the next diff --git removes what it left
		# (and nothing of a live kitgen's, nor another user's)
		(cd "$repo2" && TMPDIR="$TMP/own-tmp" KG_FAULT_SLOW_MS=40 LD_PRELOAD="$FAULT" \
			exec "$KITGEN" diff --git v0.3.1 v0.4.0) >/dev/null 2>&1 &
		pid=$!
		sleep 0.1
		kill -KILL "$pid"
		wait "$pid" 2>/dev/null
		left=$(ls -A "$TMP/own-tmp")
		mkdir "$TMP/own-tmp/kitgen-git.$$.live"
		(cd "$repo2" && TMPDIR="$TMP/own-tmp" "$KITGEN" diff --git v0.3.1 v0.4.0) >/dev/null 2>&1
		[ -n "$left" ] && [ "$(ls -A "$TMP/own-tmp")" = "kitgen-git.$$.live" ] &&
			ok "the next diff --git removes the folders of one killed by SIGKILL, and only those" ||
			not_ok "the next diff --git removes the folders of one killed by SIGKILL, and only those" \
				"left by the kill: $left" "after: $(ls -A "$TMP/own-tmp")"
		rm -rf "$TMP/own-tmp"/*
	fi
	(cd "$repo" && "$KITGEN" check --content content) >/dev/null 2>"$TMP/err"
	status=$?
	[ "$status" = 0 ] && grep -q "^content/kit.yaml:6:10: warning: content changed since tag 'v0.3.1' but the version is still 0.3.1$" "$TMP/err" &&
		ok "check warns when content changed but the version did not" ||
		not_ok "check warns when content changed but the version did not" "status $status" "$(cat "$TMP/err")"
	sed -i 's/^version: 0.3.1$/version: 0.3.2/' "$repo/content/kit.yaml"
	(cd "$repo" && "$KITGEN" check --content content) >/dev/null 2>"$TMP/err"
	grep -q warning "$TMP/err" && not_ok "no warning once the version changed" "$(cat "$TMP/err")" ||
		ok "no warning once the version changed"
fi
