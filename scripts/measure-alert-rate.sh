#!/bin/sh
# Runs `alert --dry-run --format json` on every day of a range of a store and prints, per day, the figures tested and
# the anomalies found, then the totals: how often the alert rule fires. Usage:
#   scripts/measure-alert-rate.sh BINARY STORE FIRST_DAY LAST_DAY
# The demo's quiet days (no release effect in the day or its baseline) are 2026-06-15..2026-09-15 and 2026-11-04..2026-11-17:
#   scripts/measure-alert-rate.sh .build/debug/clarity-report demo/clarity.sqlite 2026-06-15 2026-09-15
set -eu
binary=$1 store=$2 day=$3 last=$4
days=0 tests=0 findings=0 alarmDays=0
while [ "$(printf '%s\n%s\n' "$day" "$last" | sort | tail -n 1)" = "$last" ]; do
    set +e
    json=$(CLARITY_REPORT_CONFIG= "$binary" alert --store "$store" --day "$day" --dry-run --format json 2>/dev/null)
    set -e
    line=$(printf '%s' "$json" | python3 -c '
import json, sys
report = json.load(sys.stdin)
print(report["tests"], len(report["findings"]), " | ".join(f["text"] for f in report["findings"]))')
    set -- $line
    printf '%s %s\n' "$day" "$line"
    days=$((days + 1)) tests=$((tests + $1)) findings=$((findings + $2))
    [ "$2" -gt 0 ] && alarmDays=$((alarmDays + 1))
    day=$(date -u -d "$day + 1 day" +%F)
done
echo "days $days, figures tested $tests, anomalies $findings, days with any anomaly $alarmDays"
