#!/usr/bin/env bash
# Regenerates the example reports from the demo store in a scratch folder and checks they equal the committed ones, byte for byte.
set -euo pipefail
binary=${1:-.build/debug/clarity-report}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
"$binary" demo --out "$scratch/demo" --reports "$scratch/reports" >/dev/null
if ! diff -r reports "$scratch/reports"; then
  echo "error: reports/ differs from what this commit's code writes; run 'make demo' and commit reports/." >&2
  exit 1
fi
echo "reports/ matches what the code writes (byte for byte)."
