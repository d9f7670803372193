package dev.rolectl.engine.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

/**
 * The digest that names a plan for {@code apply --approve-broadening}: SHA-256 over the stack
 * name, the account, every change apply would make (address, action, and the resource before
 * and after in canonical JSON), in address order, and the new access the access analysis found
 * (verdict and facts, sorted). Everything else of a plan (when it was made, the target's
 * spelling, verdicts, the before/after tables) is left out, so that planning the same stack
 * against the same live IAM again gives the same digest, and a saved plan's digest is computed
 * from its data, never read from the file.
 *
 * <p>The one place the digest is made: a canonical form of the whole plan (saved-plan signing)
 * can take its place here.
 */
public final class PlanDigest {
  /** How a digest starts. */
  public static final String PREFIX = "sha256:";

  private PlanDigest() {}

  /** {@code sha256:} and 64 lower-case hex digits. */
  public static String of(Plan plan) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      field(md, "rolectl-plan-digest-v1");
      field(md, plan.stack());
      field(md, plan.accountId());
      List<ResourceChange> changes = plan.effectiveChanges().stream()
          .sorted(Comparator.comparing(ResourceChange::address)).toList();
      for (ResourceChange c : changes) {
        field(md, c.address().value());
        field(md, c.action().jsonName());
        md.update(c.before() == null ? new byte[] {0} : PlanFile.canonical(List.of(c.before())));
        md.update((byte) 0);
        md.update(c.after() == null ? new byte[] {0} : PlanFile.canonical(List.of(c.after())));
        md.update((byte) 0);
      }
      if (plan.access() != null) {
        // the new access the plan grants, as analysed from live IAM: approving a digest approves
        // this access, so a principal that gained permissions since the review (the changes
        // alike) gives another digest
        field(md, "access");
        field(md, plan.access().grantsNewAccess().name());
        plan.access().newAccess().stream()
            .map(f -> String.join("\u0001", f.principal(), f.action(), f.resource(), f.detail(),
                f.grant().name(), String.join(",", f.unknowns())))
            .sorted()
            .forEach(f -> field(md, f));
        field(md, Integer.toString(plan.access().newAccessOmitted()));
      }
      return PREFIX + HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /**
   * Whether {@code given} (as a user typed it: with or without {@code sha256:}, any case, spaces
   * around) names this plan.
   */
  public static boolean names(String given, Plan plan) {
    if (given == null) {
      return false;
    }
    String g = given.strip().toLowerCase(java.util.Locale.ROOT);
    String d = of(plan);
    return g.equals(d) || g.equals(d.substring(PREFIX.length()));
  }

  private static void field(MessageDigest md, String s) {
    md.update(s.getBytes(StandardCharsets.UTF_8));
    md.update((byte) 0);
  }
}
