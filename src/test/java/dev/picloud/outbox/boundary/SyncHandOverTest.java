package dev.picloud.outbox.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.outbox.control.Claim;
import dev.picloud.outbox.control.ClaimedRow;
import dev.picloud.outbox.control.OutboxStore;
import dev.picloud.outbox.control.RunnableRow;
import dev.picloud.platform.control.Settings;
import dev.picloud.platform.control.SettingsReader;
import dev.picloud.runtime.Runs;
import dev.picloud.scripts.control.ScriptStore.RunnableScript;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Sync rows this node wrote already claimed wait in memory for a slot; rounds that start only those
 * alternate with rounds that claim from the table first, so queued async work is not starved by a
 * stream of sync requests. The table is asked only when it may hold due rows. A sync row whose
 * caller stopped waiting before it got a slot is deleted unrun.
 */
class SyncHandOverTest {
  private static final UUID APP = UUID.randomUUID();
  private static final Settings SETTINGS =
      new Settings(new SettingsReader(name -> Optional.empty()));

  private final List<List<ClaimedRow>> started = new ArrayList<>();
  private final List<Integer> claimedUpTo = new ArrayList<>();
  private final List<ClaimedRow> fromTable = new ArrayList<>();
  private final Deque<ClaimedRow> table = new ArrayDeque<>();
  private final List<Map<UUID, RunnableScript>> scriptsGiven = new ArrayList<>();
  private boolean startsEverything = true;
  private final Dispatcher dispatcher = dispatcher();
  private final int slots = Runs.shared().gate().globalCap();

  @Test
  void rowsHandedOverStartFirstAndTheTableFillsTheSlotsLeft() {
    write(1);
    ClaimedRow handed = ClaimedRows.sync();
    handOver(handed);

    dispatcher.claimAndStart();

    assertThat(claimedUpTo).containsExactly(slots - 1);
    assertThat(started).containsExactly(List.of(handed, fromTable.get(0)));
  }

  @Test
  void aRoundThatStartedOnlyHandedOverRowsIsFollowedByOneThatClaimsFromTheTableFirst() {
    write(1);
    List<ClaimedRow> handed =
        IntStream.range(0, slots + 2).mapToObj(i -> ClaimedRows.sync()).toList();
    handed.forEach(this::handOver);

    dispatcher.claimAndStart();
    dispatcher.claimAndStart();
    write(1);
    dispatcher.claimAndStart();

    assertThat(claimedUpTo).as("no claim in the first round").containsExactly(slots, slots);
    assertThat(started.get(0)).containsExactlyElementsOf(handed.subList(0, slots));
    assertThat(started.get(1))
        .containsExactly(fromTable.get(0), handed.get(slots), handed.get(slots + 1));
    assertThat(started.get(2)).containsExactly(fromTable.get(1));
  }

  @Test
  void handedOverAndClaimedRowsStartWithTheScriptsTheirStatementsRead() {
    write(1);
    ClaimedRow handed = ClaimedRows.sync();
    handOver(handed);

    dispatcher.claimAndStart();

    ClaimedRow claimed = fromTable.get(0);
    assertThat(started).containsExactly(List.of(handed, claimed));
    assertThat(scriptsGiven)
        .containsExactly(
            Map.of(
                handed.scriptId(), script(handed.scriptId()),
                claimed.scriptId(), script(claimed.scriptId())));
  }

  @Test
  void aSyncRequestCostsNoClaimOnceTheTableWasFoundEmpty() {
    dispatcher.claimAndStart();
    assertThat(claimedUpTo).as("the first round asks the table").hasSize(1);

    ClaimedRow handed = ClaimedRows.sync();
    handOver(handed);
    dispatcher.slotFreed();
    dispatcher.claimAndStart();

    assertThat(claimedUpTo).as("no second claim").hasSize(1);
    assertThat(started).containsExactly(List.of(handed));
  }

  @Test
  void aWakeUpMakesTheNextRoundClaim() {
    dispatcher.claimAndStart();
    table.add(ClaimedRows.async());

    dispatcher.slotFreed();
    dispatcher.claimAndStart();
    assertThat(started).as("not woken: the new row waits for a wake-up").isEmpty();
    dispatcher.wake();
    dispatcher.claimAndStart();

    assertThat(claimedUpTo).hasSize(2);
    assertThat(started).containsExactly(List.of(fromTable.get(0)));
  }

  @Test
  void aClaimThatFillsEverySlotIsFollowedByAnotherWithoutAWakeUp() {
    write(slots + 1);

    dispatcher.claimAndStart();
    dispatcher.claimAndStart();
    dispatcher.claimAndStart();

    assertThat(claimedUpTo).containsExactly(slots, slots);
    assertThat(started).containsExactly(fromTable.subList(0, slots), List.of(fromTable.get(slots)));
  }

  @Test
  void rowsThatWentBackAreClaimedAgainWithoutAWakeUp() {
    write(1);
    startsEverything = false;
    dispatcher.claimAndStart();
    table.add(fromTable.get(0));
    startsEverything = true;

    dispatcher.slotFreed();
    dispatcher.claimAndStart();

    assertThat(claimedUpTo).hasSize(2);
    assertThat(started).containsExactly(List.of(fromTable.get(0)));
  }

  @Test
  void aSyncRowWhoseCallerNoLongerWaitsIsDeletedUnrunWithoutWaitingForTheFlush() {
    ClaimedRow gone = ClaimedRows.sync();
    ClaimedRow waiting = ClaimedRows.sync();
    ClaimedRow async = ClaimedRows.async();
    List<String> completed = new ArrayList<>();
    RowSettlement settlement = settlement(Set.of(waiting.replyTo()), completed);

    assertThat(settlement.withdrawnUnrun(gone)).isTrue();
    assertThat(settlement.withdrawnUnrun(waiting)).isFalse();
    assertThat(settlement.withdrawnUnrun(async)).isFalse();
    assertThat(completed).containsExactly("answered " + gone.id());
  }

  @Test
  void anAsyncRowDroppedUnrunWaitsForTheFlush() {
    ClaimedRow async = ClaimedRows.async();
    List<String> completed = new ArrayList<>();
    RowSettlement settlement = settlement(Set.of(), completed);

    settlement.notRun(async, Optional.empty(), new RowPlan.Refusal("the script is gone", true));

    assertThat(completed).containsExactly("flushed " + async.id());
  }

  /**
   * Settlement whose inbox holds {@code waiting}, and whose group commit records each completion as
   * "flushed" or "answered" (no flush) with its row id.
   */
  private static RowSettlement settlement(Set<UUID> waiting, List<String> completed) {
    RowSettlement settlement = new RowSettlement();
    settlement.inbox =
        new Inbox() {
          @Override
          public boolean waits(UUID inboxId) {
            return waiting.contains(inboxId);
          }
        };
    settlement.groupCommit =
        new OutboxGroupCommit() {
          @Override
          public boolean complete(Claim claim) {
            completed.add("flushed " + claim.rowId());
            return true;
          }

          @Override
          public boolean completeAnswered(Claim claim) {
            completed.add("answered " + claim.rowId());
            return true;
          }
        };
    return settlement;
  }

  /** Hands a sync row over as its insert would, with the script the insert read. */
  private void handOver(ClaimedRow row) {
    dispatcher.runHere(new RunnableRow(row, Optional.of(script(row.scriptId()))));
  }

  private static RunnableScript script(UUID id) {
    return new RunnableScript(id, APP, "app", "s", 1, null, "{}");
  }

  /** Commits {@code count} due rows to the table and wakes the dispatcher, as an insert does. */
  private void write(int count) {
    IntStream.range(0, count).forEach(i -> table.add(ClaimedRows.async()));
    dispatcher.wake();
  }

  /**
   * A dispatcher whose claims take rows from {@link #table} and whose runs start everything (or,
   * while {@link #startsEverything} is false, give it all back).
   */
  private Dispatcher dispatcher() {
    Dispatcher built = new Dispatcher();
    built.settings = SETTINGS;
    built.runtime = Runs.shared();
    built.maintenance = new NoUpkeep();
    built.store =
        new OutboxStore() {
          @Override
          public List<RunnableRow> claim(String node, int max, Duration lease) {
            claimedUpTo.add(max);
            List<ClaimedRow> claimed = new ArrayList<>();
            while (claimed.size() < max && !table.isEmpty()) {
              claimed.add(table.poll());
            }
            fromTable.addAll(claimed);
            return claimed.stream()
                .map(row -> new RunnableRow(row, Optional.of(script(row.scriptId()))))
                .toList();
          }
        };
    built.runs =
        new RowRuns() {
          @Override
          public boolean startAll(List<ClaimedRow> rows, Map<UUID, RunnableScript> known) {
            if (startsEverything) {
              started.add(List.copyOf(rows));
              scriptsGiven.add(Map.copyOf(known));
            }
            return startsEverything;
          }
        };
    return built;
  }
}
