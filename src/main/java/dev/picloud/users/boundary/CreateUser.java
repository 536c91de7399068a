package dev.picloud.users.boundary;

/** {@code POST /users}: {@code instance_role} defaults to member. */
public record CreateUser(String username, String password, String instanceRole) {}
