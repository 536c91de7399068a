package dev.picloud.triggers.boundary;

import java.util.UUID;

/**
 * {@code POST /apps/{app}/triggers/dead_letter}: each filter absent means any. Handlers run once
 * and are never retried, so there is no retry policy to set.
 */
public record CreateDeadLetterTrigger(
    UUID scriptId, String sourceFilter, UUID triggerIdFilter, UUID scriptIdFilter) {}
