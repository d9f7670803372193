package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.policy.PolicyParser;

/** IAM quotas lint checks against (aws-facts.md, "IAM quotas"). */
final class Quotas {
  static final int TRUST_POLICY = 2_048;
  static final int TRUST_POLICY_MAX = 4_096;
  static final int INLINE_POLICIES_PER_ROLE = 10_240;
  static final int MANAGED_POLICY = 6_144;
  static final int MANAGED_POLICIES_PER_ROLE_MAX = 25;
  static final int ROLE_NAME = 64;
  static final int PATH = 512;
  static final int POLICY_NAME = 128;
  static final int TAGS = 50;
  static final int MIN_SESSION = 3_600;
  static final int MAX_SESSION = 43_200;

  private Quotas() {}

  /**
   * The size IAM counts: characters of the compact JSON rolectl sends (no whitespace outside
   * strings).
   */
  static int size(PolicyDocument d) {
    String json = PolicyParser.toJson(d);
    return json.codePointCount(0, json.length());
  }

  /** 12345 as "12,345". */
  static String n(int value) {
    return String.format(java.util.Locale.ROOT, "%,d", value);
  }
}
