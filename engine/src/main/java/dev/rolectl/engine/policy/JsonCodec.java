package dev.rolectl.engine.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Principal;
import dev.rolectl.engine.model.Statement;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** The only place in {@code policy} that uses Jackson: JSON text to tree and document to JSON. */
final class JsonCodec {
  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .build();
  private static final JsonFactory FACTORY = MAPPER.getFactory();

  private JsonCodec() {}

  static PolicyParse parse(String json) {
    Object tree;
    try {
      tree = MAPPER.readValue(json, Object.class);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column "
          + loc.getColumnNr();
      return new PolicyParse(
          java.util.Optional.empty(),
          List.of(new PolicyProblem("", "the policy is not valid JSON" + where + ": "
              + plain(e.getOriginalMessage()) + ". Fix the JSON syntax there")));
    }
    return DocumentReader.read(tree);
  }

  /**
   * Jackson's message without its parser internals: the source description ("Source: REDACTED
   * (StreamReadFeature...)") and locations it repeats, and anything after the first line.
   */
  static String plain(String message) {
    String m = message == null ? "syntax error" : message.lines().findFirst().orElse("");
    m = m.replaceAll("\\s*\\((start marker at )?\\[Source:.*?\\]\\)", "");
    m = m.replaceAll("\\s*\\[Source:.*", "");
    m = m.replaceAll("\\s*at \\[Source:.*", "");
    m = m.replace("(`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled)", "");
    return m.strip().replaceAll("[.:;,]+$", "");
  }

  static String write(PolicyDocument doc) {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.writeStartObject();
      if (doc.version() != null) {
        g.writeStringField("Version", doc.version());
      }
      if (doc.id() != null) {
        g.writeStringField("Id", doc.id());
      }
      g.writeArrayFieldStart("Statement");
      for (Statement s : doc.statements()) {
        statement(g, s);
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void statement(JsonGenerator g, Statement s) throws IOException {
    g.writeStartObject();
    if (s.sid() != null) {
      g.writeStringField("Sid", s.sid());
    }
    g.writeStringField("Effect", s.effect());
    principal(g, "Principal", s.principal());
    principal(g, "NotPrincipal", s.notPrincipal());
    values(g, "Action", s.action());
    values(g, "NotAction", s.notAction());
    values(g, "Resource", s.resource());
    values(g, "NotResource", s.notResource());
    if (!s.condition().isEmpty()) {
      g.writeObjectFieldStart("Condition");
      for (var op : s.condition().entrySet()) {
        g.writeObjectFieldStart(op.getKey());
        for (var key : op.getValue().entrySet()) {
          values(g, key.getKey(), key.getValue());
        }
        g.writeEndObject();
      }
      g.writeEndObject();
    }
    g.writeEndObject();
  }

  private static void principal(JsonGenerator g, String name, Principal p) throws IOException {
    if (p == null) {
      return;
    }
    if (p.wildcard()) {
      g.writeStringField(name, "*");
      return;
    }
    g.writeObjectFieldStart(name);
    for (var e : p.byType().entrySet()) {
      values(g, e.getKey(), e.getValue());
    }
    g.writeEndObject();
  }

  /** A single value as a string, several as an array; nothing when empty. */
  private static void values(JsonGenerator g, String name, List<String> values)
      throws IOException {
    if (values.isEmpty()) {
      return;
    }
    if (values.size() == 1) {
      g.writeStringField(name, values.get(0));
      return;
    }
    g.writeArrayFieldStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }
}
