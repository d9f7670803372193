package dev.rolectl.engine.config;

import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Location;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.policy.PolicyParse;
import dev.rolectl.engine.policy.PolicyParser;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Reads a stack (one YAML file or a directory of {@code *.yaml}/{@code *.yml}) into a validated
 * {@link dev.rolectl.engine.model.Stack}: YAML with locations, JSON Schema validation, policy
 * documents, {@code ${...}} references and variables, duplicate names. Problems are returned as
 * diagnostics, all at once, each with {@code file:line:col}; nothing is thrown for bad input.
 */
public final class StackLoader {
  /** The largest stack file rolectl reads, in bytes (3 MiB): a bigger one is refused unread. */
  public static final long MAX_FILE_BYTES = 3L * 1024 * 1024;

  private static final Pattern PATH = Pattern.compile("/([\\x21-\\x7E]+/)?");
  private static final Pattern ACCOUNT = Pattern.compile("[0-9]{12}");

  private StackLoader() {}

  /**
   * Optional: starts the one-time set-up of {@link #load} (the JSON Schema validator) on a daemon
   * thread and returns at once, so that a command-line start-up can overlap it with its own work
   * on another core. Calling it more than once, or never, is fine; a set-up failure surfaces from
   * {@link #load} as it would without this call.
   */
  public static void preload() {
    SchemaValidator.preload(dev.rolectl.engine.policy.lint.PolicyLinter::preload);
  }

  /**
   * Loads the stack at {@code path} (a file, or a directory whose {@code *.yaml}/{@code *.yml}
   * files, not hidden, not in subdirectories, form one stack). Never throws for bad input: every
   * problem is an error diagnostic with {@code file:line:col}, and the stack is present only when
   * there is no error.
   *
   * <ul>
   *   <li>ARNs and {@code ${aws.accountId}} use {@code options.accountId()}; when that is the
   *       placeholder and the stack pins {@code account:}, the pinned account is used; a real
   *       account id that differs from the pinned one is an error.
   *   <li>{@code dependsOn}: references to stack roles/policies (and literal ARNs of stack
   *       policies in managedPolicies/permissionsBoundary) plus structure (attachments and inline
   *       policies depend on their role, principal attachments on their policy). A role or policy
   *       referring to itself (e.g. a role trusting its own ARN) gets no self-edge.
   *   <li>Resources are listed role by role (role, its attachments, its inline policies), then
   *       policy by policy (policy, its principal attachments), in file order.
   * </ul>
   */
  public static LoadResult load(Path path, LoadOptions options) {
    return load(path, options, PolicyParser::parse);
  }

  /** As {@link #load(Path, LoadOptions)}, with the policy parser given (tests). */
  static LoadResult load(Path path, LoadOptions options, Function<Object, PolicyParse> parser) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    StackFiles.Found found = StackFiles.find(path);
    if (found.problem() != null) {
      return result(null, List.of(found.problem()));
    }
    // Stage 1, per file: YAML and schema.
    List<YamlValue.Mapping> roots = new ArrayList<>();
    List<YamlPath> schemaErrors = new ArrayList<>();
    List<Diagnostic> surprises = new ArrayList<>();
    boolean unreadable = false;
    for (StackFiles.StackFile file : found.files()) {
      Optional<YamlValue.Mapping> root = read(file, diagnostics);
      if (root.isEmpty()) {
        unreadable = true;
        continue;
      }
      surprises.addAll(PlainScalars.check(root.get()));
      for (SchemaValidator.Violation v : SchemaValidator.get().validate(root.get())) {
        diagnostics.add(Diagnostic.error(SchemaValidator.RULE, v.location(), v.message()));
        schemaErrors.add(v.path());
      }
      roots.add(root.get());
    }
    if (unreadable) {
      return result(null, asWritten(diagnostics, surprises)); // names in unread files are unknown
    }
    // Stage 2, the whole stack: merge, variables, references, policies, cross checks.
    StackMerger.Merged merged = StackMerger.merge(roots);
    diagnostics.addAll(merged.diagnostics());
    String accountId = accountId(merged.root(), options, diagnostics);
    Vars.Loaded vars = Vars.load(options.vars(), options.varFiles());
    diagnostics.addAll(vars.diagnostics());
    References references = new References(options.partition(), accountId, vars.values(),
        paths(merged.root(), "roles"), paths(merged.root(), "policies"));
    ReferenceResolver.Resolved resolved = ReferenceResolver.resolve(merged.root(), references);
    diagnostics.addAll(resolved.diagnostics());
    for (SchemaValidator.Violation v : SchemaValidator.get().validate(resolved.root())) {
      if (resolved.expanded().contains(v.path())) {
        diagnostics.add(Diagnostic.error(SchemaValidator.RULE, v.location(),
            v.message() + " (this is the value after expanding references)"));
        schemaErrors.add(v.path());
      }
    }
    PolicyDocuments.Parsed policies =
        PolicyDocuments.parse(resolved.root(), schemaErrors, parser);
    diagnostics.addAll(policies.diagnostics());
    diagnostics.addAll(StackChecks.check(resolved.root()));
    if (!surprises.isEmpty() || diagnostics.stream().anyMatch(Diagnostic::isError)) {
      return result(null, asWritten(diagnostics, surprises));
    }
    StackAssembler.Dependencies deps =
        new StackAssembler.Dependencies(resolved.uses(), references.policiesByArn());
    Stack stack = StackAssembler.assemble(resolved.root(), policies.documents(), deps,
        pinnedAccount(merged.root()).orElse(null), accountId, options.partition());
    return result(stack, diagnostics);
  }

  /**
   * The problems with the plain scalars that YAML would not read as written ({@link
   * PlainScalars}) first: other findings at the same place (a schema type error, a policy
   * problem) follow from YAML's reading and are left out.
   */
  private static List<Diagnostic> asWritten(List<Diagnostic> diagnostics,
      List<Diagnostic> surprises) {
    java.util.Set<Location> at = new java.util.HashSet<>();
    surprises.forEach(d -> at.add(d.location()));
    List<Diagnostic> out = new ArrayList<>(surprises);
    diagnostics.stream().filter(d -> d.location() == null || !at.contains(d.location()))
        .forEach(out::add);
    return out;
  }

  private static Optional<YamlValue.Mapping> read(StackFiles.StackFile file, List<Diagnostic> out) {
    YamlReader.Read read = YamlReader.read(file.path(), file.name());
    out.addAll(read.diagnostics());
    if (read.empty()) {
      out.add(Diagnostic.error(YamlReader.RULE_FILE, Location.startOf(file.name()),
          (read.blank() ? "file is empty" : "file contains only comments")
              + "; a stack file needs at least apiVersion and stack"));
      return Optional.empty();
    }
    if (read.root().isEmpty()) {
      return Optional.empty();
    }
    YamlValue root = read.root().get();
    if (!(root instanceof YamlValue.Mapping m)) {
      out.add(Diagnostic.error(SchemaValidator.RULE, root.location(), "the top level of a stack"
          + " file must be a mapping (apiVersion:, stack:, roles:, policies:), but this file has "
          + YamlValue.describe(root)));
      return Optional.empty();
    }
    return Optional.of(m);
  }

  /** The account id references resolve with: the pinned account unless a real one is given. */
  private static String accountId(YamlValue.Mapping root, LoadOptions options,
      List<Diagnostic> out) {
    Optional<String> pinned = pinnedAccount(root);
    if (pinned.isEmpty() || pinned.get().equals(options.accountId())) {
      return options.accountId();
    }
    if (options.accountId().equals(LoadOptions.PLACEHOLDER_ACCOUNT_ID)) {
      return pinned.get();
    }
    out.add(Diagnostic.error("account", root.get("account").orElseThrow().location(),
        "this stack is pinned to account " + pinned.get() + ", but rolectl is working with account "
            + options.accountId() + "; use credentials for account " + pinned.get()
            + " or change account:"));
    return pinned.get();
  }

  private static Optional<String> pinnedAccount(YamlValue.Mapping root) {
    return root.get("account")
        .filter(v -> v instanceof YamlValue.Scalar s && s.kind() == YamlValue.Kind.STRING
            && ACCOUNT.matcher(s.text()).matches())
        .map(v -> ((YamlValue.Scalar) v).text());
  }

  /** Role or policy names with their IAM paths (the default "/" where the path is not valid). */
  private static Map<String, String> paths(YamlValue.Mapping root, String section) {
    Map<String, String> paths = new LinkedHashMap<>();
    for (YamlValue.Entry e : PolicyDocuments.entries(root, section)) {
      String path = "/";
      if (e.value() instanceof YamlValue.Mapping m
          && m.get("path").orElse(null) instanceof YamlValue.Scalar s
          && PATH.matcher(s.text()).matches()) {
        path = s.text();
      }
      paths.put(e.key(), path);
    }
    return paths;
  }

  private static LoadResult result(Stack stack, List<Diagnostic> diagnostics) {
    List<Diagnostic> sorted = new ArrayList<>(new LinkedHashSet<>(diagnostics));
    sorted.sort(Comparator.comparing((Diagnostic d) -> d.location() == null ? ""
            : d.location().file())
        .thenComparingInt(d -> d.location() == null ? 0 : d.location().line())
        .thenComparingInt(d -> d.location() == null ? 0 : d.location().column()));
    return new LoadResult(Optional.ofNullable(stack), sorted);
  }
}
