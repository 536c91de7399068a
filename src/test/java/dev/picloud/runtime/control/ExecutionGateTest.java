package dev.picloud.runtime.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ExecutionGateTest {
  private final UUID appA = UUID.randomUUID();
  private final UUID appB = UUID.randomUUID();

  @Test
  void globalCapRefusesTheRunAfterTheLastSlot() {
    ExecutionGate gate = new ExecutionGate(2, 2);

    Optional<ExecutionGate.Permit> first = gate.tryAcquire(appA);
    Optional<ExecutionGate.Permit> second = gate.tryAcquire(appB);
    Optional<ExecutionGate.Permit> third = gate.tryAcquire(UUID.randomUUID());

    assertThat(first).isPresent();
    assertThat(second).isPresent();
    assertThat(third).isEmpty();
    assertThat(gate.inUse()).isEqualTo(2);
  }

  @Test
  void perAppCapLeavesRoomForOtherApps() {
    ExecutionGate gate = new ExecutionGate(4, 2);

    gate.tryAcquire(appA).orElseThrow();
    gate.tryAcquire(appA).orElseThrow();

    assertThat(gate.tryAcquire(appA)).isEmpty();
    assertThat(gate.tryAcquire(appB)).isPresent();
    assertThat(gate.inUse(appA)).isEqualTo(2);
  }

  @Test
  void closingAPermitFreesItsSlotOnce() {
    ExecutionGate gate = new ExecutionGate(1, 1);
    ExecutionGate.Permit permit = gate.tryAcquire(appA).orElseThrow();

    permit.close();
    permit.close();

    assertThat(gate.inUse()).isZero();
    assertThat(gate.inUse(appA)).isZero();
    ExecutionGate.Permit again = gate.tryAcquire(appA).orElseThrow();
    assertThat(gate.tryAcquire(appB)).isEmpty();
    again.close();
  }

  @Test
  void capsHoldUnderConcurrentAcquisition() throws Exception {
    ExecutionGate gate = new ExecutionGate(8, 3);
    List<UUID> apps = List.of(appA, appB, UUID.randomUUID(), UUID.randomUUID());
    AtomicInteger concurrent = new AtomicInteger();
    AtomicInteger maxSeen = new AtomicInteger();
    AtomicInteger maxPerAppSeen = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(16);
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      for (int t = 0; t < 16; t++) {
        UUID app = apps.get(t % apps.size());
        pool.execute(
            () -> {
              for (int i = 0; i < 2000; i++) {
                gate.tryAcquire(app)
                    .ifPresent(
                        permit -> {
                          try (permit) {
                            maxSeen.accumulateAndGet(concurrent.incrementAndGet(), Math::max);
                            maxPerAppSeen.accumulateAndGet(gate.inUse(app), Math::max);
                            concurrent.decrementAndGet();
                          }
                        });
              }
              done.countDown();
            });
      }
      done.await();
    } finally {
      pool.shutdown();
    }

    assertThat(maxSeen.get()).isBetween(1, 8);
    assertThat(maxPerAppSeen.get()).isBetween(1, 3);
    assertThat(gate.inUse()).isZero();
  }

  @Test
  void capsMustBePositive() {
    assertThatThrownBy(() -> new ExecutionGate(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ExecutionGate(1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void runtimeGateHasOneSlotPerScriptThread() {
    ScriptRuntime runtime = dev.picloud.runtime.Runs.shared();
    List<ExecutionGate.Permit> permits = new ArrayList<>();
    Optional<ExecutionGate.Permit> permit;
    UUID[] apps = {appA, appB, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
    int i = 0;
    while ((permit = runtime.gate().tryAcquire(apps[i++ % apps.length])).isPresent()) {
      permits.add(permit.get());
    }

    assertThat(permits).hasSize(runtime.gate().globalCap());
    permits.forEach(ExecutionGate.Permit::close);
  }
}
