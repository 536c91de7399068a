package dev.picloud.platform.control;

/** The admin API's naming rule: Java's camelCase component names travel as snake_case. */
public final class JsonNames {
  private JsonNames() {}

  public static String snakeCase(String camelCase) {
    StringBuilder out = new StringBuilder(camelCase.length() + 4);
    for (char c : camelCase.toCharArray()) {
      if (Character.isUpperCase(c)) {
        out.append('_').append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
