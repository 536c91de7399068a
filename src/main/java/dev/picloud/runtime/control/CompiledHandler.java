package dev.picloud.runtime.control;

import java.util.UUID;
import javax.script.CompiledScript;

/**
 * One script version, parsed, instrumented and compiled once. Only {@link ScriptCompiler} makes
 * them, so everything the runtime runs has been through the instrumenter.
 */
public final class CompiledHandler {
  private final UUID scriptId;
  private final long version;
  private final String source;
  private final CompiledScript program;

  CompiledHandler(UUID scriptId, long version, String source, CompiledScript program) {
    this.scriptId = scriptId;
    this.version = version;
    this.source = source;
    this.program = program;
  }

  public UUID scriptId() {
    return scriptId;
  }

  public long version() {
    return version;
  }

  String source() {
    return source;
  }

  CompiledScript program() {
    return program;
  }
}
