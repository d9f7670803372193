#!/usr/bin/env bash
# Makes docs/screenshots/blocked-plan-comment.png: the Markdown of the blocked-plan golden case,
# rendered to HTML by commonmark-java (GFM tables) and shot by headless Chromium (Debian's
# package: apt-get install chromium). Needs the commonmark jars in ~/.m2 (mvn -B test fetches
# them). Not part of the build or the tests.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
repo="${MAVEN_REPO:-$HOME/.m2/repository}"
version="$(sed -n 's:.*<commonmark.version>\(.*\)</commonmark.version>.*:\1:p' "$root/pom.xml")"
cp="$repo/org/commonmark/commonmark/$version/commonmark-$version.jar"
cp="$cp:$repo/org/commonmark/commonmark-ext-gfm-tables/$version/commonmark-ext-gfm-tables-$version.jar"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java -cp "$cp" "$here/RenderMarkdown.java" \
  "$root/cli/src/test/resources/golden/blocked/expected.md" "$here/comment.css" "$work/comment.html"
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/profile" --hide-scrollbars --window-size=900,770 \
  --screenshot="$work/shot.png" "file://$work/comment.html" 2>/dev/null
cp "$work/shot.png" "$here/blocked-plan-comment.png"
echo "wrote $here/blocked-plan-comment.png"
