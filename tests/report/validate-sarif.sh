#!/usr/bin/env bash
# Validates SARIF files with Microsoft's SARIF Multitool against the schema and
# GitHub's ingestion rules (`validate --rule-kind "Gh;Sarif"`); fails on any error.
# Arguments: [--run TEST_BINARY] then SARIF files or directories holding *.sarif.
# The Multitool is installed into <repo>/.tools by scripts/install-test-tools.
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
multitool="$("$repo/scripts/install-test-tools" --print-multitool)"
# The Multitool is a .NET program; without libicu it needs invariant globalization.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# --run TEST_BINARY: run the report tests in a scratch directory first and validate
# every SARIF file they wrote (report-out/*.sarif), so no test ordering is needed.
if [ "${1:-}" = "--run" ]; then
  (cd "$work" && "$2" --gtest_brief=1 >"$work/tests.txt" 2>&1) || {
    cat "$work/tests.txt" >&2
    echo "validate-sarif: $2 failed" >&2
    exit 1
  }
  shift 2
  set -- "$work/report-out" "$@"
fi

files=()
for arg in "$@"; do
  if [ -d "$arg" ]; then
    while IFS= read -r f; do files+=("$f"); done < <(find "$arg" -maxdepth 1 -name '*.sarif' | sort)
  elif [ -f "$arg" ]; then
    files+=("$arg")
  fi
done
if [ ${#files[@]} -eq 0 ]; then
  echo "validate-sarif: no SARIF files given" >&2
  exit 1
fi

status=0
for f in "${files[@]}"; do
  log="$work/validation.log.sarif"
  rm -f "$log"
  "$multitool" validate --rule-kind "Gh;Sarif" --level "Error;Warning" \
    --output "$log" "$f" >"$work/console.txt" 2>&1 || true
  if [ ! -s "$log" ]; then
    echo "FAIL $f: the Multitool wrote no log" >&2
    cat "$work/console.txt" >&2
    status=1
    continue
  fi
  # Count and print the Multitool's own results: errors fail, warnings are shown.
  if ! python3 - "$log" "$f" <<'PY'
import json, sys
log, name = sys.argv[1], sys.argv[2]
doc = json.load(open(log, encoding="utf-8"))
errors = 0
for run in doc.get("runs", []):
    for inv in run.get("invocations", []):
        for n in inv.get("toolExecutionNotifications", []) + inv.get("toolConfigurationNotifications", []):
            if n.get("level", "warning") == "error":
                errors += 1
                print(f"  tool error: {n.get('message', {}).get('text')}", file=sys.stderr)
    for r in run.get("results", []):
        level = r.get("level", "warning")
        text = r.get("message", {}).get("text") or str(r.get("message", {}).get("arguments"))
        print(f"  {level} {r.get('ruleId')}: {text}", file=sys.stderr)
        if level == "error":
            errors += 1
print(("FAIL " if errors else "ok   ") + name + (f" ({errors} errors)" if errors else ""), file=sys.stderr)
sys.exit(1 if errors else 0)
PY
  then
    status=1
  fi
done
exit $status
