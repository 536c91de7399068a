package dev.picloud.platform.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class GroupCommitTest {
  @Test
  void eachCallerGetsTheAnswerForItsOwnItemAndWaitingCallersShareABatch() throws Exception {
    List<Integer> batchSizes = new CopyOnWriteArrayList<>();
    CountDownLatch firstBatchStarted = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    try (GroupCommit<Integer, String> commit =
        writingBy(
            items -> {
              batchSizes.add(items.size());
              firstBatchStarted.countDown();
              await(release);
              return items.stream().map(i -> "written " + i).toList();
            })) {
      ExecutorService callers = Executors.newFixedThreadPool(11);
      try {
        Future<String> first = callers.submit(() -> commit.write(0));
        assertThat(firstBatchStarted.await(10, TimeUnit.SECONDS)).isTrue();
        CountDownLatch calling = new CountDownLatch(10);
        List<Future<String>> waiting =
            IntStream.rangeClosed(1, 10)
                .mapToObj(
                    i ->
                        callers.submit(
                            () -> {
                              calling.countDown();
                              return commit.write(i);
                            }))
                .toList();
        assertThat(calling.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200);
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("written 0");
        for (int i = 0; i < waiting.size(); i++) {
          assertThat(waiting.get(i).get(10, TimeUnit.SECONDS)).isEqualTo("written " + (i + 1));
        }
        assertThat(batchSizes).containsExactly(1, 10);
      } finally {
        callers.shutdownNow();
      }
    }
  }

  @Test
  void aFailedBatchFailsEveryCallerInItWithTheWritesFailure() {
    IllegalStateException down = new IllegalStateException("database down");
    try (GroupCommit<Integer, String> commit =
        writingBy(
            items -> {
              throw down;
            })) {
      assertThatThrownBy(() -> commit.write(1)).isSameAs(down);
      assertThatThrownBy(() -> commit.write(2)).isSameAs(down);
    }
  }

  @Test
  void afterCloseNothingIsAccepted() {
    GroupCommit<Integer, Integer> commit = writingBy(items -> items);
    assertThat(commit.write(7)).isEqualTo(7);
    commit.close();

    assertThatThrownBy(() -> commit.write(8))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("stopping");
  }

  @Test
  void aSubmittedItemCompletesOnTheWriterOnceWrittenWithoutHoldingItsCaller() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (GroupCommit<Integer, String> commit =
        writingBy(
            items -> {
              await(release);
              return items.stream().map(i -> "written " + i).toList();
            })) {
      CompletableFuture<String> written = commit.submit(3);
      CompletableFuture<String> on = written.thenApply(w -> Thread.currentThread().getName());
      assertThat(written).isNotDone();

      release.countDown();
      assertThat(on.get(10, TimeUnit.SECONDS)).isEqualTo("test-writer");
      assertThat(written.get()).isEqualTo("written 3");
    }
  }

  @Test
  void aSubmittedItemFailsWithTheWritesFailureOrWhenStopping() {
    IllegalStateException down = new IllegalStateException("database down");
    GroupCommit<Integer, String> commit =
        writingBy(
            items -> {
              throw down;
            });
    assertThat(commit.submit(1))
        .failsWithin(10, TimeUnit.SECONDS)
        .withThrowableThat()
        .havingCause()
        .isSameAs(down);
    commit.close();

    assertThat(commit.submit(2))
        .failsWithin(10, TimeUnit.SECONDS)
        .withThrowableThat()
        .havingCause()
        .isInstanceOf(IllegalStateException.class)
        .withMessageContaining("stopping");
  }

  private static <R> GroupCommit<Integer, R> writingBy(Function<List<Integer>, List<R>> writeAll) {
    return new GroupCommit<>("test-writer", 64, Thread::new, writeAll);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
