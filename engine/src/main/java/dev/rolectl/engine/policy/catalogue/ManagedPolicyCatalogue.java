package dev.rolectl.engine.policy.catalogue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The AWS managed policies (names and paths), for checking {@code arn:aws:iam::aws:policy/...}
 * offline. Loaded once, on first use.
 */
public final class ManagedPolicyCatalogue {
  static final String NAME = "AWS managed policies";

  /** An AWS managed policy: its path ({@code /}, {@code /service-role/}...) and name. */
  public record Entry(String path, String name) {
    /** The policy's ARN in a partition. */
    public String arn(String partition) {
      return "arn:" + partition + ":iam::aws:policy" + path + name;
    }

    /** Policies for service-linked roles: IAM refuses to attach them to other roles. */
    public boolean forServiceLinkedRoles() {
      return path.startsWith("/aws-service-role/");
    }
  }

  private final Map<String, Entry> byName = new HashMap<>();
  private final List<String> names = new ArrayList<>();
  private final CatalogueInfo info;

  private ManagedPolicyCatalogue() {
    CatalogueFile file = CatalogueFile.read(Catalogues.MANAGED_POLICIES);
    for (int at = file.body; at < file.text.length(); ) {
      int end = file.lineEnd(at);
      String[] f = file.text.substring(at, end).split("\t", -1);
      byName.put(f[2].toLowerCase(Locale.ROOT), new Entry(f[1], f[2]));
      names.add(f[2]);
      at = end + 1;
    }
    info = file.info(NAME);
  }

  private static final class Holder {
    static final ManagedPolicyCatalogue INSTANCE = new ManagedPolicyCatalogue();
  }

  /** The catalogue, loaded on first call. */
  public static ManagedPolicyCatalogue get() {
    return Holder.INSTANCE;
  }

  public CatalogueInfo info() {
    return info;
  }

  /** The policy of this name, ignoring case (the entry has the name as AWS writes it). */
  public Optional<Entry> byName(String name) {
    return Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
  }

  /** Every policy name, for suggestions. */
  public List<String> names() {
    return List.copyOf(names);
  }

  /** How many policies the catalogue lists. */
  public int size() {
    return names.size();
  }
}
