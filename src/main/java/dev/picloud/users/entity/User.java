package dev.picloud.users.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "users")
@NamedQuery(name = User.BY_USERNAME, query = "SELECT u FROM User u WHERE u.username = :username")
@NamedQuery(name = User.ALL, query = "SELECT u FROM User u ORDER BY u.username")
@NamedQuery(name = User.COUNT, query = "SELECT COUNT(u) FROM User u")
@NamedQuery(
    name = User.COUNT_ACTIVE_OWNERS,
    query = "SELECT COUNT(u) FROM User u WHERE u.instanceRole = 'owner' AND u.active = TRUE")
public class User {
  public static final String BY_USERNAME = "User.byUsername";
  public static final String ALL = "User.all";
  public static final String COUNT = "User.count";
  public static final String COUNT_ACTIVE_OWNERS = "User.countActiveOwners";

  @Id private UUID id;

  @Column(nullable = false, unique = true)
  private String username;

  @Column(name = "password_hash", nullable = false)
  private String passwordHash;

  @Column(name = "instance_role", nullable = false)
  private String instanceRole;

  @Column(name = "is_active", nullable = false)
  private boolean active;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected User() {}

  public User(String username, String passwordHash, InstanceRole role, Instant now) {
    this.id = UUID.randomUUID();
    this.username = username;
    this.passwordHash = passwordHash;
    this.instanceRole = role.wire();
    this.active = true;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public UUID id() {
    return id;
  }

  public String username() {
    return username;
  }

  public String passwordHash() {
    return passwordHash;
  }

  public InstanceRole role() {
    return InstanceRole.fromWire(instanceRole);
  }

  public boolean active() {
    return active;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public void changePassword(String hash, Instant now) {
    passwordHash = hash;
    updatedAt = now;
  }

  public void changeRole(InstanceRole role, Instant now) {
    instanceRole = role.wire();
    updatedAt = now;
  }

  public void changeActive(boolean value, Instant now) {
    active = value;
    updatedAt = now;
  }
}
