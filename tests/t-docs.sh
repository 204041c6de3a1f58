#!/bin/sh
# t-docs.sh - the documents in the tree are right as they are: the man
# page carries the Makefile's VERSION and no unreplaced @VARIABLE@ (it is
# read in a checkout with `man ./man/kitgen.1` and installed unchanged),
# and every relative link of the Markdown documents points at a file
# inside the repository.
. "$(dirname "$0")/lib.sh"
MAN=$ROOT/man/kitgen.1

vars=$(grep -n '@[A-Za-z_][A-Za-z0-9_]*@' "$MAN")
[ -z "$vars" ] && ok "the man page holds no unreplaced @VARIABLE@" ||
	not_ok "the man page holds no unreplaced @VARIABLE@" "$vars"
version=$(sed -n 's/^VERSION *:*= *//p' "$ROOT/Makefile")
th=$(grep '^\.TH ' "$MAN")
[ -n "$version" ] && [ "$th" = ".TH KITGEN 1 \"\" \"kitgen $version\" \"User Commands\"" ] &&
	ok "the man page's version is the Makefile's ($version)" ||
	not_ok "the man page's version is the Makefile's ($version)" "$th"
got=$("$KITGEN" --version)
[ "$got" = "kitgen $version" ] && ok "kitgen --version is the Makefile's" ||
	not_ok "kitgen --version is the Makefile's" "$got"

# links: [text](target) and ![alt](target); http(s) and mailto are external
# on purpose, anything else must resolve to a file in the repository
for doc in README.md content/README.md BENCHMARKS.md; do
	bad=""
	dir=$(dirname "$ROOT/$doc")
	for target in $(grep -oE '\]\([^)#]*' "$ROOT/$doc" | sed 's/^](//'); do
		case $target in http://* | https://* | mailto:* | "") continue ;; esac
		path=$(realpath -m "$dir/$target")
		case $path in
		"$ROOT"/*) [ -e "$path" ] || bad="$bad $target (missing)" ;;
		*) bad="$bad $target (outside the repository)" ;;
		esac
	done
	[ -z "$bad" ] && ok "$doc links only to files in the repository" ||
		not_ok "$doc links only to files in the repository" "$bad"
done
