package dev.picloud.auth.boundary;

import dev.picloud.users.boundary.UserView;
import java.time.Instant;

/** A new session: the token is shown here once (and set as the dashboard's cookie). */
public record SessionView(String token, Instant expiresAt, UserView user) {}
