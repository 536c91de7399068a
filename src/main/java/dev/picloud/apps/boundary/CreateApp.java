package dev.picloud.apps.boundary;

/** {@code POST /apps}: {@code name} defaults to the slug. */
public record CreateApp(String slug, String name, String description) {}
