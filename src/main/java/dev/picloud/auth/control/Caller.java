package dev.picloud.auth.control;

import java.util.Set;
import java.util.UUID;

/**
 * An authenticated principal: a user acting through a session (every scope) or through an API key
 * (its scopes, and only its app when the key is bound to one).
 */
public record Caller(
    UUID userId,
    String username,
    boolean owner,
    Credential credential,
    UUID credentialId,
    Set<Scope> scopes,
    UUID appBinding) {

  /** How the caller proved who they are. */
  public enum Credential {
    SESSION,
    API_KEY,
    /** A trigger run, acting for the user who registered the trigger. */
    TRIGGER
  }

  public static Caller session(UUID userId, String username, boolean owner, UUID sessionId) {
    return new Caller(
        userId, username, owner, Credential.SESSION, sessionId, Set.of(Scope.values()), null);
  }

  /** The user a trigger acts for, with every scope: their current role decides. */
  public static Caller triggerRegistrant(
      UUID userId, String username, boolean owner, UUID triggerId) {
    return new Caller(
        userId, username, owner, Credential.TRIGGER, triggerId, Set.of(Scope.values()), null);
  }

  public static Caller apiKey(
      UUID userId, String username, boolean owner, UUID keyId, Set<Scope> scopes, UUID appBinding) {
    return new Caller(
        userId, username, owner, Credential.API_KEY, keyId, Set.copyOf(scopes), appBinding);
  }

  public boolean hasScope(Scope scope) {
    return scopes.contains(scope);
  }

  public boolean isKey() {
    return credential == Credential.API_KEY;
  }
}
