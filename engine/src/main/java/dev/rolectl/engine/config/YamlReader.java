package dev.rolectl.engine.config;

import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Location;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one YAML file into a {@link YamlValue} tree, safely: size, encoding, alias, nesting and
 * code point limits; no global tags; one document per file. Every problem becomes a diagnostic.
 */
final class YamlReader {
  /** The largest stack file read (3 MiB); see {@link StackLoader#MAX_FILE_BYTES}. */
  static final long MAX_FILE_BYTES = StackLoader.MAX_FILE_BYTES;
  static final int MAX_CODE_POINTS = 3 * 1024 * 1024;
  static final int MAX_ALIASES = 50;
  static final int MAX_NESTING = 64;
  static final String RULE_FILE = "yaml-file";

  private YamlReader() {}

  /**
   * The file's tree, or none with the reasons. A file without a YAML document (empty, or only
   * comments) has neither tree nor problems; {@code blank} tells an empty file from a commented one.
   */
  record Read(Optional<YamlValue> root, List<Diagnostic> diagnostics, boolean blank) {
    Read {
      diagnostics = List.copyOf(diagnostics);
    }

    static Read failed(Diagnostic d) {
      return new Read(Optional.empty(), List.of(d), false);
    }

    boolean empty() {
      return root.isEmpty() && diagnostics.isEmpty();
    }
  }

  static Read read(Path path, String file) {
    byte[] bytes;
    try {
      if (Files.isDirectory(path)) {
        return Read.failed(Diagnostic.error(RULE_FILE, Location.startOf(file),
            "is a directory; give a YAML file"));
      }
      // a pipe (--var-file <(command)) or a device is read too, as far as the limit
      boolean regular = Files.isRegularFile(path);
      long size = regular ? Files.size(path) : 0;
      if (size > MAX_FILE_BYTES) {
        return Read.failed(tooBig(file, size));
      }
      try (InputStream in = Files.newInputStream(path)) {
        bytes = in.readNBytes((int) MAX_FILE_BYTES + 1); // bounded even if the file grows
      }
      if (bytes.length > MAX_FILE_BYTES) {
        return Read.failed(tooBig(file, regular ? Files.size(path) : bytes.length));
      }
    } catch (NoSuchFileException e) {
      return Read.failed(Diagnostic.error(RULE_FILE, Location.startOf(file),
          "file does not exist; check the path"));
    } catch (IOException | SecurityException e) {
      return Read.failed(Diagnostic.error(RULE_FILE, Location.startOf(file),
          "cannot read file (" + e.getClass().getSimpleName() + ": " + e.getMessage()
              + "); check that it exists and is readable"));
    }
    TextCheck.Decoded decoded = TextCheck.decode(file, bytes);
    if (decoded.text() == null) {
      return Read.failed(Diagnostic.error(RULE_FILE, decoded.problemAt(), decoded.problem()));
    }
    return parse(file, decoded.text());
  }

  static Read parse(String file, String text) {
    try {
      Iterator<Node> documents = new Yaml(options()).composeAll(new StringReader(text)).iterator();
      if (!documents.hasNext()) {
        return new Read(Optional.empty(), List.of(), text.isBlank());
      }
      Node root = documents.next();
      if (documents.hasNext()) {
        Node second = documents.next();
        return Read.failed(Diagnostic.error(YamlErrors.RULE,
            YamlErrors.location(file, second.getStartMark()),
            "a second YAML document starts here (after '---'); a stack file holds one document:"
                + " move it to its own file in the stack directory"));
      }
      NodeConverter.Converted converted = NodeConverter.convert(file, root);
      List<Diagnostic> diagnostics = new ArrayList<>(converted.diagnostics());
      return new Read(converted.value(), diagnostics, false);
    } catch (YAMLException e) {
      return Read.failed(YamlErrors.toDiagnostic(file, e));
    } catch (RuntimeException | StackOverflowError e) {
      return Read.failed(Diagnostic.error(YamlErrors.RULE, Location.startOf(file),
          "cannot read YAML (" + e.getClass().getSimpleName() + "); check the file's syntax"));
    }
  }

  private static LoaderOptions options() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    options.setNestingDepthLimit(MAX_NESTING);
    options.setCodePointLimit(MAX_CODE_POINTS);
    options.setAllowRecursiveKeys(false);
    options.setMergeOnCompose(false);
    options.setTagInspector(tag -> false);
    return options;
  }

  private static Diagnostic tooBig(String file, long size) {
    return Diagnostic.error(RULE_FILE, Location.startOf(file), "file is " + megabytes(size)
        + " MB; stack files are limited to 3 MB: split the stack into several files in a"
        + " directory");
  }

  private static String megabytes(long size) {
    double mb = Math.ceil(size * 10.0 / (1024 * 1024)) / 10.0;
    return mb == Math.floor(mb) ? String.valueOf((long) mb) : String.format(Locale.ROOT, "%.1f", mb);
  }
}
