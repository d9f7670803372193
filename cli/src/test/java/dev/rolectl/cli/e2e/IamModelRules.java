package dev.rolectl.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of IAM that moto 5.2.5 lacks (checked: it accepts each of these), for {@link
 * IamRulesProxy}: each returns "ShapeName|message" for a call IAM refuses, or null. The input
 * constraints come from botocore's IAM model in the moto virtualenv, read at test time; the
 * others from the IAM documentation that docs/iam-rules.md names:
 *
 * <ul>
 *   <li>input constraints of the model (length, pattern, range of every member): {@code
 *       ValidationError} (IAM's common error for them, not a modelled shape);
 *   <li>a Sid other than ASCII letters and digits: {@code MalformedPolicyDocumentException};
 *   <li>a customer managed policy without Version 2012-10-17 (CreatePolicy, CreatePolicyVersion):
 *       {@code MalformedPolicyDocumentException};
 *   <li>tag keys that differ only in case in one call: {@code InvalidInputException};
 *   <li>CreateRole under /aws-service-role/ or /aws-reserved/: {@code InvalidInputException}.
 * </ul>
 */
final class IamModelRules {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SID = Pattern.compile("[0-9A-Za-z]*");
  private static final Set<String> DOCUMENTS = Set.of("AssumeRolePolicyDocument", "PolicyDocument");

  private final JsonNode model;

  IamModelRules(JsonNode model) {
    this.model = model;
  }

  String refusal(String action, Map<String, String> form) {
    String invalid = constraints(action, form);
    if (invalid != null) {
      return invalid;
    }
    for (String field : DOCUMENTS) {
      String doc = form.get(field);
      if (doc != null) {
        String bad = document(doc, action.equals("CreatePolicy")
            || action.equals("CreatePolicyVersion"));
        if (bad != null) {
          return "MalformedPolicyDocumentException|" + bad;
        }
      }
    }
    Set<String> keys = new HashSet<>();
    for (int i = 1; form.containsKey("Tags.member." + i + ".Key"); i++) {
      if (!keys.add(form.get("Tags.member." + i + ".Key").toLowerCase(Locale.ROOT))) {
        return "InvalidInputException|Duplicate tag keys found. Please note that Tag keys are"
            + " case insensitive.";
      }
    }
    String path = form.getOrDefault("Path", "/");
    if (action.equals("CreateRole")) {
      if (path.startsWith("/aws-service-role/")) {
        return "InvalidInputException|The path /aws-service-role/ can only be used for AWS"
            + " Service linked Roles";
      }
      if (path.startsWith("/aws-reserved/")) {
        return "InvalidInputException|The path /aws-reserved/ is reserved for roles that AWS"
            + " creates";
      }
    }
    return null;
  }

  private static String document(String text, boolean managed) {
    JsonNode doc;
    try {
      doc = JSON.readTree(text);
    } catch (IOException e) {
      return null; // moto answers malformed JSON itself
    }
    if (managed && !"2012-10-17".equals(doc.path("Version").asText(null))) {
      return "Policy document must be version 2012-10-17 or greater.";
    }
    JsonNode statements = doc.path("Statement");
    for (JsonNode s : statements.isArray() ? statements : List.of(statements)) {
      if (s.has("Sid") && !SID.matcher(s.path("Sid").asText()).matches()) {
        return "Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the"
            + " regular expression [0-9A-Za-z]*";
      }
    }
    return null;
  }

  /** The first member of the call that breaks the model's constraints, as ValidationError. */
  private String constraints(String action, Map<String, String> form) {
    JsonNode op = model.path("operations").path(action);
    if (op.isMissingNode()) {
      return null;
    }
    JsonNode input = model.path("shapes").path(op.path("input").path("shape").asText());
    List<String> problems = new ArrayList<>();
    input.path("members").fields().forEachRemaining(m -> member(m.getKey(), m.getKey(),
        m.getValue().path("shape").asText(), form, problems));
    return problems.isEmpty() ? null : "ValidationError|" + problems.size() + " validation error"
        + (problems.size() == 1 ? "" : "s") + " detected: " + String.join("; ", problems);
  }

  private void member(String name, String param, String shapeName, Map<String, String> form,
      List<String> problems) {
    JsonNode shape = model.path("shapes").path(shapeName);
    String type = shape.path("type").asText();
    if (type.equals("list")) {
      int n = 0;
      while (form.containsKey(param + ".member." + (n + 1))
          || form.containsKey(param + ".member." + (n + 1) + ".Key")) {
        n++;
        member(name, param + ".member." + n, shape.path("member").path("shape").asText(), form,
            problems);
      }
      if (shape.has("max") && n > shape.path("max").asInt()) {
        problems.add("Value at '" + lower(name) + "' failed to satisfy constraint: Member must"
            + " have length less than or equal to " + shape.path("max").asInt());
      }
      return;
    }
    if (type.equals("structure")) {
      shape.path("members").fields().forEachRemaining(f -> member(f.getKey(),
          param + "." + f.getKey(), f.getValue().path("shape").asText(), form, problems));
      return;
    }
    String value = form.get(param);
    if (value == null) {
      return;
    }
    if (type.equals("string")) {
      if (shape.has("min") && value.length() < shape.path("min").asInt()) {
        problems.add("Value '" + value + "' at '" + lower(name) + "' failed to satisfy"
            + " constraint: Member must have length greater than or equal to "
            + shape.path("min").asInt());
      } else if (shape.has("max") && value.length() > shape.path("max").asInt()) {
        problems.add("Value at '" + lower(name) + "' failed to satisfy constraint: Member must"
            + " have length less than or equal to " + shape.path("max").asInt());
      } else if (shape.has("pattern")
          && !Pattern.compile(shape.path("pattern").asText()).matcher(value).matches()) {
        problems.add("Value '" + value + "' at '" + lower(name) + "' failed to satisfy"
            + " constraint: Member must satisfy regular expression pattern: "
            + shape.path("pattern").asText());
      }
    } else if (type.equals("integer")) {
      long v = Long.parseLong(value);
      if ((shape.has("min") && v < shape.path("min").asLong())
          || (shape.has("max") && v > shape.path("max").asLong())) {
        problems.add("Value '" + value + "' at '" + lower(name) + "' failed to satisfy"
            + " constraint: Member must have value between " + shape.path("min").asLong()
            + " and " + shape.path("max").asLong());
      }
    }
  }

  private static String lower(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }
}
