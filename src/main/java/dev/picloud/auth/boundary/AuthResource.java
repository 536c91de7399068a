package dev.picloud.auth.boundary;

import dev.picloud.apps.boundary.Members;
import dev.picloud.auth.control.Caller;
import dev.picloud.auth.control.Scope;
import dev.picloud.platform.control.ApiException;
import dev.picloud.users.boundary.UserView;
import dev.picloud.users.boundary.Users;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Date;

@Path("api/v1/auth")
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {
  @Inject Sessions sessions;
  @Inject Users users;
  @Inject Members members;
  @Inject CurrentCaller caller;

  @POST
  @Path("login")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response login(Login login, @Context UriInfo uri) {
    SessionView session = sessions.login(login);
    NewCookie cookie = sessionCookie(session.token(), session.expiresAt().toEpochMilli(), uri);
    return Response.ok(session).cookie(cookie).header("Cache-Control", "no-store").build();
  }

  @POST
  @Path("logout")
  public Response logout(@Context UriInfo uri) {
    Caller current = caller.get();
    if (current.credential() == Caller.Credential.SESSION) {
      sessions.logout(current.credentialId());
    }
    return Response.noContent().cookie(sessionCookie("", 0, uri)).build();
  }

  @GET
  @Path("me")
  public MeView me() {
    Caller current = caller.get();
    UserView user =
        users.find(current.userId()).map(UserView::of).orElseThrow(ApiException::unauthenticated);
    return new MeView(
        user,
        current.isKey() ? "api_key" : "session",
        members.membershipsOf(current.userId()),
        current.isKey() ? current.scopes().stream().map(Scope::wire).sorted().toList() : null,
        current.appBinding());
  }

  /** HttpOnly, SameSite=Strict; Secure when the request came over HTTPS. */
  private static NewCookie sessionCookie(String value, long expiresAtMillis, UriInfo uri) {
    boolean https = "https".equalsIgnoreCase(uri.getRequestUri().getScheme());
    return new NewCookie.Builder(AuthenticationFilter.SESSION_COOKIE)
        .value(value)
        .path("/")
        .httpOnly(true)
        .secure(https)
        .sameSite(NewCookie.SameSite.STRICT)
        .expiry(new Date(expiresAtMillis))
        .maxAge(value.isEmpty() ? 0 : -1)
        .build();
  }
}
