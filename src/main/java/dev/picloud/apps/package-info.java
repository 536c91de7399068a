/**
 * Apps and what hangs directly off them: slugs, domains (the host names an app serves) and members
 * (per-app roles). {@link dev.picloud.apps.boundary.AppAccess} resolves an {@code {app}} path
 * segment for a caller and capability; every app-scoped resource starts there.
 */
package dev.picloud.apps;
