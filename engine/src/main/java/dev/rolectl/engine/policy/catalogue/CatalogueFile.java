package dev.rolectl.engine.policy.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * One catalogue resource: gzip-compressed, tab-separated lines (format in
 * {@code scripts/catalogue.py}), held as one string so that callers parse only the parts they
 * use. Header lines ({@code @key<TAB>value}) come first.
 */
final class CatalogueFile {
  final String text;
  final Map<String, String> header = new HashMap<>();
  /** Where the records start (after the header and comments). */
  final int body;

  CatalogueFile(String text) {
    this.text = text;
    int at = 0;
    while (at < text.length() && (text.charAt(at) == '#' || text.charAt(at) == '@')) {
      int end = lineEnd(at);
      if (text.charAt(at) == '@') {
        int tab = text.indexOf('\t', at);
        header.put(text.substring(at + 1, tab), text.substring(tab + 1, end));
      }
      at = end + 1;
    }
    body = at;
  }

  /** Reads and inflates {@code resource}. */
  static CatalogueFile read(String resource) {
    try (InputStream raw = CatalogueFile.class.getResourceAsStream(resource)) {
      if (raw == null) {
        throw new IllegalStateException("catalogue resource " + resource + " is missing from the"
            + " build: run scripts/refresh-catalogues.sh");
      }
      return new CatalogueFile(new String(new GZIPInputStream(raw, 1 << 16).readAllBytes(),
          StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read catalogue " + resource, e);
    }
  }

  /** The index of the newline ending the line that starts at {@code start} (or the end). */
  int lineEnd(int start) {
    int nl = text.indexOf('\n', start);
    return nl < 0 ? text.length() : nl;
  }

  CatalogueInfo info(String name) {
    return new CatalogueInfo(name, header.getOrDefault("source", "?"),
        header.getOrDefault("version", "?"), header.getOrDefault("date", "?"));
  }
}
