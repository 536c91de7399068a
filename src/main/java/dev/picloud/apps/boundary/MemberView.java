package dev.picloud.apps.boundary;

import java.time.Instant;
import java.util.UUID;

/** A user's role in an app. */
public record MemberView(UUID userId, String username, String role, Instant createdAt) {}
