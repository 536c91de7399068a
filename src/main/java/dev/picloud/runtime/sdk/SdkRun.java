package dev.picloud.runtime.sdk;

import dev.picloud.runtime.sandbox.Meter;
import java.time.Clock;

/**
 * What a module factory gets for one run: the run's context, the value maker of its global, its
 * log, its meter (module calls are operations too; a module may charge more) and the clock.
 */
public record SdkRun(SdkContext context, JsValues js, LogBuffer log, Meter meter, Clock clock) {}
