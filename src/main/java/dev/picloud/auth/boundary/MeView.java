package dev.picloud.auth.boundary;

import dev.picloud.apps.boundary.Members;
import dev.picloud.users.boundary.UserView;
import java.util.List;
import java.util.UUID;

/** {@code GET /auth/me}: the user, memberships and, for a key, its scopes and binding. */
public record MeView(
    UserView user,
    String credential,
    List<Members.Membership> memberships,
    List<String> scopes,
    UUID appId) {}
