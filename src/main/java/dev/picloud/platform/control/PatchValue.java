package dev.picloud.platform.control;

import java.util.function.Consumer;

/**
 * A PATCH field: absent (leave unchanged) or present with a value that may be {@code null} (clear
 * it). {@link RecordBinder} never hands out a null {@code PatchValue}.
 */
public record PatchValue<T>(boolean present, T value) {
  private static final PatchValue<?> ABSENT = new PatchValue<>(false, null);

  @SuppressWarnings("unchecked")
  public static <T> PatchValue<T> absent() {
    return (PatchValue<T>) ABSENT;
  }

  public static <T> PatchValue<T> of(T value) {
    return new PatchValue<>(true, value);
  }

  public void ifPresent(Consumer<T> action) {
    if (present) {
      action.accept(value);
    }
  }
}
