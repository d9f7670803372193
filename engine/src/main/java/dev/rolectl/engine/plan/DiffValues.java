package dev.rolectl.engine.plan;

import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import java.util.Map;
import java.util.Objects;

/**
 * The values of an attribute difference, taken from the change's {@code before} and {@code after}
 * as the differ takes them ({@link AttributeDiffs}). A saved plan names which attributes differ;
 * what {@code show} renders for them and what {@code apply} writes are then the same values: a
 * file whose {@code diffs} say something else than its {@code before} and {@code after} is refused
 * when read.
 */
final class DiffValues {
  private DiffValues() {}

  /**
   * The difference of {@code attribute} ({@code trustPolicy}, {@code tags.team}...).
   *
   * @param document whether the file gives it as a document difference
   * @throws PlanFormatException when the resources have no such attribute, it is of the other
   *     type, or both sides are the same value
   */
  static AttributeDiff of(String attribute, boolean document, Resource before, Resource after) {
    if (before == null || after == null || before.getClass() != after.getClass()) {
      throw new PlanFormatException("a difference of " + attribute + " in a change that does not"
          + " have a before and an after of one kind");
    }
    if (document) {
      return new AttributeDiff.Document(attribute, doc(attribute, before), doc(attribute, after));
    }
    String b = value(attribute, before);
    String a = value(attribute, after);
    if (Objects.equals(b, a)) {
      throw new PlanFormatException("a difference of " + attribute + " whose before and after are"
          + " the same");
    }
    return new AttributeDiff.Value(attribute, b, a);
  }

  private static PolicyDocument doc(String attribute, Resource r) {
    if (r instanceof Role role && attribute.equals("trustPolicy")) {
      return role.trustPolicy();
    }
    if (r instanceof ManagedPolicy p && attribute.equals("document")) {
      return p.document();
    }
    if (r instanceof InlinePolicy i && attribute.equals("document")) {
      return i.document();
    }
    throw unknown(attribute, r, "document");
  }

  private static String value(String attribute, Resource r) {
    if (attribute.startsWith("tags.")) {
      Map<String, String> tags = r instanceof Role role ? role.tags()
          : r instanceof ManagedPolicy p ? p.tags() : null;
      if (tags == null) {
        throw unknown(attribute, r, "value");
      }
      return tags.get(attribute.substring("tags.".length()));
    }
    if (r instanceof Role role) {
      switch (attribute) {
        case "description":
          return AttributeDiffs.blankToNull(role.description());
        case "maxSessionDuration":
          return Integer.toString(role.maxSessionDuration());
        case "permissionsBoundary":
          return role.permissionsBoundary();
        default:
          break;
      }
    }
    throw unknown(attribute, r, "value");
  }

  private static PlanFormatException unknown(String attribute, Resource r, String type) {
    return new PlanFormatException("a " + ResourceKind.of(r).label() + " has no " + type
        + " attribute " + attribute + " that rolectl changes");
  }
}
