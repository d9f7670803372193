package dev.rolectl.cli.e2e.ecsapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * The published ECS API model, botocore's {@code ecs/2014-11-13/service-2.json(.gz)}, read at test
 * time from the moto virtualenv the build makes (never copied into the repository). {@link
 * #check} says where an answer of {@link EcsApiServer} strays from the model: a member the output
 * shape does not have, an enum value it does not list, a value of the wrong JSON type, or an error
 * code that is neither one of the operation's errors nor one of the errors every AWS JSON service
 * may send.
 */
public final class EcsModel {
  /** Errors of the AWS JSON protocol that no service model lists (AWS sends them for any call). */
  static final Set<String> COMMON_ERRORS =
      Set.of("ThrottlingException", "UnknownOperationException", "UnrecognizedClientException");

  private final JsonNode shapes;
  private final JsonNode operations;
  private final Set<String> futureEnumValues = new HashSet<>();

  private EcsModel(JsonNode model) {
    this.shapes = model.path("shapes");
    this.operations = model.path("operations");
  }

  /** The model of the venv's botocore. */
  public static EcsModel load(Path venv) {
    Path file = find(venv);
    try (InputStream in =
        file.toString().endsWith(".gz")
            ? new GZIPInputStream(Files.newInputStream(file))
            : Files.newInputStream(file)) {
      return new EcsModel(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the ECS model " + file, e);
    }
  }

  private static Path find(Path venv) {
    try (Stream<Path> libs = Files.list(venv.resolve("lib"))) {
      for (Path lib : libs.toList()) {
        Path dir = lib.resolve("site-packages/botocore/data/ecs/2014-11-13");
        for (String name : List.of("service-2.json.gz", "service-2.json")) {
          if (Files.isRegularFile(dir.resolve(name))) {
            return dir.resolve(name);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    throw new IllegalStateException("no botocore ECS model under " + venv + " (is moto installed?)");
  }

  /**
   * Lets answers carry an enum value the model does not list yet, standing in for a value AWS adds
   * later (e.g. a new service deployment status). Every use says so in its test.
   */
  public void allowFutureValue(String value) {
    futureEnumValues.add(value);
  }

  /** The values of an enum shape, e.g. {@code ServiceDeploymentStatus}. */
  public List<String> enumValues(String shape) {
    List<String> out = new ArrayList<>();
    shapes.path(shape).path("enum").forEach(v -> out.add(v.asText()));
    return out;
  }

  /**
   * Every member of a structure shape whose name matches {@code name} and whose shape is a
   * string, as {@code Shape.member} (e.g. {@code TaskDefinition.executionRoleArn}), sorted.
   */
  public List<String> stringMembers(java.util.regex.Pattern name) {
    java.util.TreeSet<String> out = new java.util.TreeSet<>();
    Iterator<Map.Entry<String, JsonNode>> it = shapes.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> shape = it.next();
      if (!shape.getValue().path("type").asText().equals("structure")) {
        continue;
      }
      Iterator<Map.Entry<String, JsonNode>> members = shape.getValue().path("members").fields();
      while (members.hasNext()) {
        Map.Entry<String, JsonNode> m = members.next();
        String type = shapes.path(m.getValue().path("shape").asText()).path("type").asText();
        if (type.equals("string") && name.matcher(m.getKey()).find()) {
          out.add(shape.getKey() + "." + m.getKey());
        }
      }
    }
    return List.copyOf(out);
  }

  public boolean hasOperation(String operation) {
    return operations.has(operation);
  }

  /** Where the answer body strays from the operation's output shape; empty when it does not. */
  public List<String> check(String operation, JsonNode body) {
    List<String> problems = new ArrayList<>();
    JsonNode op = operations.path(operation);
    if (op.isMissingNode()) {
      problems.add("no operation " + operation + " in the model");
      return problems;
    }
    walk(op.path("output").path("shape").asText(), body, operation, problems);
    return problems;
  }

  /** Whether an error code may be sent for the operation. */
  public List<String> checkError(String operation, String code) {
    if (COMMON_ERRORS.contains(code)) {
      return List.of();
    }
    for (JsonNode e : operations.path(operation).path("errors")) {
      if (e.path("shape").asText().equals(code)) {
        return List.of();
      }
    }
    return List.of(operation + " has no error " + code + " in the model");
  }

  private void walk(String shapeName, JsonNode value, String at, List<String> problems) {
    JsonNode shape = shapes.path(shapeName);
    String type = shape.path("type").asText();
    switch (type) {
      case "structure" -> {
        if (!value.isObject()) {
          problems.add(at + ": " + shapeName + " must be an object");
          return;
        }
        Iterator<Map.Entry<String, JsonNode>> it = value.fields();
        while (it.hasNext()) {
          Map.Entry<String, JsonNode> f = it.next();
          JsonNode member = shape.path("members").path(f.getKey());
          if (member.isMissingNode()) {
            problems.add(at + "." + f.getKey() + ": " + shapeName + " has no such member");
          } else if (!f.getValue().isNull()) {
            walk(member.path("shape").asText(), f.getValue(), at + "." + f.getKey(), problems);
          }
        }
      }
      case "list" -> {
        if (!value.isArray()) {
          problems.add(at + ": " + shapeName + " must be a list");
          return;
        }
        for (int i = 0; i < value.size(); i++) {
          walk(shape.path("member").path("shape").asText(), value.get(i), at + "[" + i + "]", problems);
        }
      }
      case "map" -> {
        if (!value.isObject()) {
          problems.add(at + ": " + shapeName + " must be a map");
        }
      }
      case "string" -> {
        if (!value.isTextual()) {
          problems.add(at + ": " + shapeName + " must be a string");
        } else if (shape.has("enum") && !enumHas(shape.path("enum"), value.asText())) {
          problems.add(at + ": '" + value.asText() + "' is not a value of " + shapeName);
        }
      }
      case "integer", "long" -> {
        if (!value.isIntegralNumber()) {
          problems.add(at + ": " + shapeName + " must be a whole number");
        }
      }
      case "double", "float" -> {
        if (!value.isNumber()) {
          problems.add(at + ": " + shapeName + " must be a number");
        }
      }
      case "boolean" -> {
        if (!value.isBoolean()) {
          problems.add(at + ": " + shapeName + " must be true or false");
        }
      }
      case "timestamp" -> {
        if (!value.isNumber()) {
          problems.add(at + ": " + shapeName + " must be epoch seconds (JSON 1.1)");
        }
      }
      default -> problems.add(at + ": shape " + shapeName + " of type '" + type + "' not checked");
    }
  }

  private boolean enumHas(JsonNode values, String v) {
    for (JsonNode e : values) {
      if (e.asText().equals(v)) {
        return true;
      }
    }
    return futureEnumValues.contains(v);
  }
}
