package dev.picloud.runtime.sandbox;

import org.openjdk.nashorn.api.scripting.NashornScriptEngineFactory;

/**
 * Turns off the JVM assertions of Nashorn's own classes. Two of them fail on valid code: the tree
 * API's IRTranslator on a {@code let} in a {@code for} head, the compiler's AssignSymbols on any
 * nested function with a default parameter; without {@code -ea} Nashorn handles both correctly. A
 * JVM started with {@code -ea} (tests, some servers) would otherwise reject such scripts. The
 * status is fixed when a class initialises, so the sandbox's classes call this before any Nashorn
 * class initialises.
 */
final class NashornAssertions {
  private NashornAssertions() {}

  static void disable() {
    ClassLoader loader = NashornScriptEngineFactory.class.getClassLoader();
    if (loader != null) {
      loader.setPackageAssertionStatus("org.openjdk.nashorn", false);
    }
  }
}
