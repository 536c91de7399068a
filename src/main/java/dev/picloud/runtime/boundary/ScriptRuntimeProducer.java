package dev.picloud.runtime.boundary;

import dev.picloud.deadletters.boundary.DeadLettersModule;
import dev.picloud.kv.control.KvModule;
import dev.picloud.platform.control.Settings;
import dev.picloud.runtime.control.Limits;
import dev.picloud.runtime.control.RuntimeSettings;
import dev.picloud.runtime.control.ScriptRuntime;
import dev.picloud.runtime.sdk.SdkModule;
import dev.picloud.runtime.sdk.StandardModules;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the one {@link ScriptRuntime} of this node from the settings. Script threads come from the
 * container's managed thread factory, so SDK modules running on them can use the data source and
 * transactions.
 */
@ApplicationScoped
public class ScriptRuntimeProducer {
  @Resource ManagedThreadFactory threads;
  @Inject Settings settings;
  @Inject Clock clock;

  @Produces
  @Singleton
  ScriptRuntime runtime() {
    Settings.SandboxCeilings max = settings.sandboxCeilings();
    Limits ceilings =
        new Limits(
            Duration.ofSeconds(max.timeoutSeconds()),
            max.operations(),
            Duration.ofMillis(max.cpuMillis()),
            max.allocationBytes(),
            max.stackDepth(),
            max.logBytes(),
            max.responseBytes());
    RuntimeSettings runtimeSettings =
        RuntimeSettings.defaults(settings.maxConcurrentExecutions())
            .withMaxConcurrentPerApp(settings.maxConcurrentPerApp())
            .withCeilings(ceilings)
            .withClock(clock);
    List<SdkModule> modules = new ArrayList<>(StandardModules.all());
    modules.add(KvModule.MODULE);
    modules.add(DeadLettersModule.MODULE);
    return new ScriptRuntime(runtimeSettings, threads, List.copyOf(modules));
  }

  void close(@Disposes ScriptRuntime runtime) {
    runtime.close();
  }
}
