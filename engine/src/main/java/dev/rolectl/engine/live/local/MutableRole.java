package dev.rolectl.engine.live.local;

import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.model.PolicyDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A role being edited by {@link AccountEditor}. */
final class MutableRole {
  final String name;
  final String path;
  final String arn;
  final String roleId;
  final Instant lastUsed;
  String description;
  int maxSessionDuration;
  PolicyDocument trustPolicy;
  String permissionsBoundaryArn;
  final Map<String, String> tags;
  final List<String> attachedPolicyArns;
  final Map<String, PolicyDocument> inlinePolicies;
  final List<String> instanceProfiles;

  MutableRole(LiveRole r) {
    name = r.name();
    path = r.path();
    arn = r.arn();
    roleId = r.roleId();
    lastUsed = r.lastUsed();
    description = r.description();
    maxSessionDuration = r.maxSessionDuration();
    trustPolicy = r.trustPolicy();
    permissionsBoundaryArn = r.permissionsBoundaryArn();
    tags = new TreeMap<>(r.tags());
    attachedPolicyArns = new ArrayList<>(r.attachedPolicyArns());
    inlinePolicies = new TreeMap<>(r.inlinePolicies());
    instanceProfiles = new ArrayList<>(r.instanceProfiles());
  }

  LiveRole toLive() {
    return new LiveRole(
        name,
        path,
        arn,
        roleId,
        description,
        maxSessionDuration,
        trustPolicy,
        permissionsBoundaryArn,
        tags,
        attachedPolicyArns,
        inlinePolicies,
        instanceProfiles,
        lastUsed);
  }

  /** The role's own attributes, as {@code GetRole} gives them (no attachments). */
  LiveRole withoutLinks() {
    return new LiveRole(
        name,
        path,
        arn,
        roleId,
        description,
        maxSessionDuration,
        trustPolicy,
        permissionsBoundaryArn,
        tags,
        List.of(),
        Map.of(),
        List.of(),
        lastUsed);
  }
}
