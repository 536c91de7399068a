package dev.picloud.apps.boundary;

import dev.picloud.apps.entity.AppDomain;
import java.time.Instant;
import java.util.UUID;

/** A host an app serves. */
public record DomainView(UUID id, UUID appId, String host, Instant createdAt) {
  public static DomainView of(AppDomain domain) {
    return new DomainView(domain.id(), domain.appId(), domain.host(), domain.createdAt());
  }
}
