package dev.picloud.runtime.sdk;

import java.util.Objects;
import java.util.function.Function;
import org.openjdk.nashorn.api.scripting.JSObject;

/** A global the SDK offers scripts: its name and how to build it for one run. */
public record SdkModule(String name, Function<SdkRun, JSObject> factory) {
  public SdkModule {
    Objects.requireNonNull(name);
    Objects.requireNonNull(factory);
  }

  public JSObject create(SdkRun run) {
    return factory.apply(run);
  }
}
