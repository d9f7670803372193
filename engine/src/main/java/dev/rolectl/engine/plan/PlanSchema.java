package dev.rolectl.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.Set;

/**
 * Checks a saved plan's tree against {@code schemas/plan.schema.json} (JSON Schema 2020-12, the
 * format's published contract, which {@code PlanSchemaTest} holds every written plan to) before
 * it is read: a field missing, null or of another type, a value outside its enumeration, a field
 * the format does not have. The first violation (the deepest, where several concern one value)
 * is a {@link PlanFormatException} at its JSON Pointer.
 */
final class PlanSchema {
  static final String RESOURCE = "/schemas/plan.schema.json";

  private PlanSchema() {}

  /** The schema, built on first use. */
  private static final class Holder {
    static final JsonSchema SCHEMA = load();
  }

  private static JsonSchema load() {
    JsonNode node;
    try (InputStream in = PlanSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCE);
      }
      node = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(SchemaLocation.of(node.get("$id").asText()), node, config);
    schema.initializeValidators();
    return schema;
  }

  /**
   * @throws PlanFormatException at the first violation's value
   */
  static void check(JsonNode root) {
    Set<ValidationMessage> violations = Holder.SCHEMA.validate(root);
    if (violations.isEmpty()) {
      return;
    }
    ValidationMessage first = violations.stream()
        .min(Comparator.comparingInt((ValidationMessage m) -> "oneOf".equals(m.getType()) ? 1 : 0)
            .thenComparing(m -> -m.getInstanceLocation().getNameCount()))
        .orElseThrow();
    String pointer = first.getInstanceLocation().toString();
    String message = first.getMessage();
    if (message.startsWith(pointer + ": ")) {
      message = message.substring(pointer.length() + 2);
    }
    String more = violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "";
    throw new PlanFormatException((pointer.isEmpty() ? "" : pointer + ": ") + message + more
        + ": not what 'rolectl plan --out FILE' writes (schemas/plan.schema.json): the file was"
        + " edited or damaged; make the plan again", pointer);
  }
}
