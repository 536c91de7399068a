/**
 * Users of the instance: the owner bootstrap, password hashing and the owner-only users API. Login
 * and credentials belong to {@code auth}; app roles to {@code apps}.
 */
package dev.picloud.users;
