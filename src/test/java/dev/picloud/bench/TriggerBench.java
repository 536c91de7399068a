package dev.picloud.bench;

import dev.picloud.testing.Api;
import dev.picloud.testing.Scenario;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The trigger figures of issue 5, in one run on this machine: KV write → trigger script start
 * latency at 100 writes/s (admin KV API writes, one key each; the write's time is its entry's
 * {@code updated_at}, taken in the transaction that commits it), and the wall time of a bulk replay
 * of 1,000 dead letters (the API call, and until every replayed row has run). Starts its own
 * embedded PostgreSQL and Liberty; see bench/triggers.sh.
 */
public final class TriggerBench {
  private static final int WRITES = Integer.getInteger("bench.writes", 2_000);
  private static final int DEAD_LETTERS = 1_000;

  private TriggerBench() {}

  public static void main(String[] args) throws Exception {
    try (BenchServer server = BenchServer.start("trigger-bench")) {
      Scenario scenario = server.scenario();
      String appId = scenario.createApp("trig").getString("id");
      writeToTriggerLatency(server, scenario, appId);
      bulkReplay(server, scenario, appId);
    }
  }

  private static void writeToTriggerLatency(BenchServer server, Scenario scenario, String appId)
      throws Exception {
    String started = scenario.createScript(appId, "log.info(ctx.event.kv.key + ' ' + Date.now());");
    String trigger = kvTrigger(scenario, appId, started, "events", 3);

    URI events = server.baseUri().resolve("/api/v1/admin/apps/" + appId + "/kv/events/");
    String token = scenario.ownerToken();
    writeAtHundredPerSecond(events, token, "warm", WRITES / 4);
    writeAtHundredPerSecond(events, token, "m", WRITES);
    server.awaitCount(
        "SELECT count(*) FROM execution_logs WHERE trigger_id = ?::uuid", trigger, WRITES * 5 / 4);
    List<Double> latencies = new ArrayList<>();
    try (Connection c = server.connect();
        PreparedStatement rows =
            c.prepareStatement(
                "SELECT split_part(l.logs -> 0 ->> 'message', ' ', 2)::float8"
                    + " - extract(epoch FROM k.updated_at) * 1000"
                    + " FROM execution_logs l JOIN kv_entries k ON k.app_id = l.app_id"
                    + " AND k.collection = 'events'"
                    + " AND k.key = split_part(l.logs -> 0 ->> 'message', ' ', 1)"
                    + " WHERE l.trigger_id = ?::uuid AND k.key LIKE 'm%'")) {
      rows.setString(1, trigger);
      try (ResultSet row = rows.executeQuery()) {
        while (row.next()) {
          latencies.add(row.getDouble(1));
        }
      }
    }
    Collections.sort(latencies);
    System.out.printf(
        "KV write -> trigger script start at 100 writes/s over %d writes: p50 %.1f ms, p99 %.1f ms%n",
        latencies.size(),
        latencies.get(latencies.size() / 2),
        latencies.get((int) (latencies.size() * 0.99)));
  }

  /** Open loop: one admin KV write every 10 ms, each to key {@code prefix + n}. */
  private static void writeAtHundredPerSecond(
      URI collection, String token, String prefix, int count) throws Exception {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    List<ScheduledFuture<CompletableFuture<HttpResponse<String>>>> scheduled = new ArrayList<>();
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
    try {
      for (int n = 0; n < count; n++) {
        HttpRequest request =
            HttpRequest.newBuilder(collection.resolve(prefix + n))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("1"))
                .build();
        scheduled.add(
            timer.schedule(
                () -> client.sendAsync(request, HttpResponse.BodyHandlers.ofString()),
                n * 10L,
                TimeUnit.MILLISECONDS));
      }
      for (var send : scheduled) {
        sent.add(send.get());
      }
    } finally {
      timer.shutdown();
    }
    for (var future : sent) {
      HttpResponse<String> response = future.join();
      if (response.statusCode() / 100 != 2) {
        throw new IllegalStateException("write failed: " + response.statusCode() + response.body());
      }
    }
  }

  private static void bulkReplay(BenchServer server, Scenario scenario, String appId)
      throws Exception {
    String failing = scenario.createScript(appId, "throw new Error('boom');");
    kvTrigger(scenario, appId, failing, "fail", 1);
    String filler =
        scenario.createScript(
            appId,
            "for (var i = 0; i < "
                + DEAD_LETTERS
                + "; i++) kv.collection('fail').set('k' + i, i);");
    Api.Reply filled = scenario.execute(filler, "{}");
    if (filled.status() != 204) {
      throw new IllegalStateException("filling the store failed: " + filled);
    }
    String unresolved =
        "SELECT count(*) FROM dead_letters WHERE app_id = ?::uuid AND resolved_at IS NULL";
    server.awaitCount(unresolved, appId, DEAD_LETTERS);
    server.awaitEmptyOutbox(appId);

    long start = System.nanoTime();
    Api.Reply replay =
        scenario.asOwner().post("/api/v1/admin/apps/" + appId + "/dead_letters/replay", "{}");
    double apiMs = (System.nanoTime() - start) / 1e6;
    if (replay.status() != 202 || replay.json().getInt("count") != DEAD_LETTERS) {
      throw new IllegalStateException("bulk replay failed: " + replay);
    }
    server.awaitCount(unresolved, appId, DEAD_LETTERS);
    server.awaitEmptyOutbox(appId);
    double allRunMs = (System.nanoTime() - start) / 1e6;
    System.out.printf(
        "bulk replay of %d dead letters: API call %.0f ms; every replayed row run (and"
            + " dead-lettered again) %.0f ms%n",
        DEAD_LETTERS, apiMs, allRunMs);
  }

  private static String kvTrigger(
      Scenario scenario, String appId, String scriptId, String collection, int attempts) {
    Api.Reply created =
        scenario
            .asOwner()
            .post(
                "/api/v1/admin/apps/" + appId + "/triggers/kv",
                "{\"script_id\":\""
                    + scriptId
                    + "\",\"collection_glob\":\""
                    + collection
                    + "\",\"retry_max_attempts\":"
                    + attempts
                    + "}");
    if (created.status() != 201) {
      throw new IllegalStateException("trigger not created: " + created);
    }
    return created.json().getString("id");
  }
}
