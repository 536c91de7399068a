package dev.picloud.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The run command ({@code ./mvnw -Pserve}): starts an embedded PostgreSQL keeping its data in
 * {@code .picloud/} (unless PICLOUD_DB_URL is set), then Liberty in the foreground. Ctrl-C stops
 * Liberty, then the database.
 */
public final class DevServer {
  private DevServer() {}

  public static void main(String[] args) throws Exception {
    Path home = Path.of(System.getenv().getOrDefault("PICLOUD_HOME", ".picloud")).toAbsolutePath();
    Files.createDirectories(home);
    Map<String, String> env = new HashMap<>();
    env.put("PICLOUD_ADMIN_PASSWORD_FILE", home.resolve("admin-password").toString());
    EmbeddedDatabase database = null;
    if (System.getenv("PICLOUD_DB_URL") == null) {
      database = EmbeddedDatabase.persistent(home.resolve("pgdata"));
      System.out.println(
          "[picloud] embedded PostgreSQL on port "
              + database.port()
              + ", data in "
              + home.resolve("pgdata"));
      env.putAll(
          LibertyServer.databaseEnv(
              database.jdbcUrl(), EmbeddedDatabase.USER, EmbeddedDatabase.PASSWORD));
    }
    int port = Integer.parseInt(System.getenv().getOrDefault("PICLOUD_HTTP_PORT", "8080"));
    LibertyServer server = new LibertyServer(Path.of("target/liberty-run"), port, env, true);
    EmbeddedDatabase db = database;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.stop();
                  if (db != null) {
                    db.close();
                  }
                },
                "picloud-dev-shutdown"));
    server.start().awaitReady();
    System.out.println("[picloud] ready at " + server.baseUri() + " (Ctrl-C stops it)");
    System.exit(server.awaitExit());
  }
}
