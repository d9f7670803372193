package dev.rolectl.engine.live.aws;

import dev.rolectl.engine.live.EcsDeployments;
import dev.rolectl.engine.live.EcsScan;
import dev.rolectl.engine.live.ServiceUse;
import dev.rolectl.engine.live.TargetOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The {@code aws} adapter of {@link EcsDeployments}. A scan covers every region enabled for the
 * account ({@link EnabledRegions}, read once per run) and the regions asked for besides; when the
 * enabled regions cannot be read, only the regions asked for, and the scan says so ({@link
 * EcsScan#partial()}); with none asked for, it is unknown. {@link #inventory} with regions reads
 * just those ({@code rolectl snapshot --ecs-region}, which records them). Regions are read in
 * parallel ({@value #PARALLEL_REGIONS} at once), each by {@link EcsRegionReader} and, for the
 * services that need it, {@link EcsDeploymentReader}. Failures make the scan unknown, with the
 * reason. {@link #scan} answers from what this instance read before; {@link #rescan} and {@link
 * #inventory} read anew and carry nothing over (not even that an endpoint lacked an API).
 * Thread-safe; ECS clients are made per region on first use.
 */
public final class AwsEcsDeployments implements EcsDeployments, AutoCloseable {
  static final int PARALLEL_REGIONS = 8;
  private static final String NAME_THEM = ", so rolectl cannot tell which regions' ECS services to"
      + " check. Allow ec2:DescribeRegions, or name the regions in the stack (settings: {ecs:"
      + " {regions: [us-east-1, eu-west-1]}}: then only those are checked, with a warning)";

  private final TargetOptions options;
  private final CallCounter counter;
  private final Map<String, EcsClient> clients = new ConcurrentHashMap<>();
  private final Map<String, RegionScan> cache = new HashMap<>();
  private List<String> enabled;
  private String enabledUnknown; // why DescribeRegions failed: asked once per run, like the answer
  private ExecutorService pool;

  public AwsEcsDeployments(TargetOptions options) {
    this(options, new CallCounter());
  }

  AwsEcsDeployments(TargetOptions options, CallCounter counter) {
    this.options = options == null ? TargetOptions.defaults() : options;
    this.counter = counter;
  }

  @Override
  public EcsScan scan(Collection<String> roleArns, Collection<String> regions) {
    try (ReadGuard.Read read = guard().read("scan ECS")) {
      return scan(roleArns, regions, false);
    }
  }

  @Override
  public EcsScan rescan(Collection<String> roleArns, Collection<String> regions) {
    try (ReadGuard.Read read = guard().read("scan ECS")) {
      return scan(roleArns, regions, true);
    }
  }

  /** The read guard of the target's clients: one deadline for a scan ({@code --read-timeout}). */
  private ReadGuard guard() {
    return counter.guard(options.readTimeout());
  }

  @Override
  public EcsScan inventory(Collection<String> regions) {
    try (ReadGuard.Read read = guard().read("read ECS")) {
      return readInventory(regions);
    }
  }

  private synchronized EcsScan readInventory(Collection<String> regions) {
    Resolved where = regions.isEmpty() ? resolve() : new Resolved(distinct(regions), null);
    if (where.unknown != null) {
      return EcsScan.unknown(List.of(), where.unknown + NAME_THEM);
    }
    Set<String> unknown = ConcurrentHashMap.newKeySet();
    AtomicReference<String> silent = new AtomicReference<>();
    List<RegionScan> states = parallel(where.regions, r -> fresh(r, silent));
    Set<String> roles = new LinkedHashSet<>();
    states.forEach(s -> roles.addAll(s.namedRoles(unknown)));
    return collect(where.regions, states, roles, unknown);
  }

  /** The region of the target: {@code --region}, else the SDK's settings; where regions are read. */
  public String defaultRegion() {
    return AwsClients.region(options).id();
  }

  private synchronized EcsScan scan(
      Collection<String> roleArns, Collection<String> regions, boolean fresh) {
    Set<String> unknown = ConcurrentHashMap.newKeySet();
    AtomicReference<String> silent = new AtomicReference<>();
    Function<String, RegionScan> read =
        r -> {
          RegionScan cached;
          synchronized (cache) {
            cached = fresh ? null : cache.get(r);
          }
          return cached != null ? cached : fresh(r, silent);
        };
    Map<String, RegionScan> early = new HashMap<>();
    Resolved enabledNow = resolveOverlapping(read, early);
    List<String> where;
    String partial = null;
    if (enabledNow.unknown == null) {
      where = union(enabledNow.regions, regions);
    } else if (regions.isEmpty()) {
      return EcsScan.unknown(List.of(), enabledNow.unknown + NAME_THEM);
    } else {
      where = distinct(regions);
      partial = enabledNow.unknown
          + ", so only the stack's settings.ecs.regions (" + String.join(", ", where)
          + ") were checked; allow ec2:DescribeRegions to check every enabled region";
    }
    List<RegionScan> states = parallel(where, r -> early.containsKey(r) ? early.get(r) : read.apply(r));
    EcsScan scan = collect(where, states, roleArns, unknown);
    return partial == null ? scan : scan.partial(partial);
  }

  /** The enabled regions, then the others asked for; each once (region names ignore case). */
  private static List<String> union(List<String> enabled, Collection<String> asked) {
    List<String> out = new ArrayList<>(enabled);
    for (String r : asked) {
      if (out.stream().noneMatch(r::equalsIgnoreCase)) {
        out.add(r);
      }
    }
    return out;
  }

  private static List<String> distinct(Collection<String> regions) {
    return union(List.of(), regions);
  }

  /**
   * The regions enabled for the account. When they must be read first, the home region (where
   * they are read, nearly always enabled) is read meanwhile into {@code early}, so that loading
   * the EC2 client and its call overlap the first ECS reads.
   */
  private Resolved resolveOverlapping(Function<String, RegionScan> read, Map<String, RegionScan> early) {
    if (enabled != null || enabledUnknown != null) {
      return resolve();
    }
    Future<Resolved> discovery = pool().submit(this::resolve);
    String home = defaultRegion();
    early.put(home, read.apply(home));
    try {
      return discovery.get();
    } catch (ExecutionException e) {
      return new Resolved(List.of(), "cannot list the regions enabled for the account ("
          + e.getCause() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the enabled regions", e);
    }
  }

  private EcsScan collect(
      List<String> regions, List<RegionScan> states, Collection<String> roleArns, Set<String> unknown) {
    Map<String, List<ServiceUse>> uses = new LinkedHashMap<>();
    roleArns.forEach(arn -> uses.put(arn, new ArrayList<>()));
    List<String> clusters = new ArrayList<>();
    Set<String> reasons = new LinkedHashSet<>(unknown);
    for (RegionScan s : states) {
      s.uses(roleArns, reasons).forEach((arn, list) -> uses.get(arn).addAll(list));
      clusters.addAll(s.clusters());
    }
    Optional<String> why =
        reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    return new EcsScan(regions, clusters, uses, why, Optional.empty());
  }

  /**
   * Reads one region. Once a region of this scan got no answer at all (a time-out, a refused
   * connection: {@code silent} holds which), the regions not started yet are not read: the scan is
   * unknown (and blocks) either way, and each of them would wait out the same time-out again
   * (38 regions at 8 a time and a 60 s time-out made a silent endpoint cost six minutes).
   */
  private RegionScan fresh(String region, AtomicReference<String> silent) {
    String gone = silent.get();
    if (gone != null) {
      return remember(region,
          new RegionScan(region, null, "the other regions were not read after " + gone, null));
    }
    EcsClient ecs;
    try {
      ecs = client(region);
    } catch (IllegalArgumentException e) {
      return remember(region, new RegionScan(region, null, "cannot set up the AWS SDK for ECS in "
          + region + " (" + e.getMessage() + "): check the region names (settings.ecs.regions,"
          + " --region)", null));
    }
    EcsDeploymentReader deployments = new EcsDeploymentReader(ecs);
    try {
      EcsInventory inventory = new EcsRegionReader(ecs).read();
      return remember(region, new RegionScan(region, inventory, null, deployments::read));
    } catch (EcsReadException e) {
      if (e.failure instanceof SdkClientException c && AwsErrors.unreachable(c)) {
        silent.compareAndSet(null, "ECS in " + region + " did not answer");
      }
      return remember(region, new RegionScan(region, null, e.reason(region), null));
    }
  }

  private RegionScan remember(String region, RegionScan state) {
    synchronized (cache) {
      cache.put(region, state);
    }
    return state;
  }

  /** The regions enabled for the account, or why they are unknown. One thread at a time. */
  private Resolved resolve() {
    if (enabledUnknown != null) {
      return new Resolved(List.of(), enabledUnknown);
    }
    if (enabled == null) {
      String home = defaultRegion();
      try (Ec2Client ec2 = AwsClients.ec2(options, Region.of(home), counter)) {
        enabled = EnabledRegions.read(ec2);
      } catch (EcsReadException e) {
        enabledUnknown = "cannot list the regions enabled for the account (" + e.reason(home) + ")";
        return new Resolved(List.of(), enabledUnknown);
      }
    }
    return new Resolved(enabled, null);
  }

  private List<RegionScan> parallel(List<String> regions, Function<String, RegionScan> task) {
    if (regions.size() == 1) {
      return List.of(task.apply(regions.get(0)));
    }
    List<Future<RegionScan>> futures = new ArrayList<>();
    regions.forEach(r -> futures.add(pool().submit(() -> task.apply(r))));
    List<RegionScan> out = new ArrayList<>();
    for (int i = 0; i < futures.size(); i++) {
      try {
        out.add(futures.get(i).get());
      } catch (ExecutionException e) {
        String region = regions.get(i);
        out.add(new RegionScan(region, null, "reading ECS in " + region + " failed ("
            + e.getCause() + "): run with --debug for details", null));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading ECS", e);
      }
    }
    return out;
  }

  private synchronized ExecutorService pool() {
    if (pool == null) {
      pool =
          Executors.newFixedThreadPool(
              PARALLEL_REGIONS,
              r -> {
                Thread t = new Thread(r, "rolectl-ecs-region");
                t.setDaemon(true);
                return t;
              });
    }
    return pool;
  }

  private EcsClient client(String region) {
    return clients.computeIfAbsent(region, r -> AwsClients.ecs(options, Region.of(r), counter));
  }

  @Override
  public synchronized void close() {
    clients.values().forEach(EcsClient::close);
    clients.clear();
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  private record Resolved(List<String> regions, String unknown) {}
}
