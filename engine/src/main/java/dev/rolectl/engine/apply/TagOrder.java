package dev.rolectl.engine.apply;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Tag changes of one role or policy in the order IAM needs. Tags are added before others are
 * removed (access that depends on a tag never dips), except for a key whose case changes ({@code
 * team} to {@code Team}): IAM's tag keys of a role are case-insensitive (TagRole of {@code Team}
 * overwrites {@code team}, and an UntagRole of {@code team} after it would remove the new tag
 * too), so the old key is removed first and the new one added after.
 *
 * @param untagFirst keys whose case changes, removed before anything is added
 * @param tag tags to add or change
 * @param untagAfter other keys to remove, after the adds
 */
record TagOrder(List<String> untagFirst, Map<String, String> tag, List<String> untagAfter) {
  TagOrder {
    untagFirst = List.copyOf(untagFirst);
    tag = Map.copyOf(tag);
    untagAfter = List.copyOf(untagAfter);
  }

  static TagOrder of(Map<String, String> tag, List<String> untag) {
    Set<String> added = tag.keySet().stream().map(k -> k.toLowerCase(Locale.ROOT))
        .collect(Collectors.toSet());
    List<String> first = new ArrayList<>();
    List<String> after = new ArrayList<>();
    for (String key : untag) {
      (added.contains(key.toLowerCase(Locale.ROOT)) ? first : after).add(key);
    }
    return new TagOrder(first, new TreeMap<>(tag), after);
  }

  /** Makes the calls: {@code untag} with each non-empty key list, {@code tag} with the tags. */
  void run(Consumer<List<String>> untag, Consumer<Map<String, String>> tagCall) {
    if (!untagFirst.isEmpty()) {
      untag.accept(untagFirst);
    }
    if (!tag.isEmpty()) {
      tagCall.accept(new TreeMap<>(tag));
    }
    if (!untagAfter.isEmpty()) {
      untag.accept(untagAfter);
    }
  }
}
