package dev.picloud.outbox.control;

import java.util.UUID;

/**
 * The fencing token of one claim: a settle succeeds only while the row is still claimed by {@code
 * node} under {@code epoch}. Every claim increments the epoch, so even the same node re-claiming a
 * rescued row holds a new token and its old one is dead.
 */
public record Claim(UUID rowId, String node, long epoch) {}
