package dev.picloud.outbox.boundary;

/** Upkeep that does nothing, for dispatchers tested without a database. */
final class NoUpkeep extends OutboxMaintenance {
  @Override
  public void taken(int rows) {
    // no table to vacuum
  }
}
