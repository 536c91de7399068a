package dev.picloud.bench;

import dev.picloud.routes.control.RouteDefinition;
import dev.picloud.routes.control.RouteKind;
import dev.picloud.routes.control.RouteMatch;
import dev.picloud.routes.control.RouteTable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Time to match one request in an app with 10 routes and with 10,000: if matching walks path
 * segments rather than routes, the two figures stay close. Each app lists services of five routes
 * ({@code /svcN/status} exact, {@code /svcN/orders/:id} and {@code /svcN/orders/:id/items/:item}
 * param, {@code /svcN/static/*} prefix, {@code GET /:tenant/svcN/report} param), the last of which
 * gives every search a second branch at the root. The request names a service in the middle of the
 * table and goes through parsing and decoding as a real one would.
 *
 * <p>Run: {@code ./mvnw -q test-compile exec:exec -Dexec.executable=java -Dexec.classpathScope=test
 * -Dexec.args="-cp %classpath org.openjdk.jmh.Main RouteTableBenchmark"}
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RouteTableBenchmark {
  @Param({"10", "10000"})
  int routes;

  @Param({"exact", "param", "prefix", "tenant", "no_route"})
  String request;

  private RouteTable table;
  private String path;

  @Setup
  public void build() {
    List<RouteDefinition> definitions = new ArrayList<>();
    for (int i = 0; i < routes / 5; i++) {
      definitions.add(route(null, RouteKind.EXACT, "/svc" + i + "/status"));
      definitions.add(route(null, RouteKind.PARAM, "/svc" + i + "/orders/:id"));
      definitions.add(route(null, RouteKind.PARAM, "/svc" + i + "/orders/:id/items/:item"));
      definitions.add(route(null, RouteKind.PREFIX, "/svc" + i + "/static/*"));
      definitions.add(route("GET", RouteKind.PARAM, "/:tenant/svc" + i + "/report"));
    }
    table = RouteTable.of(definitions);
    String service = "/svc" + routes / 10;
    path =
        switch (request) {
          case "exact" -> service + "/status";
          case "param" -> service + "/orders/42/items/7";
          case "prefix" -> service + "/static/css/site.css";
          case "tenant" -> "/acme" + service + "/report";
          default -> service + "/nothing/here";
        };
    if (table.match("shop.example.com:8080", "GET", path) instanceof RouteMatch.Matched
        == request.equals("no_route")) {
      throw new IllegalStateException(request + " request " + path + " matched wrongly");
    }
  }

  @Benchmark
  public RouteMatch match() {
    return table.match("shop.example.com:8080", "GET", path);
  }

  private static RouteDefinition route(String method, RouteKind kind, String path) {
    return new RouteDefinition(
        UUID.randomUUID(), UUID.randomUUID(), null, method, kind, path, "sync");
  }
}
