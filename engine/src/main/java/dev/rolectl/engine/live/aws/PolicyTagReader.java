package dev.rolectl.engine.live.aws;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Reads the tags of customer managed policies with {@code ListPolicyTags}, {@link #PARALLELISM}
 * at a time: IAM returns policy tags nowhere else, one policy a call, so an account's read costs
 * one call per customer policy; in parallel their latencies overlap (measured in
 * docs/benchmarks-live.md: 1,000 policies behind 50 ms of added latency took 104 s one after
 * another, 27 s four at a time, 15 s eight at a time). Eight, like apply's default parallelism,
 * keeps the request rate modest (IAM publishes no rate quota and throttles under load; the SDK's
 * retry strategy backs off when it does).
 */
final class PolicyTagReader {
  static final int PARALLELISM = 8;

  private PolicyTagReader() {}

  /** Policy ARN to tags; a policy deleted meanwhile reads as untagged. */
  static Map<String, Map<String, String>> read(IamClient iam, List<String> arns) {
    Map<String, Map<String, String>> out = new HashMap<>();
    if (arns.isEmpty()) {
      return out;
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(
            Math.min(PARALLELISM, arns.size()),
            r -> {
              Thread t = new Thread(r, "rolectl-policy-tags");
              t.setDaemon(true);
              return t;
            });
    try {
      Map<String, Future<Map<String, String>>> futures = new HashMap<>();
      for (String arn : arns) {
        futures.put(arn, pool.submit(() -> tags(iam, arn)));
      }
      for (Map.Entry<String, Future<Map<String, String>>> e : futures.entrySet()) {
        out.put(e.getKey(), e.getValue().get());
      }
      return out;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SdkException sdk) {
        throw sdk;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading policy tags", e);
    } finally {
      pool.shutdownNow();
    }
  }

  private static Map<String, String> tags(IamClient iam, String arn) {
    Map<String, String> tags = new TreeMap<>();
    try {
      for (Tag t : iam.listPolicyTagsPaginator(r -> r.policyArn(arn).maxItems(100)).tags()) {
        tags.put(t.key(), t.value());
      }
    } catch (NoSuchEntityException e) {
      // deleted since the policy list was read
    }
    return tags;
  }
}
