package dev.picloud.routes.boundary;

import java.time.Instant;
import java.util.UUID;

/** The 202 answer of an async route: when the request was enqueued and the execution to follow. */
public record AcceptedView(Instant acceptedAt, UUID executionId) {}
