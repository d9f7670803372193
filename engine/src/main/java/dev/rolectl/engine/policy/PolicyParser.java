package dev.rolectl.engine.policy;

import dev.rolectl.engine.model.PolicyDocument;
import java.util.Objects;

/**
 * Turns a generic tree (maps, lists, strings, numbers, booleans, as SnakeYAML or Jackson give
 * them) or a JSON string into a {@link PolicyDocument}, reporting every problem with a JSON
 * pointer relative to the document root ({@code /Statement/0/Effect}). Also writes documents back
 * to compact JSON for IAM.
 *
 * <p>The document is present only when there are no problems. Boolean and number condition values
 * become their string forms ({@code "true"}, {@code "10"}). An unquoted YAML date
 * {@code 2012-10-17} is accepted as that Version.
 */
public final class PolicyParser {
  private PolicyParser() {}

  /** Parses a document given as a generic tree ({@code Map}, {@code List}, scalars). */
  public static PolicyParse parse(Object tree) {
    return DocumentReader.read(tree);
  }

  /**
   * Parses a JSON text (e.g. a URL-decoded document from IAM). Malformed JSON (including
   * duplicate keys and trailing content) is one problem at pointer {@code ""} that gives the line
   * and column.
   */
  public static PolicyParse parseJson(String json) {
    Objects.requireNonNull(json, "json");
    return JsonCodec.parse(json);
  }

  /**
   * Compact JSON for IAM API calls: Version first, then Id and Statement (always an array);
   * single values are written as strings; no whitespace outside strings, so its length is what
   * IAM counts against its size quotas. Round-trips through {@link #parseJson} to an equivalent
   * document.
   */
  public static String toJson(PolicyDocument document) {
    Objects.requireNonNull(document, "document");
    return JsonCodec.write(document);
  }
}
