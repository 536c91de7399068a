package dev.picloud.apps.boundary;

import dev.picloud.apps.entity.App;
import java.time.Instant;
import java.util.UUID;

/** An app as the API shows it. */
public record AppView(
    UUID id, String slug, String name, String description, Instant createdAt, Instant updatedAt) {
  public static AppView of(App app) {
    return new AppView(
        app.id(), app.slug(), app.name(), app.description(), app.createdAt(), app.updatedAt());
  }
}
