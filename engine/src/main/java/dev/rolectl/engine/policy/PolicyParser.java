package dev.rolectl.engine.policy;

/**
 * Turns a generic tree (maps, lists, strings, numbers, booleans, as SnakeYAML or Jackson give
 * them) or a JSON string into a {@link dev.rolectl.engine.model.PolicyDocument}, reporting every
 * problem with a JSON pointer. Also writes documents back to JSON for IAM.
 */
public final class PolicyParser {
  private PolicyParser() {}

  /** Parses a document given as a generic tree ({@code Map}, {@code List}, scalars). */
  public static PolicyParse parse(Object tree) {
    throw new UnsupportedOperationException("PolicyParser is not built yet");
  }

  /** Parses a JSON text (e.g. a URL-decoded document from IAM). */
  public static PolicyParse parseJson(String json) {
    throw new UnsupportedOperationException("PolicyParser is not built yet");
  }

  /** Compact JSON for IAM API calls; equivalent documents may be written differently. */
  public static String toJson(dev.rolectl.engine.model.PolicyDocument document) {
    throw new UnsupportedOperationException("PolicyParser is not built yet");
  }
}
