package dev.picloud.platform.control;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Every PICLOUD_* setting, read and validated once at start-up (an unusable value stops the
 * application with a message naming the variable). Names are those of SPEC section 9.
 */
public final class Settings {
  private static final int MIB = 1024 * 1024;
  private static final Pattern NODE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  private final String baseDomain;
  private final String adminUsername;
  private final Optional<String> adminPassword;
  private final String adminPasswordFile;
  private final String nodeId;
  private final int maxBodyBytes;
  private final int maxAdminBodyBytes;
  private final Duration sessionTtl;
  private final int maxConcurrentExecutions;
  private final int maxTriggerDepth;
  private final RetryDefaults retryDefaults;
  private final Retention retention;

  /** The instance-wide retry policy (SPEC 7.3), copied onto triggers at creation. */
  public record RetryDefaults(int maxAttempts, String backoff, long baseMs, int jitterPct) {}

  /** How long housekeeping keeps rows (SPEC 7.7), in days. */
  public record Retention(int deadLetterDays, int abandonedExecutionDays, int executionLogDays) {}

  public Settings(SettingsReader in) {
    in.intInRange("PICLOUD_HTTP_PORT", 8080, 1, 65535);
    in.matching(
        "PICLOUD_DB_URL",
        "jdbc:postgresql://localhost:5432/picloud",
        Pattern.compile("jdbc:postgresql:.+"),
        "must be a jdbc:postgresql: URL");
    baseDomain = in.host("PICLOUD_BASE_DOMAIN", "localhost");
    adminUsername =
        in.matching("PICLOUD_ADMIN_USERNAME", "admin", Usernames.PATTERN, Usernames.RULE);
    adminPassword = in.secret("PICLOUD_ADMIN_PASSWORD");
    adminPassword
        .filter(p -> p.length() < 12)
        .ifPresent(
            p -> {
              throw new InvalidSettingException(
                  "PICLOUD_ADMIN_PASSWORD", "must be at least 12 characters long", "<hidden>");
            });
    adminPasswordFile = in.string("PICLOUD_ADMIN_PASSWORD_FILE", "admin-password");
    nodeId =
        in.matching(
            "PICLOUD_NODE_ID",
            UUID.randomUUID().toString(),
            NODE_ID,
            "must be 1-64 characters of letters, digits, '.', '_' or '-'");
    maxBodyBytes = in.intInRange("PICLOUD_MAX_BODY_BYTES", 10 * MIB, 1024, 512 * MIB);
    maxAdminBodyBytes = in.intInRange("PICLOUD_MAX_ADMIN_BODY_BYTES", 2 * MIB, 1024, 64 * MIB);
    sessionTtl = Duration.ofMinutes(in.intInRange("PICLOUD_SESSION_TTL_MINUTES", 720, 1, 525_600));
    int defaultExecutions = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    maxConcurrentExecutions =
        in.intInRange("PICLOUD_MAX_CONCURRENT_EXECUTIONS", defaultExecutions, 1, 4096);
    maxTriggerDepth = in.intInRange("PICLOUD_MAX_TRIGGER_DEPTH", 8, 0, 64);
    retryDefaults =
        new RetryDefaults(
            in.intInRange("PICLOUD_TRIGGER_RETRY_MAX_ATTEMPTS", 3, 1, 100),
            in.oneOf(
                "PICLOUD_TRIGGER_RETRY_BACKOFF",
                "exponential",
                "exponential",
                "linear",
                "constant"),
            in.longInRange("PICLOUD_TRIGGER_RETRY_BASE_MS", 1000, 0, 86_400_000),
            in.intInRange("PICLOUD_TRIGGER_RETRY_JITTER_PCT", 20, 0, 100));
    retention =
        new Retention(
            in.intInRange("PICLOUD_DEAD_LETTER_RETENTION_DAYS", 30, 1, 3650),
            in.intInRange("PICLOUD_ABANDONED_EXECUTIONS_RETENTION_DAYS", 7, 1, 3650),
            in.intInRange("PICLOUD_EXECUTION_LOG_RETENTION_DAYS", 7, 1, 3650));
  }

  public String baseDomain() {
    return baseDomain;
  }

  public String adminUsername() {
    return adminUsername;
  }

  public Optional<String> adminPassword() {
    return adminPassword;
  }

  public String adminPasswordFile() {
    return adminPasswordFile;
  }

  public String nodeId() {
    return nodeId;
  }

  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  public int maxAdminBodyBytes() {
    return maxAdminBodyBytes;
  }

  public Duration sessionTtl() {
    return sessionTtl;
  }

  public int maxConcurrentExecutions() {
    return maxConcurrentExecutions;
  }

  public int maxTriggerDepth() {
    return maxTriggerDepth;
  }

  public RetryDefaults retryDefaults() {
    return retryDefaults;
  }

  public Retention retention() {
    return retention;
  }
}
