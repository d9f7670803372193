package dev.rolectl.engine.live.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolectl.engine.live.LiveAccount;
import java.util.Objects;

/**
 * What an account file held when it was read: its JSON tree and the account rolectl modelled
 * from it. Writing the account back ({@link AccountFileMerge}) starts from the tree and changes
 * only what differs between the account as read and the account now, so that everything rolectl
 * does not model (users' and groups' inline policies, memberships, ids, dates, instance profiles,
 * AWS managed policies, fields it does not know) survives unchanged.
 */
public final class AccountSource {
  private final ObjectNode tree;
  private final LiveAccount read;

  AccountSource(ObjectNode tree, LiveAccount read) {
    this.tree = Objects.requireNonNull(tree, "tree");
    this.read = Objects.requireNonNull(read, "read");
  }

  /** The file's tree as read; never changed (callers copy it). */
  ObjectNode tree() {
    return tree;
  }

  /** The account as modelled from the tree. */
  LiveAccount read() {
    return read;
  }
}
