package dev.rolectl.engine.input;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.function.Function;

/**
 * Parses the JSON files that users hand to rolectl (saved plans, multi-account plans, account
 * files) strictly, with Jackson: RFC 8259 JSON only (no comments, NaN, single quotes or leading
 * zeros), one value and nothing after it, no key twice in an object, at most {@link #MAX_DEPTH}
 * levels of nesting, numbers of at most {@link #MAX_NUMBER_DIGITS} digits. Every problem is an
 * {@link InputProblem} at its line and column that says what is wrong, in words (no parser
 * internals), and what to do. Problems the caller finds in the tree are located with {@link
 * #at}, by the JSON Pointer of the value.
 */
public final class StrictJson {
  /** The deepest nesting of objects and arrays read (a policy document in a plan is ~12 deep). */
  public static final int MAX_DEPTH = 64;

  /** The longest number read, in characters. */
  public static final int MAX_NUMBER_DIGITS = 100;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH)
          .maxNumberLength(MAX_NUMBER_DIGITS)
          .build())
      .build();

  private static final ObjectMapper MAPPER = JsonMapper.builder(FACTORY)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
      .build();

  /** For {@link #at}: the same text, read again token by token (no duplicate check needed). */
  private static final JsonFactory LOCATOR = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
      .build();

  private StrictJson() {}

  /**
   * Parses {@code text} and hands the tree to {@code convert}, whose result (or exception) is
   * this method's.
   *
   * @throws InputProblem when the text is empty or not strict JSON
   */
  public static <T> T parse(String text, InputKind kind, Function<JsonNode, T> convert) {
    if (text.length() > kind.maxBytes()) {
      throw InputFile.tooLarge(kind, text.length());
    }
    JsonNode tree;
    JsonParser parser = null;
    try {
      parser = MAPPER.createParser(text);
      tree = MAPPER.readTree(parser);
    } catch (JsonProcessingException e) {
      throw syntax(e, parser, kind);
    } catch (IOException e) {
      throw InputProblem.ofFile("cannot read the " + kind.noun() + " (" + e.getMessage() + ")");
    } catch (OutOfMemoryError e) {
      throw InputFile.outOfMemory(kind);
    } finally {
      close(parser);
    }
    if (tree == null || tree.isMissingNode()) {
      throw InputProblem.ofFile("the " + kind.noun() + " is empty: " + kind.remedy());
    }
    return convert.apply(tree);
  }

  /**
   * A problem at the value that {@code pointer} (RFC 6901, e.g. {@code /changes/3/kind}) names in
   * {@code text}, or at the nearest enclosing value that is there (a missing field: its object);
   * the start of the file for an invalid pointer.
   */
  public static InputProblem at(String text, String pointer, String problem) {
    JsonPointer want;
    try {
      want = JsonPointer.compile(pointer == null ? "" : pointer);
    } catch (IllegalArgumentException e) {
      return InputProblem.ofFile(problem);
    }
    JsonLocation best = null;
    int bestDepth = -1;
    try (JsonParser p = LOCATOR.createParser(text)) {
      for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
        if (t == JsonToken.FIELD_NAME || t.isStructEnd()) {
          continue;
        }
        JsonPointer here = p.getParsingContext().pathAsPointer();
        if (here.equals(want)) {
          return located(p.currentTokenLocation(), problem);
        }
        int depth = depthIfPrefix(here, want);
        if (depth > bestDepth) {
          bestDepth = depth;
          best = p.currentTokenLocation();
        }
      }
    } catch (IOException | RuntimeException e) {
      // located as far as the text could be read
    }
    return best == null ? InputProblem.ofFile(problem) : located(best, problem);
  }

  /** The depth of {@code here} when it is {@code want} or a value above it, else -1. */
  private static int depthIfPrefix(JsonPointer here, JsonPointer want) {
    String h = here.toString();
    String w = want.toString();
    if (!(w.startsWith(h) && (h.length() == w.length() || w.charAt(h.length()) == '/'))) {
      return -1;
    }
    int depth = 0;
    for (JsonPointer p = here; !p.matches(); p = p.tail()) {
      depth++;
    }
    return depth;
  }

  private static InputProblem located(JsonLocation at, String problem) {
    return new InputProblem(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()), problem);
  }

  private static InputProblem syntax(JsonProcessingException e, JsonParser parser, InputKind k) {
    JsonLocation at = e.getLocation();
    if ((at == null || at.getLineNr() < 1) && parser != null) {
      at = parser.currentLocation();
    }
    int line = at == null ? 1 : at.getLineNr();
    int column = at == null ? 1 : at.getColumnNr();
    String raw = String.valueOf(e.getOriginalMessage());
    String what;
    if (e instanceof JsonEOFException) {
      return new InputProblem(line, column, "the " + k.noun() + " ends too early (the file is cut"
          + " short: was it written completely?): " + k.remedy());
    } else if (e instanceof StreamConstraintsException) {
      what = raw.startsWith("Document nesting depth")
          ? "objects and arrays nested more than " + MAX_DEPTH + " deep"
          : raw.startsWith("Number value length")
              ? "a number longer than " + MAX_NUMBER_DIGITS + " characters"
              : raw.startsWith("String value length") ? "a string too long to read"
                  : raw.startsWith("Name length") ? "a key too long to read" : plain(raw);
    } else if (e instanceof MismatchedInputException && raw.startsWith("Trailing token")) {
      what = "more after the end of the JSON value (a " + k.noun() + " holds one JSON object and"
          + " nothing after it)";
    } else if (raw.startsWith("Duplicate field ") || raw.startsWith("Duplicate Object property")) {
      what = "the key " + quoted(raw) + " twice in one object (JSON keys are unique; rolectl does"
          + " not pick one)";
    } else {
      what = plain(raw);
    }
    return new InputProblem(line, column, "the " + k.noun() + " is not valid JSON: " + what + ": "
        + k.remedy());
  }

  /** The name in a Jackson message such as {@code Duplicate field 'x'}. */
  private static String quoted(String raw) {
    int a = raw.indexOf('\'');
    int b = raw.lastIndexOf('\'');
    if (a < 0 || b <= a) {
      a = raw.indexOf('"');
      b = raw.lastIndexOf('"');
    }
    return a >= 0 && b > a ? "\"" + raw.substring(a + 1, b) + "\"" : "";
  }

  /**
   * Jackson's message in plain words: its first line, without the source description, the
   * features and classes it names (in backticks) and a trailing full stop.
   */
  static String plain(String message) {
    String m = message == null ? "a syntax error" : message.lines().findFirst().orElse("");
    m = m.replaceAll("\\s*\\((start marker at )?\\[Source:.*?\\]\\)", "");
    m = m.replaceAll("\\s*(at )?\\[Source:.*", "");
    m = m.replaceAll(":?\\s*enable `[^`]*` to allow", "");
    m = m.replaceAll("\\s*\\([^()]*`[^`]*`[^()]*\\)", "");
    m = m.replaceAll("`[^`]*`", "");
    m = m.replaceAll("\\s+", " ").strip().replaceAll("[.:;,]+$", "");
    return m.isEmpty() ? "a syntax error" : Character.toLowerCase(m.charAt(0)) + m.substring(1);
  }

  private static void close(JsonParser parser) {
    if (parser != null) {
      try {
        parser.close();
      } catch (IOException ignored) {
        // a parser over a String holds nothing to release
      }
    }
  }
}
