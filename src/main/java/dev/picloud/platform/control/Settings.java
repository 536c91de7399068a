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
  private final int maxConcurrentPerApp;
  private final int maxStuckThreads;
  private final SandboxCeilings sandboxCeilings;
  private final int maxTriggerDepth;
  private final Duration outboxLease;
  private final Duration syncWaitGrace;
  private final RetryDefaults retryDefaults;
  private final Retention retention;

  /** The instance-wide retry policy (SPEC 7.3), copied onto triggers at creation. */
  public record RetryDefaults(int maxAttempts, String backoff, long baseMs, int jitterPct) {}

  /** The most any script may be granted, whatever its own limits say (SPEC 6.5). */
  public record SandboxCeilings(
      int timeoutSeconds,
      long operations,
      long cpuMillis,
      long allocationBytes,
      int stackDepth,
      int logBytes,
      int responseBytes) {}

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
    maxConcurrentPerApp =
        in.intInRange(
            "PICLOUD_MAX_CONCURRENT_EXECUTIONS_PER_APP", maxConcurrentExecutions, 1, 4096);
    maxStuckThreads = in.intInRange("PICLOUD_MAX_STUCK_THREADS", 4, 0, 1024);
    sandboxCeilings = sandboxCeilings(in);
    maxTriggerDepth = in.intInRange("PICLOUD_MAX_TRIGGER_DEPTH", 8, 0, 64);
    outboxLease = Duration.ofSeconds(in.intInRange("PICLOUD_OUTBOX_LEASE_SECONDS", 90, 5, 86_400));
    syncWaitGrace = Duration.ofMillis(in.intInRange("PICLOUD_SYNC_WAIT_GRACE_MS", 2000, 0, 60_000));
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

  private static SandboxCeilings sandboxCeilings(SettingsReader in) {
    return new SandboxCeilings(
        in.intInRange("PICLOUD_SANDBOX_MAX_TIMEOUT_SECONDS", 300, 1, 86_400),
        in.longInRange("PICLOUD_SANDBOX_MAX_OPERATIONS", 10_000_000_000L, 1, Long.MAX_VALUE),
        in.longInRange("PICLOUD_SANDBOX_MAX_CPU_MS", 300_000, 1, 86_400_000),
        in.longInRange("PICLOUD_SANDBOX_MAX_ALLOCATION_BYTES", 4096L * MIB, MIB, Long.MAX_VALUE),
        in.intInRange("PICLOUD_SANDBOX_MAX_STACK_DEPTH", 1000, 10, 1000),
        in.intInRange("PICLOUD_SANDBOX_MAX_LOG_BYTES", MIB, 1024, 64 * MIB),
        in.intInRange("PICLOUD_SANDBOX_MAX_RESPONSE_BYTES", 10 * MIB, 1024, 512 * MIB));
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

  public int maxConcurrentPerApp() {
    return maxConcurrentPerApp;
  }

  /** Script threads that could not be stopped; past this many the node reports not ready. */
  public int maxStuckThreads() {
    return maxStuckThreads;
  }

  public SandboxCeilings sandboxCeilings() {
    return sandboxCeilings;
  }

  public int maxTriggerDepth() {
    return maxTriggerDepth;
  }

  /**
   * How long a claimed outbox row stays with its node before the rescuer takes it back; runs longer
   * than this extend their own lease.
   */
  public Duration outboxLease() {
    return outboxLease;
  }

  /** How much longer than its script's timeout a sync caller waits (SPEC 5.4: 2 s). */
  public Duration syncWaitGrace() {
    return syncWaitGrace;
  }

  public RetryDefaults retryDefaults() {
    return retryDefaults;
  }

  public Retention retention() {
    return retention;
  }
}
