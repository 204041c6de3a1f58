#!/bin/sh
# t-serve.sh - `kitgen serve` end to end: serve a copy of the fixture kit
# on a free port, follow its event stream while a topic is edited, broken
# and fixed, try to leave the served folder, and stop it with SIGINT.
# Every wait is bounded (timeout); nothing here measures time.
. "$(dirname "$0")/lib.sh"

command -v curl >/dev/null 2>&1 || { not_ok "curl is installed (tools/deps.sh --test)"; exit 0; }

kit=$(fixture_copy kit)
topic=$kit/topics/01-cache.yaml
mkdir -p "$TMP/tmp"
cp -R "$ROOT/templates" "$TMP/templates"

# until_true SECONDS COMMAND...: run COMMAND until it succeeds, at most SECONDS.
until_true() {
	secs=$1
	shift
	timeout "$secs" sh -c 'until "$@" >/dev/null 2>&1; do sleep 0.05; done' sh "$@"
}
# events N: wait until the stream has sent N reload events.
events() {
	timeout 10 sh -c 'until [ "$(grep -c "^event: $2" "$3")" -ge "$1" ]; do sleep 0.05; done' \
		sh "$1" "${2:-reload}" "$TMP/events"
}
get() { curl -s --max-time 5 --path-as-is "http://127.0.0.1:$port$1"; }
code() { curl -s --max-time 5 --path-as-is -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$1"; }
# The diagnostics box of a served page, unescaped.
box() {
	get "$1" | sed -n '/<pre id="kitgen-diagnostics"/,/<\/pre>/p' |
		sed 's/^<pre [^>]*>//; s/<\/pre>$//' |
		sed 's/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g; s/&#39;/'"'"'/g; s/&amp;/\&/g' |
		sed '${/^$/d}'
}

"$KITGEN" serve --port nope >/dev/null 2>"$TMP/usage"
[ $? = 2 ] && grep -q "bad --port 'nope'" "$TMP/usage" &&
	ok "a bad --port is a usage error" || not_ok "a bad --port is a usage error" "$(cat "$TMP/usage")"

"$KITGEN" serve --bind localhost >/dev/null 2>"$TMP/usage"
[ $? = 2 ] && grep -q "bad --bind 'localhost'" "$TMP/usage" &&
	ok "a --bind that is no address is a usage error" ||
	not_ok "a --bind that is no address is a usage error" "$(cat "$TMP/usage")"
"$KITGEN" serve --content "$TMP/nothing" >/dev/null 2>"$TMP/usage"
[ $? = 2 ] && grep -q "content '$TMP/nothing' is not a folder" "$TMP/usage" &&
	ok "a missing content folder is a usage error" ||
	not_ok "a missing content folder is a usage error" "$(cat "$TMP/usage")"

TMPDIR=$TMP/tmp "$KITGEN" serve --port 0 --content "$kit" \
	--templates "$TMP/templates" >"$TMP/out" 2>"$TMP/err" &
pid=$!
if ! until_true 10 grep -q '^serving http://127.0.0.1:[0-9]*/$' "$TMP/out"; then
	not_ok "serve prints the address it listens on" "$(cat "$TMP/out" "$TMP/err")"
	kill "$pid"
	exit 0
fi
ok "serve prints the address it listens on"
port=$(sed -n 's|^serving http://127.0.0.1:\([0-9]*\)/$|\1|p' "$TMP/out")
site=$(echo "$TMP"/tmp/kitgen-serve.*)

until_true 10 test -f "$site/fixture-kit.pdf"
[ "$(code /)" = 200 ] && get / | grep -q 'fixture-kit.html' &&
	ok "/ serves the index page" || not_ok "/ serves the index page" "$(get /)"
get /fixture-kit.html >"$TMP/page"
grep -qF "new EventSource('/_kitgen/events?page='+encodeURIComponent(location.pathname)+'&seen=" "$TMP/page" &&
	grep -q "content=\"script-src 'nonce-" "$TMP/page" &&
	ok "served pages carry the reload script, allowed by their policy" ||
	not_ok "served pages carry the reload script, allowed by their policy"
! grep -q EventSource "$site/fixture-kit.html" && grep -q 'Design a cache' "$site/fixture-kit.html" &&
	ok "built files stay free of the script" || not_ok "built files stay free of the script"
types=$(for f in /fixture-kit.html /fixture-kit.md /fixture-kit.pdf; do
	curl -s --max-time 5 -o /dev/null -w '%{content_type}\n' "http://127.0.0.1:$port$f"; done)
[ "$types" = "text/html; charset=utf-8
text/markdown; charset=utf-8
application/pdf" ] && ok "content types by extension" || not_ok "content types by extension" "$types"
get /_kitgen/preview/fixture-kit.pdf | grep -q '<iframe id="kitgen-pdf" title="PDF preview" src="/fixture-kit.pdf">' &&
	[ "$(code /_kitgen/preview/nothing.pdf)" = 404 ] &&
	ok "the PDF preview page frames the PDF" || not_ok "the PDF preview page frames the PDF"

# the event stream, open while the content changes; and the stream of an
# open page, as its script names it: its edition is rebuilt first
curl -sN --max-time 60 "http://127.0.0.1:$port/_kitgen/events" >"$TMP/events" &
events=$!
curl -sN --max-time 60 "http://127.0.0.1:$port/_kitgen/events?page=/fixture-kit.html" \
	>"$TMP/page-events" &
page_events=$!
until_true 10 grep -q '^: ready' "$TMP/events"
until_true 10 grep -q '^: ready' "$TMP/page-events"
# Edits are saved as editors save: a hidden temporary file, renamed onto
# the topic (one change; sed -i's visible temporary file could be seen
# as a change of its own, and so could cp's empty new file)
edit() { # edit SED-EXPR: edit the topic
	sed "$1" "$topic" >"$kit/topics/.01-cache.yaml.tmp" &&
		mv "$kit/topics/.01-cache.yaml.tmp" "$topic"
}
edit 's/^title: Design a cache$/title: Design a shared cache/'
events 1 &&
	get /fixture-kit.html | grep -q 'Design a shared cache' &&
	ok "an edit sends a reload event and serves the new content" ||
	not_ok "an edit sends a reload event and serves the new content" "$(cat "$TMP/events" "$TMP/err")"
# the open page's own build comes first (its line is followed by the
# whole HTML's), and its page reloads
until_true 10 grep -q '^event: reload' "$TMP/page-events" &&
	grep 'built /fixture-kit.html in\|built the HTML in' "$TMP/err" | tail -2 |
		head -1 | grep -q 'built /fixture-kit.html in' &&
	ok "the open page's edition is built first, and its page reloads" ||
	not_ok "the open page's edition is built first, and its page reloads" \
		"$(cat "$TMP/page-events" "$TMP/err")"
events 1 pdf &&
	ok "the PDF's rebuild sends a pdf event" || not_ok "the PDF's rebuild sends a pdf event" "$(cat "$TMP/events")"

# broken: a list where a line belongs, written as editors do (temporary
# file, then rename)
sed 's/^title: Design a shared cache$/title: [Design, a <broken> cache]/' "$topic" >"$kit/topics/.01-cache.yaml.tmp"
mv "$kit/topics/.01-cache.yaml.tmp" "$topic"
events 2
NO_COLOR=1 "$KITGEN" check --content "$kit" 2>"$TMP/check.txt" >/dev/null
box /fixture-kit.html >"$TMP/box.txt"
grep -q '01-cache.yaml:2:8: error' "$TMP/check.txt" && grep -q '\^' "$TMP/box.txt" &&
	same_text "a broken topic shows check's diagnostics over the last good page" "$TMP/check.txt" "$TMP/box.txt" ||
	not_ok "a broken topic shows check's diagnostics over the last good page" "$(cat "$TMP/check.txt")" "$(cat "$TMP/box.txt")"
get /fixture-kit.html | grep -q 'a &lt;broken&gt; cache' &&
	get /fixture-kit.html | grep -q 'Design a shared cache' &&
	ok "the diagnostics are HTML-escaped, the last good page stays" ||
	not_ok "the diagnostics are HTML-escaped, the last good page stays"
box /_kitgen/preview/fixture-kit.pdf | grep -q '01-cache.yaml:2:8: error' &&
	ok "the PDF preview shows the diagnostics too" || not_ok "the PDF preview shows the diagnostics too"

edit 's/^title: .*broken.*$/title: Design a fixed cache/'
events 3
page=$(get /fixture-kit.html)
case $page in
*kitgen-diagnostics*) not_ok "fixing the topic clears the diagnostics" ;;
*'Design a fixed cache'*) ok "fixing the topic clears the diagnostics" ;;
*) not_ok "fixing the topic clears the diagnostics" "no new title" ;;
esac

# a topic removed and added back are changes too (the fixture needs it)
mv "$kit/topics/02-queue.yaml" "$TMP/queue.yaml"
events 4 && box /fixture-kit.html | grep -q "no question at this level tests area 'systems'" &&
	ok "removing a topic rebuilds" || not_ok "removing a topic rebuilds" "$(tail -5 "$TMP/err")"
cp "$TMP/queue.yaml" "$kit/topics/.02-queue.yaml.tmp"
mv "$kit/topics/.02-queue.yaml.tmp" "$kit/topics/02-queue.yaml"
events 5 && [ -z "$(box /fixture-kit.html)" ] && ok "adding a topic rebuilds" ||
	not_ok "adding a topic rebuilds" "$(tail -5 "$TMP/err")"
# the open page, told early of each good rebuild and of each broken one
# with the others, reloaded as often as a page that named none: once a
# rebuild (were it told early and again, its count would stay ahead)
if timeout 20 sh -c 'until n=$(grep -c "^event: reload" "$1") && [ "$n" -ge 5 ] &&
	[ "$n" = "$(grep -c "^event: reload" "$2")" ]; do sleep 0.05; done' \
	sh "$TMP/page-events" "$TMP/events" && sleep 0.5 &&
   [ "$(grep -c '^event: reload' "$TMP/page-events")" = "$(grep -c '^event: reload' "$TMP/events")" ] &&
   [ "$(grep -c 'built /fixture-kit.html in' "$TMP/err")" -ge 3 ]; then
	ok "the open page reloads once a rebuild, early when its edition builds"
else
	not_ok "the open page reloads once a rebuild, early when its edition builds" \
		"$(grep -c '^event: reload' "$TMP/page-events") reloads, $(grep -c '^event: reload' "$TMP/events") without a page" \
		"$(cat "$TMP/err")"
fi

# a template of one format rebuilds that format only: no page reloads
# (the Markdown and PDF of the last edit above are written: the stream's
# last event is pdf; a build a quicker edit stopped sends none)
timeout 20 sh -c 'until [ "$(grep "^event:" "$1" | tail -1)" = "event: pdf" ]; do sleep 0.05; done' \
	sh "$TMP/events" || not_ok "the PDF of the last edit is built" "$(cat "$TMP/events")"
reloads=$(grep -c '^event: reload' "$TMP/events")
html_time=$(stat -c %y "$site/fixture-kit.html")
pdf_time=$(stat -c %y "$site/fixture-kit.pdf")
# the Markdown's build ends with its own "pdf" event (the other formats
# are done), after its file is written: the next step counts from there
pdfs=$(grep -c '^event: pdf' "$TMP/events")
printf 'MARK-MD\n' >>"$TMP/templates/md/document.mustache"
until_true 10 grep -q MARK-MD "$site/fixture-kit.md" &&
	events $((pdfs + 1)) pdf &&
	[ "$(grep -c '^event: reload' "$TMP/events")" = "$reloads" ] &&
	[ "$(stat -c %y "$site/fixture-kit.html")" = "$html_time" ] &&
	[ "$(stat -c %y "$site/fixture-kit.pdf")" = "$pdf_time" ] &&
	ok "a Markdown template rebuilds the Markdown only" ||
	not_ok "a Markdown template rebuilds the Markdown only" "$(tail -3 "$TMP/err")"
pdfs=$(grep -c '^event: pdf' "$TMP/events")
printf '# touched\n' >>"$TMP/templates/pdf/style.yaml"
events $((pdfs + 1)) pdf && [ "$(grep -c '^event: reload' "$TMP/events")" = "$reloads" ] &&
	[ "$(stat -c %y "$site/fixture-kit.html")" = "$html_time" ] &&
	[ "$(stat -c %y "$site/fixture-kit.pdf")" != "$pdf_time" ] &&
	ok "the PDF style rebuilds the PDF only, and its preview reloads" ||
	not_ok "the PDF style rebuilds the PDF only, and its preview reloads" "$(tail -3 "$TMP/err")"

# leaving the served folder
ln -s /etc "$site/out"
ln -s "$kit/kit.yaml" "$site/kit.yaml"
for path in /../../../../etc/passwd /%2e%2e/%2e%2e/%2e%2e/etc/passwd /..%2f..%2f..%2fetc/passwd \
	/panels/..%2F..%2Fkit.yaml /out/passwd /kit.yaml /nothing.html; do
	c=$(code "$path")
	case $c in
	403 | 404) ok "leaving the folder: $path is $c" ;;
	*) not_ok "leaving the folder: $path is refused" "status $c" ;;
	esac
done
TMPDIR=$TMP/tmp "$KITGEN" serve --port "$port" --content "$kit" >/dev/null 2>"$TMP/busy"
[ $? = 3 ] && grep -q "cannot serve on 127.0.0.1 port $port" "$TMP/busy" && [ "$(ls "$TMP/tmp" | wc -l)" = 1 ] &&
	ok "a port in use: exit 3, and its folder is gone" ||
	not_ok "a port in use: exit 3, and its folder is gone" "$(cat "$TMP/busy")" "$(ls "$TMP/tmp")"
[ "$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port/")" = 405 ] &&
	ok "only GET and HEAD" || not_ok "only GET and HEAD"

# SIGINT: it stops, ends the event stream, removes its folder
kill -INT "$pid"
if timeout 10 sh -c 'while kill -0 "$1" 2>/dev/null; do sleep 0.05; done' sh "$pid"; then
	wait "$pid"
	status=$?
	[ "$status" = 0 ] && [ -z "$(ls -A "$TMP/tmp")" ] &&
		ok "SIGINT stops it and leaves nothing behind" ||
		not_ok "SIGINT stops it and leaves nothing behind" "status $status" "$(ls -A "$TMP/tmp")"
else
	not_ok "SIGINT stops it and leaves nothing behind" "still running"
	kill -KILL "$pid"
fi
timeout 10 sh -c 'while kill -0 "$1" 2>/dev/null || kill -0 "$2" 2>/dev/null; do sleep 0.05; done' \
	sh "$events" "$page_events" &&
	ok "stopping ends the event streams" ||
	{ not_ok "stopping ends the event streams"; kill "$events" "$page_events"; }

# content broken from the start: / shows the diagnostics, then the kit
kit=$(fixture_copy broken)
sed -i 's/^title: Design a cache$/title: [broken/' "$kit/topics/01-cache.yaml"
TMPDIR=$TMP/tmp "$KITGEN" serve --port 0 --content "$kit" \
	--templates "$ROOT/templates" >"$TMP/out" 2>"$TMP/err" &
pid=$!
if until_true 10 grep -q '^serving' "$TMP/out"; then
	port=$(sed -n 's|^serving http://127.0.0.1:\([0-9]*\)/$|\1|p' "$TMP/out")
	until_true 10 sh -c "curl -s 'http://127.0.0.1:$port/' | grep -q kitgen-diagnostics" &&
		box / | grep -q '01-cache.yaml:3:6: error: did not find expected' &&
		ok "a kit broken from the start: / shows its diagnostics" ||
		not_ok "a kit broken from the start: / shows its diagnostics" "$(get /)"
	sed -i 's/^title: \[broken$/title: Design a cache/' "$kit/topics/01-cache.yaml"
	# The build's files land before serve sees it exit and drops the
	# diagnostics: wait for both, not for the index alone.
	until_true 10 sh -c "curl -s 'http://127.0.0.1:$port/' >'$TMP/index' &&
		grep -q fixture-kit.html '$TMP/index' && ! grep -q kitgen-diagnostics '$TMP/index'" &&
		ok "fixed, / is the kit's index" ||
		not_ok "fixed, / is the kit's index" "$(get /)"
else
	not_ok "serve starts on a broken kit" "$(cat "$TMP/err")"
fi
kill -TERM "$pid"
timeout 10 sh -c 'while kill -0 "$1" 2>/dev/null; do sleep 0.05; done' sh "$pid" || kill -KILL "$pid"

# ---- the browser: an open page reloads by itself ---------------------------

if [ ! -x "${CHROMIUM:-/usr/bin/chromium}" ] || [ ! -d "$ROOT/node_modules/playwright-core" ]; then
	not_ok "Chromium and playwright-core are installed for the browser test (tools/deps.sh --test, npm ci)"
else
	kit=$(fixture_copy browser)
	TMPDIR=$TMP/tmp "$KITGEN" serve --port 0 --content "$kit" \
		--templates "$ROOT/templates" >"$TMP/out" 2>"$TMP/err" &
	pid=$!
	if until_true 10 grep -q '^serving' "$TMP/out"; then
		port=$(sed -n 's|^serving http://127.0.0.1:\([0-9]*\)/$|\1|p' "$TMP/out")
		until_true 10 sh -c "ls '$TMP'/tmp/kitgen-serve.*/fixture-kit.html"
		timeout 120 node "$ROOT/tests/browser/check-serve.mjs" \
			"http://127.0.0.1:$port/fixture-kit.html" "$kit/topics/01-cache.yaml" \
			"title: Design a cache" "title: Design a browser cache" ||
			echo "    (kitgen serve said: $(tail -3 "$TMP/err"))"
	else
		not_ok "serve starts for the browser test" "$(cat "$TMP/err")"
	fi
	kill -TERM "$pid"
	timeout 10 sh -c 'while kill -0 "$1" 2>/dev/null; do sleep 0.05; done' sh "$pid" || kill -KILL "$pid"
fi
