package dev.picloud.apps.boundary;

import java.util.UUID;

/**
 * An app's routes, domains, slug or script timeouts changed in the current transaction; observed
 * after commit to recompile this node's route table at once (other nodes notice the app's {@code
 * routing_version} within a heartbeat).
 */
public record RoutingChanged(UUID appId) {}
