package dev.picloud.routes.boundary;

import dev.picloud.platform.control.PatchValue;
import java.util.UUID;

/** {@code PATCH /apps/{app}/routes/{route}}: a null host or method means any. */
public record UpdateRoute(
    PatchValue<UUID> scriptId,
    PatchValue<String> host,
    PatchValue<String> method,
    PatchValue<String> pathKind,
    PatchValue<String> path,
    PatchValue<String> dispatchMode) {}
