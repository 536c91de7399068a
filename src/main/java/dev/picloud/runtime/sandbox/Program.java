package dev.picloud.runtime.sandbox;

import java.util.Optional;
import javax.script.CompiledScript;

/**
 * An instrumented, compiled handler and the Java member names its runs must shadow on top of the
 * prelude's (see {@link JavaShadows}), as the prelude's {@code Object.defineProperties} argument.
 */
public record Program(CompiledScript code, Optional<String> shadows) {}
