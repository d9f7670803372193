#!/usr/bin/env python3
"""Runs rolectl validate and parliament side by side on the AWS managed policies moto ships.

Usage (see compare-parliament.sh, which makes the virtualenv):
  python compare-parliament.py ROLECTL_JAR WORK_DIR

Writes WORK_DIR/stack (the corpus as a rolectl stack of customer managed policies, as the
ManagedPolicyCorpusE2E test does) and prints, as Markdown: the findings of each tool by rule or
issue code, and for the pairs of checks that mean the same thing, on how many policies both
tools, only rolectl or only parliament report it.
"""
import collections
import json
import os
import subprocess
import sys

import parliament
from moto.iam.aws_managed_policies import aws_managed_policies_data

# rolectl rule -> parliament issue codes that check the same thing
PAIRS = {
    "unknown-action": ["UNKNOWN_ACTION"],
    "unknown-service": ["UNKNOWN_PREFIX"],
    "resource-mismatch": ["RESOURCE_MISMATCH"],
    "unknown-condition-key": ["UNKNOWN_CONDITION_FOR_ACTION"],
    "unknown-condition-operator": ["UNKNOWN_OPERATOR"],
    "malformed-resource": ["INVALID_ARN"],
    "allow-not-action": ["NOTACTION_WITH_ALLOW"],
    "allow-not-resource": ["NOTRESOURCE_WITH_ALLOW"],
    "passrole-wildcard-resource": ["PRIVILEGE_ESCALATION", "RESOURCE_STAR"],
    "missing-version": ["NO_VERSION"],
}


def write_stack(docs, directory):
    os.makedirs(directory, exist_ok=True)
    files, current, size = [], None, 0
    for name, doc in docs.items():
        if current is None or size > 1_000_000:
            current = {"apiVersion": "rolectl/v1", "stack": "corpus", "policies": {}}
            files.append(current)
            size = 0
        current["policies"][name] = {"document": doc}
        size += len(json.dumps(doc)) + len(name)
    for i, f in enumerate(files):
        with open(os.path.join(directory, "corpus-%02d.yaml" % i), "w") as out:
            json.dump(f, out, indent=1)


def rolectl_findings(jar, directory):
    out = subprocess.run(["java", "-jar", jar, "validate", directory, "--format", "json"],
                         capture_output=True, text=True, check=False).stdout
    found = collections.defaultdict(set)
    for d in json.loads(out)["diagnostics"]:
        found[d["rule"]].add(d["address"].split(".", 1)[1])
    return found


def parliament_findings(docs):
    found = collections.defaultdict(set)
    for name, doc in docs.items():
        try:
            policy = parliament.analyze_policy_string(json.dumps(doc))
        except Exception as e:  # parliament gives up on some documents
            found["(parliament crashed: %s)" % type(e).__name__].add(name)
            continue
        for f in policy.findings:
            found[f.issue].add(name)
    return found


def main(jar, work):
    docs = {n: p["Document"] for n, p in json.loads(aws_managed_policies_data).items()}
    stack = os.path.join(work, "stack")
    write_stack(docs, stack)
    ours = rolectl_findings(jar, stack)
    theirs = parliament_findings(docs)
    print("Corpus: %d AWS managed policies (moto %s), parliament %s\n" % (
        len(docs), __import__("moto").__version__, parliament.__version__))
    print("| tool | rule / issue | policies |\n|---|---|---:|")
    for rule, names in sorted(ours.items()):
        print("| rolectl | `%s` | %d |" % (rule, len(names)))
    for issue, names in sorted(theirs.items()):
        print("| parliament | `%s` | %d |" % (issue, len(names)))
    print("\n| rolectl rule | parliament issue | both | only rolectl | only parliament |")
    print("|---|---|---:|---:|---:|")
    for rule, issues in PAIRS.items():
        a = ours.get(rule, set())
        b = set().union(*(theirs.get(i, set()) for i in issues))
        print("| `%s` | %s | %d | %d | %d |" % (rule, ", ".join("`%s`" % i for i in issues),
                                              len(a & b), len(a - b), len(b - a)))
    examples = {}
    for rule, issues in PAIRS.items():
        a = ours.get(rule, set())
        b = set().union(*(theirs.get(i, set()) for i in issues))
        examples[rule] = {"only rolectl": sorted(a - b)[:5], "only parliament": sorted(b - a)[:5]}
    print("\nExamples:\n\n```\n" + json.dumps(examples, indent=1) + "\n```")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
