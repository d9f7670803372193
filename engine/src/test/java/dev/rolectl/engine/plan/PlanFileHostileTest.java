package dev.rolectl.engine.plan;

import static dev.rolectl.engine.plan.Fixtures.LB_POLICY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.input.JsonMutations;
import dev.rolectl.engine.input.JsonMutations.Mutation;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.model.Diagnostic;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Saved plans (one account, and many) as hostile files: every value of a real plan deleted, made
 * null or retyped, and attacks on the text. Each either reads (a field rolectl does not need) or
 * is refused with a {@link PlanFormatException} at a line and column, in words: never another
 * exception, never Java's or Jackson's wording. (Whether an edited plan that reads is applied is
 * the re-plan check's business, not the parser's.)
 */
class PlanFileHostileTest {
  /** A plan with every kind of change, document diffs, a verdict, a diagnostic and ECS coverage. */
  static Plan richPlan() {
    LiveAccount live =
        new Fixtures.Live()
            .role("r", "/old/", Fixtures.trust("ec2.amazonaws.com"), Fixtures.owned(Map.of()),
                List.of("arn:aws:iam::aws:policy/ReadOnlyAccess"), Map.of())
            .ownedRole("gone", List.of(LB_POLICY))
            .policy("p", Fixtures.allow("s3:*", "*"), Fixtures.owned(Map.of()), Map.of())
            .build();
    Plan plan =
        Differ.plan(
                Fixtures.stack(
                    Fixtures.role("r"),
                    Fixtures.attachment("r", LB_POLICY),
                    Fixtures.inline("r", "i", Fixtures.allow("s3:GetObject", "*")),
                    Fixtures.policy("p", Fixtures.allow("s3:GetObject", "*"))),
                live,
                new PlanOptions(false, "aws", Instant.parse("2026-11-29T10:00:00Z")))
            .plan()
            .orElseThrow();
    List<ResourceChange> changes = new ArrayList<>();
    for (ResourceChange c : plan.changes()) {
      changes.add(c.address().value().equals("roles.gone")
          ? c.withVerdicts(List.of(Verdict.warn("ecs-role-delete", "next deployment fails"))) : c);
    }
    return plan.withChanges(changes)
        .withEcs(new EcsCoverage(List.of("us-east-1"), List.of("web")))
        .withContext(Instant.parse("2026-11-29T09:00:00Z"), List.of(new Diagnostic(
            dev.rolectl.engine.model.Severity.WARNING, "lint", Fixtures.LOC, null, "a warning")));
  }

  @Test
  void everyValueDeletedNulledOrRetypedReadsOrIsALocatedErrorInWords() {
    String json = PlanFile.write(richPlan());
    List<Mutation> mutations = JsonMutations.perValue(json);
    List<String> failures = JsonMutations.failures(mutations, m -> check(m.json(), PlanFile::read));
    assertEquals(List.of(), failures, failures.size() + " of " + mutations.size());
    assertTrue(mutations.size() > 500, "mutations: " + mutations.size());
    long refused = mutations.stream().filter(m -> refused(m.json(), PlanFile::read) == null).count();
    assertTrue(refused > mutations.size() / 2, refused + " of " + mutations.size() + " refused");
  }

  @Test
  void attacksOnTheTextAreLocatedErrorsInWords() {
    String json = PlanFile.write(richPlan());
    List<Mutation> mutations = JsonMutations.onText(json);
    List<String> failures = JsonMutations.failures(mutations, m -> {
      String problem = check(m.json(), PlanFile::read);
      return problem != null ? problem : refused(m.json(), PlanFile::read);
    });
    assertEquals(List.of(), failures);
  }

  @Test
  void everyValueOfAMultiAccountPlanDeletedNulledOrRetypedIsHandledToo() {
    String json = MultiPlanFile.write(new MultiPlan(MultiPlan.FORMAT_VERSION, "demo", null,
        Instant.parse("2026-11-29T10:00:00Z"), List.of(), List.of(
            AccountPlan.planned("123456789012", "prod", null, richPlan()),
            AccountPlan.failed("222222222222", "dev",
                "arn:aws:iam::222222222222:role/Deployer", "AccessDenied")), null));
    List<Mutation> mutations = new ArrayList<>(JsonMutations.perValue(json));
    mutations.addAll(JsonMutations.onText(json));
    List<String> failures =
        JsonMutations.failures(mutations, m -> check(m.json(), MultiPlanFile::read));
    assertEquals(List.of(), failures, failures.size() + " of " + mutations.size());
  }

  /** Versions are whole numbers: "2", 2.5, true, null, 2e0 and 1e400 are refused at their place. */
  @Test
  void formatVersionMustBeAWholeNumber() {
    String json = PlanFile.write(richPlan());
    String field = "\"formatVersion\" : " + Plan.FORMAT_VERSION;
    for (String bad : List.of("\"" + Plan.FORMAT_VERSION + "\"", Plan.FORMAT_VERSION + ".5",
        "true", "null", Plan.FORMAT_VERSION + "e0", "1e400", Plan.FORMAT_VERSION + ".0",
        "99999999999999999999", "{}")) {
      PlanFormatException e = assertThrows(PlanFormatException.class,
          () -> PlanFile.read(json.replace(field, "\"formatVersion\" : " + bad)), bad);
      assertEquals(2, e.line(), bad + ": " + e.getMessage());
      assertTrue(e.getMessage().startsWith("formatVersion is "), e.getMessage());
      assertTrue(e.getMessage().contains("not a whole number such as " + Plan.FORMAT_VERSION),
          e.getMessage());
    }
  }

  @Test
  void aKeyTwiceIsRefusedAtTheSecond() {
    String stack = "\"stack\" : \"" + Fixtures.STACK + "\",";
    String json = PlanFile.write(richPlan()).replace(stack, stack + "\n  \"stack\" : \"other\",");
    PlanFormatException e = assertThrows(PlanFormatException.class, () -> PlanFile.read(json));
    assertEquals(4, e.line(), e.getMessage());
    assertEquals("the saved plan is not valid JSON: the key \"stack\" twice in one object (JSON"
        + " keys are unique; rolectl does not pick one): a saved plan is the JSON that 'rolectl"
        + " plan --out FILE' writes: make the plan again", e.getMessage());
  }

  /** A problem inside a change is located at its value (here the third change's kind). */
  @Test
  void aProblemInAChangeIsAtItsLine() {
    String json = PlanFile.write(richPlan());
    int third = nth(json, "\"kind\" : ", 3);
    String edited = json.substring(0, third) + "\"kind\" : \"gadget\","
        + json.substring(json.indexOf(',', third) + 1);
    PlanFormatException e = assertThrows(PlanFormatException.class, () -> PlanFile.read(edited));
    long line = edited.substring(0, third).chars().filter(c -> c == '\n').count() + 1;
    assertEquals(line, e.line(), e.getMessage());
    assertTrue(e.getMessage().startsWith("/changes/2/kind: does not have a value in the"
        + " enumeration [\"role\", \"managed_policy\","), e.getMessage());
  }

  private static int nth(String s, String what, int n) {
    int at = -1;
    for (int i = 0; i < n; i++) {
      at = s.indexOf(what, at + 1);
    }
    return at;
  }

  /** Null when {@code read} accepts or refuses as it should; else what went wrong. */
  static String check(String json, Function<String, ?> read) {
    try {
      read.apply(json);
      return null;
    } catch (PlanFormatException e) {
      if (e.line() < 1 || e.column() < 1) {
        return "not located: " + e.getMessage();
      }
      return JsonMutations.internals(e.getMessage());
    } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
      return "threw " + e;
    }
  }

  private static String refused(String json, Function<String, ?> read) {
    try {
      read.apply(json);
      return "read, but it is not a plan";
    } catch (PlanFormatException e) {
      return null;
    }
  }
}
