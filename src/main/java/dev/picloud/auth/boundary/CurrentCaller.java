package dev.picloud.auth.boundary;

import dev.picloud.auth.control.Caller;
import dev.picloud.platform.control.ApiException;
import jakarta.enterprise.context.RequestScoped;

/** The caller of the current request, set by {@link AuthenticationFilter}. */
@RequestScoped
public class CurrentCaller {
  private Caller caller;

  void set(Caller value) {
    caller = value;
  }

  /** The authenticated caller; a request that reached here without one is answered 401. */
  public Caller get() {
    if (caller == null) {
      throw ApiException.unauthenticated();
    }
    return caller;
  }
}
