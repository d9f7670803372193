package dev.rolectl.engine.live;

import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.policy.PolicyParse;
import dev.rolectl.engine.policy.PolicyParser;
import dev.rolectl.engine.policy.PolicyProblem;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * Policy documents as IAM returns them: URL-encoded JSON (RFC 3986 percent-encoding), or plain
 * JSON (as emulators and the AWS CLI give them). Used by every adapter.
 */
public final class PolicyText {
  private PolicyText() {}

  /**
   * The JSON text of a document: plain JSON (starting with <code>{</code>) as it is, anything
   * else percent-decoded. A {@code +} stays a plus: this is RFC 3986 decoding, not HTML form
   * decoding.
   *
   * @throws IllegalArgumentException when the percent-encoding is malformed
   */
  public static String json(String text) {
    String t = text.strip();
    if (t.startsWith("{")) {
      return t;
    }
    return URLDecoder.decode(t.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /**
   * Parses a document as IAM returns it.
   *
   * @param what names the document in the message, e.g. {@code trust policy of role app}
   * @param fix what the user can do, appended to the message
   * @throws TargetException when the text is not a policy document rolectl understands
   */
  public static PolicyDocument parse(String text, String what, String fix) {
    if (text == null || text.isBlank()) {
      throw new TargetException("the " + what + " is empty: " + fix);
    }
    String json;
    try {
      json = json(text);
    } catch (IllegalArgumentException e) {
      throw new TargetException(
          "the " + what + " is neither JSON nor URL-encoded JSON (" + e.getMessage() + "): " + fix);
    }
    PolicyParse parse = PolicyParser.parseJson(json);
    return parse
        .document()
        .orElseThrow(
            () ->
                new TargetException(
                    "the "
                        + what
                        + " is not a policy document rolectl understands ("
                        + describe(parse)
                        + "): "
                        + fix));
  }

  private static String describe(PolicyParse parse) {
    if (parse.problems().isEmpty()) {
      return "no details";
    }
    return parse.problems().stream()
        .limit(5)
        .map(PolicyText::describe)
        .collect(Collectors.joining("; "));
  }

  private static String describe(PolicyProblem p) {
    return (p.pointer() == null || p.pointer().isEmpty() ? "" : p.pointer() + ": ") + p.message();
  }
}
