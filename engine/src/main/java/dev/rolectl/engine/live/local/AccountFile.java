package dev.rolectl.engine.live.local;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.rolectl.engine.live.TargetException;
import dev.rolectl.engine.model.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads account files: the JSON that {@code aws iam get-account-authorization-details} prints
 * ({@code UserDetailList}, {@code GroupDetailList}, {@code RoleDetailList}, {@code Policies}, with
 * documents as JSON objects or URL-encoded strings), plus rolectl's extras: top-level {@code
 * AccountId} and {@code Partition} (else taken from the ARNs, else {@code 123456789012} and {@code
 * aws}), role {@code Description} and {@code MaxSessionDuration} (as {@code ListRoles} gives them;
 * default none and 3600), policy {@code Tags}, and an {@code ecs} section ({@link LocalEcsState}).
 * AWS managed policies in {@code Policies} are skipped.
 *
 * <p>Every problem is a {@link TargetException} whose message names the file (with line and
 * column for JSON syntax errors) and says what to do.
 */
public final class AccountFile {
  static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private AccountFile() {}

  /**
   * Reads a file.
   *
   * @throws NoSuchFileException when it does not exist (the caller decides what that means)
   * @throws TargetException when it cannot be read or is not a valid account file
   */
  public static LocalState read(Path file) throws NoSuchFileException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw e;
    } catch (IOException e) {
      throw new TargetException(
          file + ": cannot read the account file (" + e + "): check that it is a readable file",
          Location.startOf(file.toString()),
          e);
    }
    return parse(new String(bytes, StandardCharsets.UTF_8), file.toString());
  }

  /**
   * Parses the text of an account file.
   *
   * @param fileName names the file in messages
   * @throws TargetException when it is not a valid account file
   */
  public static LocalState parse(String json, String fileName) {
    JsonNode tree;
    try {
      tree = MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      Location loc =
          at == null || at.getLineNr() < 1
              ? Location.startOf(fileName)
              : new Location(fileName, at.getLineNr(), Math.max(1, at.getColumnNr()));
      throw new TargetException(
          loc
              + ": the account file is not valid JSON ("
              + e.getOriginalMessage()
              + "): fix the file there, or write it anew (rolectl snapshot --out FILE, or aws iam"
              + " get-account-authorization-details > FILE)",
          loc,
          e);
    }
    if (tree == null || tree.isMissingNode()) {
      throw new TargetException(
          fileName
              + ": the account file is empty: put a JSON object in it ({} is an empty account),"
              + " or write it anew with rolectl snapshot --out FILE",
          Location.startOf(fileName),
          null);
    }
    AccountFileReader reader = new AccountFileReader();
    LocalState state = reader.convert(tree);
    if (state == null) {
      throw new TargetException(
          problems(fileName, reader.problems()), Location.startOf(fileName), null);
    }
    return state;
  }

  private static String problems(String fileName, List<String> problems) {
    StringBuilder sb = new StringBuilder();
    sb.append(fileName)
        .append(": the account file has ")
        .append(problems.size() == 1 ? "a problem" : problems.size() + " problems")
        .append(" (fix ")
        .append(problems.size() == 1 ? "it" : "them")
        .append(" in the file):");
    problems.stream().limit(50).forEach(p -> sb.append("\n  ").append(p));
    if (problems.size() > 50) {
      sb.append("\n  ... and ").append(problems.size() - 50).append(" more");
    }
    return sb.toString();
  }
}
