package dev.picloud.kv.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.runtime.Runs;
import dev.picloud.runtime.control.Limits;
import dev.picloud.runtime.control.RunOutcome;
import dev.picloud.runtime.control.RunRequest;
import dev.picloud.runtime.control.RunStatus;
import dev.picloud.runtime.control.RuntimeSettings;
import dev.picloud.runtime.control.ScriptCtx;
import dev.picloud.runtime.control.ScriptRuntime;
import dev.picloud.runtime.sdk.SdkContext;
import dev.picloud.runtime.sdk.SdkModule;
import dev.picloud.runtime.sdk.Services;
import dev.picloud.runtime.sdk.StandardModules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs scripts with the {@code kv} module on a runtime of their own (no Liberty), the way the
 * server wires it: the standard modules plus {@link KvModule#MODULE}, and the run's {@link
 * KvSession} in its services.
 */
final class KvRuns {
  static final ScriptRuntime RUNTIME =
      new ScriptRuntime(RuntimeSettings.defaults(4), Runs.threads("kv-test"), modules());

  private KvRuns() {}

  static List<SdkModule> modules() {
    List<SdkModule> modules = new ArrayList<>(StandardModules.all());
    modules.add(KvModule.MODULE);
    return modules;
  }

  static RunOutcome run(KvSession session, String source) {
    return run(session.appId(), Services.none().with(KvSession.class, session), source);
  }

  static RunOutcome run(UUID appId, Services services, String source) {
    ScriptCtx ctx = Runs.ctx(appId);
    SdkContext sdk =
        new SdkContext(appId, ctx.scriptId(), ctx.executionId(), Optional.empty(), services);
    return RUNTIME.run(
        new RunRequest(Runs.compile(RUNTIME, source), Limits.defaults(false), ctx, sdk));
  }

  /** The JSON body of a run that must succeed. */
  static String value(KvSession session, String source) {
    RunOutcome outcome = run(session, source);
    assertThat(outcome.status()).as("%s", outcome).isEqualTo(RunStatus.SUCCESS);
    return Runs.body(outcome);
  }

  /** The error of a run that must throw. */
  static String error(KvSession session, String source) {
    RunOutcome outcome = run(session, source);
    assertThat(outcome.status()).as("%s", outcome).isEqualTo(RunStatus.SCRIPT_ERROR);
    return outcome.error().orElseThrow();
  }
}
