/**
 * What every feature stands on: configuration (validated at start-up), database migrations, the
 * JSON conventions of the admin API, the one problem+json error format, health and version. It
 * knows no feature; features call it, never the other way round.
 */
package dev.picloud.platform;
