package dev.rolectl.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The AWS managed policies that moto ships ({@code moto/iam/aws_managed_policies.py}, read from
 * the moto virtualenv the build makes, never copied into the repository), as stacks of customer
 * managed policies: each policy's default document under its own name.
 */
final class ManagedPolicyCorpus {
  static final ObjectMapper JSON = new ObjectMapper();
  /** IAM's quota for a customer managed policy, characters without whitespace. */
  static final int CUSTOMER_POLICY_SIZE = 6_144;
  /** Stack files stay well under rolectl's 3 MB limit. */
  private static final int FILE_BYTES = 1_000_000;

  private ManagedPolicyCorpus() {}

  /** Name to document, in moto's order. */
  static Map<String, JsonNode> documents() {
    MotoInstall.ensureInstalled();
    Path source;
    try (Stream<Path> files = Files.walk(MotoInstall.venv().resolve("lib"))) {
      source = files.filter(p -> p.endsWith(Path.of("moto", "iam", "aws_managed_policies.py")))
          .findFirst().orElseThrow(() -> new IllegalStateException("moto has no "
              + "aws_managed_policies.py under " + MotoInstall.venv()));
      String text = Files.readString(source, StandardCharsets.UTF_8);
      int start = text.indexOf("\"\"\"") + 3;
      JsonNode all = JSON.readTree(text.substring(start, text.indexOf("\"\"\"", start)));
      Map<String, JsonNode> out = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = all.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        out.put(e.getKey(), e.getValue().get("Document"));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The size IAM counts: the document's characters outside whitespace between JSON tokens. */
  static int size(JsonNode document) {
    try {
      String compact = JSON.writeValueAsString(document);
      return compact.codePointCount(0, compact.length());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes the policies as a directory stack (several files); returns the directory. */
  static Path writeStack(Path dir, String stack, Map<String, JsonNode> documents) {
    try {
      Files.createDirectories(dir);
      try (Stream<Path> old = Files.list(dir)) {
        for (Path f : old.filter(f -> f.getFileName().toString().startsWith("corpus-")).toList()) {
          Files.delete(f);
        }
      }
      List<ObjectNode> files = new ArrayList<>();
      ObjectNode current = null;
      int bytes = 0;
      for (Map.Entry<String, JsonNode> e : documents.entrySet()) {
        if (current == null || bytes > FILE_BYTES) {
          current = JSON.createObjectNode();
          current.put("apiVersion", "rolectl/v1");
          current.put("stack", stack);
          current.putObject("policies");
          files.add(current);
          bytes = 0;
        }
        ((ObjectNode) current.get("policies")).putObject(e.getKey()).set("document", e.getValue());
        bytes += JSON.writeValueAsString(e.getValue()).length() + e.getKey().length();
      }
      for (int i = 0; i < files.size(); i++) {
        Files.writeString(dir.resolve(String.format("corpus-%02d.yaml", i)),
            JSON.writerWithDefaultPrettyPrinter().writeValueAsString(files.get(i)));
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
