package dev.rolectl.engine.policy.catalogue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The IAM service reference: every service prefix with its actions, resource types and condition
 * keys, and the global condition keys. Loaded once, on first use, from the resource that
 * {@code scripts/refresh-catalogues.sh} writes (about 175 KB compressed); thread-safe after that.
 */
public final class IamCatalogue {
  static final String NAME = "IAM service reference";

  private final Map<String, IamService> services = new HashMap<>();
  private final Map<String, List<ResourceType>> byArnService = new HashMap<>();
  private final ConditionKeys globalKeys = new ConditionKeys();
  private final List<String> prefixes = new ArrayList<>();
  private final CatalogueInfo info;

  private IamCatalogue() {
    IamService[] current = new IamService[1];
    Map<String, String> header = CatalogueFile.read(Catalogues.SERVICES, line -> {
      switch (line.charAt(0)) {
        case 'A' -> current[0].addActionLine(line);
        case 'K' -> current[0].addConditionKey(line.substring(2));
        case 'G' -> globalKeys.add(line.substring(2));
        case 'R' -> {
          int tab = line.indexOf('\t', 2);
          current[0].addResourceType(line.substring(2, tab), line.substring(tab + 1));
        }
        case 'S' -> {
          current[0] = new IamService(line.substring(2));
          services.put(current[0].prefix().toLowerCase(Locale.ROOT), current[0]);
          prefixes.add(current[0].prefix());
        }
        default -> throw new IllegalStateException("unknown catalogue record " + line);
      }
    });
    for (IamService s : services.values()) {
      for (ResourceType t : s.resourceTypes()) {
        byArnService.computeIfAbsent(t.arnService(), k -> new ArrayList<>()).add(t);
      }
    }
    info = CatalogueFile.info(NAME, header);
  }

  private static final class Holder {
    static final IamCatalogue INSTANCE = new IamCatalogue();
  }

  /** The catalogue, loaded on first call. */
  public static IamCatalogue get() {
    return Holder.INSTANCE;
  }

  public CatalogueInfo info() {
    return info;
  }

  /** The service with this prefix, ignoring case. */
  public Optional<IamService> service(String prefix) {
    return Optional.ofNullable(services.get(prefix.toLowerCase(Locale.ROOT)));
  }

  /** Every service prefix, as the service reference writes it. */
  public Collection<String> prefixes() {
    return List.copyOf(prefixes);
  }

  /** Resource types whose ARNs have this service namespace (e.g. {@code s3}); may be empty. */
  public List<ResourceType> resourceTypesOfArnService(String arnService) {
    return byArnService.getOrDefault(arnService, List.of());
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
