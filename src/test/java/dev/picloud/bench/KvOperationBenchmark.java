package dev.picloud.bench;

import dev.picloud.kv.control.KvEvent;
import dev.picloud.kv.control.KvModule;
import dev.picloud.kv.control.KvSession;
import dev.picloud.kv.control.KvStore;
import dev.picloud.kv.control.PinnedDataSource;
import dev.picloud.platform.control.Jdbc;
import dev.picloud.runtime.Runs;
import dev.picloud.runtime.control.CompiledHandler;
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
import dev.picloud.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code kv.get} / {@code kv.set} from a script, per operation: each run makes {@value #OPS} calls
 * and JMH divides its time by that, so a figure is one call plus 1/100 of a run's overhead ({@code
 * emptyRun} is that overhead whole). Embedded PostgreSQL (the test database) on one reused
 * connection, as a pool hands one out. {@code get} reads stored keys (one query each); {@code set}
 * only buffers (the run's overlay); {@code setAndCommit} adds the commit of the 100 writes (lock,
 * check, update) in one JDBC transaction.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
public class KvOperationBenchmark {
  static final int OPS = 100;

  /** The runtime with the kv module, the database and the compiled benchmark scripts. */
  @State(Scope.Benchmark)
  public static class Kv {
    ScriptRuntime runtime;
    Connection reads;
    Connection commits;
    KvStore store;
    UUID app;
    CompiledHandler gets;
    CompiledHandler sets;
    CompiledHandler empty;

    @Setup
    public void start() throws SQLException {
      DataSource db = TestDatabase.get();
      reads = db.getConnection();
      commits = db.getConnection();
      commits.setAutoCommit(false);
      store = new KvStore(new PinnedDataSource(reads));
      app = UUID.randomUUID();
      Jdbc.update(db, "INSERT INTO apps (id, slug, name) VALUES (?, ?, 'bench')", app, slug());
      List<SdkModule> modules = new ArrayList<>(StandardModules.all());
      modules.add(KvModule.MODULE);
      runtime = new ScriptRuntime(RuntimeSettings.defaults(4), Runs.threads("kv-bench"), modules);
      sets = compile("c.set('k' + i, {n: i, s: 'value-' + i}); n++;");
      gets = compile("if (c.get('k' + i) !== null) { n++; }");
      empty = Runs.compile(runtime, "return " + OPS + ";");
      commit(sets);
      for (CompiledHandler script : List.of(gets, sets, empty)) {
        RunOutcome outcome = run(script, session());
        if (outcome.status() != RunStatus.SUCCESS || !Runs.body(outcome).equals("" + OPS)) {
          throw new IllegalStateException("benchmark script does not work: " + outcome);
        }
      }
    }

    @TearDown
    public void stop() throws SQLException {
      runtime.close();
      reads.close();
      commits.close();
    }

    KvSession session() {
      return new KvSession(app, Optional.empty(), store);
    }

    RunOutcome run(CompiledHandler script, KvSession session) {
      ScriptCtx ctx = Runs.ctx(app);
      SdkContext sdk =
          new SdkContext(
              app,
              ctx.scriptId(),
              ctx.executionId(),
              Optional.empty(),
              Services.none().with(KvSession.class, session));
      return runtime.run(new RunRequest(script, Limits.defaults(false), ctx, sdk));
    }

    List<KvEvent> commit(CompiledHandler script) throws SQLException {
      KvSession session = session();
      run(script, session);
      List<KvEvent> events = store.commit(commits, session);
      commits.commit();
      return events;
    }

    private CompiledHandler compile(String body) {
      return Runs.compile(
          runtime,
          "var c = kv.collection('bench'), n = 0;\n for (var i = 0; i < "
              + OPS
              + "; i++) { "
              + body
              + " }\n return n;");
    }

    private String slug() {
      return "bench-" + app.toString().substring(0, 8);
    }
  }

  @Benchmark
  @OperationsPerInvocation(OPS)
  public RunOutcome get(Kv kv) {
    return kv.run(kv.gets, kv.session());
  }

  @Benchmark
  @OperationsPerInvocation(OPS)
  public RunOutcome set(Kv kv) {
    return kv.run(kv.sets, kv.session());
  }

  @Benchmark
  @OperationsPerInvocation(OPS)
  public List<KvEvent> setAndCommit(Kv kv) throws SQLException {
    return kv.commit(kv.sets);
  }

  @Benchmark
  public RunOutcome emptyRun(Kv kv) {
    return kv.run(kv.empty, kv.session());
  }
}
