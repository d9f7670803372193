#!/usr/bin/env bash
# Measures the cold start of `rolectl validate examples/ecs-blue-green` (see docs/benchmarks.md),
# with the launcher's archive for offline commands, and for comparison with an archive trained on
# validate alone and with the launcher's archive for plan and apply.
# Needs hyperfine (apt-get install hyperfine). Builds the jar and the CDS archive first if needed.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${RUNS:-20}"
example=examples/ecs-blue-green
export ROLECTL_CACHE_DIR="$PWD/cli/target/cds" # where the launcher keeps the CDS archive here
export ROLECTL_CDS_TRAIN=1 # make the archives even where CI is set

./rolectl validate "$example" >/dev/null # first use: build + CDS archive (the offline one)
jsa="$(ls "$ROLECTL_CACHE_DIR"/rolectl-*-offline.jsa | head -n 1)"
# For comparison: the archive the launcher makes for plan and apply (with the AWS SDK), and one
# trained on this validate alone (how the launcher trained before it kept two archives).
./rolectl plan "$example" --target "local:$ROLECTL_CACHE_DIR/empty-account.json" >/dev/null
aws_jsa="$(ls "$ROLECTL_CACHE_DIR"/rolectl-*-aws.jsa | head -n 1)"
validate_jsa="$ROLECTL_CACHE_DIR/validate-only.jsa"
[[ -f $validate_jsa && ! $validate_jsa -ot cli/target/rolectl.jar ]] ||
  java -XX:TieredStopAtLevel=1 -Xlog:cds=off -Xlog:cds+dynamic=off -XX:ArchiveClassesAtExit="$validate_jsa" \
    -jar cli/target/rolectl.jar validate "$example" >/dev/null
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
  -n "java -jar, CDS (archive trained on validate only) + C1" "java -XX:TieredStopAtLevel=1 -Xlog:cds=off -Xlog:cds+dynamic=off -XX:SharedArchiveFile=$validate_jsa -Xshare:auto -jar cli/target/rolectl.jar validate $example" \
  -n "java -jar, CDS (the aws archive) + C1" "java -XX:TieredStopAtLevel=1 -Xlog:cds=off -Xlog:cds+dynamic=off -XX:SharedArchiveFile=$aws_jsa -Xshare:auto -jar cli/target/rolectl.jar validate $example" \
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
