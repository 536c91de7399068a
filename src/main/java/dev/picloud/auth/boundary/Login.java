package dev.picloud.auth.boundary;

/** {@code POST /auth/login}. */
public record Login(String username, String password) {}
