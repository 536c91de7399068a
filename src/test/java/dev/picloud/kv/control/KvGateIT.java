package dev.picloud.kv.control;

import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.auth.control.Caller;
import dev.picloud.auth.control.Scope;
import dev.picloud.platform.control.Jdbc;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Script-as-gate (SPEC 3.4): without a principal nothing is checked; with one, reads need {@code
 * READ_APP} and writes {@code WRITE_SCRIPTS} on the session's app.
 */
class KvGateIT {
  private static final String READ =
      "var c = kv.collection('c'); return [c.get('k'), c.has('k'), c.list().keys];";
  private static final String WRITE =
      "var c = kv.collection('c'); c.set('n', 1); return c.delete('k');";

  private final KvDb kv = new KvDb();
  private final UUID app = kv.newApp();

  @BeforeEach
  void oneEntry() {
    kv.put(app, "c", "k", "\"v\"");
  }

  @Test
  void withoutPrincipalTheScriptIsTheGate() {
    assertThat(KvRuns.value(kv.session(app), READ)).isEqualTo("[\"v\",true,[\"k\"]]");
    assertThat(KvRuns.value(kv.session(app), WRITE)).isEqualTo("true");
  }

  @Test
  void aViewerReadsButCannotWrite() {
    Caller viewer = kv.member(app, "viewer");

    assertThat(KvRuns.value(as(viewer), READ)).isEqualTo("[\"v\",true,[\"k\"]]");
    assertThat(KvRuns.error(as(viewer), WRITE))
        .startsWith("Error: kv: forbidden: the run's principal may not write this app's");
    assertThat(KvRuns.error(as(viewer), "kv.collection('c').delete('k');"))
        .startsWith("Error: kv: forbidden");
  }

  @Test
  void anEditorWrites() {
    Caller editor = kv.member(app, "editor");
    KvSession run = as(editor);

    assertThat(KvRuns.value(run, WRITE)).isEqualTo("true");
    kv.commit(run);
    assertThat(kv.stored(app, "c", "n")).contains("1 v1");
  }

  @Test
  void aUserWithoutMembershipCannotEvenRead() {
    Caller stranger = kv.member(app, null);

    assertThat(KvRuns.error(as(stranger), READ))
        .startsWith("Error: kv: forbidden: the run's principal may not read");
  }

  @Test
  void anOwnerNeedsNoMembership() {
    Caller owner = Caller.session(UUID.randomUUID(), "owner", true, UUID.randomUUID());

    assertThat(KvRuns.value(as(owner), WRITE)).isEqualTo("true");
  }

  @Test
  void anApiKeyIsLimitedByItsScopesAndAppBinding() {
    Caller editor = kv.member(app, "editor");
    Caller readOnlyKey =
        Caller.apiKey(
            editor.userId(),
            editor.username(),
            false,
            UUID.randomUUID(),
            Set.of(Scope.SCRIPT_READ),
            null);
    Caller keyOfOtherApp =
        Caller.apiKey(
            editor.userId(),
            editor.username(),
            false,
            UUID.randomUUID(),
            Set.of(Scope.values()),
            kv.newApp());

    assertThat(KvRuns.value(as(readOnlyKey), READ)).isEqualTo("[\"v\",true,[\"k\"]]");
    assertThat(KvRuns.error(as(readOnlyKey), WRITE)).startsWith("Error: kv: forbidden");
    assertThat(KvRuns.error(as(keyOfOtherApp), READ)).startsWith("Error: kv: forbidden");
  }

  @Test
  void theRoleIsTheOneTheUserHasWhenTheRunNeedsIt() {
    Caller user = kv.member(app, "viewer");
    KvSession run = as(user);
    Jdbc.update(kv.db, "UPDATE app_members SET role = 'editor' WHERE user_id = ?", user.userId());

    assertThat(KvRuns.value(run, WRITE)).isEqualTo("true");
  }

  private KvSession as(Caller principal) {
    return new KvSession(app, Optional.of(principal), kv.store);
  }
}
