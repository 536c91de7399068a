package dev.picloud.platform.control;

/**
 * A configuration value that cannot be used; the message names the variable and what it must be.
 */
public class InvalidSettingException extends RuntimeException {
  public InvalidSettingException(String name, String requirement, String actual) {
    super("Invalid configuration: " + name + " " + requirement + " (got \"" + actual + "\")");
  }
}
