#!/bin/sh
# publish.sh - build a tagged release of a kit for CI: any CI service runs
# it on a tag (GitHub Actions: docs/publish-github-actions.yml).
#
#   tools/publish.sh [--tag vX.Y.Z] [--content DIR] [--out DIR]
#                    [--templates DIR]
#
# It refuses (exit 1, nothing written) when the tag is not vX.Y.Z, does not
# name the commit checked out, or its X.Y.Z is not `version` in
# DIR/kit.yaml. Otherwise it builds the kit (with the templates of
# --templates, else as kitgen build finds them) and writes into OUT
# (default release/, replaced whole):
#   <kit id>-X.Y.Z.pdf   the published kit (with "What changed since" the
#                        previous release: kitgen build --changes-since)
#   CHANGES.md           `kitgen diff --git PREVIOUS_TAG --format md`,
#                        PREVIOUS_TAG the newest vX.Y.Z tag before this
#                        one (on a first release: a line that says so)
# The tag is --tag, else $GITHUB_REF_NAME or $CI_COMMIT_TAG when they hold
# one, else the vX.Y.Z tag at HEAD. KITGEN names the program (default:
# kitgen on PATH). Exit status: 0 written, 1 refused, 2 usage, 3 failed.
set -u

tag="" content=content out=release templates=""
KITGEN=${KITGEN:-kitgen}
die() { echo "publish: $2" >&2; exit "$1"; }

while [ $# -gt 0 ]; do
	case $1 in
	--tag) [ $# -ge 2 ] || die 2 "--tag needs a value"; tag=$2; shift 2 ;;
	--content) [ $# -ge 2 ] || die 2 "--content needs a value"; content=$2; shift 2 ;;
	--out) [ $# -ge 2 ] || die 2 "--out needs a value"; out=$2; shift 2 ;;
	--templates) [ $# -ge 2 ] || die 2 "--templates needs a value"; templates=$2; shift 2 ;;
	-h | --help) sed -n '2,/^set -u/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
	*) die 2 "unknown argument '$1' (try --help)" ;;
	esac
done
[ -n "$content" ] && [ -n "$out" ] || die 2 "--content and --out need a folder"

is_version_tag() { echo "$1" | grep -Eq '^v(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$'; }

if [ -z "$tag" ]; then
	for t in "${GITHUB_REF_NAME:-}" "${CI_COMMIT_TAG:-}"; do
		is_version_tag "$t" && { tag=$t; break; }
	done
fi
if [ -z "$tag" ]; then
	tag=$(git tag --points-at HEAD --list 'v*' 2>/dev/null | while read -r t; do
		is_version_tag "$t" && echo "$t"; done | sort -V | tail -1)
	[ -n "$tag" ] || die 1 "HEAD has no vX.Y.Z tag (give --tag)"
fi
is_version_tag "$tag" || die 1 "tag '$tag' is not vX.Y.Z"
[ "$(git rev-parse -q --verify "refs/tags/$tag^{commit}" 2>/dev/null)" = "$(git rev-parse HEAD 2>/dev/null)" ] ||
	die 1 "tag '$tag' is not the commit checked out (check out $tag first)"

# the version as kit.yaml states it (plain or quoted)
[ -f "$content/kit.yaml" ] || die 1 "no $content/kit.yaml"
version=$(sed -n 's/^version:[[:space:]]*["'"'"']\{0,1\}\([0-9.]*\)["'"'"']\{0,1\}[[:space:]]*\(#.*\)\{0,1\}$/\1/p' "$content/kit.yaml" | head -1)
[ "v$version" = "$tag" ] ||
	die 1 "tag '$tag' does not match version '${version:-?}' in $content/kit.yaml (bump the version, or tag v$version)"

prev=$(git tag --merged "$tag^" --list 'v*' 2>/dev/null | while read -r t; do
	is_version_tag "$t" && echo "$t"; done | sort -V | tail -1)

stage=$(mktemp -d "$(dirname "$out")/.publish.XXXXXX") || die 3 "cannot make a temporary folder beside $out"
trap 'rm -rf "$stage"' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
"$KITGEN" build --quiet --content "$content" ${templates:+--templates "$templates"} \
	${prev:+--changes-since "$prev"} --out "$stage/build" --format pdf ||
	die 3 "kitgen build failed"
id=$("$KITGEN" list --content "$content" | head -1 | cut -d' ' -f1)
[ -f "$stage/build/$id.pdf" ] || die 3 "the build wrote no $id.pdf"
mkdir "$stage/release"
mv "$stage/build/$id.pdf" "$stage/release/$id-$version.pdf"
if [ -n "$prev" ]; then
	"$KITGEN" diff --git "$prev" --format md "$content" >"$stage/release/CHANGES.md"
	[ $? -le 1 ] || die 3 "kitgen diff --git $prev failed"
else
	printf '# Changes in %s\n\nThe first release: no earlier vX.Y.Z tag.\n' "$version" \
		>"$stage/release/CHANGES.md"
fi
rm -rf "$out" && mv "$stage/release" "$out" || die 3 "cannot write $out"
echo "publish: $tag: wrote $out/$id-$version.pdf and $out/CHANGES.md${prev:+ (changes since $prev)}"
