#!/usr/bin/env bash
# Makes the screenshots of docs/pull-requests.md: a plan comment's Markdown rendered to HTML by
# commonmark-java (GFM tables) and shot by headless Chromium (Debian's package: apt-get install
# chromium). Needs the commonmark jars in ~/.m2 (mvn -B test fetches them). Not part of the build
# or the tests. Emoji need a colour emoji font (apt-get install fonts-noto-color-emoji).
#   blocked-plan-comment.png  the blocked-plan golden case (cli/src/test/resources/golden/blocked)
#   scp-deny-comment.png      three changes blocked by an SCP deny in 36 regions, as
#                             CommentLimitsE2E writes it to cli/target/markdown-samples/ (run
#                             that test first: mvn -B -pl cli -am verify -Dit.test=CommentLimitsE2E
#                             -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
repo="${MAVEN_REPO:-$HOME/.m2/repository}"
version="$(sed -n 's:.*<commonmark.version>\(.*\)</commonmark.version>.*:\1:p' "$root/pom.xml")"
cp="$repo/org/commonmark/commonmark/$version/commonmark-$version.jar"
cp="$cp:$repo/org/commonmark/commonmark-ext-gfm-tables/$version/commonmark-ext-gfm-tables-$version.jar"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

shoot() { # MARKDOWN PNG HEIGHT [open: the Blocked reasons unfolded, as after a click]
  if [[ "${4:-}" == open ]]; then
    sed 's:^<details><summary>\(.\) <b>Blocked\:</b>:<details open><summary>\1 <b>Blocked\:</b>:' "$1" > "$work/comment.md"
  else
    cp "$1" "$work/comment.md"
  fi
  java -cp "$cp" "$here/RenderMarkdown.java" "$work/comment.md" "$here/comment.css" "$work/comment.html"
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --hide-scrollbars --window-size="900,$3" \
    --screenshot="$work/shot.png" "file://$work/comment.html" 2>/dev/null
  cp "$work/shot.png" "$2"
  echo "wrote $2"
}

shoot "$root/cli/src/test/resources/golden/blocked/expected.md" "$here/blocked-plan-comment.png" 770
sample="$root/cli/target/markdown-samples/scp-deny-36-regions.md"
if [[ ! -f "$sample" ]]; then
  echo "$sample is missing: run CommentLimitsE2E first (see the top of this script)" >&2
  exit 1
fi
shoot "$sample" "$here/scp-deny-comment.png" 1400 open
