package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.Statement;
import dev.rolectl.engine.policy.catalogue.IamAction;
import dev.rolectl.engine.policy.catalogue.IamCatalogue;
import dev.rolectl.engine.policy.catalogue.IamService;
import dev.rolectl.engine.policy.catalogue.ResourceType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Resource and NotResource values checked against ARN syntax and the service reference. */
final class ResourceCatalogue {
  private ResourceCatalogue() {}

  /** Whether a value has the six parts of an ARN (arn:partition:service:region:account:rest). */
  static boolean arnShaped(String v) {
    return v.startsWith("arn:") && v.split(":", 6).length == 6;
  }

  static String pointer(PolicySite site, int index, String element, List<String> values, int i) {
    return values.size() == 1
        ? site.statement(index, element) : site.statement(index, element, String.valueOf(i));
  }

  interface ResourceVisitor {
    void visit(String element, String value, String pointer);
  }

  /** Every Resource and NotResource value of statement {@code index}, with its pointer. */
  static void each(PolicySite site, int index, Statement s, ResourceVisitor v) {
    for (String element : List.of("Resource", "NotResource")) {
      List<String> values = element.equals("Resource") ? s.resource() : s.notResource();
      for (int i = 0; i < values.size(); i++) {
        v.visit(element, values.get(i), pointer(site, index, element, values, i));
      }
    }
  }

  /** A Resource that is neither "*" nor an ARN: IAM refuses the document. */
  static final class Malformed implements StatementRule {
    static final RuleInfo INFO = new RuleInfo("malformed-resource", Severity.ERROR,
        "Resource or NotResource value that is neither \"*\" nor an ARN (IAM refuses the document)");

    @Override
    public RuleInfo info() {
      return INFO;
    }

    @Override
    public Set<PolicySite.Kind> kinds() {
      return PolicySite.Kind.IDENTITY;
    }

    @Override
    public void check(LintContext ctx, PolicySite site, int index, Statement s) {
      each(site, index, s, (element, v, pointer) -> {
        if (!v.equals("*") && !arnShaped(v)) {
          ctx.report(this, site.resource(), pointer,
              Statements.name(site, index, s) + " has " + element + " '" + v + "', which is "
              + "not an ARN, so IAM refuses the policy: write \"*\" or a full ARN "
              + "arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE (e.g. arn:aws:s3:::my-bucket/*)");
        }
      });
    }
  }

  /** An ARN that matches no resource type of any service. */
  static final class UnknownType implements StatementRule {
    static final RuleInfo INFO = new RuleInfo("unknown-resource-type", Severity.WARNING,
        "resource ARN that matches no resource type in the IAM service reference");

    @Override
    public RuleInfo info() {
      return INFO;
    }

    @Override
    public Set<PolicySite.Kind> kinds() {
      return PolicySite.Kind.IDENTITY;
    }

    @Override
    public void check(LintContext ctx, PolicySite site, int index, Statement s) {
      each(site, index, s, (element, v, pointer) -> {
        if (!arnShaped(v) || !ActionCatalogue.noWildcard(v.split(":", 4)[2])) {
          return;
        }
        String service = v.split(":", 4)[2];
        List<ResourceType> types = IamCatalogue.get().resourceTypesOfArnService(service);
        String problem = null;
        if (types.isEmpty()) {
          problem = "no AWS service names its resources arn:...:" + service + ":...";
        } else if (types.stream().noneMatch(t -> t.couldMatch(v))) {
          problem = "it matches none of the " + types.size() + " resource types with ARNs of "
              + service + " (e.g. " + types.get(0).arnTemplate() + ")";
        }
        if (problem != null) {
          ctx.report(this, site.resource(), pointer,
              Statements.name(site, index, s) + " has " + element + " '" + v + "', but "
              + problem + ", so it names nothing IAM can match. Check the ARN format in the "
              + "service's reference (IAM service reference " + IamCatalogue.get().info().date()
              + ")");
        }
      });
    }
  }

  /** An action that applies to none of the statement's resources. */
  static final class Mismatch implements StatementRule {
    static final RuleInfo INFO = new RuleInfo("resource-mismatch", Severity.WARNING,
        "action that applies to none of its statement's resources (it is never granted there)");

    @Override
    public RuleInfo info() {
      return INFO;
    }

    @Override
    public Set<PolicySite.Kind> kinds() {
      return PolicySite.Kind.IDENTITY;
    }

    @Override
    public void check(LintContext ctx, PolicySite site, int index, Statement s) {
      if (s.resource().isEmpty() || s.resource().contains("*")
          || !s.resource().stream().allMatch(ResourceCatalogue::arnShaped)) {
        return;
      }
      ActionCatalogue.each(s, (element, i, value, prefix, name) -> {
        if (!element.equals("Action")) {
          return;
        }
        Optional<IamService> service = IamCatalogue.get().service(prefix);
        List<IamAction> actions = service.map(x -> x.matching(name)).orElse(List.of());
        if (actions.isEmpty() || actions.stream()
            .anyMatch(a -> s.resource().stream().anyMatch(a::appliesTo))) {
          return;
        }
        ctx.report(this, site.resource(), ActionCatalogue.pointer(site, index, s, element, i),
            Statements.name(site, index, s) + " has Action '" + value + "', which applies "
            + "to none of its Resource values (" + String.join(", ", s.resource()) + "), so "
            + "this statement never grants it: " + expected(actions));
      });
    }

    private static String expected(List<IamAction> actions) {
      List<String> templates = new ArrayList<>();
      for (IamAction a : actions) {
        a.resourceTypes().forEach(t -> {
          if (!templates.contains(t.arnTemplate()) && templates.size() < 3) {
            templates.add(t.arnTemplate());
          }
        });
      }
      if (templates.isEmpty()) {
        return actions.get(0).fullName() + " supports only Resource \"*\"";
      }
      return "it takes resources such as " + String.join(", ", templates);
    }
  }
}
