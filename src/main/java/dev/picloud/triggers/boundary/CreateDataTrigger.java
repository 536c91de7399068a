package dev.picloud.triggers.boundary;

import java.util.List;
import java.util.UUID;

/**
 * {@code POST /apps/{app}/triggers/kv} (and {@code docs}): {@code ops} empty or absent means any;
 * an absent retry setting takes the instance default.
 */
public record CreateDataTrigger(
    UUID scriptId,
    String collectionGlob,
    List<String> ops,
    Integer retryMaxAttempts,
    String retryBackoff,
    Long retryBaseMs) {}
