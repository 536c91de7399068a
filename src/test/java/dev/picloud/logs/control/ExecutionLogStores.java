package dev.picloud.logs.control;

import javax.sql.DataSource;

/** An {@link ExecutionLogStore} on a data source of the caller's, outside the container. */
public final class ExecutionLogStores {
  private ExecutionLogStores() {}

  public static ExecutionLogStore on(DataSource dataSource) {
    ExecutionLogStore store = new ExecutionLogStore();
    store.dataSource = dataSource;
    return store;
  }
}
