package dev.picloud.runtime.control;

import dev.picloud.runtime.sandbox.Program;
import java.util.UUID;

/**
 * One script version, parsed, instrumented and compiled once. Only {@link ScriptCompiler} makes
 * them, so everything the runtime runs has been through the instrumenter.
 */
public final class CompiledHandler {
  private final UUID scriptId;
  private final long version;
  private final String source;
  private final Program program;

  CompiledHandler(UUID scriptId, long version, String source, Program program) {
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

  Program program() {
    return program;
  }
}
