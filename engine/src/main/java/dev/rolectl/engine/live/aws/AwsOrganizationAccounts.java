package dev.rolectl.engine.live.aws;

import dev.rolectl.engine.live.ApiStats;
import dev.rolectl.engine.live.OrganizationAccounts;
import dev.rolectl.engine.live.TargetOptions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.organizations.model.ChildNotFoundException;
import software.amazon.awssdk.services.organizations.model.OrganizationalUnit;
import software.amazon.awssdk.services.organizations.model.ParentNotFoundException;

/**
 * {@link OrganizationAccounts} through the SDK's Organizations client (module version 2.40.2 on
 * the BOM's core: see the parent POM), configured like the IAM client ({@code
 * AWS_ENDPOINT_URL_ORGANIZATIONS} or the target's endpoint, retries, the call counter). Below an
 * OU it walks the OU tree: {@code ListAccountsForParent} and {@code
 * ListOrganizationalUnitsForParent} for each OU, paginated.
 */
public final class AwsOrganizationAccounts implements OrganizationAccounts {
  private final TargetOptions options;
  private final CallCounter counter = new CallCounter();
  private OrganizationsClient client;

  public AwsOrganizationAccounts(TargetOptions options) {
    this.options = options;
  }

  @Override
  public List<Account> accounts(Optional<String> ou) {
    List<Account> found = new ArrayList<>();
    try (ReadGuard.Read read =
        counter.guard(options.readTimeout()).read("list the accounts of the organisation")) {
      if (ou.isEmpty()) {
        client().listAccountsPaginator(r -> {}).stream().flatMap(p -> p.accounts().stream())
            .forEach(a -> found.add(new Account(a.id(), a.name(), a.statusAsString())));
      } else {
        Deque<String> parents = new ArrayDeque<>(List.of(ou.get()));
        while (!parents.isEmpty()) {
          String parent = parents.pop();
          client().listAccountsForParentPaginator(r -> r.parentId(parent)).stream()
              .flatMap(p -> p.accounts().stream())
              .forEach(a -> found.add(new Account(a.id(), a.name(), a.statusAsString())));
          client().listOrganizationalUnitsForParentPaginator(r -> r.parentId(parent))
              .stream().flatMap(p -> p.organizationalUnits().stream()).map(OrganizationalUnit::id).forEach(parents::add);
        }
      }
    } catch (ParentNotFoundException | ChildNotFoundException e) {
      throw new dev.rolectl.engine.live.TargetException("no organisational unit "
          + ou.orElse("") + " in the organisation (" + e.awsErrorDetails().errorMessage()
          + "); check the id with 'aws organizations list-organizational-units-for-parent'", e);
    } catch (SdkException e) {
      throw AwsErrors.translate(e, "list the accounts of the organisation (run from the"
          + " management account or a delegated administrator, with"
          + " organizations:ListAccounts" + (ou.isPresent() ? "ForParent and"
          + " organizations:ListOrganizationalUnitsForParent" : "") + ")", counter.lastEndpoint());
    }
    found.sort(Comparator.comparing(Account::id));
    return found;
  }

  private synchronized OrganizationsClient client() {
    if (client == null) {
      client = AwsClients.organizations(options, counter);
    }
    return client;
  }

  @Override
  public ApiStats stats() {
    return counter.snapshot();
  }

  @Override
  public synchronized void close() {
    if (client != null) {
      client.close();
    }
  }
}
