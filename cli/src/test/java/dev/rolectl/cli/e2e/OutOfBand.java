package dev.rolectl.cli.e2e;

import java.util.Map;

/**
 * Changes made to an account behind rolectl's back, as a person would make them: through the AWS
 * SDK on moto, or by editing the account file of a {@code local:} target. Scenarios are written
 * once against this interface and run on both.
 */
interface OutOfBand {
  /** {@code aws iam create-role} with the trust policy text exactly as given. */
  void createRole(String name, String path, String trustPolicyJson, Map<String, String> tags);

  void attachRolePolicy(String role, String policyArn);

  void putRolePolicy(String role, String policyName, String documentJson);

  void updateAssumeRolePolicy(String role, String trustPolicyJson);

  void tagRole(String role, Map<String, String> tags);

  /** Creates a customer managed policy and returns its ARN. */
  String createPolicy(String name, String documentJson, Map<String, String> tags);

  void createUser(String name);
}
