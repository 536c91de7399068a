package dev.picloud.platform.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binds a JSON object to a command record, strictly: a key the record does not declare is a 400
 * ({@code unknown_field}, so nothing can be mass-assigned), a value of the wrong JSON type is a 422
 * naming the field. Record components are read under their snake_case names.
 */
public final class RecordBinder {
  private static final Map<Class<?>, Map<String, RecordComponent>> COMPONENTS =
      new ConcurrentHashMap<>();

  private RecordBinder() {}

  public static <R extends Record> R bind(JsonObject json, Class<R> type) {
    return bind(json, type, "");
  }

  private static <R extends Record> R bind(JsonObject json, Class<R> type, String path) {
    Map<String, RecordComponent> components = componentsOf(type);
    for (String key : json.keySet()) {
      if (!components.containsKey(key)) {
        throw ApiException.badRequest("unknown_field", "Unknown field '" + path + key + "'.");
      }
    }
    Object[] args = new Object[components.size()];
    int i = 0;
    for (Map.Entry<String, RecordComponent> entry : components.entrySet()) {
      String field = path + entry.getKey();
      args[i++] = convertField(json, entry.getKey(), entry.getValue().getGenericType(), field);
    }
    return construct(type, args);
  }

  private static Object convertField(JsonObject json, String key, Type type, String field) {
    boolean present = json.containsKey(key);
    if (rawClass(type) == PatchValue.class) {
      if (!present) {
        return PatchValue.absent();
      }
      return PatchValue.of(convert(json.get(key), typeArgument(type, 0), field));
    }
    if (!present || rawClass(type).isPrimitive() && json.isNull(key)) {
      if (rawClass(type).isPrimitive()) {
        throw ApiException.invalid(field, "Field '" + field + "' is required.");
      }
      return null;
    }
    return convert(json.get(key), type, field);
  }

  private static Object convert(JsonValue value, Type type, String field) {
    if (value.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    Class<?> raw = rawClass(type);
    if (JsonValue.class.isAssignableFrom(raw)) {
      return raw.isInstance(value) ? value : mismatch(field, "a JSON object");
    }
    if (raw == String.class) {
      return value instanceof JsonString s ? s.getString() : mismatch(field, "a string");
    }
    if (raw == Boolean.class || raw == boolean.class) {
      return switch (value.getValueType()) {
        case TRUE -> Boolean.TRUE;
        case FALSE -> Boolean.FALSE;
        default -> mismatch(field, "a boolean");
      };
    }
    if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
      return integer(value, raw, field);
    }
    if (raw == Instant.class) {
      return instant(value, field);
    }
    if (raw == UUID.class) {
      return uuid(value, field);
    }
    if (raw == List.class || raw == Set.class) {
      return collection(value, type, raw, field);
    }
    if (raw.isRecord() && value instanceof JsonObject object) {
      return bind(object, raw.asSubclass(Record.class), field + ".");
    }
    return mismatch(field, "a " + raw.getSimpleName());
  }

  private static Object integer(JsonValue value, Class<?> raw, String field) {
    if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
      return mismatch(field, "an integer");
    }
    try {
      long exact = number.bigIntegerValueExact().longValueExact();
      if (raw == Integer.class || raw == int.class) {
        return Math.toIntExact(exact);
      }
      return exact;
    } catch (ArithmeticException e) {
      throw ApiException.invalid(field, "Field '" + field + "' is out of range.");
    }
  }

  private static Instant instant(JsonValue value, String field) {
    if (value instanceof JsonString s) {
      try {
        return Instant.parse(s.getString());
      } catch (DateTimeParseException e) {
        // falls through to the type error below
      }
    }
    return mismatch(field, "an ISO-8601 UTC timestamp such as 2030-01-01T00:00:00Z");
  }

  private static UUID uuid(JsonValue value, String field) {
    if (value instanceof JsonString s && Ids.isUuid(s.getString())) {
      return UUID.fromString(s.getString());
    }
    return mismatch(field, "a UUID");
  }

  private static Object collection(JsonValue value, Type type, Class<?> raw, String field) {
    if (value.getValueType() != JsonValue.ValueType.ARRAY) {
      return mismatch(field, "an array");
    }
    List<Object> items = new ArrayList<>();
    Type itemType = typeArgument(type, 0);
    int index = 0;
    for (JsonValue item : value.asJsonArray()) {
      Object converted = convert(item, itemType, field + "[" + index++ + "]");
      if (converted == null) {
        throw ApiException.invalid(field, "Field '" + field + "' must not contain null.");
      }
      items.add(converted);
    }
    return raw == Set.class ? Set.copyOf(new LinkedHashSet<>(items)) : List.copyOf(items);
  }

  private static <T> T mismatch(String field, String expected) {
    throw ApiException.invalidType(field, "Field '" + field + "' must be " + expected + ".");
  }

  private static Map<String, RecordComponent> componentsOf(Class<?> type) {
    return COMPONENTS.computeIfAbsent(
        type,
        t -> {
          Map<String, RecordComponent> byName = new LinkedHashMap<>();
          for (RecordComponent component : t.getRecordComponents()) {
            byName.put(JsonNames.snakeCase(component.getName()), component);
          }
          return byName;
        });
  }

  private static <R> R construct(Class<R> type, Object[] args) {
    RecordComponent[] components = type.getRecordComponents();
    Class<?>[] types = new Class<?>[components.length];
    for (int i = 0; i < components.length; i++) {
      types[i] = components[i].getType();
    }
    try {
      Constructor<R> constructor = type.getDeclaredConstructor(types);
      constructor.setAccessible(true);
      return constructor.newInstance(args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("cannot build " + type.getName(), e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("cannot build " + type.getName(), e);
    }
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    return (Class<?>) ((ParameterizedType) type).getRawType();
  }

  private static Type typeArgument(Type type, int index) {
    return ((ParameterizedType) type).getActualTypeArguments()[index];
  }
}
