package dev.picloud.users.boundary;

import dev.picloud.auth.control.KeyHasher;
import dev.picloud.platform.control.DatabaseReady;
import dev.picloud.platform.control.Settings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.logging.Logger;

/**
 * Creates the first owner on an empty instance. Without PICLOUD_ADMIN_PASSWORD a strong password is
 * generated, printed once and written to a file only the server's user can read. There is no fixed
 * default password anywhere.
 */
@ApplicationScoped
public class OwnerBootstrap {
  private static final Logger LOG = Logger.getLogger(OwnerBootstrap.class.getName());

  @Inject Users users;
  @Inject Settings settings;

  void onDatabaseReady(@Observes DatabaseReady ready) {
    boolean generated = settings.adminPassword().isEmpty();
    String password = settings.adminPassword().orElseGet(() -> KeyHasher.randomSecret(18));
    Path file = Path.of(settings.adminPasswordFile());
    boolean created =
        users.createFirstOwner(
            settings.adminUsername(), password, () -> announce(generated, password, file));
    if (created && !generated) {
      LOG.info(
          () -> "Created owner '" + settings.adminUsername() + "' from PICLOUD_ADMIN_PASSWORD");
    }
  }

  private void announce(boolean generated, String password, Path file) {
    if (generated) {
      writeOwnerOnly(file, password);
      LOG.warning(
          () ->
              "Created owner '"
                  + settings.adminUsername()
                  + "' with generated password "
                  + password
                  + " (shown once; also in "
                  + file
                  + ")");
    }
  }

  private static void writeOwnerOnly(Path file, String password) {
    try {
      Files.deleteIfExists(file);
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, password + "\n", StandardCharsets.UTF_8, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the generated owner password to " + file, e);
    }
  }
}
