package dev.rolectl.engine.api;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic share of the accounts ({@code --shard I/N}): the accounts sorted by id, every
 * N-th from the I-th on. Every account is in exactly one of the N shards, whatever order the
 * accounts were given in, and shards differ in size by at most one.
 *
 * @param index 1 to {@code count}
 */
public record Shard(int index, int count) {
  private static final Pattern FORM = Pattern.compile("(\\d{1,4})/(\\d{1,4})");

  public Shard {
    if (count < 1 || index < 1 || index > count) {
      throw new IllegalArgumentException(
          "a shard is I/N with 1 <= I <= N, e.g. 1/4, got " + index + "/" + count);
    }
  }

  /**
   * Reads {@code I/N}.
   *
   * @throws IllegalArgumentException with what is wrong
   */
  public static Shard parse(String text) {
    Matcher m = FORM.matcher(text == null ? "" : text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException("a shard is I/N, e.g. 1/4, got '" + text + "'");
    }
    return new Shard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  /** This shard's accounts, sorted by id. */
  public List<AccountRef> select(List<AccountRef> accounts) {
    List<AccountRef> sorted = new ArrayList<>(accounts);
    sorted.sort(Comparator.comparing(AccountRef::id));
    List<AccountRef> mine = new ArrayList<>();
    for (int i = index - 1; i < sorted.size(); i += count) {
      mine.add(sorted.get(i));
    }
    return mine;
  }

  @Override
  public String toString() {
    return index + "/" + count;
  }
}
