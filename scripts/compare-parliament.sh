#!/usr/bin/env bash
# Side-by-side findings of rolectl validate and parliament on the AWS managed policies that
# moto ships (docs/lint.md, "rolectl and parliament on AWS's own policies"). Installs the pinned
# parliament and moto into a throwaway virtualenv; needs python3, PyPI, and the built jar
# (./rolectl builds it). Prints Markdown.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[ -f cli/target/rolectl.jar ] || ./rolectl --help > /dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 -m venv "$work/venv"
"$work/venv/bin/pip" install -q parliament==1.6.4 moto==5.2.5
"$work/venv/bin/python" scripts/compare-parliament.py cli/target/rolectl.jar "$work"
