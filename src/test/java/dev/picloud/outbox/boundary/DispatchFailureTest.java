package dev.picloud.outbox.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.outbox.control.Claim;
import dev.picloud.outbox.control.ClaimedRow;
import dev.picloud.outbox.control.OutboxRecovery;
import dev.picloud.outbox.control.OutboxSettles;
import dev.picloud.outbox.control.OutboxStore;
import dev.picloud.outbox.control.Rescued;
import dev.picloud.outbox.control.RunnableRow;
import dev.picloud.platform.control.DatabaseReady;
import dev.picloud.platform.control.Settings;
import dev.picloud.platform.control.SettingsReader;
import dev.picloud.runtime.Runs;
import dev.picloud.scripts.control.ScriptStore.RunnableScript;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Failures the dispatcher meets outside a run (the database going away while a batch is started)
 * cost the rows they touch, never the dispatcher: its loop goes round again, and the rest of a
 * batch still starts.
 */
class DispatchFailureTest {
  private static final Settings SETTINGS =
      new Settings(new SettingsReader(name -> Optional.empty()));

  @Test
  void aRoundThatThrowsDoesNotEndTheDispatcherLoop() throws InterruptedException {
    AtomicInteger rounds = new AtomicInteger();
    CountDownLatch wentOn = new CountDownLatch(1);
    Dispatcher dispatcher = dispatcher(rounds, wentOn);

    dispatcher.start(new DatabaseReady(9));
    try {
      assertThat(wentOn.await(10, TimeUnit.SECONDS))
          .as("the round after the failing one started its rows")
          .isTrue();
      assertThat(dispatcher.alive()).isTrue();
    } finally {
      dispatcher.stop(new Object());
    }
    assertThat(rounds.get()).isGreaterThanOrEqualTo(2);
  }

  @Test
  void aRowThatCannotBeSettledIsGivenBackAndTheRestOfItsBatchStillStarts() {
    ClaimedRow failing = ClaimedRows.kv(SETTINGS.maxTriggerDepth() + 1);
    ClaimedRow next = ClaimedRows.kv(SETTINGS.maxTriggerDepth() + 1);
    List<ClaimedRow> dropped = new CopyOnWriteArrayList<>();
    List<Claim> givenBack = new CopyOnWriteArrayList<>();
    RowRuns runs = new RowRuns();
    runs.settings = SETTINGS;
    runs.settlement =
        new RowSettlement() {
          @Override
          public void dropTooDeep(ClaimedRow row) {
            dropped.add(row);
            if (row == failing) {
              throw new IllegalStateException("the database went away");
            }
          }
        };
    runs.settles =
        new OutboxSettles() {
          @Override
          public boolean release(Claim claim) {
            givenBack.add(claim);
            return true;
          }
        };

    boolean allStarted = runs.startAll(List.of(failing, next), Map.of());

    assertThat(allStarted).isFalse();
    assertThat(dropped).containsExactly(failing, next);
    assertThat(givenBack).containsExactly(failing.claim());
  }

  /** A dispatcher whose first round throws; {@code wentOn} opens on the round after it. */
  private static Dispatcher dispatcher(AtomicInteger rounds, CountDownLatch wentOn) {
    Dispatcher dispatcher = new Dispatcher();
    dispatcher.threads = new Threads();
    dispatcher.settings = SETTINGS;
    dispatcher.clock = Clock.systemUTC();
    dispatcher.runtime = Runs.shared();
    dispatcher.maintenance = new NoUpkeep();
    dispatcher.store =
        new OutboxStore() {
          @Override
          public List<RunnableRow> claim(String node, int max, Duration lease) {
            return List.of(
                new RunnableRow(ClaimedRows.kv(SETTINGS.maxTriggerDepth() + 1), Optional.empty()));
          }
        };
    dispatcher.recovery =
        new OutboxRecovery() {
          @Override
          public List<Rescued> rescueLeftBy(String node, int max) {
            return List.of();
          }

          @Override
          public Released releaseAllClaimedBy(String node) {
            return new Released(0, 0);
          }
        };
    dispatcher.runs =
        new RowRuns() {
          @Override
          public boolean startAll(List<ClaimedRow> rows, Map<UUID, RunnableScript> known) {
            if (rounds.incrementAndGet() == 1) {
              throw new IllegalStateException("an unexpected fault in the first round");
            }
            wentOn.countDown();
            return false;
          }
        };
    return dispatcher;
  }

  /** Plain daemon threads in place of the container's. */
  private static final class Threads implements ManagedThreadFactory {
    @Override
    public Thread newThread(Runnable task) {
      Thread thread = new Thread(task);
      thread.setDaemon(true);
      return thread;
    }

    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
      return ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
    }
  }
}
