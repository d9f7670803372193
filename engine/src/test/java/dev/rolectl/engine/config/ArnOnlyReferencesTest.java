package dev.rolectl.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.graph.GraphBuilder;
import dev.rolectl.engine.graph.GraphResult;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.Stack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ordering only where IAM needs it: a reference in a statement's Resource, NotResource or
 * Condition only forms an ARN, so it makes no dependency; a role's permissions boundary (and
 * every other place that names something IAM must find) still does.
 */
class ArnOnlyReferencesTest {
  @TempDir Path dir;

  static final String SELF_BOUNDARY = """
      apiVersion: rolectl/v1
      stack: s
      roles:
        app:
          trustPolicy:
            Version: "2012-10-17"
            Statement:
              - {Effect: Allow, Principal: {Service: ecs.amazonaws.com}, Action: sts:AssumeRole}
          permissionsBoundary: ${policies.appBoundary.arn}
          inlinePolicies:
            passOther:
              Version: "2012-10-17"
              Statement:
                - Effect: Allow
                  Action: iam:PassRole
                  Resource: ${roles.other.arn}
                  Condition: {StringEquals: {iam:PassedToService: ecs.amazonaws.com}}
        other:
          trustPolicy:
            Version: "2012-10-17"
            Statement:
              - {Effect: Allow, Principal: {Service: ecs.amazonaws.com}, Action: sts:AssumeRole}
      policies:
        appBoundary:
          document:
            Version: "2012-10-17"
            Statement:
              - Effect: Allow
                Action: s3:GetObject
                Resource: "*"
              - Effect: Deny
                Action: iam:*
                NotResource: ["${roles.app.arn}"]
              - Effect: Deny
                Action: sts:AssumeRole
                Resource: "*"
                Condition:
                  StringNotEquals: {aws:PrincipalArn: "${roles.app.arn}", aws:username: "${roles.app.name}"}
      """;

  @Test
  void aBoundaryNamingItsOwnRoleIsNoCycle() throws Exception {
    Path file = dir.resolve("stack.yaml");
    Files.writeString(file, SELF_BOUNDARY);
    Stack stack = StackLoaderTest.load(file, LoadOptions.offline());
    GraphResult graph = GraphBuilder.build(stack);
    assertTrue(graph.ok(), () -> graph.diagnostics().stream().map(Diagnostic::format)
        .collect(Collectors.joining("\n")));
    Role app = stack.resources(Role.class).filter(r -> r.name().equals("app")).findFirst()
        .orElseThrow();
    ManagedPolicy boundary = stack.resources(ManagedPolicy.class).findFirst().orElseThrow();
    assertEquals(Set.of(Address.policy("appBoundary")), app.dependsOn(),
        "the role waits for its boundary policy");
    assertEquals(Set.of(), boundary.dependsOn(), "naming the role's ARN needs no order");
    InlinePolicy pass = stack.resources(InlinePolicy.class).findFirst().orElseThrow();
    assertEquals(Set.of(Address.role("app")), pass.dependsOn(),
        "an inline policy waits for its role, not for the role its Resource names");
  }

  @Test
  void onlyResourceNotResourceAndConditionFormArnsOnly() {
    assertTrue(StackAssembler.Dependencies.formsArnOnly(
        YamlPath.of("policies", "p", "document", "Statement", 0, "Resource")));
    assertTrue(StackAssembler.Dependencies.formsArnOnly(
        YamlPath.of("policies", "p", "document", "Statement", "NotResource", 1)));
    assertTrue(StackAssembler.Dependencies.formsArnOnly(YamlPath.of("roles", "r",
        "inlinePolicies", "i", "Statement", 2, "Condition", "ArnEquals", "aws:SourceArn")));
    assertTrue(!StackAssembler.Dependencies.formsArnOnly(
        YamlPath.of("roles", "r", "trustPolicy", "Statement", 0, "Principal", "AWS")));
    assertTrue(!StackAssembler.Dependencies.formsArnOnly(
        YamlPath.of("roles", "r", "permissionsBoundary")));
    assertTrue(!StackAssembler.Dependencies.formsArnOnly(
        YamlPath.of("roles", "r", "managedPolicies", 0)));
  }
}
