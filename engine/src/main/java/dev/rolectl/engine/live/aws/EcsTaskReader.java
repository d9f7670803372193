package dev.rolectl.engine.live.aws;

import static dev.rolectl.engine.live.aws.EcsReadException.call;

import dev.rolectl.engine.live.EcsRoleField;
import dev.rolectl.engine.live.ServiceUse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DaemonDetail;
import software.amazon.awssdk.services.ecs.model.DaemonRevision;
import software.amazon.awssdk.services.ecs.model.DaemonRevisionDetail;
import software.amazon.awssdk.services.ecs.model.DaemonSummary;
import software.amazon.awssdk.services.ecs.model.DaemonTaskDefinition;
import software.amazon.awssdk.services.ecs.model.DesiredStatus;
import software.amazon.awssdk.services.ecs.model.ListDaemonsResponse;
import software.amazon.awssdk.services.ecs.model.Task;
import software.amazon.awssdk.services.ecs.model.TaskDefinition;

/**
 * Which task and execution roles one region's tasks use (the {@link EcsRoleField#taskRole()}
 * fields): the task definitions of every service's deployments that are not {@code INACTIVE} and
 * of its task sets ({@link EcsServiceRecord#taskDefinitions()}); per cluster the running tasks
 * ({@code ListTasks} with {@code desiredStatus RUNNING}, 100 a page; {@code DescribeTasks}, 100 a
 * call), with their task definitions and their own {@code overrides}; and per cluster the daemons
 * ({@code ListDaemons}, {@code DescribeDaemon}, {@code DescribeDaemonRevisions} of its current
 * revisions, {@code DescribeDaemonTaskDefinition}). {@code DescribeTaskDefinition} is called once
 * per task definition revision for the life of the adapter ({@code taskDefinitions}: a revision
 * never changes). A region or endpoint that positively lacks daemons has none; any other failure
 * is an {@link EcsReadException}.
 *
 * <p>For C clusters, T running tasks, D distinct task definitions not described before and d
 * daemons: {@code C·(1 + ceil(T/100)) + D + C + 3d} calls (pages aside).
 */
final class EcsTaskReader {
  static final int PAGE = 100;
  static final int DESCRIBE_BATCH = 100;
  private static final String DAEMON_DEFINITION = ":daemon-task-definition/";

  /** Something whose tasks use roles. */
  record TaskUser(
      String kind, String cluster, String name, Map<EcsRoleField, Set<String>> refs, String source) {}

  private final EcsClient ecs;
  private final Map<String, Map<EcsRoleField, String>> definitions;

  /**
   * @param definitions task definition ARN to the roles it names, kept across reads (revisions
   *     are immutable); thread-safe
   */
  EcsTaskReader(EcsClient ecs, Map<String, Map<EcsRoleField, String>> definitions) {
    this.ecs = ecs;
    this.definitions = definitions;
  }

  List<TaskUser> read(EcsInventory inventory) {
    Map<String, TaskUser> out = new LinkedHashMap<>();
    for (EcsServiceRecord s : inventory.services()) {
      for (String td : s.taskDefinitions()) {
        add(out, ServiceUse.SERVICE, s.cluster(), s.service(), roles(td, false),
            "DescribeServices (deployments, task sets) and DescribeTaskDefinition");
      }
    }
    for (String cluster : inventory.clusterArns()) {
      String clusterName = EcsServices.name(cluster);
      for (Task t : runningTasks(cluster)) {
        String group = t.group() == null ? "" : t.group();
        boolean ofService = group.startsWith("service:");
        String kind = ofService ? ServiceUse.SERVICE : ServiceUse.TASK;
        String name = ofService
            ? group.substring("service:".length())
            : EcsServices.name(t.taskArn()) + (group.isEmpty() ? "" : " (" + group + ")");
        if (t.taskDefinitionArn() != null) {
          boolean daemon = t.taskDefinitionArn().contains(DAEMON_DEFINITION);
          add(out, daemon ? ServiceUse.DAEMON : kind, clusterName, name,
              roles(t.taskDefinitionArn(), daemon), "ListTasks, DescribeTasks and the task definition");
        }
        if (t.overrides() != null) {
          Map<EcsRoleField, String> own = new EnumMap<>(EcsRoleField.class);
          put(own, EcsRoleField.TASK_OVERRIDE_TASK_ROLE, t.overrides().taskRoleArn());
          put(own, EcsRoleField.TASK_OVERRIDE_EXECUTION_ROLE, t.overrides().executionRoleArn());
          add(out, kind, clusterName, name, own, "ListTasks and DescribeTasks (overrides)");
        }
      }
      for (String[] d : daemonDefinitions(cluster)) {
        add(out, ServiceUse.DAEMON, clusterName, EcsServices.name(d[0]), roles(d[1], true),
            "ListDaemons, DescribeDaemon, DescribeDaemonRevisions and"
                + " DescribeDaemonTaskDefinition");
      }
    }
    return List.copyOf(out.values());
  }

  private static void add(Map<String, TaskUser> out, String kind, String cluster, String name,
      Map<EcsRoleField, String> roles, String source) {
    if (roles.isEmpty()) {
      return;
    }
    TaskUser u = out.computeIfAbsent(kind + "\u0000" + cluster + "\u0000" + name,
        k -> new TaskUser(kind, cluster, name, new EnumMap<>(EcsRoleField.class), source));
    roles.forEach((f, arn) -> u.refs().computeIfAbsent(f, x -> new TreeSet<>()).add(arn));
  }

  private List<Task> runningTasks(String cluster) {
    List<String> arns = call("ListTasks", () -> {
      List<String> list = new ArrayList<>();
      ecs.listTasksPaginator(r -> r.cluster(cluster).desiredStatus(DesiredStatus.RUNNING)
          .maxResults(PAGE)).taskArns().forEach(list::add);
      return list;
    });
    List<Task> out = new ArrayList<>();
    for (int i = 0; i < arns.size(); i += DESCRIBE_BATCH) {
      List<String> batch = arns.subList(i, Math.min(arns.size(), i + DESCRIBE_BATCH));
      out.addAll(call("DescribeTasks",
          () -> ecs.describeTasks(r -> r.cluster(cluster).tasks(batch)).tasks()));
    }
    return out;
  }

  /** Each daemon ARN with the task definition of each of its current revisions. */
  private List<String[]> daemonDefinitions(String cluster) {
    List<String> daemons = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      ListDaemonsResponse page;
      try {
        page = ecs.listDaemons(r -> r.clusterArn(cluster).nextToken(next));
      } catch (SdkException e) {
        if (EcsErrors.featureAbsent(e)) {
          return List.of();
        }
        throw new EcsReadException("ListDaemons", e);
      }
      page.daemonSummariesList().stream().map(DaemonSummary::daemonArn).forEach(daemons::add);
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    List<String[]> out = new ArrayList<>();
    for (String daemon : daemons) {
      DaemonDetail detail = call("DescribeDaemon",
          () -> ecs.describeDaemon(r -> r.daemonArn(daemon)).daemon());
      List<String> revisions = detail == null ? List.of()
          : detail.currentRevisions().stream().map(DaemonRevisionDetail::arn).toList();
      if (revisions.isEmpty()) {
        continue;
      }
      for (DaemonRevision rev : call("DescribeDaemonRevisions",
          () -> ecs.describeDaemonRevisions(r -> r.daemonRevisionArns(revisions)).daemonRevisions())) {
        if (rev.daemonTaskDefinitionArn() != null) {
          out.add(new String[] {daemon, rev.daemonTaskDefinitionArn()});
        }
      }
    }
    return out;
  }

  /** The task and execution role of a task definition (daemon or not), described once. */
  private Map<EcsRoleField, String> roles(String arn, boolean daemon) {
    Map<EcsRoleField, String> known = definitions.get(arn);
    if (known != null) {
      return known;
    }
    Map<EcsRoleField, String> out = new EnumMap<>(EcsRoleField.class);
    if (daemon) {
      DaemonTaskDefinition d = call("DescribeDaemonTaskDefinition",
          () -> ecs.describeDaemonTaskDefinition(r -> r.daemonTaskDefinition(arn))
              .daemonTaskDefinition());
      if (d == null) {
        throw new EcsReadException("DescribeDaemonTaskDefinition", software.amazon.awssdk.core
            .exception.SdkClientException.create("DescribeDaemonTaskDefinition did not describe "
                + arn));
      }
      put(out, EcsRoleField.DAEMON_TASK_ROLE, d.taskRoleArn());
      put(out, EcsRoleField.DAEMON_EXECUTION_ROLE, d.executionRoleArn());
    } else {
      TaskDefinition d = call("DescribeTaskDefinition",
          () -> ecs.describeTaskDefinition(r -> r.taskDefinition(arn)).taskDefinition());
      if (d == null) {
        throw new EcsReadException("DescribeTaskDefinition", software.amazon.awssdk.core
            .exception.SdkClientException.create("DescribeTaskDefinition did not describe " + arn));
      }
      put(out, EcsRoleField.TASK_ROLE, d.taskRoleArn());
      put(out, EcsRoleField.EXECUTION_ROLE, d.executionRoleArn());
    }
    Map<EcsRoleField, String> fixed = java.util.Collections.unmodifiableMap(out);
    if (arn.matches(".*:\\d+$")) {
      definitions.put(arn, fixed); // a revision never changes
    }
    return fixed;
  }

  private static void put(Map<EcsRoleField, String> out, EcsRoleField f, String arn) {
    if (arn != null && !arn.isBlank()) {
      out.put(f, arn);
    }
  }
}
