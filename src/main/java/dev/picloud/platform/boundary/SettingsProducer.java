package dev.picloud.platform.boundary;

import dev.picloud.platform.control.Settings;
import dev.picloud.platform.control.SettingsReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.Config;

/**
 * Exposes the validated {@link Settings}, read from MicroProfile Config (environment variables).
 */
@ApplicationScoped
public class SettingsProducer {
  @Inject Config config;

  @Produces
  @Singleton
  Settings settings() {
    return new Settings(new SettingsReader(name -> config.getOptionalValue(name, String.class)));
  }
}
