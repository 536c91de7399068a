package dev.picloud.routes.boundary;

import dev.picloud.logs.boundary.ExecutionLogWriter;
import dev.picloud.logs.control.RunLogs;
import dev.picloud.outbox.boundary.Dispatcher;
import dev.picloud.outbox.boundary.Inbox;
import dev.picloud.outbox.boundary.OutboxGroupCommit;
import dev.picloud.outbox.control.NewOutboxRow;
import dev.picloud.outbox.control.RunnableRow;
import dev.picloud.outbox.control.SourceKind;
import dev.picloud.platform.boundary.Problems;
import dev.picloud.platform.control.ApiException;
import dev.picloud.platform.control.Ids;
import dev.picloud.platform.control.JsonBodies;
import dev.picloud.platform.control.Jsonp;
import dev.picloud.platform.control.Problem;
import dev.picloud.platform.control.Settings;
import dev.picloud.routes.boundary.RouteTables.AppRouting;
import dev.picloud.routes.control.IdempotencyStore;
import dev.picloud.routes.control.IdempotencyStore.Accepted;
import dev.picloud.routes.control.ReservedPrefixes;
import dev.picloud.routes.control.RouteMatch;
import dev.picloud.runtime.control.ExecutionGate;
import dev.picloud.runtime.control.Invocation;
import dev.picloud.runtime.control.RequestData;
import dev.picloud.runtime.control.ScriptRuntime;
import dev.picloud.scripts.boundary.RunResponses;
import dev.picloud.scripts.control.RequestDecoder;
import dev.picloud.scripts.control.RequestJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * SPEC 5: host → app, route matching, the body under its cap, then the outbox. A sync request waits
 * in the inbox (registered before its row is written) for the dispatcher's answer; an async one is
 * answered 202 once its row is committed.
 */
@ApplicationScoped
public class Ingress {
  private static final Logger LOG = Logger.getLogger(Ingress.class.getName());
  private static final int DEFAULT_SYNC_TIMEOUT_SECONDS = 10;
  private static final Pattern REQUEST_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

  @Inject RouteTables tables;
  @Inject ScriptRuntime runtime;
  @Inject Inbox inbox;
  @Inject OutboxGroupCommit groupCommit;
  @Inject AsyncAcceptance acceptance;
  @Inject IdempotencyStore keys;
  @Inject Dispatcher dispatcher;
  @Inject ExecutionLogWriter logs;
  @Inject Settings settings;
  @Inject Clock clock;

  /**
   * Answers a request for an async route at once, before JAX-RS matches a resource (see {@link
   * AsyncRouteFilter}): 202 once its row is committed, with no suspended response. Empty for every
   * other request, which the catch-all resource handles.
   */
  public Optional<Response> acceptIfAsync(PublicRequest raw) {
    if (ReservedPrefixes.isReservedPath(raw.rawPath())) {
      return Optional.empty();
    }
    return routed(raw)
        .filter(
            routed ->
                routed.match() instanceof RouteMatch.Matched route
                    && "async".equals(route.dispatchMode()))
        .map(
            routed -> {
              var route = (RouteMatch.Matched) routed.match();
              return accept(routed.appId(), route, decode(raw, route), requestId(raw), raw);
            });
  }

  public void handle(PublicRequest raw, AsyncResponse async) {
    if (ReservedPrefixes.isReservedPath(raw.rawPath())) {
      throw new NotFoundException();
    }
    Routed routed =
        routed(raw).orElseThrow(() -> notFound("no_app_for_host", "No app serves this host."));
    UUID appId = routed.appId();
    RouteMatch match = routed.match();
    if (match instanceof RouteMatch.BadPath bad) {
      throw ApiException.badRequest(RouteMatch.BadPath.CODE, bad.reason());
    }
    if (!(match instanceof RouteMatch.Matched route)) {
      throw notFound(RouteMatch.NoRoute.CODE, "No route of this app matches.");
    }
    RequestData request = decode(raw, route);
    String requestId = requestId(raw);
    if ("async".equals(route.dispatchMode())) {
      async.resume(accept(appId, route, request, requestId, raw));
    } else {
      dispatchSync(appId, routed.routing(), route, request, requestId, async);
    }
  }

  /** The app serving the request's host, its routing and what the request matches there. */
  private record Routed(UUID appId, AppRouting routing, RouteMatch match) {}

  private Optional<Routed> routed(PublicRequest raw) {
    return tables
        .appFor(raw.host())
        .map(
            appId -> {
              AppRouting routing = tables.routing(appId);
              return new Routed(
                  appId, routing, routing.table().match(raw.host(), raw.method(), raw.rawPath()));
            });
  }

  private void dispatchSync(
      UUID appId,
      AppRouting routing,
      RouteMatch.Matched route,
      RequestData request,
      String requestId,
      AsyncResponse async) {
    UUID executionId = Ids.timeOrdered();
    if (!hasRoom(appId)) {
      logs.write(
          RunLogs.overloaded(
              new RunLogs.RunOf(
                  appId,
                  route.scriptId(),
                  executionId,
                  executionId,
                  null,
                  route.routeId(),
                  Invocation.HTTP.wireName(),
                  1),
              request,
              clock.instant()));
      async.resume(RunResponses.overloaded());
      return;
    }
    UUID inboxId = UUID.randomUUID();
    NewOutboxRow row = row(appId, route, request, requestId, executionId, inboxId, null);
    inbox.register(inboxId, async, budget(routing.timeouts().get(route.scriptId())));
    groupCommit
        .appendClaimed(row)
        .whenComplete((claimed, failure) -> handOver(inboxId, claimed, failure));
  }

  /**
   * Once the sync row is committed (on the writer's thread; the request's own thread is not held
   * for it), the dispatcher runs it; if it could not be written the caller gets 503. A failure here
   * has nobody to reach but the log: the future's own callers are gone.
   */
  private void handOver(UUID inboxId, RunnableRow claimed, Throwable failure) {
    try {
      if (failure == null) {
        dispatcher.runHere(claimed);
      } else {
        LOG.warning(() -> "Cannot enqueue a sync request: " + failure.getMessage());
        inbox.cancel(inboxId, backendUnavailable());
      }
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "Could not hand over sync request " + inboxId + "; its caller waits out its budget",
          e);
    }
  }

  private Response accept(
      UUID appId,
      RouteMatch.Matched route,
      RequestData request,
      String requestId,
      PublicRequest raw) {
    Optional<String> key = headerValue(raw, "idempotency-key");
    NewOutboxRow row =
        row(appId, route, request, requestId, Ids.timeOrdered(), null, key.orElse(null));
    Accepted accepted;
    try {
      accepted =
          key.isPresent()
              ? acceptance.accept(row, route.routeId(), key.get())
              : new Accepted(row.executionId(), groupCommit.append(row).createdAt());
    } catch (AsyncAcceptance.KeyTaken taken) {
      accepted = keys.find(appId, route.routeId(), key.orElseThrow()).orElseThrow();
    } catch (RuntimeException e) {
      LOG.warning(() -> "Cannot enqueue an async request: " + e.getMessage());
      return backendUnavailable();
    }
    dispatcher.wake();
    URI location =
        URI.create("/api/v1/admin/apps/" + appId + "/executions/" + accepted.executionId());
    return Response.accepted(new AcceptedView(accepted.acceptedAt(), accepted.executionId()))
        .location(location)
        .type("application/json")
        .build();
  }

  private NewOutboxRow row(
      UUID appId,
      RouteMatch.Matched route,
      RequestData request,
      String requestId,
      UUID executionId,
      UUID inboxId,
      String idempotencyKey) {
    String payload =
        Jsonp.createObjectBuilder()
            .add("request", RequestJson.toJson(request))
            .add("request_id", requestId)
            .build()
            .toString();
    return new NewOutboxRow(
        appId,
        SourceKind.HTTP,
        route.routeId(),
        route.scriptId(),
        inboxId,
        inboxId == null ? null : settings.nodeId(),
        payload,
        null,
        0,
        executionId,
        executionId,
        idempotencyKey);
  }

  private RequestData decode(PublicRequest raw, RouteMatch.Matched route) {
    byte[] body;
    try {
      body = JsonBodies.readCapped(raw.body(), raw.contentLength(), settings.maxBodyBytes());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the request body", e);
    }
    var http =
        new RequestDecoder.HttpRequest(
            raw.method(), raw.rawPath(), raw.headers(), raw.query(), body, raw.contentType());
    return RequestDecoder.decode(http, route.params(), route.rest());
  }

  private boolean hasRoom(UUID appId) {
    ExecutionGate gate = runtime.gate();
    return gate.inUse() < gate.globalCap() && gate.inUse(appId) < settings.maxConcurrentPerApp();
  }

  /**
   * Script timeout (clamped by the ceiling) + the grace (2 s): what a sync caller waits at most.
   */
  private Duration budget(Integer timeoutSeconds) {
    int seconds = timeoutSeconds == null ? DEFAULT_SYNC_TIMEOUT_SECONDS : timeoutSeconds;
    return Duration.ofSeconds(Math.min(seconds, settings.sandboxCeilings().timeoutSeconds()))
        .plus(settings.syncWaitGrace());
  }

  private static String requestId(PublicRequest raw) {
    return headerValue(raw, "x-request-id")
        .filter(id -> REQUEST_ID.matcher(id).matches())
        .orElseGet(() -> UUID.randomUUID().toString());
  }

  private static Optional<String> headerValue(PublicRequest raw, String name) {
    return raw.headers().entrySet().stream()
        .filter(e -> e.getKey().equalsIgnoreCase(name))
        .flatMap(e -> e.getValue().stream())
        .findFirst();
  }

  private static ApiException notFound(String code, String detail) {
    return new ApiException(Problem.of(404, code, "Not found", detail));
  }

  private static Response backendUnavailable() {
    Problem problem =
        Problem.of(
            503,
            "backend_unavailable",
            "Backend unavailable",
            "The request could not be queued; retry shortly.");
    return Problems.response(problem).header("Retry-After", "1").build();
  }
}
