package dev.rolectl.engine.policy.catalogue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads one catalogue resource: gzip-compressed, tab-separated lines (format in
 * {@code scripts/catalogue.py}). Header lines ({@code @key<TAB>value}) are collected; every other
 * non-comment line goes to a consumer as its fields.
 */
final class CatalogueFile {
  private CatalogueFile() {}

  /**
   * Reads {@code resource}; returns the header fields. Each record line goes to {@code records}
   * unsplit (callers split what they need, when they need it); {@code null} reads the header only.
   */
  static Map<String, String> read(String resource, Consumer<String> records) {
    Map<String, String> header = new HashMap<>();
    try (InputStream raw = CatalogueFile.class.getResourceAsStream(resource)) {
      if (raw == null) {
        throw new IllegalStateException("catalogue resource " + resource + " is missing from the"
            + " build: run scripts/refresh-catalogues.sh");
      }
      BufferedReader in = new BufferedReader(new InputStreamReader(
          new GZIPInputStream(raw, 1 << 16), StandardCharsets.UTF_8), 1 << 16);
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.isEmpty() || line.charAt(0) == '#') {
          continue;
        }
        if (line.charAt(0) == '@') {
          int tab = line.indexOf('\t');
          header.put(line.substring(1, tab), line.substring(tab + 1));
        } else if (records == null) {
          break;
        } else {
          records.accept(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read catalogue " + resource, e);
    }
    return header;
  }

  static CatalogueInfo info(String name, Map<String, String> header) {
    return new CatalogueInfo(name, header.getOrDefault("source", "?"),
        header.getOrDefault("version", "?"), header.getOrDefault("date", "?"));
  }
}
