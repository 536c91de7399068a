package dev.picloud.routes.control;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A request path as the route table reads it: percent-decoded segments.
 *
 * <p>The raw path (as received, still percent-encoded) is refused rather than repaired whenever a
 * proxy, Liberty and the route table could read it differently, because that disagreement is how
 * path-based checks get bypassed:
 *
 * <ul>
 *   <li>It is split on {@code /} first and each segment decoded afterwards, so an escape never
 *       creates a segment; a segment that decodes to contain {@code /} or {@code \} ({@code %2f},
 *       {@code %5c}) is refused.
 *   <li>{@code .} and {@code ..} segments, raw or encoded ({@code %2e%2e}, {@code .%2e}), are
 *       refused, not resolved.
 *   <li>Empty segments ({@code /a//b}) are refused, not collapsed: servers disagree on collapsing.
 *   <li>One trailing slash is ignored ({@code /orders/} reads as {@code /orders}); {@code /} has no
 *       segments.
 *   <li>The raw path must be RFC 3986 path characters (ASCII letters, digits, {@code
 *       -._~!$&'()*+,;=:@} and {@code %}); escapes must be well formed and decode to UTF-8
 *       (overlong forms and encoded surrogates refused); decoded segments may not hold control
 *       characters, NUL included.
 *   <li>Case is kept, {@code +} stays a plus, and nothing is decoded twice ({@code %252e} is the
 *       three characters {@code %2e}).
 * </ul>
 */
public final class RequestPath {
  private static final String SEGMENT_CHARACTERS =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~!$&'()*+,;=:@%";

  private static final RequestPath ROOT = new RequestPath(List.of());

  private final List<String> segments;

  private RequestPath(List<String> segments) {
    this.segments = List.copyOf(segments);
  }

  /** The decoded segments of {@code rawPath}, or a {@link BadPathException} saying why not. */
  public static RequestPath parse(String rawPath) {
    if (rawPath == null || !rawPath.startsWith("/")) {
      throw new BadPathException("The path must start with '/'.");
    }
    if (rawPath.length() == 1) {
      return ROOT;
    }
    int end = rawPath.endsWith("/") ? rawPath.length() - 1 : rawPath.length();
    List<String> segments = new ArrayList<>();
    int start = 1;
    while (true) {
      int slash = rawPath.indexOf('/', start);
      int stop = slash < 0 || slash >= end ? end : slash;
      segments.add(segment(rawPath, start, stop));
      if (stop == end) {
        break;
      }
      start = stop + 1;
    }
    return new RequestPath(segments);
  }

  /** The decoded segments, outermost first; empty for {@code /}. */
  public List<String> segments() {
    return segments;
  }

  private static String segment(String raw, int start, int stop) {
    if (start == stop) {
      throw new BadPathException("The path has an empty segment ('//').");
    }
    boolean escaped = false;
    for (int i = start; i < stop; i++) {
      char c = raw.charAt(i);
      if (SEGMENT_CHARACTERS.indexOf(c) < 0) {
        throw new BadPathException("The path holds a character that must be percent-encoded.");
      }
      escaped |= c == '%';
    }
    String segment = escaped ? decode(raw, start, stop) : raw.substring(start, stop);
    if (segment.equals(".") || segment.equals("..")) {
      throw new BadPathException("The path has a '.' or '..' segment.");
    }
    return segment;
  }

  private static String decode(String raw, int start, int stop) {
    byte[] bytes = new byte[stop - start];
    int length = 0;
    for (int i = start; i < stop; i++) {
      char c = raw.charAt(i);
      if (c == '%') {
        int high = i + 2 < stop ? Character.digit(raw.charAt(i + 1), 16) : -1;
        int low = high >= 0 ? Character.digit(raw.charAt(i + 2), 16) : -1;
        if (low < 0) {
          throw new BadPathException("The path has a malformed percent-escape.");
        }
        c = (char) (high << 4 | low);
        i += 2;
      }
      bytes[length++] = (byte) c;
    }
    String decoded;
    try {
      decoded =
          StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, 0, length)).toString();
    } catch (CharacterCodingException e) {
      throw new BadPathException("The path's percent-escapes are not UTF-8.");
    }
    for (int i = 0; i < decoded.length(); i++) {
      char c = decoded.charAt(i);
      if (c == '/' || c == '\\' || Character.isISOControl(c)) {
        throw new BadPathException("The path encodes a slash, backslash or control character.");
      }
    }
    return decoded;
  }
}
