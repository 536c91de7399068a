package dev.picloud.kv.boundary;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * A synchronous CDI {@link Event} for tests: {@code fire} runs one observer on the caller's thread,
 * as CDI runs synchronous observers, and records the event.
 */
final class RecordedEvents<T> implements Event<T> {
  final List<T> fired = new ArrayList<>();
  private final Consumer<T> observer;

  RecordedEvents(Consumer<T> observer) {
    this.observer = observer;
  }

  @Override
  public void fire(T event) {
    fired.add(event);
    observer.accept(event);
  }

  @Override
  public <U extends T> CompletionStage<U> fireAsync(U event) {
    throw new UnsupportedOperationException("KV changes are fired synchronously");
  }

  @Override
  public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
    throw new UnsupportedOperationException("KV changes are fired synchronously");
  }

  @Override
  public Event<T> select(Annotation... qualifiers) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
    throw new UnsupportedOperationException();
  }

  @Override
  public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
    throw new UnsupportedOperationException();
  }
}
