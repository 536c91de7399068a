package dev.picloud.runtime.sdk;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.nashorn.api.scripting.JSObject;

/**
 * {@code regex.*(pattern, input, ...)} on RE2/J, whose matching time is linear in the input (no
 * catastrophic backtracking, unlike JavaScript's own RegExp). Syntax is RE2's; flags go inline,
 * e.g. {@code (?i)}; replacements use {@code $1} / {@code ${name}}. Limits: pattern 2,000
 * characters and 50,000 program instructions, input 1 MiB, 10,000 results, replacement output 4
 * MiB.
 */
final class RegexModule {
  static final int MAX_PATTERN = 2_000;
  static final int MAX_PROGRAM = 50_000;
  static final int MAX_INPUT = 1 << 20;
  static final int MAX_RESULTS = 10_000;
  static final int MAX_OUTPUT = 4 << 20;
  private static final Map<String, Pattern> CACHE =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Pattern> eldest) {
          return size() > 256;
        }
      };

  private RegexModule() {}

  static JSObject create(SdkRun run) {
    return SdkObject.builder("regex", run)
        .function("isMatch", args -> matcher(args).find())
        .function("find", args -> find(args))
        .function("findAll", args -> run.js().parse(JsonText.stringArray(findAll(run, args))))
        .function("replace", args -> replace(run, args, false))
        .function("replaceAll", args -> replace(run, args, true))
        .function("split", args -> run.js().parse(JsonText.stringArray(split(args))))
        .function("captures", args -> captures(run, args))
        .build();
  }

  private static String find(JsArgs args) {
    Matcher m = matcher(args);
    return m.find() ? m.group() : null;
  }

  private static List<String> findAll(SdkRun run, JsArgs args) {
    Matcher m = matcher(args);
    List<String> found = new ArrayList<>();
    while (m.find()) {
      run.meter().tick();
      if (found.size() == MAX_RESULTS) {
        throw args.error("more than " + MAX_RESULTS + " matches");
      }
      found.add(m.group());
    }
    return found;
  }

  private static Object captures(SdkRun run, JsArgs args) {
    Matcher m = matcher(args);
    if (!m.find()) {
      return null;
    }
    List<String> groups = new ArrayList<>();
    for (int i = 0; i <= m.groupCount(); i++) {
      groups.add(m.group(i));
    }
    return run.js().parse(JsonText.stringArray(groups));
  }

  private static List<String> split(JsArgs args) {
    String input = input(args);
    String[] parts = pattern(args).split(input, MAX_RESULTS + 1);
    if (parts.length > MAX_RESULTS) {
      throw args.error("more than " + MAX_RESULTS + " parts");
    }
    return Arrays.asList(parts);
  }

  private static String replace(SdkRun run, JsArgs args, boolean all) {
    Matcher m = matcher(args);
    String replacement = args.string(2, "replacement");
    long references = replacement.chars().filter(c -> c == '$').count();
    StringBuilder out = new StringBuilder();
    try {
      while (m.find()) {
        run.meter().tick();
        long growth = replacement.length() + references * (m.end() - m.start());
        if (out.length() + (m.start() - 0L) + growth > MAX_OUTPUT) {
          throw args.error("the result would be longer than " + MAX_OUTPUT + " characters");
        }
        m.appendReplacement(out, replacement);
        if (!all) {
          break;
        }
      }
    } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
      throw args.error("invalid replacement: " + e.getMessage());
    }
    return m.appendTail(out).toString();
  }

  private static Matcher matcher(JsArgs args) {
    return pattern(args).matcher(input(args));
  }

  private static String input(JsArgs args) {
    String input = args.string(1, "input");
    if (input.length() > MAX_INPUT) {
      throw args.error("input longer than " + MAX_INPUT + " characters");
    }
    return input;
  }

  private static Pattern pattern(JsArgs args) {
    String source = args.string(0, "pattern");
    if (source.length() > MAX_PATTERN) {
      throw args.error("pattern longer than " + MAX_PATTERN + " characters");
    }
    if (PatternSize.estimate(source) > MAX_PROGRAM) {
      throw args.error("pattern too complex (its repetitions expand beyond " + MAX_PROGRAM + ")");
    }
    synchronized (CACHE) {
      Pattern cached = CACHE.get(source);
      if (cached != null) {
        return cached;
      }
    }
    Pattern compiled;
    try {
      compiled = Pattern.compile(source);
    } catch (PatternSyntaxException e) {
      throw args.error("invalid pattern: " + e.getDescription());
    }
    if (compiled.programSize() > MAX_PROGRAM) {
      throw args.error("pattern too complex (" + compiled.programSize() + " instructions)");
    }
    synchronized (CACHE) {
      CACHE.put(source, compiled);
    }
    return compiled;
  }
}
