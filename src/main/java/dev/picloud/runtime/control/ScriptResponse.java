package dev.picloud.runtime.control;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a successful run answers (SPEC 6.3). Header names are lower case and validated; the content
 * type is kept out of {@code headers} so there is one source for it.
 */
public record ScriptResponse(
    int status, Map<String, List<String>> headers, byte[] body, Optional<String> contentType) {
  public ScriptResponse {
    headers = Map.copyOf(headers);
  }

  static ScriptResponse noContent() {
    return new ScriptResponse(204, Map.of(), new byte[0], Optional.empty());
  }
}
