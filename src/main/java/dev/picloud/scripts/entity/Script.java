package dev.picloud.scripts.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "scripts")
@NamedQuery(
    name = Script.OF_APP,
    query = "SELECT s FROM Script s WHERE s.appId = :app ORDER BY s.name")
@NamedQuery(
    name = Script.BY_NAME,
    query = "SELECT s FROM Script s WHERE s.appId = :app AND s.name = :name")
@NamedQuery(
    name = Script.COUNT_OF_APP,
    query = "SELECT COUNT(s) FROM Script s WHERE s.appId = :app")
public class Script {
  public static final String OF_APP = "Script.ofApp";
  public static final String BY_NAME = "Script.byName";
  public static final String COUNT_OF_APP = "Script.countOfApp";

  @Id private UUID id;

  @Column(name = "app_id", nullable = false, updatable = false)
  private UUID appId;

  @Column(nullable = false)
  private String name;

  @Column(nullable = false)
  private String source;

  @Column(name = "timeout_seconds")
  private Integer timeoutSeconds;

  /** Per-script limit overrides as JSON text (a JSONB column). */
  @Column(nullable = false)
  private String limits;

  @Column(nullable = false)
  private long version;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Script() {}

  public Script(
      UUID appId, String name, String source, Integer timeoutSeconds, String limits, Instant now) {
    this.id = UUID.randomUUID();
    this.appId = appId;
    this.name = name;
    this.source = source;
    this.timeoutSeconds = timeoutSeconds;
    this.limits = limits;
    this.version = 1;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public UUID id() {
    return id;
  }

  public UUID appId() {
    return appId;
  }

  public String name() {
    return name;
  }

  public String source() {
    return source;
  }

  public Integer timeoutSeconds() {
    return timeoutSeconds;
  }

  public String limits() {
    return limits;
  }

  public long version() {
    return version;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public void rename(String newName, Instant now) {
    name = newName;
    updatedAt = now;
  }

  /** A new source is a new version: compiled code is cached per version. */
  public void changeSource(String newSource, Instant now) {
    if (!newSource.equals(source)) {
      source = newSource;
      version++;
    }
    updatedAt = now;
  }

  public void changeLimits(Integer newTimeoutSeconds, String newLimits, Instant now) {
    timeoutSeconds = newTimeoutSeconds;
    limits = newLimits;
    updatedAt = now;
  }
}
