package dev.rolectl.engine.policy.lint;

import static dev.rolectl.engine.policy.lint.PolicyLinterTest.inline;
import static dev.rolectl.engine.policy.lint.PolicyLinterTest.mentions;
import static dev.rolectl.engine.policy.lint.PolicyLinterTest.none;
import static dev.rolectl.engine.policy.lint.PolicyLinterTest.one;
import static dev.rolectl.engine.policy.lint.PolicyLinterTest.trust;
import static dev.rolectl.engine.policy.lint.StackFixture.ECS_TRUST;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.Severity;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rules that check documents against the IAM service reference, IAM's grammar and IAM's
 * character sets (issue 10): one positive and one negative case each, with the location.
 */
class CatalogueRulesTest {
  static final String PASS_ROLE_TYPO = "'Effect':'Allow','Action':'iam:PassRol',"
      + "'Resource':'arn:aws:iam::111122223333:role/x'";

  @Test
  void typoInConditionOperatorIsAnErrorWithSuggestion() {
    Diagnostic d = one(inline("'Effect':'Allow','Action':'iam:PassRole','Resource':"
        + "'arn:aws:iam::111122223333:role/x','Condition':{'StringEqual':{'iam:PassedToService':"
        + "'ecs.amazonaws.com'}}")
        .at("/roles/r/inlinePolicies/p/Statement/0/Condition/StringEqual", 12, 9)
        .lint("unknown-condition-operator"));
    assertEquals(Severity.ERROR, d.severity());
    assertEquals(12, d.location().line());
    mentions(d, "StringEqual", "IAM refuses", "did you mean 'StringEquals'?");
    none(inline("'Effect':'Allow','Action':'s3:GetObject','Resource':'*','Condition':{"
        + "'ForAnyValue:StringLikeIfExists':{'aws:TagKeys':'a*'},'Null':{'aws:SourceIp':'true'}}")
        .lint("unknown-condition-operator"));
    mentions(one(inline("'Effect':'Allow','Action':'s3:GetObject','Resource':'*','Condition':{"
        + "'NullIfExists':{'aws:SourceIp':'true'}}").lint("unknown-condition-operator")), "Null");
  }

  @Test
  void typoInActionIsAWarningWithSuggestion() {
    Diagnostic d = one(inline(PASS_ROLE_TYPO)
        .at("/roles/r/inlinePolicies/p/Statement/0/Action", 8, 17).lint("unknown-action"));
    assertEquals(Severity.WARNING, d.severity());
    assertEquals(8, d.location().line());
    mentions(d, "iam:PassRol", "did you mean 'iam:PassRole'?");
    none(inline("'Effect':'Allow','Action':['iam:PassRole','S3:getobject','ec2:Describe*',"
        + "'ec2:Describe?nstances','*'],'Resource':'*'").lint("unknown-action"));
    mentions(one(inline("'Effect':'Allow','Action':'s3:Fetch*','Resource':'*'")
        .lint("unknown-action")), "s3:Fetch*", "matches no action");
  }

  @Test
  void unknownServiceIsAWarning() {
    Diagnostic d = one(inline("'Effect':'Allow','Action':'iamm:PassRole','Resource':'*'")
        .lint("unknown-service"));
    mentions(d, "iamm", "did you mean 'iam'?");
    none(inline("'Effect':'Allow','Action':'ecs:DescribeServices','Resource':'*'")
        .lint("unknown-service"));
  }

  @Test
  void conditionKeysIgnoreCaseAndAreSuggested() {
    none(inline("'Effect':'Allow','Action':'s3:GetObject','Resource':'*','Condition':{"
        + "'IpAddress':{'aws:sourceip':'10.0.0.0/8'},'StringEquals':{'s3:ExistingObjectTag/team':"
        + "'a','aws:PrincipalTag/team':'b','token.actions.githubusercontent.com:sub':'c'}}")
        .lint("unknown-condition-key"));
    Diagnostic d = one(inline("'Effect':'Allow','Action':'s3:GetObject','Resource':'*',"
        + "'Condition':{'IpAddress':{'aws:SorceIp':'10.0.0.0/8'}}")
        .at("/roles/r/inlinePolicies/p/Statement/0/Condition/IpAddress/aws:SorceIp", 20, 11)
        .lint("unknown-condition-key"));
    assertEquals(Severity.WARNING, d.severity());
    assertEquals(20, d.location().line());
    mentions(d, "aws:SorceIp", "did you mean 'aws:SourceIp'?");
    mentions(one(inline("'Effect':'Allow','Action':'iam:PassRole','Resource':'*','Condition':"
        + "{'StringEquals':{'iam:PassedToServices':'ecs.amazonaws.com'}}")
        .lint("unknown-condition-key")), "did you mean 'iam:PassedToService'?");
  }

  @Test
  void resourcesMustBeArnsAndMatchTheirActions() {
    mentions(one(inline("'Effect':'Allow','Action':'s3:GetObject','Resource':'my-bucket'")
        .lint("malformed-resource")), "not an ARN");
    none(inline("'Effect':'Allow','Action':'s3:GetObject','Resource':['arn:aws:s3:::b/*','*']")
        .lint("malformed-resource"));
    Diagnostic mismatch = one(inline("'Effect':'Allow','Action':['s3:GetObject','s3:ListBucket'],"
        + "'Resource':'arn:aws:s3:::my-bucket'").lint("resource-mismatch"));
    assertEquals(Severity.WARNING, mismatch.severity());
    mentions(mismatch, "s3:GetObject", "arn:${Partition}:s3:::${BucketName}/${ObjectName}");
    none(inline("'Effect':'Allow','Action':['s3:GetObject','s3:ListBucket'],'Resource':["
        + "'arn:aws:s3:::my-bucket','arn:aws:s3:::my-bucket/${aws:username}/*']")
        .lint("resource-mismatch"));
    mentions(one(inline("'Effect':'Allow','Action':'s3:ListAllMyBuckets','Resource':"
        + "'arn:aws:s3:::my-bucket'").lint("resource-mismatch")), "supports only Resource \"*\"");
    mentions(one(inline("'Effect':'Allow','Action':'s3:GetObject','Resource':"
        + "'arn:aws:s4:::my-bucket/*'").lint("unknown-resource-type")), "s4");
    none(inline("'Effect':'Allow','Action':'logs:PutLogEvents','Resource':'arn:aws:logs:*:*:*'")
        .lint("unknown-resource-type"));
  }

  @Test
  void notPrincipalInTrustIsAnError() {
    Diagnostic d = one(new StackFixture().role("r", trust("'NotPrincipal':{'AWS':"
        + "'arn:aws:iam::111122223333:user/x'}")).lint("trust-not-principal"));
    assertEquals(Severity.ERROR, d.severity());
    none(new StackFixture().role("r", ECS_TRUST).lint("trust-not-principal"));
  }

  @Test
  void missingVersionWarnsAndWithVariablesFails() {
    Diagnostic warning = one(new StackFixture().role("r", ECS_TRUST).inline("r", "p",
        "{'Statement':[{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}]}")
        .lint("missing-version"));
    assertEquals(Severity.WARNING, warning.severity());
    mentions(warning, "Inline policy p of role r", "2012-10-17");
    String withVariable = "{'Statement':[{'Effect':'Allow','Action':'s3:GetObject',"
        + "'Resource':'arn:aws:s3:::b/${aws:username}/*'}]}";
    Diagnostic error = one(new StackFixture().role("r", ECS_TRUST).inline("r", "p", withVariable)
        .lint("policy-variables-need-version"));
    assertEquals(Severity.ERROR, error.severity());
    mentions(error, "${aws:username}", "literally");
    none(new StackFixture().role("r", ECS_TRUST).inline("r", "p", withVariable)
        .lint("missing-version"));
    none(inline("'Effect':'Allow','Action':'s3:GetObject','Resource':"
        + "'arn:aws:s3:::b/${aws:username}/*'").lint("policy-variables-need-version"));
  }

  @Test
  void charactersBeyondLatin1InPolicies() {
    Diagnostic d = one(inline("'Sid':'バケット','Effect':'Allow','Action':'s3:GetObject',"
        + "'Resource':'*'").lint("policy-characters"));
    mentions(d, "U+30D0", "U+0020 to U+00FF");
    mentions(one(inline("'Effect':'Allow','Action':'s3:GetObject','Resource':"
        + "'arn:aws:s3:::b/\uD83D\uDE00'").lint("policy-characters")), "U+1F600");
    none(inline("'Sid':'Caf\u00e9','Effect':'Allow','Action':'s3:GetObject','Resource':'*'")
        .lint("policy-characters"));
  }

  @Test
  void descriptionsAndTagsWithCharactersIamRefuses() {
    Role dash = new Role(Address.role("r"), new dev.rolectl.engine.model.Location("s.yaml", 1, 1),
        "r", "/", "Runs nightly batch jobs \u2014 owned by the data team", 3600,
        StackFixture.json(ECS_TRUST), null, Map.of("team", "data\u2014x"), null, false, false,
        Set.of());
    var findings = new StackFixture().role(dash).lint("text-characters");
    assertEquals(2, findings.size(), findings.toString());
    mentions(findings.get(0), "U+2014", "printable Latin-1");
    Role fine = new Role(Address.role("r"), new dev.rolectl.engine.model.Location("s.yaml", 1, 1),
        "r", "/", "Caf\u00e9 - batch", 3600, StackFixture.json(ECS_TRUST), null,
        Map.of("team", "data"), null, false, false, Set.of());
    none(new StackFixture().role(fine).lint("text-characters"));
  }

  @Test
  void awsManagedPolicyArns() {
    Diagnostic pathless = one(new StackFixture().role("r", ECS_TRUST)
        .attach("r", "arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole")
        .lint("aws-managed-policy-path"));
    assertEquals(Severity.ERROR, pathless.severity());
    mentions(pathless, "did you mean arn:aws:iam::aws:policy/service-role/"
        + "AWSLambdaBasicExecutionRole?");
    Diagnostic typo = one(new StackFixture().role("r", ECS_TRUST)
        .attach("r", "arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancer")
        .lint("unknown-aws-managed-policy"));
    assertEquals(Severity.WARNING, typo.severity(), "newer than the catalogue? plan decides");
    mentions(typo, "did you mean 'AmazonECSInfrastructureRolePolicyForLoadBalancers'?");
    none(new StackFixture().role("r", ECS_TRUST)
        .attach("r", "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")
        .attach("r", StackFixture.LB_POLICY)
        .attach("r", "arn:aws:iam::111122223333:policy/mine")
        .lint().stream().filter(d -> d.rule().contains("aws-managed-policy")).toList());
    Diagnostic slr = one(new StackFixture().role("r", ECS_TRUST)
        .attach("r", "arn:aws:iam::aws:policy/aws-service-role/AmazonECSServiceRolePolicy")
        .lint("service-linked-role-policy"));
    assertEquals(Severity.ERROR, slr.severity());
    mentions(slr, "PolicyNotAttachable");
  }
}
