package dev.picloud.bench;

import dev.picloud.kv.control.PinnedDataSource;
import dev.picloud.logs.control.ExecutionLog;
import dev.picloud.logs.control.ExecutionLogStore;
import dev.picloud.logs.control.ExecutionLogStores;
import dev.picloud.platform.control.Ids;
import dev.picloud.platform.control.Migrations;
import dev.picloud.testing.EmbeddedDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What the shape of execution ids and log ids costs the execution-log writer once the table is
 * large: batches of 8 logs written by {@link ExecutionLogStore#insert} into an {@code
 * execution_logs} already holding {@code bench.rows} rows (default 3,000,000, a week of 5 runs a
 * second) of the same id shape, random (version 4) against time-ordered (version 7), alternating.
 * One connection, as the writer's thread holds one at a time. Starts its own embedded PostgreSQL
 * (no fsync unless {@code -Dbench.durable=true}); see bench/log-inserts.sh.
 */
public final class LogInsertBench {
  private static final long ROWS = Long.getLong("bench.rows", 3_000_000);
  private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
  private static final int ROUNDS = Integer.getInteger("bench.rounds", 2);
  private static final int BATCH = 8;

  /** The ids of the writer's rows: the log's own, then the execution's. */
  private enum IdShape {
    RANDOM(UUID::randomUUID, "gen_random_uuid()"),
    TIME_ORDERED(Ids::timeOrdered, "pg_temp.time_ordered(at)");

    final Supplier<UUID> next;

    /** The same shape in SQL, of a row written at {@code at}. */
    final String sql;

    IdShape(Supplier<UUID> next, String sql) {
      this.next = next;
      this.sql = sql;
    }
  }

  /** A version 7 UUID of a timestamp, as {@link Ids#timeOrdered()} makes them. */
  private static final String TIME_ORDERED_FUNCTION =
      """
      CREATE FUNCTION pg_temp.time_ordered(at timestamptz) RETURNS uuid LANGUAGE sql VOLATILE AS $$
        SELECT encode(set_byte(overlay(r PLACING substring(int8send(
            (extract(epoch FROM at) * 1000)::bigint) FROM 3) FROM 1 FOR 6), 6,
          get_byte(r, 6) & 15 | 112), 'hex')::uuid
        FROM (SELECT uuid_send(gen_random_uuid()) AS r) random
      $$""";

  /** The table as a week of runs leaves it: one row a millisecond up to now, oldest first. */
  private static final String FILL =
      """
      INSERT INTO execution_logs (id, app_id, script_id, execution_id, root_execution_id,
        invocation, attempt, status, request, response_code, response_body, logs, duration_ms,
        queued_ms, created_at, updated_at)
      SELECT %1$s, ?::uuid, ?::uuid, execution, execution, 'http', 1, 'success',
        '{"body": null, "path": "/sync", "method": "GET", "headers": {}}', 200, '1', '[]', 1, 1,
        at, at
      FROM (SELECT %1$s AS execution, at FROM (SELECT now() - n * interval '1 millisecond' AS at
        FROM generate_series(?, 1, -1) n) times) executions
      """;

  private LogInsertBench() {}

  public static void main(String[] args) throws Exception {
    boolean durable = Boolean.getBoolean("bench.durable");
    try (EmbeddedDatabase db =
        durable ? EmbeddedDatabase.throwawayDurable() : EmbeddedDatabase.throwaway()) {
      PGSimpleDataSource ds = new PGSimpleDataSource();
      ds.setUrl(db.jdbcUrl());
      ds.setUser(EmbeddedDatabase.USER);
      ds.setPassword(EmbeddedDatabase.PASSWORD);
      ds.setReWriteBatchedInserts(true);
      Migrations.apply(ds);
      UUID app = createApp(ds);
      UUID script = UUID.randomUUID();
      System.out.printf(
          "%n| ids | rows before | batches of %d/s | logs/s | mean ms | p50 ms | p99 ms |"
              + "%n|---|---|---|---|---|---|---|%n",
          BATCH);
      try (Connection writer = ds.getConnection()) {
        ExecutionLogStore store = ExecutionLogStores.on(new PinnedDataSource(writer));
        for (int round = 0; round < ROUNDS; round++) {
          for (IdShape shape : IdShape.values()) {
            fill(ds, app, script, shape);
            System.out.println(measure(store, app, script, shape));
          }
        }
      }
    }
  }

  private static UUID createApp(DataSource ds) throws Exception {
    try (Connection c = ds.getConnection();
        Statement insert = c.createStatement();
        ResultSet row =
            insert.executeQuery(
                "INSERT INTO apps (slug, name) VALUES ('bench', 'Bench') RETURNING id")) {
      row.next();
      return row.getObject(1, UUID.class);
    }
  }

  private static void fill(DataSource ds, UUID app, UUID script, IdShape shape) throws Exception {
    try (Connection c = ds.getConnection();
        Statement statement = c.createStatement()) {
      statement.execute("TRUNCATE execution_logs");
      statement.execute(TIME_ORDERED_FUNCTION);
      try (PreparedStatement insert = c.prepareStatement(FILL.formatted(shape.sql))) {
        insert.setObject(1, app);
        insert.setObject(2, script);
        insert.setLong(3, ROWS);
        insert.executeUpdate();
      }
      statement.execute("VACUUM ANALYZE execution_logs");
      statement.execute("CHECKPOINT");
    }
  }

  private static String measure(ExecutionLogStore store, UUID app, UUID script, IdShape shape)
      throws Exception {
    long end = System.nanoTime() + SECONDS * 1_000_000_000L;
    List<Long> nanos = new ArrayList<>();
    while (System.nanoTime() < end) {
      List<ExecutionLog> batch = new ArrayList<>(BATCH);
      for (int i = 0; i < BATCH; i++) {
        UUID execution = shape.next.get();
        batch.add(
            new ExecutionLog(
                shape.next.get(),
                app,
                script,
                execution,
                execution,
                null,
                null,
                "http",
                1,
                "success",
                "{\"body\": null, \"path\": \"/sync\", \"method\": \"GET\", \"headers\": {}}",
                200,
                "1",
                "[]",
                null,
                1,
                1L,
                Instant.now()));
      }
      long start = System.nanoTime();
      store.insert(batch);
      nanos.add(System.nanoTime() - start);
    }
    long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
    double totalMs = Arrays.stream(sorted).sum() / 1e6;
    return String.format(
        "| %s | %,d | %.0f | %.0f | %.3f | %.3f | %.3f |",
        shape,
        ROWS,
        sorted.length / (double) SECONDS,
        sorted.length * BATCH / (double) SECONDS,
        totalMs / sorted.length,
        sorted[sorted.length / 2] / 1e6,
        sorted[(int) (sorted.length * 0.99)] / 1e6);
  }
}
