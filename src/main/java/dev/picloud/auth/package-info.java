/**
 * Who is calling and what they may do: login sessions, API keys, the one authentication filter and
 * the one authorization decision point (the capability table of SPEC 3.3). Features ask {@code
 * Authorizer} (through {@code apps}' access check for app-scoped paths); none decides alone.
 */
package dev.picloud.auth;
