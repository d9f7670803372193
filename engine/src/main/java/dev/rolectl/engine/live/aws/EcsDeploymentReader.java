package dev.rolectl.engine.live.aws;

import static dev.rolectl.engine.live.aws.EcsReadException.call;

import dev.rolectl.engine.live.ActiveDeployment;
import dev.rolectl.engine.live.DeploymentSignals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.DescribeServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.DescribeServiceRevisionsResponse;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief;
import software.amazon.awssdk.services.ecs.model.ServiceRevision;
import software.amazon.awssdk.services.ecs.model.ServiceRevisionSummary;

/**
 * The deployments of one service that are not known to be finished, with the roles their source
 * and target service revisions name: {@code ListServiceDeployments} without a status filter (100 a
 * page, looping on {@code nextToken}: the SDK has no paginator for it), {@code
 * DescribeServiceDeployments} (20 a call) for the lifecycle stage and the revisions, {@code
 * DescribeServiceRevisions} (20 a call). Any failure, or a deployment or revision the describe
 * calls leave out, is an {@link EcsReadException} (fail closed). Only where the endpoint positively
 * lacks {@code ListServiceDeployments} ({@link EcsErrors#apiMissing}, decided on this call alone)
 * does {@code Service.deployments[]} decide, without revisions.
 */
final class EcsDeploymentReader {
  static final int PAGE = 100;
  static final int DESCRIBE_BATCH = 20;
  static final String API_SOURCE = "ListServiceDeployments and DescribeServiceDeployments";

  private final EcsClient ecs;

  EcsDeploymentReader(EcsClient ecs) {
    this.ecs = ecs;
  }

  /**
   * What is under way for a service.
   *
   * @param active deployments not known to be finished, oldest first
   * @param revisionRoles per deployment id, the roles its source and target revisions name;
   *     {@code null} when revisions could not be read (the fallback)
   * @param source what decided, for verdicts
   */
  record Result(List<ActiveDeployment> active, Map<String, Set<String>> revisionRoles, String source) {
    boolean revisionsKnown() {
      return revisionRoles != null;
    }

    Set<String> allRevisionRoles() {
      Set<String> out = new LinkedHashSet<>();
      if (revisionRoles != null) {
        revisionRoles.values().forEach(out::addAll);
      }
      return out;
    }
  }

  Result read(EcsServiceRecord service) {
    List<ServiceDeploymentBrief> briefs;
    try {
      briefs = list(service);
    } catch (SdkException e) {
      if (EcsErrors.apiMissing(e)) {
        return new Result(
            DeploymentSignals.underWay(service.serviceDeployments()),
            null,
            "Service.deployments[] (fallback: ListServiceDeployments answered "
                + EcsErrors.what(e)
                + " at this endpoint)");
      }
      throw new EcsReadException("ListServiceDeployments", e);
    }
    List<String> unfinished =
        briefs.stream()
            .filter(b -> !DeploymentSignals.isCompletedStatus(b.statusAsString()))
            .map(ServiceDeploymentBrief::serviceDeploymentArn)
            .toList();
    Map<String, ServiceDeployment> described = describe(unfinished);
    Map<String, Set<String>> revisionsOf = new HashMap<>();
    Set<String> revisionArns = new LinkedHashSet<>();
    for (ServiceDeployment d : described.values()) {
      Set<String> arns = new LinkedHashSet<>();
      d.sourceServiceRevisions().stream().map(ServiceRevisionSummary::arn).forEach(arns::add);
      if (d.targetServiceRevision() != null) {
        arns.add(d.targetServiceRevision().arn());
      }
      arns.remove(null);
      revisionsOf.put(d.serviceDeploymentArn(), arns);
      revisionArns.addAll(arns);
    }
    Map<String, Set<String>> rolesOfRevision = revisions(List.copyOf(revisionArns));
    List<ActiveDeployment> active = new ArrayList<>();
    Map<String, Set<String>> roles = new HashMap<>();
    for (ServiceDeploymentBrief b : briefs) {
      ServiceDeployment d = described.get(b.serviceDeploymentArn());
      if (d == null) {
        continue; // finished when listed
      }
      String status = d.statusAsString() != null ? d.statusAsString() : b.statusAsString();
      if (DeploymentSignals.isCompletedStatus(status)) {
        continue; // finished between the list and the describe
      }
      active.add(
          new ActiveDeployment(
              b.serviceDeploymentArn(),
              status == null ? "UNKNOWN" : status,
              null,
              d.lifecycleStageAsString(),
              b.startedAt() != null ? b.startedAt() : b.createdAt()));
      Set<String> r = new LinkedHashSet<>();
      revisionsOf.get(b.serviceDeploymentArn()).forEach(a -> r.addAll(rolesOfRevision.get(a)));
      roles.put(b.serviceDeploymentArn(), r);
    }
    active.sort(
        Comparator.comparing(
            ActiveDeployment::startedAt, Comparator.nullsLast(Comparator.naturalOrder())));
    return new Result(active, roles, API_SOURCE);
  }

  private List<ServiceDeploymentBrief> list(EcsServiceRecord service) {
    List<ServiceDeploymentBrief> briefs = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      ListServiceDeploymentsResponse page =
          ecs.listServiceDeployments(
              r ->
                  r.cluster(service.clusterArn())
                      .service(
                          service.serviceArn() != null ? service.serviceArn() : service.service())
                      .maxResults(PAGE)
                      .nextToken(next));
      briefs.addAll(page.serviceDeployments());
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    return briefs;
  }

  private Map<String, ServiceDeployment> describe(List<String> arns) {
    Map<String, ServiceDeployment> out = new HashMap<>();
    for (int i = 0; i < arns.size(); i += DESCRIBE_BATCH) {
      List<String> batch = arns.subList(i, Math.min(arns.size(), i + DESCRIBE_BATCH));
      DescribeServiceDeploymentsResponse r =
          call(
              "DescribeServiceDeployments",
              () -> ecs.describeServiceDeployments(q -> q.serviceDeploymentArns(batch)));
      r.serviceDeployments().forEach(d -> out.put(d.serviceDeploymentArn(), d));
      missing("DescribeServiceDeployments", batch, out.keySet(), r.failures());
    }
    return out;
  }

  private Map<String, Set<String>> revisions(List<String> arns) {
    Map<String, Set<String>> out = new HashMap<>();
    for (int i = 0; i < arns.size(); i += DESCRIBE_BATCH) {
      List<String> batch = arns.subList(i, Math.min(arns.size(), i + DESCRIBE_BATCH));
      DescribeServiceRevisionsResponse r =
          call(
              "DescribeServiceRevisions",
              () -> ecs.describeServiceRevisions(q -> q.serviceRevisionArns(batch)));
      for (ServiceRevision rev : r.serviceRevisions()) {
        out.put(rev.serviceRevisionArn(), EcsServices.roles(rev));
      }
      missing("DescribeServiceRevisions", batch, out.keySet(), r.failures());
    }
    return out;
  }

  /** Fails closed when a describe call left an asked ARN out. */
  private static void missing(
      String operation,
      List<String> asked,
      Set<String> got,
      List<software.amazon.awssdk.services.ecs.model.Failure> failures) {
    for (String arn : asked) {
      if (!got.contains(arn)) {
        String why =
            failures.stream()
                .filter(f -> arn.equals(f.arn()))
                .map(f -> f.reason() + (f.detail() == null ? "" : " (" + f.detail() + ")"))
                .findFirst()
                .orElse("not in the answer");
        throw new EcsReadException(
            operation,
            software.amazon.awssdk.core.exception.SdkClientException.create(
                operation + " did not describe " + arn + ": " + why));
      }
    }
  }
}
