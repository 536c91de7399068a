package dev.picloud.runtime.sandbox;

import dev.picloud.runtime.sdk.JsonText;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names under which Nashorn would reach Java from a JS primitive. Even with {@code --no-java}
 * and a deny-all class filter, a <em>named</em> property access ({@code 'x'.getClass()}, {@code
 * 'x'.bytes}, {@code (1).wait()}) that finds nothing in JavaScript is handed to the Java linker of
 * the primitive's class; a computed one ({@code 'x'[name]}) never is. Shadowing such a name with a
 * permanent undefined property on the matching prototype makes the JavaScript lookup win.
 *
 * <p>Shadowing all of them (about a thousand) would cost most of a fresh global, so each program
 * shadows the names it can spell: a named access needs the name as an identifier in the source, and
 * code from strings is disabled. A source with a {@code \\u} escape (an identifier can be spelled
 * with escapes) gets every name. Computed from the running JDK, whose classes gain methods between
 * releases.
 */
final class JavaShadows {
  /** Writable like any prototype property, but never deletable; value and enumerable: defaults. */
  private static final String DESCRIPTOR = "{\"writable\":true}";

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

  /** By prototype kind, the Java names that JavaScript does not define there. */
  private final Map<String, Set<String>> absent;

  private final Set<String> shadowedByPrelude;

  /**
   * {@code symbolType} is the class of Nashorn's symbol values (internal, so taken from a value);
   * {@code lacks} answers whether a global's prototype of a kind lacks a name.
   */
  JavaShadows(Class<?> symbolType, BiPredicate<String, String> lacks, String preludeSource) {
    absent = new LinkedHashMap<>();
    javaNames(symbolType)
        .forEach(
            (kind, names) -> {
              Set<String> missing = new TreeSet<>();
              names.stream().filter(name -> lacks.test(kind, name)).forEach(missing::add);
              absent.put(kind, missing);
            });
    shadowedByPrelude =
        identifiers(preludeSource)
            .orElseThrow(() -> new IllegalStateException("the prelude must not use \\u escapes"));
  }

  /**
   * What every global shadows while it is prepared: the names the prelude's own code uses, or empty
   * when it spells none.
   */
  Optional<String> forPrelude() {
    return shadowing(shadowedByPrelude::contains);
  }

  /** What a run of {@code source} shadows on top, or empty when the prelude's already cover it. */
  Optional<String> forProgram(String source) {
    Optional<Set<String>> spelled = identifiers(source);
    Predicate<String> needed =
        name ->
            !shadowedByPrelude.contains(name)
                && spelled.map(names -> names.contains(name)).orElse(true);
    return shadowing(needed);
  }

  private Optional<String> shadowing(Predicate<String> needed) {
    boolean any = absent.values().stream().anyMatch(names -> names.stream().anyMatch(needed));
    return any ? Optional.of(descriptors(needed)) : Optional.empty();
  }

  /** Every name a source spells; empty (meaning all) when it may spell them with escapes. */
  private static Optional<Set<String>> identifiers(String source) {
    if (source.contains("\\u")) {
      return Optional.empty();
    }
    Set<String> names = new TreeSet<>();
    Matcher matcher = IDENTIFIER.matcher(source);
    while (matcher.find()) {
      names.add(matcher.group());
    }
    return Optional.of(names);
  }

  /** One {@code Object.defineProperties} argument per kind, as JSON. */
  private String descriptors(Predicate<String> included) {
    StringJoiner kinds = new StringJoiner(",", "{", "}");
    absent.forEach(
        (kind, missing) -> {
          StringJoiner properties = new StringJoiner(",", "{", "}");
          missing.stream()
              .filter(included)
              .forEach(name -> properties.add(JsonText.quote(name) + ":" + DESCRIPTOR));
          kinds.add(JsonText.quote(kind) + ":" + properties);
        });
    return kinds.toString();
  }

  private static Map<String, Set<String>> javaNames(Class<?> symbolType) {
    Map<String, Set<String>> names = new LinkedHashMap<>();
    names.put("string", membersOf(String.class));
    names.put(
        "number",
        membersOf(Integer.class, Long.class, Double.class, Float.class, Short.class, Byte.class));
    names.put("boolean", membersOf(Boolean.class));
    names.put("symbol", membersOf(symbolType));
    return names;
  }

  private static Set<String> membersOf(Class<?>... classes) {
    Set<String> names = new TreeSet<>();
    for (Class<?> type : classes) {
      for (Method m : type.getMethods()) {
        if (Modifier.isStatic(m.getModifiers())) {
          continue;
        }
        names.add(m.getName());
        beanProperty(m).ifPresent(names::addAll);
      }
    }
    return names;
  }

  /** Dynalink exposes {@code getX()} and {@code isX()} as property {@code x} (or {@code X}). */
  private static Optional<List<String>> beanProperty(Method m) {
    String name = m.getName();
    int prefix = name.startsWith("get") ? 3 : name.startsWith("is") ? 2 : 0;
    if (prefix == 0 || name.length() == prefix || m.getParameterCount() != 0) {
      return Optional.empty();
    }
    String property = name.substring(prefix);
    String lowered = Character.toLowerCase(property.charAt(0)) + property.substring(1);
    return Optional.of(List.of(property, lowered));
  }
}
