package dev.picloud.apps.boundary;

/** {@code POST /apps/{app}/domains}. */
public record AddDomain(String host) {}
