package dev.picloud.runtime.sandbox;

/** How many constructs of each instrumented kind a program has; original and result must agree. */
final class Census {
  int loops;
  int blockFunctions;
  int expressionArrows;
  int catches;
  int throwStatements;

  boolean sameAs(Census other) {
    return loops == other.loops
        && blockFunctions == other.blockFunctions
        && expressionArrows == other.expressionArrows
        && catches == other.catches
        && throwStatements == other.throwStatements;
  }

  @Override
  public String toString() {
    return "loops=%d functions=%d arrows=%d catches=%d throws=%d"
        .formatted(loops, blockFunctions, expressionArrows, catches, throwStatements);
  }
}
