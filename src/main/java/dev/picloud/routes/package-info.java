/**
 * The data plane's front door: routes (host + method + path pattern → script, sync or async), the
 * compiled per-app route tables and host table, and the catch-all resource that turns a public
 * request into an outbox row. Running the script is the dispatcher's job ({@code outbox}).
 */
package dev.picloud.routes;
