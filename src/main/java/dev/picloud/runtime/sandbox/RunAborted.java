package dev.picloud.runtime.sandbox;

import dev.picloud.runtime.control.Budget;

/**
 * Thrown by a hook to unwind a run that hit a limit. Script code never sees it: the catch hook
 * throws it again before any catch body runs, and every later hook call throws a new one (the abort
 * is sticky), so {@code catch}/{@code finally} blocks cannot keep the run alive.
 */
public final class RunAborted extends RuntimeException {
  private final Budget budget;

  RunAborted(Budget budget) {
    // No stack trace: it is thrown again at every hook call after the abort.
    super(budget.label() + " limit reached", null, false, false);
    this.budget = budget;
  }

  public Budget budget() {
    return budget;
  }
}
