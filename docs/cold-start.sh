#!/usr/bin/env bash
# Measures the cold start of `rolectl validate examples/ecs-blue-green` (see docs/benchmarks.md).
# Needs hyperfine (apt-get install hyperfine). Builds the jar and the CDS archive first if needed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${RUNS:-20}"
example=examples/ecs-blue-green
export ROLECTL_CACHE_DIR="$PWD/cli/target/cds" # where the launcher keeps the CDS archive here

./rolectl validate "$example" >/dev/null # first use: build + CDS archive
jsa="$(ls "$ROLECTL_CACHE_DIR"/rolectl-*.jsa | head -n 1)"
echo "date:    $(date -u +%Y-%m-%dT%H:%MZ)"
echo "cpus:    $(nproc)"
echo "memory:  $(free -h | awk '/^Mem:/ {print $2}')"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java:    $(java -version 2>&1 | head -n 2 | tail -n 1)"
echo

results="$(mktemp)"
trap 'rm -f "$results"' EXIT
hyperfine --style basic --warmup 3 --runs "$runs" --export-json "$results" \
  -n "launcher, CDS + C1" "./rolectl validate $example" \
  -n "launcher, C1 only (ROLECTL_NO_CDS=1)" "ROLECTL_NO_CDS=1 ./rolectl validate $example" \
  -n "java -jar, CDS + C1" "java -XX:TieredStopAtLevel=1 -Xlog:cds=off -Xlog:cds+dynamic=off -XX:SharedArchiveFile=$jsa -Xshare:auto -jar cli/target/rolectl.jar validate $example" \
  -n "java -jar, plain" "java -jar cli/target/rolectl.jar validate $example" \
  -n "java -version (JVM floor)" "java -Xshare:auto -XX:TieredStopAtLevel=1 -version"
echo
python3 - "$results" <<'PY'
import json, sys
print("| command | median wall | mean wall | min | user CPU | sys CPU |")
print("|---|---:|---:|---:|---:|---:|")
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"| {r['command']} | {r['median']:.3f} s | {r['mean']:.3f} s | {r['min']:.3f} s "
          f"| {r['user']:.3f} s | {r['system']:.3f} s |")
PY
