package dev.picloud.routes.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "routes")
@NamedQuery(
    name = Route.OF_APP,
    query = "SELECT r FROM Route r WHERE r.appId = :app ORDER BY r.path, r.method, r.host, r.id")
public class Route {
  public static final String OF_APP = "Route.ofApp";

  @Id private UUID id;

  @Column(name = "app_id", nullable = false, updatable = false)
  private UUID appId;

  @Column(name = "script_id", nullable = false)
  private UUID scriptId;

  private String host;
  private String method;

  @Column(name = "path_kind", nullable = false)
  private String pathKind;

  @Column(nullable = false)
  private String path;

  @Column(name = "dispatch_mode", nullable = false)
  private String dispatchMode;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected Route() {}

  public Route(UUID appId, Shape shape, Instant now) {
    this.id = UUID.randomUUID();
    this.appId = appId;
    this.createdAt = now;
    reshape(shape, now);
  }

  /** Everything about a route but its identity. */
  public record Shape(
      UUID scriptId,
      String host,
      String method,
      String pathKind,
      String path,
      String dispatchMode) {}

  public UUID id() {
    return id;
  }

  public UUID appId() {
    return appId;
  }

  public Shape shape() {
    return new Shape(scriptId, host, method, pathKind, path, dispatchMode);
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public final void reshape(Shape shape, Instant now) {
    scriptId = shape.scriptId();
    host = shape.host();
    method = shape.method();
    pathKind = shape.pathKind();
    path = shape.path();
    dispatchMode = shape.dispatchMode();
    updatedAt = now;
  }
}
