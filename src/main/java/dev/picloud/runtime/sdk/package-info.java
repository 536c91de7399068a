/**
 * The SDK a script sees as globals ({@code log}, {@code console}, {@code regex}, {@code random},
 * {@code time}, {@code base64}, {@code hex}, {@code url}; later {@code kv}, {@code docs}, {@code
 * deadLetters}). Each module is built per run from an {@link dev.picloud.runtime.sdk.SdkRun} (app,
 * script, execution, principal, services) and is a {@code JSObject}, so no Java method is reachable
 * from script code. Register a module with one line in {@link
 * dev.picloud.runtime.sdk.StandardModules}.
 */
package dev.picloud.runtime.sdk;
