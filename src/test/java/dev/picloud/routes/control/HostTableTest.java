package dev.picloud.routes.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostTableTest {
  private static final Map<String, UUID> APPS =
      Map.of(
          "shop", UUID.randomUUID(),
          "blog", UUID.randomUUID(),
          "deep", UUID.randomUUID(),
          "hello", UUID.randomUUID(),
          "picloud", UUID.randomUUID());

  private static final HostTable TABLE =
      new HostTable(
          Map.of(
              "shop.example.com", APPS.get("shop"),
              "*.example.com", APPS.get("blog"),
              "*.deep.example.com", APPS.get("deep"),
              "Shop.Example.ORG.", APPS.get("shop")),
          Map.of("hello", APPS.get("hello"), "shop", APPS.get("shop")),
          "localhost");

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # exact domains, whatever the port, case or trailing dot
          shop.example.com              | shop
          SHOP.EXAMPLE.COM              | shop
          shop.example.com.             | shop
          shop.example.com:8443         | shop
          Shop.Example.Com.:80          | shop
          # stored spellings are normalised too
          shop.example.org              | shop
          # an exact domain beats a wildcard; a wildcard serves any depth below, longest suffix first
          blog.example.com              | blog
          a.b.c.example.com             | blog
          deep.example.com              | blog
          x.deep.example.com            | deep
          x.y.deep.example.com          | deep
          # a wildcard never serves the name it is written on
          example.com                   | none
          # the implicit host: exactly one label before the base domain
          hello.localhost               | hello
          hello.localhost:8080          | hello
          HELLO.LocalHost.:8080         | hello
          shop.localhost                | shop
          a.hello.localhost             | none
          localhost                     | none
          localhost:8080                | none
          nobody.localhost              | none
          hellolocalhost                | none
          hello.localhost.evil.org      | none
          # nothing else, and nothing for invalid headers
          example.org                   | none
          [::1]:8080                    | none
          127.0.0.1                     | none
          *.example.com                 | none
          hello.localhost:x             | none
          shop.example.com:8080:80      | none
          ''                            | none
          """)
  void hostHeadersResolveToTheirApp(String header, String app) {
    assertThat(TABLE.resolve(header)).isEqualTo(Optional.ofNullable(APPS.get(app)));
  }

  @Test
  void implicitHostsFollowTheConfiguredBaseDomain() {
    UUID hello = UUID.randomUUID();
    HostTable table = new HostTable(Map.of(), Map.of("hello", hello), "Apps.Example.NET.");

    assertThat(table.resolve("hello.apps.example.net:8080")).contains(hello);
    assertThat(table.resolve("hello.localhost")).isEmpty();
  }

  @Test
  void oneHostClaimedByTwoAppsIsRefused() {
    Map<String, UUID> domains =
        Map.of("shop.example.com", UUID.randomUUID(), "Shop.Example.com.", UUID.randomUUID());

    assertThatThrownBy(() -> new HostTable(domains, Map.of(), "localhost"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
