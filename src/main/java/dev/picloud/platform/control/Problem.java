package dev.picloud.platform.control;

/**
 * An RFC 9457 problem body. {@code code} is the stable, snake_case identifier clients switch on;
 * {@code field} names the offending request field for validation errors; {@code incident} ties a
 * 500 to its log line.
 */
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    String code,
    String field,
    String incident) {

  public static final String MEDIA_TYPE = "application/problem+json";

  public static Problem of(int status, String code, String title, String detail) {
    return new Problem("urn:picloud:problem:" + code, title, status, detail, code, null, null);
  }

  public Problem withField(String name) {
    return new Problem(type, title, status, detail, code, name, incident);
  }

  public Problem withIncident(String id) {
    return new Problem(type, title, status, detail, code, field, id);
  }
}
