package dev.rolectl.engine.policy.catalogue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;

/**
 * The IAM catalogue resource: a plain-text header and index, a line {@code ---}, then one gzip
 * member per service (format in {@code scripts/catalogue.py}), so that only the services a
 * stack uses are inflated.
 */
final class IndexedFile {
  private static final byte[] MARK = "\n---\n".getBytes(StandardCharsets.US_ASCII);

  final CatalogueFile head;
  private final byte[] bytes;
  private final int blobs;

  private IndexedFile(byte[] bytes) {
    this.bytes = bytes;
    int mark = find(bytes);
    this.head = new CatalogueFile(new String(bytes, 0, mark + 1, StandardCharsets.UTF_8));
    this.blobs = mark + MARK.length;
  }

  static IndexedFile read(String resource) {
    try (InputStream in = IndexedFile.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("catalogue resource " + resource + " is missing from the"
            + " build: run scripts/refresh-catalogues.sh");
      }
      return new IndexedFile(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read catalogue " + resource, e);
    }
  }

  /** The text of the gzip member at {@code offset} (after the index) of {@code length} bytes. */
  String block(int offset, int length) {
    try (InputStream in = new GZIPInputStream(
        new ByteArrayInputStream(bytes, blobs + offset, length), 1 << 13)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("the IAM catalogue is damaged: rebuild rolectl", e);
    }
  }

  private static int find(byte[] b) {
    outer:
    for (int i = 0; i + MARK.length <= b.length; i++) {
      for (int j = 0; j < MARK.length; j++) {
        if (b[i + j] != MARK[j]) {
          continue outer;
        }
      }
      return i;
    }
    throw new IllegalStateException("the IAM catalogue has no index end: rebuild rolectl");
  }
}
