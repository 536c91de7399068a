package dev.picloud.runtime.sandbox;

import dev.picloud.runtime.sdk.JsonText;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The names under which Nashorn would reach Java from a JS primitive. Even with {@code --no-java}
 * and a deny-all class filter, a property a string, number, boolean or symbol lacks in JavaScript
 * is looked up on its Java class: {@code 'x'.getClass()}, {@code 'x'.chars()}, {@code 'x'.bytes} (a
 * bean property), {@code (1).wait()}. The prelude gives each such name a permanent undefined
 * property on the matching prototype, so the JavaScript lookup always wins. Computed from the
 * running JDK, whose classes gain methods between releases.
 */
final class JavaShadows {
  private JavaShadows() {}

  /**
   * {@code {"string": [...], "number": [...], "boolean": [...], "symbol": [...]}} as JSON; {@code
   * symbolType} is the class of Nashorn's symbol values (internal, so taken from a value).
   */
  static String json(Class<?> symbolType) {
    return "{\"string\":"
        + names(String.class)
        + ",\"number\":"
        + names(Integer.class, Long.class, Double.class, Float.class, Short.class, Byte.class)
        + ",\"boolean\":"
        + names(Boolean.class)
        + ",\"symbol\":"
        + names(symbolType)
        + "}";
  }

  private static String names(Class<?>... classes) {
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
    return JsonText.stringArray(new ArrayList<>(names));
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
