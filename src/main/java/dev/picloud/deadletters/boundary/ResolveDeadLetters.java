package dev.picloud.deadletters.boundary;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code POST …/dead_letters/resolve}: resolves every unresolved dead letter the filter matches
 * with one reason (ignored or handled_by_script) and note; the filter fields are those of {@link
 * ReplayDeadLetters}.
 */
public record ResolveDeadLetters(
    String reason,
    String note,
    String source,
    UUID triggerId,
    UUID scriptId,
    String error,
    Instant createdAfter,
    Instant createdBefore) {}
