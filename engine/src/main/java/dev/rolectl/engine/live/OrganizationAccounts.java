package dev.rolectl.engine.live;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The member accounts of an AWS Organizations organisation (port; the {@code aws} adapter calls
 * {@code ListAccounts}, or {@code ListAccountsForParent} and {@code
 * ListOrganizationalUnitsForParent} below an OU). Read with the caller's own credentials, from the
 * management account or a delegated administrator.
 */
public interface OrganizationAccounts extends AutoCloseable {

  /**
   * An account of the organisation.
   *
   * @param id 12 digits
   * @param name the account's name in Organizations
   * @param status {@code ACTIVE}, {@code SUSPENDED}, {@code PENDING_CLOSURE}...
   */
  record Account(String id, String name, String status) {
    public Account {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(status, "status");
    }
  }

  /**
   * Every account of the organisation, or those below {@code ou} (nested OUs included), sorted
   * by id, whatever their status.
   *
   * @throws TargetException when Organizations cannot be read (not the management account, no
   *     permission, an unknown OU), with what to do
   */
  List<Account> accounts(Optional<String> ou);

  /** API calls so far. */
  ApiStats stats();

  @Override
  void close();
}
