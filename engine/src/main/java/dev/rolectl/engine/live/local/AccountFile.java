package dev.rolectl.engine.live.local;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.rolectl.engine.input.InputFile;
import dev.rolectl.engine.input.InputKind;
import dev.rolectl.engine.input.InputProblem;
import dev.rolectl.engine.input.StrictJson;
import dev.rolectl.engine.live.TargetException;
import dev.rolectl.engine.model.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
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

  /**
   * The kind of file for {@link InputFile} and {@link StrictJson}: at most 256 MiB (the
   * authorization details of a 1,000-role account are about 2 MiB; docs/account-files.md).
   */
  static final InputKind KIND = new InputKind("account file", 256 * InputKind.MIB,
      "fix the file, or write it anew (rolectl snapshot --out FILE, or aws iam"
          + " get-account-authorization-details > FILE)");

  /** The top-level keys of an account file; an object with others only is not one. */
  private static final java.util.Set<String> KEYS = java.util.Set.of("AccountId", "Partition",
      "TakenAt", "UserDetailList", "GroupDetailList", "RoleDetailList", "Policies", "ecs",
      "InstanceProfiles",
      "IsTruncated", "Marker");

  private AccountFile() {}

  /**
   * Reads a file: a regular file (after symbolic links) of at most {@link #KIND}'s size.
   *
   * @throws NoSuchFileException when it does not exist (the caller decides what that means)
   * @throws TargetException when it cannot be read or is not a valid account file
   */
  public static LocalState read(Path file) throws NoSuchFileException {
    String name = file.toString();
    String text;
    try {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      if (!a.isRegularFile()) {
        throw new TargetException(Location.startOf(name) + ": the account file is "
            + (a.isDirectory()
            ? "a directory" : "not a regular file (a named pipe, a device or a socket)") + ":"
            + " name a JSON file written by rolectl snapshot --out FILE or aws iam"
            + " get-account-authorization-details > FILE. Nothing was changed",
            Location.startOf(name), null);
      }
      text = InputFile.read(file, KIND);
    } catch (NoSuchFileException e) {
      throw e;
    } catch (IOException e) {
      throw new TargetException(Location.startOf(name) + ": cannot read the account file ("
          + InputFile.describe(e) + "): check that it is a readable file",
          Location.startOf(name), e);
    } catch (InputProblem e) {
      throw new TargetException(e.at(name), e.location(name), e);
    }
    return parse(text, name);
  }

  /**
   * Parses the text of an account file.
   *
   * @param fileName names the file in messages
   * @throws TargetException when it is not a valid account file
   */
  public static LocalState parse(String json, String fileName) {
    try {
      return StrictJson.parse(json, KIND, tree -> convert(tree, json, fileName));
    } catch (InputProblem e) {
      throw new TargetException(e.at(fileName), e.location(fileName), e);
    }
  }

  private static LocalState convert(JsonNode tree, String json, String fileName) {
    if (tree.isObject() && !tree.isEmpty()) {
      java.util.List<String> keys = new java.util.ArrayList<>();
      tree.fieldNames().forEachRemaining(keys::add);
      if (keys.stream().noneMatch(KEYS::contains)) {
        throw StrictJson.at(json, "", "the file is JSON but not an account file: it has none of"
            + " the keys"
            + " of one (RoleDetailList, Policies, UserDetailList, GroupDetailList, AccountId, ecs;"
            + " {} is an empty account), only " + String.join(", ", keys.stream().limit(5)
                .toList()) + (keys.size() > 5 ? ", ..." : "") + ": name an account file (rolectl"
            + " snapshot --out FILE, or aws iam get-account-authorization-details > FILE)");
      }
    }
    AccountFileReader reader = new AccountFileReader();
    LocalState state;
    try {
      state = reader.convert(tree);
    } catch (TargetException e) {
      throw e;
    } catch (RuntimeException e) { // a value the account's records refuse: Java's text is for --debug
      throw new TargetException(fileName + ":1:1: the account file holds a value rolectl cannot"
          + " use (run again with --debug for the details): write it anew (rolectl snapshot --out"
          + " FILE, or aws iam get-account-authorization-details > FILE)",
          Location.startOf(fileName), e);
    }
    if (state == null) {
      throw new TargetException(
          problems(fileName, json, reader.problems()), Location.startOf(fileName), null);
    }
    return state;
  }

  private static String problems(String fileName, String json, List<Node.Problem> problems) {
    StringBuilder sb = new StringBuilder();
    sb.append(fileName)
        .append(": the account file has ")
        .append(problems.size() == 1 ? "a problem" : problems.size() + " problems")
        .append(" (fix ")
        .append(problems.size() == 1 ? "it" : "them")
        .append(" in the file):");
    problems.stream().limit(50).forEach(p -> sb.append("\n  ")
        .append(StrictJson.at(json, p.pointer(), p.toString()).at(fileName)));
    if (problems.size() > 50) {
      sb.append("\n  ... and ").append(problems.size() - 50).append(" more");
    }
    return sb.toString();
  }
}
