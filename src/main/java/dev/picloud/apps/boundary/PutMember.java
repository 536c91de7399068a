package dev.picloud.apps.boundary;

/** {@code PUT /apps/{app}/members/{user}}: viewer, editor or app_admin. */
public record PutMember(String role) {}
