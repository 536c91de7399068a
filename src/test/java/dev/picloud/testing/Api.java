package dev.picloud.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** A small HTTP driver for the API: JSON in, {@link Reply} out, one credential at a time. */
public final class Api {
  /** HTTP/1.1: a connection per concurrent request, as the browsers and tools of users do. */
  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final URI base;
  private final Map<String, String> headers;

  public Api(URI base) {
    this(base, Map.of());
  }

  private Api(URI base, Map<String, String> headers) {
    this.base = base;
    this.headers = Map.copyOf(headers);
  }

  public URI base() {
    return base;
  }

  /** The same API with an {@code Authorization: Bearer} credential. */
  public Api as(String bearer) {
    return with("Authorization", "Bearer " + bearer);
  }

  public Api with(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(name, value);
    return new Api(base, copy);
  }

  /**
   * Repeats the call while it is answered 503 (a caller that lost its execution slot to another
   * tries again), for at most 30 s, so tests can fill the execution gate reliably; the last answer
   * is returned either way.
   */
  public static Reply untilAdmitted(Supplier<Reply> call) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(30);
    Reply reply = call.get();
    while (reply.status() == 503 && Instant.now().isBefore(deadline)) {
      Thread.sleep(20);
      reply = call.get();
    }
    return reply;
  }

  public Reply get(String path) {
    return send("GET", path, null, null);
  }

  public Reply delete(String path) {
    return send("DELETE", path, null, null);
  }

  public Reply post(String path, String json) {
    return send("POST", path, json, "application/json");
  }

  public Reply put(String path, String json) {
    return send("PUT", path, json, "application/json");
  }

  public Reply patch(String path, String json) {
    return send("PATCH", path, json, "application/json");
  }

  public Reply send(String method, String path, String body, String contentType) {
    return sendBytes(method, path, body == null ? null : body.getBytes(), contentType);
  }

  public Reply sendBytes(String method, String path, byte[] body, String contentType) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    headers.forEach(request::header);
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    request.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    try {
      HttpResponse<String> response =
          CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.headers().map(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + path + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** An HTTP answer. */
  public record Reply(int status, Map<String, java.util.List<String>> headers, String body) {
    public JsonObject json() {
      return parse().asJsonObject();
    }

    public JsonArray array() {
      return parse().asJsonArray();
    }

    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }

    /** The problem {@code code} of an error answer. */
    public String code() {
      return json().getString("code");
    }

    private JsonValue parse() {
      try (var reader = Json.createReader(new StringReader(body))) {
        return reader.readValue();
      }
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
