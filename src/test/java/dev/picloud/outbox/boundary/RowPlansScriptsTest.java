package dev.picloud.outbox.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.outbox.control.ClaimedRow;
import dev.picloud.scripts.control.ScriptStore;
import dev.picloud.scripts.control.ScriptStore.RunnableScript;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A batch's scripts are read in one round trip, except those the sync rows' inserts already read: a
 * batch of handed-over rows alone reads nothing.
 */
class RowPlansScriptsTest {
  private static final UUID APP = UUID.randomUUID();
  private final List<List<UUID>> reads = new ArrayList<>();
  private final RowPlans plans = plans();

  @Test
  void aBatchWhoseScriptsAreAllKnownReadsNothing() {
    ClaimedRow handed = ClaimedRows.sync();
    Map<UUID, RunnableScript> known = Map.of(handed.scriptId(), script(handed.scriptId()));

    assertThat(plans.scriptsOf(List.of(handed), known)).isEqualTo(known);
    assertThat(reads).isEmpty();
  }

  @Test
  void onlyTheScriptsNotKnownAreReadAndBothAreGiven() {
    ClaimedRow handed = ClaimedRows.sync();
    ClaimedRow fromTable = ClaimedRows.async();
    Map<UUID, RunnableScript> known = Map.of(handed.scriptId(), script(handed.scriptId()));

    Map<UUID, RunnableScript> scripts = plans.scriptsOf(List.of(handed, fromTable), known);

    assertThat(reads).containsExactly(List.of(fromTable.scriptId()));
    assertThat(scripts).containsOnlyKeys(handed.scriptId(), fromTable.scriptId());
  }

  private RowPlans plans() {
    RowPlans built = new RowPlans();
    built.scripts =
        new ScriptStore() {
          @Override
          public Map<UUID, RunnableScript> findForRun(Collection<UUID> scriptIds) {
            reads.add(List.copyOf(scriptIds));
            UUID id = scriptIds.iterator().next();
            return Map.of(id, script(id));
          }
        };
    return built;
  }

  private static RunnableScript script(UUID id) {
    return new RunnableScript(id, APP, "app", "s", 1, null, "{}");
  }
}
