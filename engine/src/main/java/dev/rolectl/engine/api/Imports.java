package dev.rolectl.engine.api;

import dev.rolectl.engine.config.StackWriter;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.live.ReadRequest;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.UnreadableDocument;
import dev.rolectl.engine.live.local.FileTarget;
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
      if (role.awsOwned() != null) {
        throw new Refused("cannot import role " + role.arn() + ": " + role.awsOwned()
            + ". rolectl never creates, changes, adopts, tags or deletes such roles (--force does"
            + " not change that); a stack may still name its ARN, e.g. in a policy's Resource");
      }
      owner(role, stackName, force, target).ifPresent(warnings::add);
      roles.put(role.name(), LiveResources.role(role, account.partition()));
    }
    return new Imported(roles, account.accountId(), account.partition(), warnings);
  }

  /**
   * Refuses (or with {@code force} warns about) a role that another stack's tag names. The
   * warning gives the one safe order of a hand-over: the new stack cannot adopt the role while
   * the tag names the other stack (its plan refuses), and removing the role from the other stack
   * first would make that stack's next apply delete it. rolectl sees only the tag, not whether
   * the other stack still declares the role, so it cannot do the hand-over itself.
   */
  private static Optional<String> owner(
      LiveRole role, String stackName, boolean force, Target target) {
    String owner = role.tags().get(Stack.OWNER_TAG);
    if (owner == null || owner.equals(stackName)) {
      return Optional.empty();
    }
    String text = "role " + role.name() + " belongs to stack '" + owner + "' (tag "
        + Stack.OWNER_TAG + "=" + owner + ")";
    if (!force) {
      throw new Refused(text + ": importing it into stack '" + stackName + "' would make"
          + " two stacks fight over it; import it with --stack " + owner + ", or, to hand it"
          + " over to stack '" + stackName + "', use --force, which says how");
    }
    String retag = target instanceof FileTarget f && f.writable()
        ? "set the role's tag " + Stack.OWNER_TAG + " to " + stackName + " in " + f.file()
        : "aws iam tag-role --role-name " + role.name() + " --tags Key=" + Stack.OWNER_TAG
            + ",Value=" + stackName;
    return Optional.of(text + "; imported into stack '" + stackName + "' anyway (--force)."
        + " Do not just remove it from stack '" + owner + "': while the tag names '" + owner
        + "', that stack's next apply would delete the role, and stack '" + stackName
        + "' cannot adopt it (its plan refuses). To hand it over: 1. move the tag: " + retag
        + "; 2. remove the role from stack '" + owner + "' (what that stack's own policies attach"
        + " to the role stays its own: list the role in their attachTo.roles) and apply it: it"
        + " leaves the role alone; 3. plan and apply stack '" + stackName + "'");
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
