package dev.picloud.users.boundary;

/** {@code PATCH /users/{id}}: every field optional. */
public record UpdateUser(String password, Boolean isActive, String instanceRole) {}
