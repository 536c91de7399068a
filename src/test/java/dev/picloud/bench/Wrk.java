package dev.picloud.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk (closed loop, keep-alive) against one request and reads its figures. */
final class Wrk {
  private static final Pattern RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
  private static final Pattern COUNT = Pattern.compile("([0-9]+) requests in ");
  private static final Pattern REFUSED = Pattern.compile("Non-2xx or 3xx responses:\\s+([0-9]+)");
  private static final Pattern PERCENTILE = Pattern.compile("\\s+(50|99)%\\s+([0-9.]+)(us|ms|s)");

  private Wrk() {}

  /**
   * Throughput and latency percentiles (milliseconds, over every response) of one wrk run; {@code
   * okPerSecond} counts only 2xx and 3xx answers.
   */
  record Result(
      String name,
      int connections,
      double requestsPerSecond,
      double okPerSecond,
      double p50Ms,
      double p99Ms,
      String raw) {
    /** The share of answers that were not 2xx or 3xx (503 overloaded, mostly). */
    double refusedShare() {
      return 1 - okPerSecond / requestsPerSecond;
    }
  }

  static Result run(
      String name,
      String url,
      String method,
      String body,
      List<String> headers,
      int threads,
      int connections,
      int seconds)
      throws IOException, InterruptedException {
    Path lua = Files.createTempFile("wrk", ".lua");
    StringBuilder script = new StringBuilder("wrk.method = \"" + method + "\"\n");
    if (body != null) {
      script.append("wrk.body = [[").append(body).append("]]\n");
    }
    for (String header : headers) {
      int colon = header.indexOf(':');
      script
          .append("wrk.headers[\"")
          .append(header, 0, colon)
          .append("\"] = \"")
          .append(header.substring(colon + 1).trim())
          .append("\"\n");
    }
    Files.writeString(lua, script);
    List<String> command =
        new ArrayList<>(
            List.of(
                "wrk",
                "-t" + threads,
                "-c" + connections,
                "-d" + seconds + "s",
                "--latency",
                "-s",
                lua.toString(),
                url));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    int exit = process.waitFor();
    Files.delete(lua);
    if (exit != 0 || !RATE.matcher(output).find()) {
      throw new IllegalStateException(
          "wrk " + String.join(" ", command) + " failed (exit " + exit + "):\n" + output);
    }
    return new Result(
        name,
        connections,
        number(RATE.matcher(output)),
        okPerSecond(output),
        percentile(output, "50"),
        percentile(output, "99"),
        output);
  }

  /** Requests/sec scaled by the share of 2xx and 3xx answers among all counted. */
  private static double okPerSecond(String output) {
    Matcher count = COUNT.matcher(output);
    if (!count.find()) {
      throw new IllegalStateException("wrk printed no request count");
    }
    Matcher refused = REFUSED.matcher(output);
    double refusedShare =
        refused.find() ? Double.parseDouble(refused.group(1)) / Long.parseLong(count.group(1)) : 0;
    return number(RATE.matcher(output)) * (1 - refusedShare);
  }

  private static double number(Matcher matcher) {
    if (!matcher.find()) {
      throw new IllegalStateException("wrk printed no figure");
    }
    return Double.parseDouble(matcher.group(1));
  }

  private static double percentile(String output, String which) {
    Matcher matcher = PERCENTILE.matcher(output);
    while (matcher.find()) {
      if (matcher.group(1).equals(which)) {
        double value = Double.parseDouble(matcher.group(2));
        return switch (matcher.group(3)) {
          case "us" -> value / 1000;
          case "s" -> value * 1000;
          default -> value;
        };
      }
    }
    throw new IllegalStateException("wrk printed no " + which + "% latency");
  }
}
