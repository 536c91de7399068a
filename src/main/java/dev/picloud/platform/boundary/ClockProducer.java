package dev.picloud.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;

/** The one clock features read time from, so tests can substitute a settable one. */
@ApplicationScoped
public class ClockProducer {
  @Produces
  @ApplicationScoped
  Clock clock() {
    // Microseconds, as PostgreSQL stores them, so an instant reads back as it was written.
    return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
  }
}
