package dev.rolectl.engine.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.rolectl.engine.model.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Validates a stack file's tree against {@code schemas/stack.schema.json} (JSON Schema 2020-12,
 * loaded once from the classpath) and maps every violation to a file location and a message for
 * humans.
 */
final class SchemaValidator {
  static final String RULE = "schema";
  static final String RESOURCE = "/schemas/stack.schema.json";

  /** One violation: where (path and location), which keyword, and the message. */
  record Violation(YamlPath path, String keyword, Location location, String message) {}

  /** The one instance, built once: by {@link #preload()}'s thread or by the first {@link #get()}. */
  private static final FutureTask<SchemaValidator> INSTANCE = new FutureTask<>(SchemaValidator::new);

  private static final AtomicBoolean PRELOADING = new AtomicBoolean();

  private final JsonNode schemaNode;
  private final JsonSchema schema;

  private SchemaValidator() {
    try (InputStream in = SchemaValidator.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing classpath resource " + RESOURCE);
      }
      schemaNode = new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SchemaValidatorsConfig config =
        SchemaValidatorsConfig.builder().pathType(PathType.JSON_POINTER).build();
    schema =
        JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of(schemaNode.get("$id").asText()), schemaNode, config);
    schema.initializeValidators(); // all of the set-up here, not in the first validate
  }

  /**
   * Starts building the instance on a daemon thread, so that the set-up (Jackson, networknt and
   * the stack schema: most of a cold {@code validate}) overlaps with the caller's own start-up on
   * another core, then runs {@code then} on the same thread. Only the first call does anything;
   * {@link #get()} waits for the result.
   */
  static void preload(Runnable then) {
    if (PRELOADING.compareAndSet(false, true)) {
      Thread t = new Thread(() -> {
        INSTANCE.run();
        then.run();
      }, "rolectl-schema-preload");
      t.setDaemon(true);
      t.start();
    }
  }

  /** The instance; builds it here unless {@link #preload()} already is (then waits for it). */
  static SchemaValidator get() {
    INSTANCE.run(); // no-op when it already ran or is running on the preload thread
    try {
      return INSTANCE.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("cannot build the stack schema validator", cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while building the stack schema validator", e);
    }
  }

  /** Every violation in the tree, in file order. */
  List<Violation> validate(YamlValue root) {
    SchemaMessages messages = new SchemaMessages(schemaNode, root);
    Set<Violation> out = new LinkedHashSet<>();
    for (ValidationMessage m : schema.validate(JsonTree.toJson(root))) {
      out.add(messages.describe(m.getType(), path(m.getInstanceLocation()), m.getProperty(),
          fragment(m.getSchemaLocation()), m.getSchemaNode(), m.getMessage()));
    }
    List<Violation> sorted = new ArrayList<>(out);
    sorted.sort(Comparator.comparing((Violation v) -> v.location().file())
        .thenComparingInt(v -> v.location().line())
        .thenComparingInt(v -> v.location().column()));
    return sorted;
  }

  private static YamlPath path(JsonNodePath p) {
    List<Object> parts = new ArrayList<>();
    for (int i = 0; i < p.getNameCount(); i++) {
      Object e = p.getElement(i);
      parts.add(e instanceof Integer ? e : String.valueOf(e));
    }
    return new YamlPath(parts);
  }

  private static String fragment(SchemaLocation location) {
    String s = location == null ? "" : location.toString();
    int hash = s.indexOf('#');
    return hash < 0 ? "" : s.substring(hash + 1);
  }
}
