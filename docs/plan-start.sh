#!/usr/bin/env bash
# Measures the start-up of `rolectl plan` and `rolectl apply` against moto (see docs/benchmarks.md):
# a stack of ROLES roles (default 100; each with 3 managed attachments, 2 of 20 customer managed
# policies of the stack and 1 AWS managed, and 1 inline policy, like PlanBenchmark) applied to a
# fresh moto, then a no-change plan and a no-change apply, with the launcher's CDS archives, without
# them, and with an archive trained on `validate` only (how the launcher trained before).
# Needs hyperfine and python3; uses the moto of the end-to-end tests (cli/target/moto-venv,
# installed here if missing). Stops its moto on exit.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
roles="${ROLES:-100}"
runs="${RUNS:-15}"
work="cli/target/plan-start"
venv="cli/target/moto-venv"
export ROLECTL_CACHE_DIR="$PWD/cli/target/cds" # the launcher's archives, as in cold-start.sh
export ROLECTL_CDS_TRAIN=1 # make the archives even where CI is set

if [[ ! -x $venv/bin/moto_server ]]; then
  python3 -m venv "$venv"
  "$venv/bin/python" -m pip install --disable-pip-version-check --quiet -r cli/src/test/moto/requirements.txt
fi
rm -rf "$work" && mkdir -p "$work/stack"

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
MOTO_IAM_LOAD_MANAGED_POLICIES=true "$venv/bin/python" cli/src/test/moto/moto_server_ecs_strict.py \
  -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto=$!
trap 'kill "$moto" 2>/dev/null; wait "$moto" 2>/dev/null || true' EXIT
for _ in $(seq 100); do
  curl -sf -X POST "http://127.0.0.1:$port/moto-api/reset" >/dev/null && break
  sleep 0.2
done
export AWS_ENDPOINT_URL="http://127.0.0.1:$port" AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing \
  AWS_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true NO_COLOR=1

python3 - "$roles" >"$work/stack/stack.yaml" <<'PY'
import sys
n, p = int(sys.argv[1]), 20
inline = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"arn:aws:sqs:us-east-1:123456789012:jobs"}]}'
policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::assets/*"}]}'
trust = '{Version: "2012-10-17", Statement: [{Sid: AllowAccessToECSForInfrastructureManagement, Effect: Allow, Principal: {Service: ecs.amazonaws.com}, Action: sts:AssumeRole}]}'
print("apiVersion: rolectl/v1\nstack: bench\nroles:")
for i in range(n):
    print(f"  bench-role-{i:04d}:\n    ecsInfrastructure: loadBalancers\n    trustPolicy: {trust}\n"
          f"    managedPolicies:\n      - ${{policies.bench-policy-{i % p}.arn}}\n"
          f"      - ${{policies.bench-policy-{(i + 7) % p}.arn}}\n"
          "      - arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers\n"
          f"    inlinePolicies:\n      inline: {inline}")
print("policies:")
for j in range(p):
    print(f"  bench-policy-{j}:\n    document: {policy}")
PY

stack="$work/stack"
./rolectl apply "$stack" --target aws --auto-approve >"$work/seed.txt" # also builds the jar and the archives
./rolectl plan "$stack" --target aws --detailed-exitcode --stats >/dev/null 2>"$work/stats.txt" # 0: no changes
./rolectl validate examples/ecs-blue-green >/dev/null
before="$work/validate-only.jsa"
java -XX:TieredStopAtLevel=1 -Xlog:cds=off -Xlog:cds+dynamic=off -XX:ArchiveClassesAtExit="$before" \
  -jar cli/target/rolectl.jar validate examples/ecs-blue-green >/dev/null

echo "date:    $(date -u +%Y-%m-%dT%H:%MZ)"
echo "cpus:    $(nproc)"
echo "load:    $(cut -d' ' -f1-3 /proc/loadavg)"
echo "java:    $(java -version 2>&1 | head -n 2 | tail -n 1)"
echo "roles:   $roles ($(grep -c '^  bench-role' "$stack/stack.yaml") in the stack)"
echo "archives: $(cd "$ROLECTL_CACHE_DIR" && ls -s --block-size=M -- *.jsa | tr '\n' ' ')"
echo "calls of one plan: $(head -n 1 "$work/stats.txt")"
echo

results="$work/hyperfine.json"
old="java -XX:TieredStopAtLevel=1 -Xlog:cds=off -Xlog:cds+dynamic=off -XX:SharedArchiveFile=$before -Xshare:auto -jar cli/target/rolectl.jar"
hyperfine --style basic --warmup 2 --runs "$runs" --export-json "$results" \
  -n "plan, launcher (aws archive)" "./rolectl plan $stack --target aws" \
  -n "plan, archive trained on validate only (before)" "$old plan $stack --target aws" \
  -n "plan, no CDS (ROLECTL_NO_CDS=1)" "ROLECTL_NO_CDS=1 ./rolectl plan $stack --target aws" \
  -n "apply (no changes), launcher (aws archive)" "./rolectl apply $stack --target aws --auto-approve" \
  -n "apply (no changes), archive trained on validate only (before)" "$old apply $stack --target aws --auto-approve" \
  -n "validate example, launcher (offline archive)" "./rolectl validate examples/ecs-blue-green"
echo
python3 - "$results" <<'PY'
import json, sys
print("| command | median wall | min | max | user CPU | sys CPU |")
print("|---|---:|---:|---:|---:|---:|")
for r in json.load(open(sys.argv[1]))["results"]:
    print(f"| {r['command']} | {r['median']:.3f} s | {r['min']:.3f} s | {r['max']:.3f} s "
          f"| {r['user']:.3f} s | {r['system']:.3f} s |")
PY
