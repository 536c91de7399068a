package dev.picloud.bench;

import dev.picloud.testing.Scenario;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The data-plane figures of issues 3 and 4, in one run on this machine: wrk throughput and latency
 * of GET /version, direct execution, a sync and an async route (trivial script), the async route
 * again with the drain held still ({@link HeldDrain}); the drain rate of 10,000 queued async rows;
 * pickup latency of async rows at 200 rows/s. Starts its own embedded PostgreSQL and Liberty (built
 * by {@code ./mvnw package}); see bench/data-plane.sh.
 */
public final class DataPlaneBench {
  private static final int SECONDS = Integer.getInteger("bench.seconds", 15);
  private static final int CONNECTIONS = Integer.getInteger("bench.connections", 32);

  /**
   * The server's execution slots (its default, PICLOUD_MAX_CONCURRENT_EXECUTIONS): sync routes and
   * direct execution are measured again at this many connections, where no request is refused.
   */
  private static final int SLOTS = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

  /**
   * Seconds of load of each kind before measuring. The JIT takes minutes to settle here: in a held
   * server, C2 compiled for 30-40% of a core through the first minutes of script runs, and direct
   * execution went from 200 to 1,250 req/s (jstat -compiler). With 20 s, the figures were of a JIT
   * still compiling.
   */
  private static final int WARM_UP = Integer.getInteger("bench.warmup", 60);

  /**
   * {@code -Dbench.only=queue} skips the wrk figures: only the drain rate and pickup latency, after
   * an unreported drain that warms the JIT up.
   */
  private static final boolean QUEUE_ONLY = "queue".equals(System.getProperty("bench.only"));

  private DataPlaneBench() {}

  public static void main(String[] args) throws Exception {
    try (BenchServer server = BenchServer.start("bench-server")) {
      run(server);
    }
  }

  private static void run(BenchServer db) throws Exception {
    Scenario scenario = db.scenario();
    URI base = db.baseUri();
    JsonObject app = scenario.createApp("bench");
    String appId = app.getString("id");
    String host = app.getString("slug") + ".localhost";
    String trivial = scenario.createScript(appId, "return 1;");
    String stamped = scenario.createScript(appId, "log.info(String(Date.now())); return 1;");
    scenario.createRoute(appId, trivial, "{\"path\":\"/sync\"}");
    scenario.createRoute(appId, trivial, "{\"path\":\"/async\",\"dispatch_mode\":\"async\"}");
    scenario.createRoute(appId, stamped, "{\"path\":\"/stamped\",\"dispatch_mode\":\"async\"}");
    String hot = scenario.createScript(appId, HeldDrain.HOT_SCRIPT);
    scenario.createRoute(
        appId, hot, "{\"path\":\"" + HeldDrain.HOT_PATH + "\",\"dispatch_mode\":\"async\"}");
    String key = scenario.key(scenario.ownerToken(), null, "script:write", "script:read");
    if (QUEUE_ONLY) {
      drain(db, appId, trivial);
    } else {
      wrkFigures(db, appId, host, base, trivial, key);
    }
    System.out.printf("drain of 10,000 queued rows: %.0f rows/s%n", drain(db, appId, trivial));
    pickup(base, app.getString("slug"), db, appId);
  }

  private static void wrkFigures(
      BenchServer db, String appId, String host, URI base, String trivial, String key)
      throws Exception {
    String execute = base + "/api/v1/execute/" + trivial;
    List<String> auth = List.of("Authorization: Bearer " + key, "Content-Type: application/json");
    List<String> routed = List.of("Host: " + host);
    List<Wrk.Result> results = new ArrayList<>();
    for (boolean warmUp : new boolean[] {true, false}) {
      int seconds = warmUp ? WARM_UP : SECONDS;
      results.clear();
      results.add(
          Wrk.run(
              "GET /version", base + "/version", "GET", null, List.of(), 2, CONNECTIONS, seconds));
      for (int connections : new int[] {CONNECTIONS, SLOTS}) {
        results.add(
            Wrk.run(
                "POST /api/v1/execute/{id}", execute, "POST", "{}", auth, 2, connections, seconds));
        results.add(
            Wrk.run(
                "GET sync route", base + "/sync", "GET", null, routed, 2, connections, seconds));
      }
      results.add(
          Wrk.run(
              "POST async route (202)",
              base + "/async",
              "POST",
              "{}",
              routed,
              2,
              CONNECTIONS,
              seconds));
      db.awaitEmptyOutbox(appId);
    }
    results.add(asyncWithDrainHeld(db, appId, host, base, routed));
    System.out.println(
        "\n| request | connections | req/s | 2xx/s | refused | p50 ms | p99 ms |"
            + "\n|---|---|---|---|---|---|---|");
    for (Wrk.Result r : results) {
      System.out.printf(
          "| %s | %d | %.0f | %.0f | %.0f%% | %.2f | %.2f |%n",
          r.name(),
          r.connections(),
          r.requestsPerSecond(),
          r.okPerSecond(),
          100 * r.refusedShare(),
          r.p50Ms(),
          r.p99Ms());
    }
    // In the order run above.
    Wrk.Result version = results.get(0);
    Wrk.Result executeAtConnections = results.get(1);
    Wrk.Result syncAtConnections = results.get(2);
    Wrk.Result executeAtSlots = results.get(3);
    Wrk.Result syncAtSlots = results.get(4);
    double asyncRate = results.get(5).okPerSecond();
    double heldRate = results.get(6).okPerSecond();
    System.out.printf(
        "%nasync ingest / version = %.2f (%.2f with the drain held); sync / async ingest (2xx) ="
            + " %.2f at %d connections,"
            + " %.2f at %d; sync p50 - execute p50 = %.2f ms at %d connections, %.2f ms at %d%n",
        asyncRate / version.okPerSecond(),
        heldRate / version.okPerSecond(),
        syncAtConnections.okPerSecond() / asyncRate,
        CONNECTIONS,
        syncAtSlots.okPerSecond() / asyncRate,
        SLOTS,
        syncAtConnections.p50Ms() - executeAtConnections.p50Ms(),
        CONNECTIONS,
        syncAtSlots.p50Ms() - executeAtSlots.p50Ms(),
        SLOTS);
  }

  /**
   * The async figure again with the app's drain held still ({@link HeldDrain}): ingest alone, the
   * part of async/version no drain takes CPU from. Fails when the outbox did not keep every row.
   */
  private static Wrk.Result asyncWithDrainHeld(
      BenchServer db, String appId, String host, URI base, List<String> routed) throws Exception {
    new PacedPosts(base.resolve(HeldDrain.HOT_PATH), host, "{}").send(1, 1000);
    db.awaitEmptyOutbox(appId);
    Wrk.Result held;
    try (HeldDrain drain = HeldDrain.hold(db, appId, base, host, SLOTS)) {
      long before = drain.queued();
      held =
          Wrk.run(
              "POST async route (202), drain held",
              base + "/async",
              "POST",
              "{}",
              routed,
              2,
              CONNECTIONS,
              SECONDS);
      long kept = drain.queued() - before;
      if (kept < 0.95 * held.okPerSecond() * SECONDS) {
        throw new IllegalStateException(
            "the drain was not held: " + kept + " rows kept of ~" + held.okPerSecond() * SECONDS);
      }
    }
    db.awaitEmptyOutbox(appId);
    return held;
  }

  private static double drain(BenchServer db, String appId, String scriptId) throws Exception {
    String payload =
        "{\"request\":{\"method\":\"POST\",\"path\":\"/async\",\"headers\":{},\"query\":{},"
            + "\"queryAll\":{},\"params\":{},\"rest\":\"\",\"body\":null},\"request_id\":\"bench\"}";
    try (Connection c = db.connect()) {
      Instant due;
      try (PreparedStatement insert =
          c.prepareStatement(
              "INSERT INTO outbox (id, app_id, source_kind, script_id, payload, execution_id,"
                  + " root_execution_id, next_attempt_at) SELECT e, ?::uuid, 'http', ?::uuid, ?::jsonb, e, e,"
                  + " now() + interval '3 seconds' FROM (SELECT gen_random_uuid() e"
                  + " FROM generate_series(1, 10000)) rows RETURNING next_attempt_at")) {
        insert.setString(1, appId);
        insert.setString(2, scriptId);
        insert.setString(3, payload);
        try (ResultSet row = insert.executeQuery()) {
          row.next();
          due = row.getTimestamp(1).toInstant();
        }
      }
      db.awaitEmptyOutbox(appId);
      long millis = java.time.Duration.between(due, Instant.now()).toMillis();
      return 10_000 * 1000.0 / millis;
    }
  }

  /**
   * Open loop: one async request every 5 ms for 20 s, after as long as the other figures' warm-up
   * of the same unmeasured (the route's script and its SDK path are new to the JIT: at 200 rows/s,
   * C2 compiled for over a second a second through the first 15 s and settled after about two
   * minutes); pickup = script start - accepted_at.
   */
  private static void pickup(URI base, String slug, BenchServer db, String appId) throws Exception {
    PacedPosts posts = new PacedPosts(base.resolve("/stamped"), slug + ".localhost", "{}");
    posts.send(WARM_UP, 5);
    db.awaitEmptyOutbox(appId);
    Map<String, Instant> accepted = new HashMap<>();
    for (String answer : posts.send(20, 5)) {
      JsonObject body = Json.createReader(new StringReader(answer)).readObject();
      accepted.put(body.getString("execution_id"), Instant.parse(body.getString("accepted_at")));
    }
    db.awaitEmptyOutbox(appId);
    Thread.sleep(2_000);
    List<Double> pickups = new ArrayList<>();
    try (Connection c = db.connect();
        PreparedStatement logs =
            c.prepareStatement(
                "SELECT execution_id::text, logs -> 0 ->> 'message' FROM execution_logs WHERE script_id IN"
                    + " (SELECT script_id FROM routes WHERE path = '/stamped' AND app_id = ?::uuid)")) {
      logs.setString(1, appId);
      try (ResultSet row = logs.executeQuery()) {
        while (row.next()) {
          Instant at = accepted.get(row.getString(1));
          if (at != null) {
            pickups.add(
                Long.parseLong(row.getString(2))
                    - at.toEpochMilli()
                    - at.getNano() % 1_000_000 / 1e6);
          }
        }
      }
    }
    Collections.sort(pickups);
    System.out.printf(
        "pickup latency at 200 rows/s over %d rows: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms,"
            + " max %.1f ms%n",
        pickups.size(),
        pickups.get(pickups.size() / 2),
        pickups.get((int) (pickups.size() * 0.90)),
        pickups.get((int) (pickups.size() * 0.99)),
        pickups.get(pickups.size() - 1));
  }
}
