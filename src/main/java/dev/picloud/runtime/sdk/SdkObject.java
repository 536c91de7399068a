package dev.picloud.runtime.sdk;

import dev.picloud.runtime.sandbox.RunAborted;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.openjdk.nashorn.api.scripting.AbstractJSObject;
import org.openjdk.nashorn.api.scripting.NashornException;

/**
 * An SDK module as scripts see it: an object whose members are functions, and nothing else. It is a
 * {@code JSObject}, so Nashorn routes every property access to {@link #getMember}: {@code
 * getClass}, {@code toString} or any other Java method name is just an undefined member. Writes are
 * ignored, like writes to a frozen object in sloppy code.
 */
public final class SdkObject extends AbstractJSObject {
  private static final System.Logger LOG = System.getLogger(SdkObject.class.getName());

  /**
   * The body of one SDK function; returns a JS value: a primitive, null for JS null, {@link
   * JsValues#undefined()}, or an object made by {@link JsValues}.
   */
  @FunctionalInterface
  public interface Body {
    Object call(JsArgs args);
  }

  private final String name;
  private final Map<String, Member> members;

  private SdkObject(String name, Map<String, Member> members) {
    this.name = name;
    this.members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
  }

  public static Builder builder(String name, SdkRun run) {
    return new Builder(name, run);
  }

  @Override
  public Object getMember(String member) {
    Member m = members.get(member);
    return m != null ? m : JsValues.undefined();
  }

  @Override
  public boolean hasMember(String member) {
    return members.containsKey(member);
  }

  @Override
  public Set<String> keySet() {
    return members.keySet();
  }

  @Override
  public String getClassName() {
    return "Object";
  }

  @Override
  public Object getDefaultValue(Class<?> hint) {
    return toString();
  }

  @Override
  public String toString() {
    return "[object " + name + "]";
  }

  public static final class Builder {
    private final String name;
    private final SdkRun run;
    private final Map<String, Member> members = new LinkedHashMap<>();

    private Builder(String name, SdkRun run) {
      this.name = name;
      this.run = run;
    }

    public Builder function(String function, Body body) {
      members.put(function, new Member(name, function, run, body));
      return this;
    }

    public SdkObject build() {
      return new SdkObject(name, members);
    }
  }

  /** One SDK function: an operation on the meter, then the body; failures become JS errors. */
  private static final class Member extends AbstractJSObject {
    private final String module;
    private final String function;
    private final SdkRun run;
    private final Body body;
    private boolean reportedFailure;

    Member(String module, String function, SdkRun run, Body body) {
      this.module = module;
      this.function = function;
      this.run = run;
      this.body = body;
    }

    @Override
    public boolean isFunction() {
      return true;
    }

    @Override
    public Object call(Object thiz, Object... args) {
      run.meter().tick();
      try {
        return body.call(new JsArgs(module, args));
      } catch (SdkException e) {
        throw run.js().fail(e.getMessage());
      } catch (RunAborted | NashornException e) {
        throw e;
      } catch (RuntimeException e) {
        // Once per function and run, so a script calling it in a loop cannot flood the log.
        if (!reportedFailure) {
          reportedFailure = true;
          LOG.log(System.Logger.Level.ERROR, "SDK function " + this + " failed", e);
        }
        throw run.js().fail(module + ": internal error");
      }
    }

    @Override
    public Object newObject(Object... args) {
      throw run.js().fail(this + " is not a constructor");
    }

    @Override
    public Object getMember(String member) {
      return JsValues.undefined();
    }

    @Override
    public String getClassName() {
      return "Function";
    }

    @Override
    public Object getDefaultValue(Class<?> hint) {
      return toString();
    }

    @Override
    public String toString() {
      return module + "." + function;
    }
  }
}
