package dev.rolectl.engine.policy.catalogue;

import dev.rolectl.engine.policy.IamPatterns;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** One service of the IAM service reference: its prefix, actions, resource types and keys. */
public final class IamService {
  private final String prefix;
  private final List<ResourceType> resourceTypes = new ArrayList<>();
  private final List<String> actionLines = new ArrayList<>();
  private Map<String, IamAction> actions;
  private final ConditionKeys keys = new ConditionKeys();

  IamService(String prefix) {
    this.prefix = prefix;
  }

  void addResourceType(String name, String arn) {
    resourceTypes.add(new ResourceType(prefix, name, arn));
  }

  /** An {@code A<TAB>Name<TAB>indices} line, parsed on first use of the service's actions. */
  void addActionLine(String line) {
    actionLines.add(line);
  }

  private synchronized Map<String, IamAction> actions() {
    if (actions == null) {
      Map<String, IamAction> m = new LinkedHashMap<>();
      for (String line : actionLines) {
        String[] f = line.split("\t", -1);
        List<ResourceType> types = new ArrayList<>();
        if (!f[2].isEmpty()) {
          for (String i : f[2].split(",")) {
            types.add(resourceTypes.get(Integer.parseInt(i)));
          }
        }
        m.put(f[1].toLowerCase(Locale.ROOT), new IamAction(prefix, f[1], types));
      }
      actions = m;
    }
    return actions;
  }

  void addConditionKey(String key) {
    keys.add(key);
  }

  /** The service prefix, e.g. {@code s3}. */
  public String prefix() {
    return prefix;
  }

  /** The action of this name, ignoring case as IAM does. */
  public Optional<IamAction> action(String name) {
    return Optional.ofNullable(actions().get(name.toLowerCase(Locale.ROOT)));
  }

  /** The actions an IAM pattern such as {@code Get*} matches (ignoring case). */
  public List<IamAction> matching(String pattern) {
    if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) {
      return action(pattern).map(List::of).orElse(List.of());
    }
    return actions().values().stream().filter(a -> IamPatterns.matches(pattern, a.name())).toList();
  }

  /** Action names as the service reference writes them. */
  public Collection<String> actionNames() {
    return actions().values().stream().map(IamAction::name).toList();
  }

  public List<ResourceType> resourceTypes() {
    return List.copyOf(resourceTypes);
  }

  /** Whether the service defines this condition key (ignoring case). */
  public boolean hasConditionKey(String key) {
    return keys.contains(key);
  }

  /** The service's condition keys as the service reference writes them. */
  public List<String> conditionKeys() {
    return keys.written();
  }
}
