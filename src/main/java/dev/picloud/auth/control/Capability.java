package dev.picloud.auth.control;

/**
 * The capability table of SPEC 3.3: the scope a key needs and the lowest app role a member needs. A
 * {@code null} role means owner only.
 */
public enum Capability {
  /** Create apps, manage users, instance settings. */
  ADMIN_INSTANCE(Scope.INSTANCE_ADMIN, null),
  /** Read an app, its scripts, routes, triggers, KV/docs, dead-letter list and count. */
  READ_APP(Scope.SCRIPT_READ, AppRole.VIEWER),
  /** Read execution logs. */
  READ_LOGS(Scope.LOG_READ, AppRole.VIEWER),
  /** Write scripts; KV/docs writes from the admin API; run scripts directly. */
  WRITE_SCRIPTS(Scope.SCRIPT_WRITE, AppRole.EDITOR),
  WRITE_ROUTES(Scope.ROUTE_WRITE, AppRole.EDITOR),
  MANAGE_DOMAINS(Scope.DOMAIN_MANAGE, AppRole.APP_ADMIN),
  /** Manage members, settings, delete the app, manage triggers, replay/resolve dead letters. */
  ADMIN_APP(Scope.APP_ADMIN, AppRole.APP_ADMIN);

  private final Scope scope;
  private final AppRole lowestRole;

  Capability(Scope scope, AppRole lowestRole) {
    this.scope = scope;
    this.lowestRole = lowestRole;
  }

  public Scope scope() {
    return scope;
  }

  /** The lowest app role that holds this capability; {@code null} when only owners do. */
  public AppRole lowestRole() {
    return lowestRole;
  }
}
