package dev.picloud.auth.boundary;

import dev.picloud.apps.boundary.AppAccess;
import dev.picloud.auth.control.ApiKeySecret;
import dev.picloud.auth.control.ApiKeyStore;
import dev.picloud.auth.control.Authorizer;
import dev.picloud.auth.control.Caller;
import dev.picloud.auth.control.Scope;
import dev.picloud.platform.boundary.ExpectedFailuresRollBack;
import dev.picloud.platform.control.ApiException;
import dev.picloud.platform.control.ExpectedFailure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A user's API keys. A key may mint keys only within its own scopes and app binding, so a leaked
 * narrow key can never be turned into a wider one.
 */
@ApplicationScoped
@Transactional(dontRollbackOn = ExpectedFailure.class)
@ExpectedFailuresRollBack
public class ApiKeys {
  private static final int MAX_NAME = 100;

  @Inject ApiKeyStore store;
  @Inject AppAccess access;
  @Inject Clock clock;

  public NewApiKeyView create(Caller caller, CreateApiKey command) {
    String name = name(command.name());
    Set<Scope> scopes = scopes(command.scopes());
    Instant now = clock.instant();
    if (command.expiresAt() != null && !command.expiresAt().isAfter(now)) {
      throw ApiException.invalid("expires_at", "expires_at must be in the future.");
    }
    requireWithinCaller(caller, scopes, command.appId());
    if (command.appId() != null
        && !Authorizer.canSee(
            caller, command.appId(), access.membership(caller, command.appId()))) {
      throw ApiException.invalid("app_id", "app_id does not name an app you can see.");
    }
    ApiKeySecret secret = ApiKeySecret.generate();
    UUID id = UUID.randomUUID();
    Instant createdAt =
        store.insert(
            id, caller.userId(), name, secret, scopes, command.appId(), command.expiresAt());
    List<String> scopeNames = scopes.stream().map(Scope::wire).sorted().toList();
    return new NewApiKeyView(
        id,
        secret.key(),
        secret.prefix(),
        name,
        scopeNames,
        command.appId(),
        command.expiresAt(),
        createdAt);
  }

  public List<ApiKeyView> list(Caller caller) {
    return store.listForUser(caller.userId()).stream().map(ApiKeyView::of).toList();
  }

  public void revoke(Caller caller, UUID id) {
    if (store.find(id, caller.userId()).isEmpty()) {
      throw ApiException.notFound("API key");
    }
    store.revoke(id, caller.userId());
  }

  private static void requireWithinCaller(Caller caller, Set<Scope> scopes, UUID appId) {
    if (!caller.isKey()) {
      return;
    }
    if (!caller.scopes().containsAll(scopes)) {
      throw ApiException.forbidden("A key can only create keys with a subset of its own scopes.");
    }
    if (caller.appBinding() != null && !caller.appBinding().equals(appId)) {
      throw ApiException.forbidden("A key bound to an app can only create keys bound to that app.");
    }
  }

  private static String name(String value) {
    if (value == null || value.isBlank() || value.length() > MAX_NAME) {
      throw ApiException.invalid("name", "name must be 1-" + MAX_NAME + " characters.");
    }
    return value.strip();
  }

  private static Set<Scope> scopes(List<String> names) {
    if (names == null || names.isEmpty()) {
      throw ApiException.invalid("scopes", "scopes must list at least one scope.");
    }
    Set<Scope> scopes = EnumSet.noneOf(Scope.class);
    for (String name : names) {
      scopes.add(
          Scope.fromWire(name)
              .orElseThrow(() -> ApiException.invalid("scopes", "Unknown scope '" + name + "'.")));
    }
    return scopes;
  }
}
