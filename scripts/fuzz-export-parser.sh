#!/usr/bin/env bash
# Fuzzes the export parser with libFuzzer (swiftc -sanitize=fuzzer,address) for a while; not part of `make test`.
# Usage: scripts/fuzz-export-parser.sh [seconds, default 300]. Findings are written to .build/fuzz/ as crash-* files.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-300}
out=.build/fuzz
mkdir -p "$out/corpus"
cp Sources/ClarityTestSupport/Samples/*.json "$out/corpus/"
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name ExportParserFuzz \
  $(find Sources/ClarityModel -name '*.swift' | sort) scripts/fuzz/ExportParserFuzzer.swift -o "$out/export-parser-fuzzer"
cat > "$out/json.dict" <<'DICT'
"{"
"}"
"["
"]"
":"
","
"\""
"\\u"
"\\ud800"
"null"
"true"
"false"
"1e999"
"-0"
"\"metricName\""
"\"information\""
"\"Traffic\""
"\"DeadClickCount\""
"\"PopularPages\""
"\"sessionsCount\""
"\"sessionsWithMetricPercentage\""
"\"totalSessionCount\""
"\"Device\""
"\"Url\""
"\"name\""
DICT
cd "$out"
./export-parser-fuzzer -max_total_time="$seconds" -timeout=2 -rss_limit_mb=2048 -dict=json.dict -print_final_stats=1 corpus
