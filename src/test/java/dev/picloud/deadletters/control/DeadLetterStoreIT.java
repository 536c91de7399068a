package dev.picloud.deadletters.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.platform.control.KeysetCursor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reading dead letters: keyset pages, filters, counts, detail, always within one app. */
class DeadLetterStoreIT {
  private static final Instant T0 = Instant.parse("2030-03-01T10:00:00Z");
  private static final DeadLetterFilter ANY =
      new DeadLetterFilter(null, null, null, null, null, null, null);

  private final DeadLetterDb dl = new DeadLetterDb();
  private final UUID app = dl.newApp();
  private final UUID otherApp = dl.newApp();

  @AfterEach
  void dropApps() {
    dl.dropApps();
  }

  @Test
  void listsNewestFirstInKeysetPagesAndNeverAnotherAppsRows() {
    List<UUID> newestFirst = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      newestFirst.add(0, DeadLetterRows.of(app).createdAt(T0.plusSeconds(i)).insert(dl.db));
    }
    DeadLetterRows.of(otherApp).createdAt(T0.plusSeconds(2)).insert(dl.db);

    List<UUID> seen = new ArrayList<>();
    KeysetCursor cursor = null;
    for (int page = 0; page < 3; page++) {
      List<DeadLetter> rows = dl.store.list(app, ANY, cursor, 2);
      rows.forEach(row -> seen.add(row.id()));
      DeadLetter last = rows.get(rows.size() - 1);
      cursor = new KeysetCursor(last.createdAt(), last.id());
    }

    assertThat(seen).containsExactlyElementsOf(newestFirst);
    assertThat(dl.store.list(app, ANY, cursor, 2)).isEmpty();
  }

  @Test
  void rowsWithTheSameCreationTimeArePagedByIdWithoutLossOrRepeat() {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      ids.add(DeadLetterRows.of(app).createdAt(T0).insert(dl.db));
    }
    List<DeadLetter> first = dl.store.list(app, ANY, null, 3);
    DeadLetter last = first.get(2);
    List<DeadLetter> second =
        dl.store.list(app, ANY, new KeysetCursor(last.createdAt(), last.id()), 3);

    List<UUID> seen = new ArrayList<>();
    first.forEach(row -> seen.add(row.id()));
    second.forEach(row -> seen.add(row.id()));
    assertThat(seen).containsExactlyInAnyOrderElementsOf(ids).doesNotHaveDuplicates();
  }

  @Test
  void filtersBySourceTriggerScriptErrorTextAndCreationTime() {
    UUID trigger = UUID.randomUUID();
    UUID script = UUID.randomUUID();
    UUID kv = DeadLetterRows.of(app).source("kv", "insert").trigger(trigger).insert(dl.db);
    UUID byScript =
        DeadLetterRows.of(app).script(script).error("TypeError: x is 50%_off").insert(dl.db);
    UUID early = DeadLetterRows.of(app).createdAt(T0.minusSeconds(60)).insert(dl.db);
    UUID late = DeadLetterRows.of(app).createdAt(T0.plusSeconds(60)).insert(dl.db);

    assertThat(ids(filter(null, "kv", null, null, null, null, null))).containsExactly(kv);
    assertThat(ids(filter(null, null, trigger, null, null, null, null))).containsExactly(kv);
    assertThat(ids(filter(null, null, null, script, null, null, null))).containsExactly(byScript);
    assertThat(ids(filter(null, null, null, null, "typeerror: X", null, null)))
        .containsExactly(byScript);
    assertThat(ids(filter(null, null, null, null, "50%_", null, null))).containsExactly(byScript);
    assertThat(ids(filter(null, null, null, null, "5_%", null, null))).isEmpty();
    assertThat(ids(filter(null, null, null, null, null, T0.minusSeconds(60), T0)))
        .containsExactly(early);
    assertThat(ids(filter(null, null, null, null, null, T0.plusSeconds(60), null)))
        .containsExactly(late);
  }

  @Test
  void unresolvedMeansNotResolvedYetSoAFailedHandlersRowStillCounts() {
    UUID open = DeadLetterRows.of(app).insert(dl.db);
    UUID handlerFailed = DeadLetterRows.of(app).handlerFailed().insert(dl.db);
    UUID ignored = DeadLetterRows.of(app).resolved("ignored").insert(dl.db);
    DeadLetterRows.of(otherApp).insert(dl.db);

    assertThat(dl.store.countUnresolved(app)).isEqualTo(2);
    assertThat(ids(filter(true, null, null, null, null, null, null)))
        .containsExactlyInAnyOrder(open, handlerFailed);
    assertThat(ids(filter(false, null, null, null, null, null, null))).containsExactly(ignored);
    assertThat(dl.store.countAllUnresolved()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void theDetailHasPayloadAndEveryAttemptsErrorButOnlyThroughItsOwnApp() {
    UUID id = DeadLetterRows.of(app).payload("{\"request\": {\"body\": {\"n\": 5}}}").insert(dl.db);

    DeadLetter detail = dl.store.find(app, id).orElseThrow();

    assertThat(detail.payloadJson()).isEqualTo("{\"request\": {\"body\": {\"n\": 5}}}");
    assertThat(detail.errorsJson()).contains("\"first\"", "Error: boom");
    assertThat(detail.resolved()).isFalse();
    assertThat(dl.store.find(otherApp, id)).isEmpty();
    assertThat(dl.store.list(app, ANY, null, 10).get(0).payloadJson()).isNull();
  }

  private static DeadLetterFilter filter(
      Boolean unresolved,
      String source,
      UUID trigger,
      UUID script,
      String error,
      Instant after,
      Instant before) {
    return DeadLetterFilter.of(unresolved, source, trigger, script, error, after, before);
  }

  private List<UUID> ids(DeadLetterFilter filter) {
    return dl.store.list(app, filter, null, 50).stream().map(DeadLetter::id).toList();
  }
}
