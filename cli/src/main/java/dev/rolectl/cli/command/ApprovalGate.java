package dev.rolectl.cli.command;

import dev.rolectl.cli.ExitCode;
import dev.rolectl.engine.access.AccessReport;
import dev.rolectl.engine.access.Grant;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanDigest;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code apply --require-approval never|broadening|any-change} (AWS CDK's names) and {@code
 * --approve-broadening DIGEST}: a plan that grants new access (yes or may, from its access
 * analysis) or, with {@code any-change}, any plan with changes needs a person's approval even
 * with {@code --auto-approve}: an interactive {@code yes}, or the plan's digest given with {@code
 * --approve-broadening} (after review, e.g. by a protected environment's reviewers). Without a
 * terminal and without the digest, apply refuses with exit code {@value ExitCode#APPROVAL_REQUIRED}.
 */
final class ApprovalGate {
  /** What needs approval. */
  enum Require {
    NEVER("never"),
    BROADENING("broadening"),
    ANY_CHANGE("any-change");

    final String word;

    Require(String word) {
      this.word = word;
    }

    @Override
    public String toString() {
      return word;
    }
  }

  /** picocli: {@code never}, {@code broadening} or {@code any-change}. */
  static final class RequireConverter implements ITypeConverter<Require> {
    @Override
    public Require convert(String value) {
      for (Require r : Require.values()) {
        if (r.word.equals(value)) {
          return r;
        }
      }
      throw new TypeConversionException("expected never, broadening or any-change, not '" + value
          + "'");
    }
  }

  /** The values, for completion and help. */
  static final class RequireValues extends java.util.ArrayList<String> {
    private static final long serialVersionUID = 1L;

    RequireValues() {
      super(java.util.List.of("never", "broadening", "any-change"));
    }
  }

  /** What the gate decided. */
  enum Decision {
    /** No approval needed (or given by digest): apply as usual. */
    GO,
    /** Ask for an interactive yes, whatever --auto-approve says. */
    ASK
  }

  private ApprovalGate() {}

  /** Why the plan needs approval, or empty when it does not. */
  static Optional<String> reason(Require require, Plan plan, AccessReport access) {
    if (require == Require.NEVER || !plan.hasChanges()) {
      return Optional.empty();
    }
    if (require == Require.ANY_CHANGE) {
      return Optional.of("it changes IAM (--require-approval any-change)");
    }
    if (access == null) {
      return Optional.of("its access could not be analysed, so rolectl cannot say it grants no"
          + " new access");
    }
    return access.grantsNewAccess() == Grant.NO ? Optional.empty()
        : Optional.of("it grants new access (grantsNewAccess: " + access.grantsNewAccess().word()
            + ")");
  }

  /**
   * GO, ASK, or the refusal's message (then exit {@value ExitCode#APPROVAL_REQUIRED}).
   *
   * @param approved the --approve-broadening digest, or null
   * @param terminal whether a person can be asked
   */
  static Result decide(Require require, String approved, Plan plan, AccessReport access,
      boolean terminal) {
    Optional<String> why = reason(require, plan, access);
    if (why.isEmpty()) {
      return new Result(Decision.GO, null);
    }
    String digest = PlanDigest.of(plan);
    if (approved != null) {
      if (PlanDigest.names(approved, plan)) {
        return new Result(Decision.GO, null);
      }
      return new Result(null, "refusing to apply: --approve-broadening " + approved.strip()
          + " names another plan; this plan's digest is " + digest + ". The plan changed since it"
          + " was approved: review this plan and approve its digest. Nothing was changed");
    }
    if (terminal) {
      return new Result(Decision.ASK, "This plan needs your approval: " + why.get() + ".");
    }
    return new Result(null, "refusing to apply: the plan needs a person's approval (" + why.get()
        + ") and the input is not a terminal, so --auto-approve is not enough with"
        + " --require-approval " + require + ". Review the plan (its Access section) and run"
        + " again with --approve-broadening " + digest + ". Nothing was changed");
  }

  /**
   * The gate's decision; {@code decision} is null for a refusal.
   *
   * @param message for ASK what to tell the person asked; for a refusal, why
   */
  record Result(Decision decision, String message) {
    boolean refused() {
      return decision == null;
    }

    int exitCode() {
      return ExitCode.APPROVAL_REQUIRED;
    }
  }
}
