package dev.rolectl.engine.access;

import static dev.rolectl.engine.access.AccessFixtures.ACCOUNT;
import static dev.rolectl.engine.access.AccessFixtures.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rolectl.engine.model.PolicyDocument;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Fixed cases: documents that awspolicyequivalence (Terraform's rules for equal policies) holds
 * equal grant each other nothing new, and the IAM User Guide's evaluation examples decide as the
 * guide says.
 */
class AccessFixedCasesTest {
  static final String USER = "arn:aws:iam::" + ACCOUNT + ":user/carlos";

  static Subject user(Map<String, String> tags, String boundary, String... docs) {
    Map<String, String> keys = Subjects.principalKeys(USER, ACCOUNT, "User", tags);
    keys.put("aws:username", "carlos");
    List<Rule> rules = new java.util.ArrayList<>();
    for (String d : docs) {
      rules.addAll(Rules.compile(doc(d.replace('\'', '"')), "policy", keys));
    }
    return new Subject(new Who(Who.Kind.USER, "user carlos", USER, ACCOUNT, keys), rules,
        boundary == null ? null : Rules.compile(doc(boundary.replace('\'', '"')), "boundary", keys));
  }

  static Grant allowed(Subject s, String action, String resource, Map<String, String> context) {
    Map<String, String> ctx = new HashMap<>(s.who().keys());
    ctx.putAll(context);
    return Decide.allowed(Evaluator.identity(s, new Request(s.who(),
        action.toLowerCase(java.util.Locale.ROOT), resource, ctx)));
  }

  // ---- awspolicyequivalence: equal documents, nothing new either way ----

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "string vs one-element list|{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}]}"
          + "|{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':['s3:GetObject'],'Resource':['*']}]}",
      "statement object vs list|{'Version':'2012-10-17','Statement':{'Effect':'Allow','Action':'s3:*','Resource':'*'}}"
          + "|{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'s3:*','Resource':'*'}]}",
      "statement order|{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'},{'Effect':'Deny','Action':'s3:GetObject','Resource':'arn:aws:s3:::secret/*'}]}"
          + "|{'Version':'2012-10-17','Statement':[{'Effect':'Deny','Action':'s3:GetObject','Resource':'arn:aws:s3:::secret/*'},{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}]}",
      "element order|{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':['s3:GetObject','s3:PutObject'],'Resource':['arn:aws:s3:::a/*','arn:aws:s3:::b/*']}]}"
          + "|{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':['s3:PutObject','s3:GetObject'],'Resource':['arn:aws:s3:::b/*','arn:aws:s3:::a/*']}]}",
      "effect case|{'Version':'2012-10-17','Statement':[{'Effect':'allow','Action':'s3:GetObject','Resource':'*'}]}"
          + "|{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}]}",
      "action case|{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'S3:getobject','Resource':'*'}]}"
          + "|{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}]}",
      "boolean value vs string|{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'Bool':{'aws:SecureTransport':true}}}]}"
          + "|{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'Bool':{'aws:SecureTransport':'true'}}}]}",
      "duplicate entries|{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':['s3:GetObject','s3:GetObject'],'Resource':'*'}]}"
          + "|{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}]}",
      "statement split over its actions|{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':['s3:GetObject','sqs:SendMessage'],'Resource':'*'}]}"
          + "|{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'},{'Effect':'Allow','Action':'sqs:SendMessage','Resource':'*'}]}",
  })
  void equivalentDocumentsGrantNothingNewEitherWay(String name, String a, String b) {
    Subject sa = user(Map.of(), null, a);
    Subject sb = user(Map.of(), null, b);
    assertEquals(List.of(), CanDo.newly(sa, sb), name);
    assertEquals(List.of(), CanDo.newly(sb, sa), name);
  }

  @Test
  void anAccountIdAndItsRootArnAreTheSameTrust() {
    var live = new AccessFixtures.Live()
        .role("app", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":"
            + "{\"AWS\":\"" + ACCOUNT + "\"},\"Action\":\"sts:AssumeRole\"}]}", List.of(), Map.of(), null)
        .user("carlos").account();
    var before = AccessFixtures.role("app", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
        + "\"Allow\",\"Principal\":{\"AWS\":\"" + ACCOUNT + "\"},\"Action\":\"sts:AssumeRole\"}]}");
    var after = AccessFixtures.role("app", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
        + "\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":"
        + "\"sts:AssumeRole\"}]}");
    assertEquals(Grant.NO,
        AccessAnalysis.of(live, List.of(AccessFixtures.update(before, after))).grantsNewAccess());
  }

  // ---- the IAM User Guide's examples ----

  @Test
  void notActionAllowsEverythingButWhatItNames() {
    Subject s = user(Map.of(), null,
        "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}]}");
    assertEquals(Grant.YES, allowed(s, "s3:GetObject", "arn:aws:s3:::b/k", Map.of()));
    assertEquals(Grant.NO, allowed(s, "iam:CreateUser", "*", Map.of()));
  }

  @Test
  void anExplicitDenyOverridesAnAllow() {
    Subject s = user(Map.of(), null, "{'Version':'2012-10-17','Statement':["
        + "{'Effect':'Allow','Action':'s3:*','Resource':'*'},"
        + "{'Effect':'Deny','Action':'s3:DeleteBucket','Resource':'*'}]}");
    assertEquals(Grant.YES, allowed(s, "s3:PutObject", "arn:aws:s3:::b/k", Map.of()));
    assertEquals(Grant.NO, allowed(s, "s3:DeleteBucket", "arn:aws:s3:::b", Map.of()));
  }

  @Test
  void aPermissionsBoundaryLimitsWhatIdentityPoliciesAllow() {
    String admin = "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'*','Resource':'*'}]}";
    String boundary = "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':"
        + "['s3:*','cloudwatch:*','ec2:*'],'Resource':'*'}]}";
    Subject bounded = user(Map.of(), boundary, admin);
    assertEquals(Grant.YES, allowed(bounded, "ec2:RunInstances", "*", Map.of()));
    assertEquals(Grant.NO, allowed(bounded, "iam:CreateUser", "*", Map.of()));
    Subject unbounded = user(Map.of(), null, admin);
    assertEquals(1, CanDo.newly(bounded, unbounded).size(), "removing the boundary broadens");
  }

  @Test
  void aPrincipalTagConditionMatchesTheTaggedUserOnly() {
    String policy = "{'Version':'2012-10-17','Statement':{'Effect':'Allow','Action':'iam:*AccessKey*',"
        + "'Resource':'arn:aws:iam::" + ACCOUNT + ":user/*','Condition':{'StringEquals':"
        + "{'aws:PrincipalTag/job-category':'iamuser-admin'}}}}";
    String target = "arn:aws:iam::" + ACCOUNT + ":user/someone";
    assertEquals(Grant.YES, allowed(user(Map.of("job-category", "iamuser-admin"), null, policy),
        "iam:CreateAccessKey", target, Map.of()));
    assertEquals(Grant.NO, allowed(user(Map.of(), null, policy), "iam:CreateAccessKey", target,
        Map.of()));
  }

  @Test
  void passRoleIsLimitedToTheServiceNamed() {
    Subject s = user(Map.of(), null, "{'Version':'2012-10-17','Statement':{'Effect':'Allow',"
        + "'Action':'iam:PassRole','Resource':'*','Condition':{'StringEquals':"
        + "{'iam:PassedToService':'ec2.amazonaws.com'}}}}");
    String role = "arn:aws:iam::" + ACCOUNT + ":role/ec2-app";
    assertEquals(Grant.YES, allowed(s, "iam:PassRole", role,
        Map.of("iam:passedtoservice", "ec2.amazonaws.com")));
    assertEquals(Grant.NO, allowed(s, "iam:PassRole", role,
        Map.of("iam:passedtoservice", "lambda.amazonaws.com")));
  }

  @Test
  void aUserNamedInTheTrustAssumesWithoutItsOwnPermissionTheAccountNeedsIt() {
    Subject s = user(Map.of(), null);
    String role = "arn:aws:iam::" + ACCOUNT + ":role/app";
    Request r = new Request(s.who(), "sts:assumerole", role, s.who().keys());
    var named = Rules.compile(doc("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Principal\":{\"AWS\":\"" + USER + "\"},\"Action\":\"sts:AssumeRole\"}]}"), "trust", Map.of());
    var account = Rules.compile(doc("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Principal\":{\"AWS\":\"" + ACCOUNT + "\"},\"Action\":\"sts:AssumeRole\"}]}"), "trust", Map.of());
    assertEquals(Grant.YES, Decide.allowed(Evaluator.assume(s, r, named)));
    assertEquals(Grant.NO, Decide.allowed(Evaluator.assume(s, r, account)));
  }
}
