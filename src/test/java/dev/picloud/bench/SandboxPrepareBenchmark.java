package dev.picloud.bench;

import dev.picloud.runtime.sandbox.PreparedGlobal;
import dev.picloud.runtime.sandbox.Sandbox;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What a fresh sandboxed global costs on one thread: a new Nashorn global and the prelude run in
 * it, which every script run needs once (made ahead of time by the global pool when it can). Run
 * with {@code bench/runtime-jmh.sh SandboxPrepareBenchmark}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(1)
@State(Scope.Benchmark)
public class SandboxPrepareBenchmark {
  private Sandbox sandbox;

  @Setup
  public void start() {
    sandbox = new Sandbox();
  }

  @Benchmark
  public PreparedGlobal prepare() {
    return sandbox.prepare();
  }
}
