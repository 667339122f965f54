#!/usr/bin/env bash
# Renders a readiness report holding hostile text from scanned code in headless
# Chromium and checks what the browser built: the text is shown as text, no
# <script> element exists, and the page needed nothing from the network.
# Usage: browser-check.sh TWELVE_BINARY. Exit 77 (skipped) without chromium.
set -euo pipefail
twelve="$1"
browser="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$browser" ]; then
  echo "browser-check: chromium is not installed (scripts/install-test-tools): skipped" >&2
  exit 77
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir "$work/src"
cat >"$work/src/main.cpp" <<'EOF'
#include <cstdio>
int main() {
  freopen("<script>alert(1)</script>&amp;.log", "a", stdout);
  return 0;
}
EOF
"$twelve" scan "$work/src" --format html="$work/report.html" --fail-on never >/dev/null
"$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --user-data-dir="$work/profile" --dump-dom "file://$work/report.html" >"$work/dom.html" 2>"$work/browser.log" || {
  cat "$work/browser.log" >&2
  exit 1
}
fail() { echo "browser-check: $*" >&2; exit 1; }
grep -q "12-factor readiness report" "$work/dom.html" || fail "the page did not render (no title in the DOM)"
! grep -qi "<script" "$work/dom.html" || fail "the DOM has a <script> element: scanned text was not escaped"
# Serialized text nodes escape < and &: the literal survived as text, entity and all.
grep -qF '&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;.log' "$work/dom.html" ||
  fail "the literal from the scanned code is not shown as text"
! grep -qE 'src="(https?:)?//|<link[^>]*href="(https?:)?//|url\((https?:)?//' "$work/dom.html" ||
  fail "the page loads a resource from the network"
echo "browser-check: escaped text rendered as text in $("$browser" --version 2>/dev/null)"
