package dev.picloud.runtime.control;

/**
 * A limit a run can exceed; the wall clock makes a run time out, every other one exceeds a budget.
 */
public enum Budget {
  WALL_CLOCK("wall clock"),
  OPERATIONS("operations"),
  CPU_TIME("CPU time"),
  MEMORY("memory"),
  RECURSION("recursion"),
  RESPONSE_SIZE("response size");

  private final String label;

  Budget(String label) {
    this.label = label;
  }

  /** The words a problem {@code detail} uses for this budget. */
  public String label() {
    return label;
  }

  public RunStatus status() {
    return this == WALL_CLOCK ? RunStatus.TIMEOUT : RunStatus.BUDGET_EXCEEDED;
  }
}
