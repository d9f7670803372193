package dev.rolectl.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether a saved plan's changes (the claim a reviewer saw) are the changes its stack makes
 * against live IAM now (the plan {@code apply} makes again and runs): change for change, in
 * order, every field as the plan file writes it (address, kind, action, impact, reason,
 * dependencies, differences, before and after with their documents and tags). Verdicts are not
 * compared: {@code apply} decides them from live state right before each change; a {@code block}
 * in the file can only add to them ({@link #withClaimedBlocks}).
 */
public final class PlanMatch {
  private PlanMatch() {}

  /**
   * Empty when {@code fresh} has {@code claimed}'s changes; else the first difference, e.g.
   * {@code changes[2] (roles.app): after.trustPolicy.Statement[0].Principal: the file has ...,
   * planning now gives ...}.
   */
  public static Optional<String> firstDifference(Plan claimed, Plan fresh) {
    if (!claimed.stackHash().equals(fresh.stackHash())) {
      return Optional.of("stackHash: the file has " + claimed.stackHash() + ", its resolvedStack"
          + " gives " + fresh.stackHash());
    }
    List<ResourceChange> a = claimed.changes();
    List<ResourceChange> b = fresh.changes();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      if (i >= a.size()) {
        return Optional.of("planning now gives more changes: changes[" + i + "] ("
            + b.get(i).address() + ", " + b.get(i).action().jsonName() + ") is not in the file");
      }
      if (i >= b.size()) {
        return Optional.of("changes[" + i + "] (" + a.get(i).address() + ", "
            + a.get(i).action().jsonName() + ") is not a change planning gives now");
      }
      Optional<JsonDifference> d = JsonDifference.first(tree(a.get(i)), tree(b.get(i)));
      if (d.isPresent()) {
        JsonDifference diff = d.get();
        return Optional.of("changes[" + i + "] (" + a.get(i).address() + ")."
            + diff.path() + ": the file has " + JsonDifference.shown(diff.left())
            + ", planning now gives " + JsonDifference.shown(diff.right()));
      }
    }
    return Optional.empty();
  }

  /**
   * {@code fresh} with the {@code block} verdicts of {@code claimed}'s matching changes added: a
   * change the reviewed plan said was blocked stays refused (unless apply may wait for the
   * deployments), whatever live state says now. The plans must match ({@link #firstDifference}).
   */
  public static Plan withClaimedBlocks(Plan claimed, Plan fresh) {
    List<ResourceChange> out = new ArrayList<>();
    for (int i = 0; i < fresh.changes().size(); i++) {
      ResourceChange c = fresh.changes().get(i);
      List<Verdict> verdicts = new ArrayList<>(c.verdicts());
      claimed.changes().get(i).verdicts().stream()
          .filter(Verdict::isBlock)
          .filter(v -> !verdicts.contains(v))
          .forEach(verdicts::add);
      out.add(c.withVerdicts(verdicts));
    }
    return fresh.withChanges(out);
  }

  private static JsonNode tree(ResourceChange c) {
    ObjectNode n = PlanFile.changeTree(c);
    n.remove("verdicts");
    return n;
  }
}
