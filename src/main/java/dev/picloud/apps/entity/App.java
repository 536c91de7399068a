package dev.picloud.apps.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "apps")
@NamedQuery(name = App.BY_SLUG, query = "SELECT a FROM App a WHERE a.slug = :slug")
@NamedQuery(name = App.ALL, query = "SELECT a FROM App a ORDER BY a.createdAt DESC, a.id")
@NamedQuery(
    name = App.OF_MEMBER,
    query =
        "SELECT a FROM App a WHERE a.id IN (SELECT m.appId FROM AppMember m WHERE m.userId = :user)"
            + " ORDER BY a.createdAt DESC, a.id")
public class App {
  public static final String BY_SLUG = "App.bySlug";
  public static final String ALL = "App.all";
  public static final String OF_MEMBER = "App.ofMember";

  @Id private UUID id;

  @Column(nullable = false, unique = true)
  private String slug;

  @Column(nullable = false)
  private String name;

  private String description;

  /** Bumped by every change to the app's routes, domains or slug (see RouteTables). */
  @Column(name = "routing_version", nullable = false)
  private long routingVersion;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  protected App() {}

  public App(String slug, String name, String description, Instant now) {
    this.id = UUID.randomUUID();
    this.slug = slug;
    this.name = name;
    this.description = description;
    this.createdAt = now;
    this.updatedAt = now;
  }

  public UUID id() {
    return id;
  }

  public String slug() {
    return slug;
  }

  public String name() {
    return name;
  }

  public String description() {
    return description;
  }

  public Instant createdAt() {
    return createdAt;
  }

  public Instant updatedAt() {
    return updatedAt;
  }

  public long routingVersion() {
    return routingVersion;
  }

  /** Tells every node that the app's compiled route table is out of date. */
  public void routingChanged(Instant now) {
    routingVersion++;
    updatedAt = now;
  }

  public void rename(String newSlug, String newName, String newDescription, Instant now) {
    if (!newSlug.equals(slug)) {
      routingVersion++;
    }
    slug = newSlug;
    name = newName;
    description = newDescription;
    updatedAt = now;
  }
}
