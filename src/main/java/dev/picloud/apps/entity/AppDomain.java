package dev.picloud.apps.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A host name an app serves: exact ({@code api.example.com}) or wildcard ({@code *.example.com}).
 */
@Entity
@Table(name = "app_domains")
@NamedQuery(
    name = AppDomain.OF_APP,
    query = "SELECT d FROM AppDomain d WHERE d.appId = :app ORDER BY d.host")
@NamedQuery(name = AppDomain.BY_HOST, query = "SELECT d FROM AppDomain d WHERE d.host = :host")
public class AppDomain {
  public static final String OF_APP = "AppDomain.ofApp";
  public static final String BY_HOST = "AppDomain.byHost";

  @Id private UUID id;

  @Column(name = "app_id", nullable = false)
  private UUID appId;

  @Column(nullable = false, unique = true)
  private String host;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected AppDomain() {}

  public AppDomain(UUID appId, String host, Instant now) {
    this.id = UUID.randomUUID();
    this.appId = appId;
    this.host = host;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public UUID id() {
    return id;
  }

  public UUID appId() {
    return appId;
  }

  public String host() {
    return host;
  }

  public Instant createdAt() {
    return createdAt;
  }
}
