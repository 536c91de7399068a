package dev.picloud.runtime.control;

/** A per-script limit override that is unknown or unusable; the scripts API answers 422. */
public class InvalidLimitException extends IllegalArgumentException {
  private final String key;

  public InvalidLimitException(String key, String problem) {
    super(key + " " + problem);
    this.key = key;
  }

  /** The snake_case key of the offending override. */
  public String key() {
    return key;
  }
}
