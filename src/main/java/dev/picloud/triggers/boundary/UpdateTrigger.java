package dev.picloud.triggers.boundary;

/** {@code PATCH /apps/{app}/triggers/{id}}: enable or disable, change the retry policy. */
public record UpdateTrigger(
    Boolean enabled, Integer retryMaxAttempts, String retryBackoff, Long retryBaseMs) {}
