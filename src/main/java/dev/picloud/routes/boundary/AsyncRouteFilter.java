package dev.picloud.routes.boundary;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Requests for async routes are answered here, before resource matching: the catch-all {@link
 * PublicRoutesResource} suspends every request it takes (a sync route's caller waits in the inbox),
 * and a suspended response costs a lookup of the container's scheduler per request, which an async
 * route, answered as soon as its row is committed, has no use for.
 */
@Provider
@PreMatching
public class AsyncRouteFilter implements ContainerRequestFilter {
  @Inject Ingress ingress;

  @Override
  public void filter(ContainerRequestContext request) {
    var raw =
        new PublicRequest(
            request.getMethod(),
            request.getUriInfo().getRequestUri().getRawPath(),
            request.getHeaderString(HttpHeaders.HOST),
            request.getHeaders(),
            request.getUriInfo().getQueryParameters(),
            request.getEntityStream(),
            request.getLength(),
            request.getHeaderString(HttpHeaders.CONTENT_TYPE));
    ingress.acceptIfAsync(raw).ifPresent(request::abortWith);
  }
}
