package dev.picloud.scripts.boundary;

import jakarta.json.JsonObject;

/** {@code POST /apps/{app}/scripts}: {@code timeout_seconds} and {@code limits} are optional. */
public record CreateScript(String name, String source, Integer timeoutSeconds, JsonObject limits) {}
