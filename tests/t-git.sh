#!/bin/sh
# t-git.sh - git is run so that a repository's configuration cannot make it
# run anything (issue 14, class 13). A kit unpacked with its .git folder
# may set core.fsmonitor, a pager, an external diff, filter and textconv
# drivers (named by a committed .gitattributes) and hooks, each to a
# command; every kitgen command that runs git (check's warning that the
# content changed since the last tag, diff --git; build runs none) must
# still work and leave no trace of any of them.
. "$(dirname "$0")/lib.sh"

command -v git >/dev/null 2>&1 || {
	ok "git is not installed # SKIP"
	exit 0
}
M="$TMP/markers"
mkdir -p "$M" "$TMP/hooks"
# mark NAME: a script that leaves the marker M/NAME and passes its input on
mark() {
	printf '#!/bin/sh\ntouch "%s/%s"\ncat\n' "$M" "$1" >"$TMP/hooks/mark-$1"
	chmod +x "$TMP/hooks/mark-$1"
	echo "$TMP/hooks/mark-$1"
}

repo="$TMP/repo"
mkdir -p "$repo"
# in the content folder too: an archive of that folder reads its own
printf '* filter=evil diff=evil merge=evil\n' >"$repo/.gitattributes"
mkdir -p "$repo/content"
cp "$repo/.gitattributes" "$repo/content/.gitattributes"
fixture_repo "$repo" || {
	not_ok "a scratch repository" "git init/commit failed"
	exit 0
}
sed -i 's/^      coding: 50$/      coding: 55/; s/^      systems: 50$/      systems: 45/' "$repo/content/kit.yaml"

# The hostile configuration, set after the commit so git itself used none of it.
cfg() { git -C "$repo" config "$1" "$2"; }
cfg core.fsmonitor "$(mark fsmonitor)"
cfg core.pager "$(mark pager)"
cfg pager.diff "$(mark pager-diff)"
cfg diff.external "$(mark diff-external)"
cfg diff.evil.command "$(mark diff-command)"
cfg diff.evil.textconv "$(mark textconv)"
cfg filter.evil.clean "$(mark clean)"
cfg filter.evil.smudge "$(mark smudge)"
cfg filter.evil.process "$(mark process)"
cfg filter.evil.required true
cfg merge.evil.driver "$(mark merge)"
cfg core.sshCommand "$(mark ssh)"
cfg core.askPass "$(mark askpass)"
cfg credential.helper "$(mark credential)"
cfg gpg.program "$(mark gpg)"
cfg log.showSignature true
cfg core.editor "$(mark editor)"
cfg core.alternateRefsCommand "$(mark alternate-refs)"
mkdir -p "$TMP/evil-hooks"
for h in pre-commit post-checkout post-merge post-rewrite reference-transaction \
	fsmonitor-watchman pre-auto-gc post-index-change pre-push; do
	cp "$(mark "hook-$h")" "$TMP/evil-hooks/$h"
	cp "$(mark "githook-$h")" "$repo/.git/hooks/$h"
done
cfg core.hooksPath "$TMP/evil-hooks"
# the index is older than the files: git would refresh it (fsmonitor, clean)
touch "$repo/content/kit.yaml" "$repo/content/topics/01-cache.yaml"

# worked NAME OK: ok when the command worked (OK is 0) and left no marker
worked() {
	ran=$(ls -A "$M" | tr '\n' ' ')
	if [ "$2" = 0 ] && [ -z "$ran" ]; then ok "$1"; else
		not_ok "$1" "${ran:+ran: $ran}" "$(head -5 "$TMP/err")"
		rm -f "$M"/*
	fi
}

# check: the version warning still works
(cd "$repo" && timeout 60 "$KITGEN" check --content content) >/dev/null 2>"$TMP/err"
[ $? = 0 ] && grep -q "^content/kit.yaml:6:10: warning: content changed since tag 'v0.3.1' but the version is still 0.3.1$" "$TMP/err"
worked "check in a hostile repository warns that the content changed, and runs nothing" $?

# diff --git: still the right changes, from the top and from the folder
printf '%s\n' 'changed profile balanced: weights.coding: 50 → 55' \
	'changed profile balanced: weights.systems: 50 → 45' >"$TMP/want"
(cd "$repo" && timeout 60 "$KITGEN" diff --git v0.3.1 content) >"$TMP/got" 2>"$TMP/err"
[ $? = 1 ] && cmp -s "$TMP/want" "$TMP/got"
worked "diff --git in a hostile repository gives the changes, and runs nothing" $?
(cd "$repo/content" && timeout 60 "$KITGEN" diff --git v0.3.1 --format md .) >"$TMP/got" 2>"$TMP/err"
[ $? = 1 ] && grep -q 'weights.coding`: 50 → 55' "$TMP/got"
worked "diff --git --format md from inside the content folder, running nothing" $?

# the user's own environment cannot point git elsewhere or add a command
(cd "$repo" && GIT_DIR=/nonexistent GIT_EXTERNAL_DIFF="$(mark env-external-diff)" \
	GIT_PAGER="$(mark env-pager)" PAGER="$(mark env-pager2)" \
	GIT_CONFIG_PARAMETERS="'core.fsmonitor=$(mark env-config)'" \
	timeout 60 "$KITGEN" diff --git v0.3.1 content) >"$TMP/got" 2>"$TMP/err"
[ $? = 1 ] && cmp -s "$TMP/want" "$TMP/got"
worked "diff --git ignores GIT_* and pager variables" $?

# The warning compares values, as the digest does: a reformatted file is
# no change, a new file not yet committed is one.
plain="$TMP/plain"
fixture_repo "$plain"
sed -i 's/^title: \(.*\)$/title: \1   # reformatted/' "$plain/content/topics/01-cache.yaml"
(cd "$plain" && "$KITGEN" check --content content) >/dev/null 2>"$TMP/err"
grep -q warning "$TMP/err" && not_ok "a reformatted file is no change since the tag" "$(cat "$TMP/err")" ||
	ok "a reformatted file is no change since the tag"
git -C "$plain" checkout -q -- content
sed 's/^id: cache$/id: cache-two/; s/^  - id: cache-\([0-9]\)$/  - id: cache-two-\1/' \
	"$FIXTURE/topics/01-cache.yaml" >"$plain/content/topics/03-cache-two.yaml"
(cd "$plain" && "$KITGEN" check --content content) >/dev/null 2>"$TMP/err"
grep -q "warning: content changed since tag 'v0.3.1'" "$TMP/err" &&
	ok "a topic not yet committed is a change since the tag" ||
	not_ok "a topic not yet committed is a change since the tag" "$(cat "$TMP/err")"

# A FIFO in the repository (tar carries them: .git/packed-refs, HEAD)
# makes git wait forever: each git command is stopped after a time limit
# (30 s; KITGEN_GIT_TIMEOUT shortens it here), check warns and goes on,
# diff --git says so; neither hangs.
for fifo in packed-refs HEAD; do
	repo="$TMP/fifo-$fifo"
	fixture_repo "$repo"
	(cd "$repo" && sed -i 's/^      coding: 50$/      coding: 60/; s/^      systems: 50$/      systems: 40/' content/kit.yaml &&
		git pack-refs --all && rm -f ".git/$fifo" && mkfifo ".git/$fifo") >/dev/null 2>&1
	(cd "$repo" && KITGEN_GIT_TIMEOUT=2 timeout 20 "$KITGEN" check -c content) >/dev/null 2>"$TMP/err"
	status=$?
	[ "$status" = 0 ] && grep -q "warning: git did not answer within 2 s" "$TMP/err" &&
		ok "check in a repository with a FIFO .git/$fifo warns and does not wait" ||
		not_ok "check in a repository with a FIFO .git/$fifo warns and does not wait" "status $status" "$(cat "$TMP/err")"
	(cd "$repo" && KITGEN_GIT_TIMEOUT=2 timeout 20 "$KITGEN" diff --git v0.3.1 content) >/dev/null 2>"$TMP/err"
	status=$?
	[ "$status" = 2 ] && grep -q "error: git did not answer within 2 s" "$TMP/err" &&
		ok "diff --git in a repository with a FIFO .git/$fifo stops with an error" ||
		not_ok "diff --git in a repository with a FIFO .git/$fifo stops with an error" "status $status" "$(cat "$TMP/err")"
done
