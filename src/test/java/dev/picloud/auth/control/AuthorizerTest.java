package dev.picloud.auth.control;

import static dev.picloud.auth.control.Authorizer.Decision.ALLOW;
import static dev.picloud.auth.control.Authorizer.Decision.FORBIDDEN;
import static dev.picloud.auth.control.Authorizer.Decision.HIDDEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.picloud.auth.control.Authorizer.Decision;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The capability table of SPEC 3.3, written out here as the expected answer for every capability,
 * principal and credential rather than derived from {@link Capability}, so a wrong entry in the
 * enum shows up as a failing row.
 */
class AuthorizerTest {
  private static final UUID APP = UUID.fromString("11111111-1111-1111-1111-111111111111");
  private static final UUID OTHER_APP = UUID.fromString("22222222-2222-2222-2222-222222222222");

  /** SPEC 3.3, column "Scope needed (keys)", as the wire names a key is created with. */
  private static final Map<Capability, String> NEEDED_SCOPE =
      Map.of(
          Capability.ADMIN_INSTANCE, "instance:admin",
          Capability.READ_APP, "script:read",
          Capability.READ_LOGS, "log:read",
          Capability.WRITE_SCRIPTS, "script:write",
          Capability.WRITE_ROUTES, "route:write",
          Capability.MANAGE_DOMAINS, "domain:manage",
          Capability.ADMIN_APP, "app:admin");

  /** Who is asking: an instance owner (no app role needed) or a member with a role, or none. */
  enum Principal {
    OWNER(true, null),
    VIEWER(false, AppRole.VIEWER),
    EDITOR(false, AppRole.EDITOR),
    APP_ADMIN(false, AppRole.APP_ADMIN),
    NON_MEMBER(false, null);

    final boolean owner;
    final AppRole role;

    Principal(boolean owner, AppRole role) {
      this.owner = owner;
      this.role = role;
    }

    Optional<AppRole> membership() {
      return Optional.ofNullable(role);
    }
  }

  /** How the principal authenticated, relative to the capability being checked on {@code APP}. */
  enum Credential {
    SESSION,
    /** Unbound key holding only the scope the capability needs. */
    KEY_WITH_SCOPE,
    /** Unbound key holding every scope except the one the capability needs. */
    KEY_WITHOUT_SCOPE,
    /** Key with the needed scope, bound to the app being addressed. */
    KEY_BOUND_HERE,
    /** Key with the needed scope, bound to a different app. */
    KEY_BOUND_ELSEWHERE;

    Caller of(Principal principal, Capability capability) {
      Scope needed = Scope.fromWire(NEEDED_SCOPE.get(capability)).orElseThrow();
      UUID user = UUID.randomUUID();
      UUID credentialId = UUID.randomUUID();
      return switch (this) {
        case SESSION -> Caller.session(user, "someone", principal.owner, credentialId);
        case KEY_WITH_SCOPE ->
            Caller.apiKey(user, "someone", principal.owner, credentialId, Set.of(needed), null);
        case KEY_WITHOUT_SCOPE ->
            Caller.apiKey(
                user,
                "someone",
                principal.owner,
                credentialId,
                EnumSet.complementOf(EnumSet.of(needed)),
                null);
        case KEY_BOUND_HERE ->
            Caller.apiKey(user, "someone", principal.owner, credentialId, Set.of(needed), APP);
        case KEY_BOUND_ELSEWHERE ->
            Caller.apiKey(
                user, "someone", principal.owner, credentialId, Set.of(needed), OTHER_APP);
      };
    }
  }

  @ParameterizedTest(name = "{0} needs {1}, lowest role {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "owner only",
      textBlock =
          """
          ADMIN_INSTANCE | instance:admin | owner only
          READ_APP       | script:read    | VIEWER
          READ_LOGS      | log:read       | VIEWER
          WRITE_SCRIPTS  | script:write   | EDITOR
          WRITE_ROUTES   | route:write    | EDITOR
          MANAGE_DOMAINS | domain:manage  | APP_ADMIN
          ADMIN_APP      | app:admin      | APP_ADMIN
          """)
  void capabilityNeedsTheScopeAndLowestRoleOfTheSpecTable(
      Capability capability, String scope, AppRole lowestRole) {
    assertThat(capability.scope().wire()).isEqualTo(scope);
    assertThat(capability.lowestRole()).isEqualTo(lowestRole);
  }

  @ParameterizedTest(name = "{0} via {1}: owner={2} viewer={3} editor={4} app_admin={5} other={6}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          # capability   | credential          | owner     | viewer    | editor    | app_admin | non-member
          READ_APP       | SESSION             | ALLOW     | ALLOW     | ALLOW     | ALLOW     | HIDDEN
          READ_APP       | KEY_WITH_SCOPE      | ALLOW     | ALLOW     | ALLOW     | ALLOW     | HIDDEN
          READ_APP       | KEY_WITHOUT_SCOPE   | FORBIDDEN | FORBIDDEN | FORBIDDEN | FORBIDDEN | HIDDEN
          READ_APP       | KEY_BOUND_HERE      | ALLOW     | ALLOW     | ALLOW     | ALLOW     | HIDDEN
          READ_APP       | KEY_BOUND_ELSEWHERE | HIDDEN    | HIDDEN    | HIDDEN    | HIDDEN    | HIDDEN

          READ_LOGS      | SESSION             | ALLOW     | ALLOW     | ALLOW     | ALLOW     | HIDDEN
          READ_LOGS      | KEY_WITH_SCOPE      | ALLOW     | ALLOW     | ALLOW     | ALLOW     | HIDDEN
          READ_LOGS      | KEY_WITHOUT_SCOPE   | FORBIDDEN | FORBIDDEN | FORBIDDEN | FORBIDDEN | HIDDEN
          READ_LOGS      | KEY_BOUND_HERE      | ALLOW     | ALLOW     | ALLOW     | ALLOW     | HIDDEN
          READ_LOGS      | KEY_BOUND_ELSEWHERE | HIDDEN    | HIDDEN    | HIDDEN    | HIDDEN    | HIDDEN

          WRITE_SCRIPTS  | SESSION             | ALLOW     | FORBIDDEN | ALLOW     | ALLOW     | HIDDEN
          WRITE_SCRIPTS  | KEY_WITH_SCOPE      | ALLOW     | FORBIDDEN | ALLOW     | ALLOW     | HIDDEN
          WRITE_SCRIPTS  | KEY_WITHOUT_SCOPE   | FORBIDDEN | FORBIDDEN | FORBIDDEN | FORBIDDEN | HIDDEN
          WRITE_SCRIPTS  | KEY_BOUND_HERE      | ALLOW     | FORBIDDEN | ALLOW     | ALLOW     | HIDDEN
          WRITE_SCRIPTS  | KEY_BOUND_ELSEWHERE | HIDDEN    | HIDDEN    | HIDDEN    | HIDDEN    | HIDDEN

          WRITE_ROUTES   | SESSION             | ALLOW     | FORBIDDEN | ALLOW     | ALLOW     | HIDDEN
          WRITE_ROUTES   | KEY_WITH_SCOPE      | ALLOW     | FORBIDDEN | ALLOW     | ALLOW     | HIDDEN
          WRITE_ROUTES   | KEY_WITHOUT_SCOPE   | FORBIDDEN | FORBIDDEN | FORBIDDEN | FORBIDDEN | HIDDEN
          WRITE_ROUTES   | KEY_BOUND_HERE      | ALLOW     | FORBIDDEN | ALLOW     | ALLOW     | HIDDEN
          WRITE_ROUTES   | KEY_BOUND_ELSEWHERE | HIDDEN    | HIDDEN    | HIDDEN    | HIDDEN    | HIDDEN

          MANAGE_DOMAINS | SESSION             | ALLOW     | FORBIDDEN | FORBIDDEN | ALLOW     | HIDDEN
          MANAGE_DOMAINS | KEY_WITH_SCOPE      | ALLOW     | FORBIDDEN | FORBIDDEN | ALLOW     | HIDDEN
          MANAGE_DOMAINS | KEY_WITHOUT_SCOPE   | FORBIDDEN | FORBIDDEN | FORBIDDEN | FORBIDDEN | HIDDEN
          MANAGE_DOMAINS | KEY_BOUND_HERE      | ALLOW     | FORBIDDEN | FORBIDDEN | ALLOW     | HIDDEN
          MANAGE_DOMAINS | KEY_BOUND_ELSEWHERE | HIDDEN    | HIDDEN    | HIDDEN    | HIDDEN    | HIDDEN

          ADMIN_APP      | SESSION             | ALLOW     | FORBIDDEN | FORBIDDEN | ALLOW     | HIDDEN
          ADMIN_APP      | KEY_WITH_SCOPE      | ALLOW     | FORBIDDEN | FORBIDDEN | ALLOW     | HIDDEN
          ADMIN_APP      | KEY_WITHOUT_SCOPE   | FORBIDDEN | FORBIDDEN | FORBIDDEN | FORBIDDEN | HIDDEN
          ADMIN_APP      | KEY_BOUND_HERE      | ALLOW     | FORBIDDEN | FORBIDDEN | ALLOW     | HIDDEN
          ADMIN_APP      | KEY_BOUND_ELSEWHERE | HIDDEN    | HIDDEN    | HIDDEN    | HIDDEN    | HIDDEN

          # Owner-only capabilities addressed through an app: no app role is enough.
          ADMIN_INSTANCE | SESSION             | ALLOW     | FORBIDDEN | FORBIDDEN | FORBIDDEN | HIDDEN
          ADMIN_INSTANCE | KEY_WITH_SCOPE      | ALLOW     | FORBIDDEN | FORBIDDEN | FORBIDDEN | HIDDEN
          ADMIN_INSTANCE | KEY_WITHOUT_SCOPE   | FORBIDDEN | FORBIDDEN | FORBIDDEN | FORBIDDEN | HIDDEN
          ADMIN_INSTANCE | KEY_BOUND_HERE      | ALLOW     | FORBIDDEN | FORBIDDEN | FORBIDDEN | HIDDEN
          ADMIN_INSTANCE | KEY_BOUND_ELSEWHERE | HIDDEN    | HIDDEN    | HIDDEN    | HIDDEN    | HIDDEN
          """)
  void decisionOnAnAppFollowsTheCapabilityTable(
      Capability capability,
      Credential credential,
      Decision owner,
      Decision viewer,
      Decision editor,
      Decision appAdmin,
      Decision nonMember) {
    Map<Principal, Decision> expected =
        Map.of(
            Principal.OWNER, owner,
            Principal.VIEWER, viewer,
            Principal.EDITOR, editor,
            Principal.APP_ADMIN, appAdmin,
            Principal.NON_MEMBER, nonMember);

    SoftAssertions softly = new SoftAssertions();
    expected.forEach(
        (principal, decision) ->
            softly
                .assertThat(
                    Authorizer.decide(
                        credential.of(principal, capability),
                        capability,
                        APP,
                        principal.membership()))
                .as("%s with %s on %s", principal, credential, capability)
                .isEqualTo(decision));
    softly.assertAll();
  }

  @Test
  void keyWithoutScopeIsForbiddenEvenForOwner() {
    Caller ownerKey =
        Caller.apiKey(
            UUID.randomUUID(),
            "root",
            true,
            UUID.randomUUID(),
            Set.of(Scope.SCRIPT_READ, Scope.INSTANCE_ADMIN),
            null);

    assertThat(Authorizer.decide(ownerKey, Capability.READ_APP, APP, Optional.empty()))
        .isEqualTo(ALLOW);
    assertThat(Authorizer.decide(ownerKey, Capability.WRITE_SCRIPTS, APP, Optional.empty()))
        .isEqualTo(FORBIDDEN);
  }

  @Test
  void scopesDoNotImplyEachOther() {
    // app:admin and instance:admin are the "big" scopes, yet neither stands in for script:read.
    Caller adminKey =
        Caller.apiKey(
            UUID.randomUUID(),
            "root",
            true,
            UUID.randomUUID(),
            Set.of(Scope.APP_ADMIN, Scope.INSTANCE_ADMIN),
            null);

    assertThat(Authorizer.decide(adminKey, Capability.ADMIN_APP, APP, Optional.empty()))
        .isEqualTo(ALLOW);
    assertThat(Authorizer.decide(adminKey, Capability.READ_APP, APP, Optional.empty()))
        .isEqualTo(FORBIDDEN);
    assertThat(Authorizer.decide(adminKey, Capability.READ_LOGS, APP, Optional.empty()))
        .isEqualTo(FORBIDDEN);
  }

  @Test
  void appThatCannotBeSeenIsHiddenBeforeAnyScopeCheck() {
    // A key lacking the scope must not learn that the app exists: 404 beats 403.
    Caller strangerKey =
        Caller.apiKey(UUID.randomUUID(), "eve", false, UUID.randomUUID(), Set.of(), null);

    assertThat(Authorizer.decide(strangerKey, Capability.ADMIN_APP, APP, Optional.empty()))
        .isEqualTo(HIDDEN);
  }

  @Nested
  class CanSee {
    @ParameterizedTest(name = "{0} via {1} sees the app: {2}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            OWNER      | SESSION             | true
            OWNER      | KEY_WITH_SCOPE      | true
            OWNER      | KEY_WITHOUT_SCOPE   | true
            OWNER      | KEY_BOUND_HERE      | true
            OWNER      | KEY_BOUND_ELSEWHERE | false
            VIEWER     | SESSION             | true
            VIEWER     | KEY_WITHOUT_SCOPE   | true
            VIEWER     | KEY_BOUND_HERE      | true
            VIEWER     | KEY_BOUND_ELSEWHERE | false
            APP_ADMIN  | KEY_BOUND_ELSEWHERE | false
            NON_MEMBER | SESSION             | false
            NON_MEMBER | KEY_WITH_SCOPE      | false
            NON_MEMBER | KEY_BOUND_HERE      | false
            """)
    void visibilityNeedsOwnershipOrMembershipAndAMatchingBinding(
        Principal principal, Credential credential, boolean visible) {
      Caller caller = credential.of(principal, Capability.READ_APP);

      assertThat(Authorizer.canSee(caller, APP, principal.membership())).isEqualTo(visible);
    }

    @Test
    void keyBoundToAnAppSeesOnlyThatAppEvenForOwner() {
      Caller boundOwnerKey =
          Caller.apiKey(
              UUID.randomUUID(), "root", true, UUID.randomUUID(), EnumSet.allOf(Scope.class), APP);

      assertThat(Authorizer.canSee(boundOwnerKey, APP, Optional.empty())).isTrue();
      assertThat(Authorizer.canSee(boundOwnerKey, OTHER_APP, Optional.empty())).isFalse();
      assertThat(Authorizer.canSee(boundOwnerKey, OTHER_APP, Optional.of(AppRole.APP_ADMIN)))
          .isFalse();
    }
  }

  @Nested
  class DecideInstance {
    @ParameterizedTest(name = "{0}")
    @CsvSource(
        delimiter = '|',
        textBlock =
            """
            owner session                                | true  | SESSION   | ALLOW
            member session                               | false | SESSION   | FORBIDDEN
            owner key with instance:admin                | true  | WITH      | ALLOW
            member key with instance:admin               | false | WITH      | FORBIDDEN
            owner key with every scope but instance:admin| true  | WITHOUT   | FORBIDDEN
            owner key with instance:admin bound to an app| true  | BOUND     | FORBIDDEN
            member key with instance:admin bound to app  | false | BOUND     | FORBIDDEN
            """)
    void onlyAnUnboundOwnerWithInstanceAdminMayActOnTheInstance(
        String description, boolean owner, String credential, Decision expected) {
      UUID user = UUID.randomUUID();
      UUID id = UUID.randomUUID();
      Set<Scope> others = EnumSet.complementOf(EnumSet.of(Scope.INSTANCE_ADMIN));
      Caller caller =
          switch (credential) {
            case "SESSION" -> Caller.session(user, "u", owner, id);
            case "WITH" -> Caller.apiKey(user, "u", owner, id, Set.of(Scope.INSTANCE_ADMIN), null);
            case "WITHOUT" -> Caller.apiKey(user, "u", owner, id, others, null);
            case "BOUND" -> Caller.apiKey(user, "u", owner, id, EnumSet.allOf(Scope.class), APP);
            default -> throw new IllegalArgumentException(credential);
          };

      assertThat(Authorizer.decideInstance(caller, Capability.ADMIN_INSTANCE)).isEqualTo(expected);
    }

    @ParameterizedTest
    @EnumSource(Credential.class)
    void instanceDecisionsForNonOwnersAreForbiddenNeverHidden(Credential credential) {
      Caller member = credential.of(Principal.NON_MEMBER, Capability.ADMIN_INSTANCE);

      assertThat(Authorizer.decideInstance(member, Capability.ADMIN_INSTANCE)).isEqualTo(FORBIDDEN);
    }
  }
}
