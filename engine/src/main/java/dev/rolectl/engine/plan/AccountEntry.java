package dev.rolectl.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One entry of a multi-account plan file's {@code accounts}, read and checked: an object with a
 * 12-digit {@code accountId}, a {@code roleArn} that is a role of that account (or null), and a
 * {@code plan} of that account or an {@code error}. A file that breaks this was edited or cut;
 * the error names the entry ({@code accounts[3]}) and the field.
 */
final class AccountEntry {
  private static final Pattern ID = Pattern.compile("\\d{12}");
  private static final Pattern ROLE_ARN =
      Pattern.compile("arn:aws(-[a-z]+)*:iam::(\\d{12}):role/[\\w+=,.@/-]+");

  private AccountEntry() {}

  /** Reads {@code accounts[index]}. */
  static AccountPlan read(JsonNode n, int index) {
    String at = "accounts[" + index + "]";
    if (!n.isObject()) {
      throw new PlanFormatException(at + " is not an account object: the file was edited; plan"
          + " again");
    }
    if (!n.path("accountId").isTextual() || !ID.matcher(n.get("accountId").asText()).matches()) {
      throw new PlanFormatException(at + ".accountId: missing or not an account id (12 digits)",
          "/accountId");
    }
    String id = n.get("accountId").asText();
    String where = at + " (account " + id + ")";
    String name = n.path("accountName").asText("");
    String role = null;
    JsonNode r = n.path("roleArn");
    if (!r.isMissingNode() && !r.isNull()) {
      Matcher m = ROLE_ARN.matcher(r.asText());
      if (!r.isTextual() || !m.matches() || !m.group(2).equals(id)) {
        throw new PlanFormatException(where + ".roleArn: '" + r.asText() + "' is not the ARN of a"
            + " role in account " + id + " (arn:PARTITION:iam::" + id + ":role/NAME): the file was"
            + " edited; plan again", "/roleArn");
      }
      role = r.asText();
    }
    if (n.hasNonNull("plan")) {
      Plan p;
      try {
        p = PlanFile.read(n.get("plan"));
      } catch (RuntimeException e) {
        PlanFormatException f = PlanFile.unusable(e, "/plan");
        throw new PlanFormatException(where + ".plan: " + f.getMessage(), f.pointer(), 0, 0, f);
      }
      if (!p.accountId().equals(id)) {
        throw new PlanFormatException(where + " holds a plan of account " + p.accountId()
            + ": the file was edited; plan again", "/plan/accountId");
      }
      return AccountPlan.planned(id, name, role, p);
    }
    if (!n.path("error").isTextual()) {
      throw new PlanFormatException(where + " has neither a plan nor an error: the file was"
          + " edited or cut; plan again");
    }
    return AccountPlan.failed(id, name, role, n.get("error").asText());
  }
}
