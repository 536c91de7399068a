package dev.picloud.apps.boundary;

import dev.picloud.platform.control.PatchValue;

/** {@code PATCH /apps/{app}}: absent fields stay; a null description clears it. */
public record UpdateApp(
    PatchValue<String> slug, PatchValue<String> name, PatchValue<String> description) {}
