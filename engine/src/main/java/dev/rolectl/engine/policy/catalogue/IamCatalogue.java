package dev.rolectl.engine.policy.catalogue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The IAM service reference: every service prefix with its actions, resource types and condition
 * keys, and the global condition keys. Loaded once, on first use, from the resource that
 * {@code scripts/refresh-catalogues.sh} writes (about 250 KB, one gzip member per service): the
 * load reads only its index; a service is inflated and parsed when first asked for. Thread-safe.
 */
public final class IamCatalogue {
  static final String NAME = "IAM service reference";

  private final IndexedFile file;
  /** Lower-case prefix to the offset and length of the service's gzip member. */
  private final Map<String, int[]> blocks = new HashMap<>();
  private final Map<String, String> written = new HashMap<>();
  private final Map<String, List<String>> byNamespace = new HashMap<>();
  private final Map<String, IamService> parsed = new ConcurrentHashMap<>();
  private final ConditionKeys globalKeys = new ConditionKeys();
  private final List<String> prefixes = new ArrayList<>();

  private IamCatalogue() {
    file = IndexedFile.read(Catalogues.SERVICES);
    CatalogueFile index = file.head;
    String text = index.text;
    for (int at = index.body; at < text.length(); ) {
      int end = index.lineEnd(at);
      char kind = text.charAt(at);
      if (kind == 'S') {
        String[] f = text.substring(at + 2, end).split("\t", -1);
        String lower = f[0].toLowerCase(Locale.ROOT);
        blocks.put(lower, new int[] {Integer.parseInt(f[2]), Integer.parseInt(f[3])});
        written.put(lower, f[0]);
        prefixes.add(f[0]);
        if (!f[1].isEmpty()) {
          for (String ns : f[1].split(",")) {
            byNamespace.computeIfAbsent(ns, k -> new ArrayList<>()).add(lower);
          }
        }
      } else if (kind == 'G') {
        globalKeys.add(text.substring(at + 2, end));
      }
      at = end + 1;
    }
  }

  private static final class Holder {
    static final IamCatalogue INSTANCE = new IamCatalogue();
  }

  /** The catalogue, loaded on first call. */
  public static IamCatalogue get() {
    return Holder.INSTANCE;
  }

  public CatalogueInfo info() {
    return file.head.info(NAME);
  }

  /** The service with this prefix, ignoring case. */
  public Optional<IamService> service(String prefix) {
    String lower = prefix.toLowerCase(Locale.ROOT);
    if (!blocks.containsKey(lower)) {
      return Optional.empty();
    }
    return Optional.of(parsed.computeIfAbsent(lower, this::parse));
  }

  private IamService parse(String lower) {
    IamService s = new IamService(written.get(lower));
    int[] range = blocks.get(lower);
    String text = file.block(range[0], range[1]);
    for (int at = 0; at < text.length(); ) {
      int end = text.indexOf('\n', at);
      end = end < 0 ? text.length() : end;
      switch (text.charAt(at)) {
        case 'A' -> s.addActionLine(text.substring(at, end));
        case 'K' -> s.addConditionKey(text.substring(at + 2, end));
        case 'R' -> {
          int tab = text.indexOf('\t', at + 2);
          s.addResourceType(text.substring(at + 2, tab), text.substring(tab + 1, end));
        }
        default -> throw new IllegalStateException("unknown catalogue record "
            + text.substring(at, end));
      }
      at = end + 1;
    }
    return s;
  }

  /** Every service prefix, as the service reference writes it. */
  public Collection<String> prefixes() {
    return List.copyOf(prefixes);
  }

  /** Resource types whose ARNs have this service namespace (e.g. {@code s3}); may be empty. */
  public List<ResourceType> resourceTypesOfArnService(String arnService) {
    List<ResourceType> out = new ArrayList<>();
    for (String prefix : byNamespace.getOrDefault(arnService, List.of())) {
      service(prefix).orElseThrow().resourceTypes().stream()
          .filter(t -> t.arnService().equals(arnService)).forEach(out::add);
    }
    return out;
  }

  /** Whether {@code key} is a global condition key ({@code aws:SourceIp}), ignoring case. */
  public boolean isGlobalKey(String key) {
    return globalKeys.contains(key);
  }

  /** The global condition keys as the IAM User Guide writes them. */
  public List<String> globalKeys() {
    return globalKeys.written();
  }
}
