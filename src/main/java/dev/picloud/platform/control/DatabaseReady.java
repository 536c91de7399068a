package dev.picloud.platform.control;

/** Fired once, after the migrations applied: features may now touch the database. */
public record DatabaseReady(int schemaVersion) {}
