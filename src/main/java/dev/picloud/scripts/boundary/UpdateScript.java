package dev.picloud.scripts.boundary;

import dev.picloud.platform.control.PatchValue;
import jakarta.json.JsonObject;

/**
 * {@code PATCH /apps/{app}/scripts/{script}}: null {@code timeout_seconds} restores the default.
 */
public record UpdateScript(
    PatchValue<String> name,
    PatchValue<String> source,
    PatchValue<Integer> timeoutSeconds,
    PatchValue<JsonObject> limits) {}
