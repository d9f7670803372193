package dev.rolectl.engine.api;

import dev.rolectl.engine.config.StackWriter;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.live.ReadRequest;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.UnreadableDocument;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.LiveResources;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code import}: existing roles as stack resources marked for adoption, and their YAML.
 */
public final class Imports {
  private Imports() {}

  /**
   * The roles read.
   *
   * @param roles by the live role's name: the role and its attachments and inline policies
   * @param warnings roles another stack owns, imported anyway ({@code force})
   */
  public record Imported(
      Map<String, List<Resource>> roles, String accountId, String partition, List<String> warnings) {
    public Imported {
      roles = java.util.Collections.unmodifiableMap(new TreeMap<>(roles));
      warnings = List.copyOf(warnings);
    }
  }

  /**
   * Reads the named roles (roles only: no policy tags, users or groups). IAM matches role names
   * case-insensitively, and so does this.
   *
   * @param force import roles that another stack owns, with a warning
   * @throws Refused naming the role and what to do
   */
  public static Imported read(Target target, List<String> names, String stackName, boolean force) {
    LiveAccount account = target.iam().read(new ReadRequest(false, false, false));
    Map<String, List<Resource>> roles = new TreeMap<>();
    List<String> warnings = new ArrayList<>();
    for (String name : new TreeSet<>(names)) {
      Optional<UnreadableDocument> unreadable = account.unreadable().stream()
          .filter(u -> u.kind() == UnreadableDocument.Kind.ROLE && u.name().equalsIgnoreCase(name))
          .findFirst();
      if (unreadable.isPresent()) {
        throw new Refused("cannot import role " + unreadable.get().arn() + ": "
            + unreadable.get().problem());
      }
      LiveRole role = account.roles().values().stream()
          .filter(r -> r.name().equalsIgnoreCase(name)).findFirst()
          .orElseThrow(() -> new Refused("no role named '" + name + "' in account "
              + account.accountId() + " (target " + target.spec() + "); check the name with"
              + " 'aws iam list-roles'"));
      owner(role, stackName, force).ifPresent(warnings::add);
      roles.put(role.name(), LiveResources.role(role, account.partition()));
    }
    return new Imported(roles, account.accountId(), account.partition(), warnings);
  }

  private static Optional<String> owner(LiveRole role, String stackName, boolean force) {
    String owner = role.tags().get(Stack.OWNER_TAG);
    if (owner == null || owner.equals(stackName)) {
      return Optional.empty();
    }
    String text = "role " + role.name() + " belongs to stack '" + owner + "' (tag "
        + Stack.OWNER_TAG + "=" + owner + ")";
    if (!force) {
      throw new Refused(text + ": importing it into stack '" + stackName + "' would make"
          + " two stacks fight over it; import it with --stack " + owner + ", or use --force");
    }
    return Optional.of(text + "; importing it into stack '" + stackName + "' anyway (--force):"
        + " remove it from the other stack before applying");
  }

  /**
   * The YAML of a stack file holding {@code resources}, with the account and partition written as
   * {@code ${aws.accountId}} and {@code ${aws.partition}}.
   *
   * @param schemaReference the {@code $schema} path for editors; {@code null} for none
   */
  public static String yaml(
      String stackName, String schemaReference, List<Resource> resources, Imported from) {
    String yaml = StackWriter.write(stackName, schemaReference, resources);
    return withReferences(yaml, from.accountId(), from.partition());
  }

  /**
   * {@code arn:aws:...:111122223333:...} -> {@code arn:${aws.partition}:...:${aws.accountId}:...},
   * and a value that is just the account id -> {@code ${aws.accountId}}.
   */
  static String withReferences(String yaml, String accountId, String partition) {
    Pattern arn = Pattern.compile("arn:" + Pattern.quote(partition) + ":([a-z0-9-]*):([a-z0-9-]*):("
        + Pattern.quote(accountId) + "|aws|)(?=[:/])");
    Matcher m = arn.matcher(yaml);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String account = m.group(3).equals(accountId) ? "\\${aws.accountId}" : m.group(3);
      m.appendReplacement(b, "arn:\\${aws.partition}:" + m.group(1) + ":" + m.group(2) + ":" + account);
    }
    m.appendTail(b);
    return b.toString()
        .replaceAll("(?m)(: |- )([\"']?)" + Pattern.quote(accountId) + "\\2$", "$1\\${aws.accountId}");
  }
}
