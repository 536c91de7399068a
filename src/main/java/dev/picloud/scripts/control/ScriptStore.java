package dev.picloud.scripts.control;

import dev.picloud.platform.control.Jdbc;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/** What a run needs of a script and its app, in one round trip (the dispatcher's hot path). */
@ApplicationScoped
public class ScriptStore {
  private static final String FIND_FOR_RUN =
      """
      SELECT s.id, s.app_id, a.slug, s.name, s.source, s.version, s.timeout_seconds, s.limits::text
      FROM scripts s JOIN apps a ON a.id = s.app_id
      WHERE s.id = ANY (?::uuid[])
      """;

  @Resource(lookup = "jdbc/picloud")
  DataSource dataSource;

  /** A script ready to compile and run. {@code limitsJson} holds the per-script overrides. */
  public record RunnableScript(
      UUID id,
      UUID appId,
      String appSlug,
      String name,
      String source,
      long version,
      Integer timeoutSeconds,
      String limitsJson) {}

  public Optional<RunnableScript> findForRun(UUID scriptId) {
    return Optional.ofNullable(findForRun(List.of(scriptId)).get(scriptId));
  }

  /** The scripts of a claimed batch in one round trip, by id; a deleted script is missing. */
  public Map<UUID, RunnableScript> findForRun(Collection<UUID> scriptIds) {
    List<RunnableScript> found =
        Jdbc.query(
            dataSource,
            FIND_FOR_RUN,
            row ->
                new RunnableScript(
                    row.getObject(1, UUID.class),
                    row.getObject(2, UUID.class),
                    row.getString(3),
                    row.getString(4),
                    row.getString(5),
                    row.getLong(6),
                    (Integer) row.getObject(7),
                    row.getString(8)),
            Set.copyOf(scriptIds));
    Map<UUID, RunnableScript> byId = new HashMap<>();
    found.forEach(script -> byId.put(script.id(), script));
    return byId;
  }
}
