package dev.picloud.runtime.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.runtime.Runs;
import dev.picloud.runtime.sdk.SdkModule;
import dev.picloud.runtime.sdk.SdkObject;
import dev.picloud.runtime.sdk.StandardModules;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Code no hook reaches: the watchdog answers with a timeout at once, counts the thread as stuck,
 * keeps the slot usable with a replacement thread, and counts down when the thread returns.
 */
class StuckThreadTest {
  private static final Duration LIMIT = Duration.ofMillis(300);
  private final CountDownLatch release = new CountDownLatch(1);
  private final ScriptRuntime runtime = runtimeWithOneSlotAndABlockingModule();

  @AfterEach
  void releaseAndClose() {
    release.countDown();
    runtime.close();
  }

  @Test
  void runThatCannotBeStoppedTimesOutAndItsThreadCountsAsStuckUntilItReturns() throws Exception {
    RunRequest blocked =
        Runs.request(
            runtime,
            "blocker.block(); return 'late';",
            Runs.wallClock(LIMIT),
            Runs.ctx(UUID.randomUUID()));

    long start = System.nanoTime();
    RunOutcome outcome = runtime.run(blocked);
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertThat(outcome.status()).isEqualTo(RunStatus.TIMEOUT);
    assertThat(outcome.exceeded()).contains(Budget.WALL_CLOCK);
    assertThat(outcome.error()).hasValueSatisfying(e -> assertThat(e).contains("abandoned"));
    assertThat(took).isLessThan(LIMIT.plusSeconds(1));
    assertThat(runtime.stuckThreads()).isEqualTo(1);

    assertThat(
            runtime
                .run(
                    Runs.request(
                        runtime,
                        "return 'next';",
                        Runs.wallClock(LIMIT),
                        Runs.ctx(UUID.randomUUID())))
                .status())
        .as("the only slot still has a thread")
        .isEqualTo(RunStatus.SUCCESS);

    release.countDown();
    awaitStuckThreads(0);
  }

  @Test
  void catastrophicRegExpIsAbandonedAndCountedUntilItFinishes() throws Exception {
    RunRequest regex =
        Runs.request(
            runtime,
            "return /(a+)+b/.test('" + "a".repeat(24) + "c');",
            Runs.wallClock(LIMIT),
            Runs.ctx(UUID.randomUUID()));

    RunOutcome outcome = runtime.run(regex);

    assertThat(outcome.status()).isEqualTo(RunStatus.TIMEOUT);
    assertThat(runtime.stuckThreads()).isBetween(0, 1);
    awaitStuckThreads(0);
  }

  @Test
  void severalStuckRunsAreAllCountedAndReplaced() throws Exception {
    List<CompletableFuture<RunOutcome>> stuck = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      stuck.add(
          runtime.submit(
              Runs.request(
                  runtime,
                  "blocker.block();",
                  Runs.wallClock(LIMIT),
                  Runs.ctx(UUID.randomUUID()))));
      stuck.get(i).get(5, TimeUnit.SECONDS);
    }

    assertThat(runtime.stuckThreads()).isEqualTo(3);
    assertThat(stuck).allSatisfy(f -> assertThat(f.join().status()).isEqualTo(RunStatus.TIMEOUT));

    release.countDown();
    awaitStuckThreads(0);
    assertThat(
            runtime
                .run(
                    Runs.request(
                        runtime, "return 1;", Runs.wallClock(LIMIT), Runs.ctx(UUID.randomUUID())))
                .status())
        .isEqualTo(RunStatus.SUCCESS);
  }

  private void awaitStuckThreads(int expected) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (runtime.stuckThreads() != expected && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(runtime.stuckThreads()).isEqualTo(expected);
  }

  /** One execution slot; {@code blocker.block()} waits in Java, ignoring interrupts. */
  private ScriptRuntime runtimeWithOneSlotAndABlockingModule() {
    List<SdkModule> modules = new ArrayList<>(StandardModules.all());
    modules.add(
        new SdkModule(
            "blocker",
            run ->
                SdkObject.builder("blocker", run)
                    .function("block", args -> awaitRelease())
                    .build()));
    RuntimeSettings settings =
        new RuntimeSettings(
            1, 1, Limits.ceilings(), Duration.ofMillis(200), 16, 2, java.time.Clock.systemUTC());
    return new ScriptRuntime(settings, Runs.threads("stuck-test"), modules);
  }

  private Object awaitRelease() {
    boolean released = false;
    while (!released) {
      try {
        released = release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException ignoredLikeStubbornCode) {
        // Stands for code that does not react to interrupts, which is what makes a thread stuck.
      }
    }
    return "released";
  }
}
