package dev.rolectl.engine.live.aws;

import dev.rolectl.engine.live.Ec2Scan;
import dev.rolectl.engine.live.InstanceProfileAssociations;
import dev.rolectl.engine.live.InstanceUse;
import dev.rolectl.engine.live.RegionFailure;
import dev.rolectl.engine.live.TargetOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IamInstanceProfileAssociation;

/**
 * The {@code aws} adapter of {@link InstanceProfileAssociations}: {@code
 * DescribeIamInstanceProfileAssociations} (1000 a page) in every region enabled for the account
 * ({@link AccountRegions}, shared with the ECS scan: one {@code DescribeRegions} a run) and the
 * regions asked for besides, {@value RegionPool#PARALLEL_REGIONS} regions at a time, with the
 * ECS scan's rules: when the enabled regions cannot be read only the regions asked for are read
 * and the scan says so ({@link Ec2Scan#partial()}), with none it is unknown; a failure makes its
 * region failed ({@link RegionFailure}); once a region's endpoint does not answer at all, the
 * regions not started yet are not read. {@link #scan} answers from what this instance read
 * before; {@link #rescan} reads anew. One call per region and page.
 */
public final class AwsInstanceProfileAssociations implements InstanceProfileAssociations, AutoCloseable {
  static final String OPERATION = "DescribeIamInstanceProfileAssociations";
  static final int PAGE = 1000;
  private static final String NAME_THEM = ", so rolectl cannot tell which regions' EC2 instances"
      + " to check. Allow ec2:DescribeRegions, or name the regions in the stack (settings: {ecs:"
      + " {regions: [us-east-1, eu-west-1]}}: then only those are checked, with a warning)";

  private final TargetOptions options;
  private final CallCounter counter;
  private final AccountRegions accountRegions;
  private final RegionPool pool = new RegionPool("rolectl-ec2-region");
  private final Map<String, Ec2Client> clients = new ConcurrentHashMap<>();
  private final Map<String, RegionRead> cache = new HashMap<>();

  AwsInstanceProfileAssociations(TargetOptions options, CallCounter counter, AccountRegions regions) {
    this.options = options;
    this.counter = counter;
    this.accountRegions = regions;
  }

  @Override
  public Ec2Scan scan(Collection<String> names, Collection<String> regions) {
    return read(names, regions, false);
  }

  @Override
  public Ec2Scan rescan(Collection<String> names, Collection<String> regions) {
    return read(names, regions, true);
  }

  @Override
  public synchronized Ec2Scan inventory(Collection<String> regions) {
    AccountRegions.Resolved where = regions.isEmpty()
        ? accountRegions.resolve()
        : new AccountRegions.Resolved(AccountRegions.distinct(regions), null);
    if (where.unknown() != null) {
      return Ec2Scan.unknown(List.of(), where.unknown() + NAME_THEM);
    }
    AtomicReference<String> silent = new AtomicReference<>();
    return collect(where.regions(), null, pool.each(where.regions(), r -> fresh(r, silent),
        this::failed));
  }

  private synchronized Ec2Scan read(Collection<String> names, Collection<String> regions,
      boolean anew) {
    AccountRegions.Resolved enabled = accountRegions.resolve();
    List<String> where;
    String partial = null;
    if (enabled.unknown() == null) {
      where = AccountRegions.union(enabled.regions(), regions);
    } else if (regions.isEmpty()) {
      return Ec2Scan.unknown(List.of(), enabled.unknown() + NAME_THEM);
    } else {
      where = AccountRegions.distinct(regions);
      partial = enabled.unknown() + ", so only the stack's settings.ecs.regions ("
          + String.join(", ", where) + ") were checked; allow ec2:DescribeRegions to check every"
          + " enabled region";
    }
    AtomicReference<String> silent = new AtomicReference<>();
    List<RegionRead> reads = pool.each(where, r -> {
      RegionRead known;
      synchronized (cache) {
        known = anew ? null : cache.get(r);
      }
      return known != null ? known : fresh(r, silent);
    }, this::failed);
    Ec2Scan scan = collect(where, names, reads);
    return partial == null ? scan : scan.partial(partial);
  }

  private static Ec2Scan collect(List<String> where, Collection<String> names,
      List<RegionRead> reads) {
    List<InstanceUse> uses = new ArrayList<>();
    List<RegionFailure> failures = new ArrayList<>();
    for (RegionRead r : reads) {
      if (r.failure() != null) {
        failures.add(r.failure());
        continue;
      }
      r.uses().stream()
          .filter(u -> names == null
              || names.stream().anyMatch(n -> n.equalsIgnoreCase(u.instanceProfileName())))
          .forEach(uses::add);
    }
    return Ec2Scan.known(where, uses).withFailures(failures);
  }

  private RegionRead failed(String region, Throwable cause) {
    return remember(new RegionRead(region, List.of(), RegionFailure.of("EC2", OPERATION,
        "unexpected error", String.valueOf(cause), "reading EC2 in " + region + " failed ("
            + cause + "): run with --debug for details", false, region)));
  }

  /** Reads one region, unless a region of this read got no answer at all (see the ECS scan). */
  private RegionRead fresh(String region, AtomicReference<String> silent) {
    String gone = silent.get();
    if (gone != null) {
      return remember(new RegionRead(region, List.of(), RegionFailure.of("EC2", "(any)",
          "not read", "", "the other regions were not read after " + gone + " (each would have"
              + " waited out the same time-out): " + RegionFailure.REGION, false, region)));
    }
    try {
      Ec2Client ec2 = clients.computeIfAbsent(region,
          r -> AwsClients.ec2(options, Region.of(r), counter));
      List<InstanceUse> uses = new ArrayList<>();
      EcsReadException.call(OPERATION, () -> {
        for (IamInstanceProfileAssociation a : ec2.describeIamInstanceProfileAssociationsPaginator(
            r -> r.maxResults(PAGE)).iamInstanceProfileAssociations()) {
          if (a.iamInstanceProfile() != null && a.iamInstanceProfile().arn() != null
              && a.instanceId() != null) {
            uses.add(new InstanceUse(region, a.instanceId(), a.iamInstanceProfile().arn(),
                a.associationId(), a.stateAsString() == null ? "unknown" : a.stateAsString(),
                OPERATION));
          }
        }
        return null;
      });
      return remember(new RegionRead(region, uses, null));
    } catch (IllegalArgumentException e) {
      return remember(new RegionRead(region, List.of(), RegionFailure.of("EC2", "(client)",
          "bad region", e.getMessage(), "cannot set up the AWS SDK for EC2 in " + region + " ("
              + e.getMessage() + "): check the region names (settings.ecs.regions, --region)",
          false, region)));
    } catch (EcsReadException e) {
      if (e.failure instanceof SdkClientException c && AwsErrors.unreachable(c)) {
        silent.compareAndSet(null, "EC2 in " + region + " did not answer");
      }
      return remember(new RegionRead(region, List.of(), e.failure(region)));
    }
  }

  private RegionRead remember(RegionRead read) {
    synchronized (cache) {
      cache.put(read.region(), read);
    }
    return read;
  }

  @Override
  public synchronized void close() {
    clients.values().forEach(Ec2Client::close);
    clients.clear();
    pool.close();
  }

  /** One region's associations, or why it could not be read. */
  private record RegionRead(String region, List<InstanceUse> uses, RegionFailure failure) {}
}
