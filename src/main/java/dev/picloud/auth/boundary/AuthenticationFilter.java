package dev.picloud.auth.boundary;

import dev.picloud.auth.control.Caller;
import dev.picloud.platform.boundary.Problems;
import dev.picloud.platform.control.ApiException;
import dev.picloud.platform.control.Problem;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import java.util.Optional;
import java.util.Set;

/**
 * The one authentication filter: every path under {@code /api/v1/} except login needs a bearer API
 * key, a bearer session token or the dashboard's session cookie. Cookie-authenticated writes must
 * also carry {@code X-Requested-With}, which a cross-site form cannot send.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class AuthenticationFilter implements ContainerRequestFilter {
  public static final String SESSION_COOKIE = "picloud_session";
  public static final String CSRF_HEADER = "X-Requested-With";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
  private static final String BEARER = "Bearer ";

  @Inject Credentials credentials;
  @Inject CurrentCaller current;

  @Override
  public void filter(ContainerRequestContext request) {
    String path = request.getUriInfo().getPath();
    if (!path.startsWith("/api/v1/") || path.equals("/api/v1/auth/login")) {
      return;
    }
    String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    Cookie cookie = request.getCookies().get(SESSION_COOKIE);
    Optional<Caller> caller = Optional.empty();
    if (authorization != null) {
      caller = bearer(authorization).flatMap(credentials::authenticate);
    } else if (cookie != null) {
      caller = credentials.authenticate(cookie.getValue());
      if (caller.isPresent()
          && !SAFE_METHODS.contains(request.getMethod())
          && request.getHeaderString(CSRF_HEADER) == null) {
        abort(
            request,
            ApiException.forbidden(
                    "Cookie-authenticated writes need the " + CSRF_HEADER + " header.")
                .problem());
        return;
      }
    }
    if (caller.isEmpty()) {
      abort(request, ApiException.unauthenticated().problem());
      return;
    }
    current.set(caller.get());
  }

  private static Optional<String> bearer(String authorization) {
    if (authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
      return Optional.of(authorization.substring(BEARER.length()).trim());
    }
    return Optional.empty();
  }

  private static void abort(ContainerRequestContext request, Problem problem) {
    var response = Problems.response(problem);
    if (problem.status() == 401) {
      response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
    }
    request.abortWith(response.build());
  }
}
