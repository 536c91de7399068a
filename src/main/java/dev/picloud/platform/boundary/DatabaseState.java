package dev.picloud.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalInt;

/** Whether migrations have been applied on this node, and to which schema version. */
@ApplicationScoped
public class DatabaseState {
  private volatile int schemaVersion = -1;

  void migrated(int version) {
    schemaVersion = version;
  }

  public OptionalInt schemaVersion() {
    return schemaVersion < 0 ? OptionalInt.empty() : OptionalInt.of(schemaVersion);
  }
}
