package dev.picloud.apps.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A user's role in one app. */
@Entity
@Table(name = "app_members")
@IdClass(AppMember.Key.class)
@NamedQuery(
    name = AppMember.OF_APP,
    query = "SELECT m FROM AppMember m WHERE m.appId = :app ORDER BY m.createdAt, m.userId")
@NamedQuery(
    name = AppMember.OF_USER,
    query = "SELECT m FROM AppMember m WHERE m.userId = :user ORDER BY m.createdAt, m.appId")
public class AppMember {
  public static final String OF_APP = "AppMember.ofApp";
  public static final String OF_USER = "AppMember.ofUser";

  /** The composite primary key (a plain class: JPA sets its fields reflectively). */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private UUID appId;
    private UUID userId;

    public Key() {}

    public Key(UUID appId, UUID userId) {
      this.appId = appId;
      this.userId = userId;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(appId, key.appId)
          && Objects.equals(userId, key.userId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(appId, userId);
    }
  }

  @Id
  @Column(name = "app_id")
  private UUID appId;

  @Id
  @Column(name = "user_id")
  private UUID userId;

  @Column(nullable = false)
  private String role;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected AppMember() {}

  public AppMember(UUID appId, UUID userId, String role, Instant now) {
    this.appId = appId;
    this.userId = userId;
    this.role = role;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public UUID appId() {
    return appId;
  }

  public UUID userId() {
    return userId;
  }

  public String role() {
    return role;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public void changeRole(String newRole, Instant now) {
    role = newRole;
    updatedAt = now;
  }
}
