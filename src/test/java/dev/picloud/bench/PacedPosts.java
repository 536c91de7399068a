package dev.picloud.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Open-loop load for the pickup figure: one POST every period, sent by a few threads on keep-alive
 * connections, blocking. The JDK's asynchronous HttpClient used before took a third of a core for
 * 200 requests a second on this 2-core machine (its connection pool's expiry list, future chains
 * and selector hops), CPU the server under measurement then lacked.
 */
final class PacedPosts {
  private static final int SENDERS = 4;
  private static final Object STOP = new Object();

  private final URI uri;
  private final String host;
  private final byte[] body;

  /**
   * @param host the Host header the route is served for (needs
   *     -Dsun.net.http.allowRestrictedHeaders=true)
   */
  PacedPosts(URI uri, String host, String body) {
    this.uri = uri;
    this.host = host;
    this.body = body.getBytes(StandardCharsets.UTF_8);
  }

  /** Sends for {@code seconds}, one request every {@code periodMs}; returns every response body. */
  List<String> send(int seconds, long periodMs) throws Exception {
    BlockingQueue<Object> due = new LinkedBlockingQueue<>();
    ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
    List<Future<List<String>>> answers = new ArrayList<>();
    for (int i = 0; i < SENDERS; i++) {
      answers.add(senders.submit(() -> sendWhileDue(due)));
    }
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    timer.scheduleAtFixedRate(() -> due.add(Boolean.TRUE), 0, periodMs, TimeUnit.MILLISECONDS);
    Thread.sleep(seconds * 1000L);
    timer.shutdownNow();
    timer.awaitTermination(1, TimeUnit.SECONDS);
    for (int i = 0; i < SENDERS; i++) {
      due.add(STOP);
    }
    List<String> bodies = new ArrayList<>();
    for (Future<List<String>> answer : answers) {
      bodies.addAll(answer.get());
    }
    senders.shutdown();
    return bodies;
  }

  private List<String> sendWhileDue(BlockingQueue<Object> due) throws InterruptedException {
    List<String> bodies = new ArrayList<>();
    while (due.take() != STOP) {
      bodies.add(post());
    }
    return bodies;
  }

  private String post() {
    try {
      HttpURLConnection connection = (HttpURLConnection) uri.toURL().openConnection();
      connection.setRequestMethod("POST");
      connection.setRequestProperty("Host", host);
      connection.setRequestProperty("Content-Type", "application/json");
      connection.setDoOutput(true);
      connection.setFixedLengthStreamingMode(body.length);
      try (OutputStream out = connection.getOutputStream()) {
        out.write(body);
      }
      int status = connection.getResponseCode();
      // Read to the end and close, so the connection goes back to the keep-alive cache.
      try (InputStream in = connection.getInputStream()) {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        if (status != 202) {
          throw new IllegalStateException("expected 202, got " + status + ": " + text);
        }
        return text;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
