package dev.picloud.runtime.sandbox;

import static dev.picloud.runtime.sandbox.WrappedSource.CATCH;
import static dev.picloud.runtime.sandbox.WrappedSource.ENTER;
import static dev.picloud.runtime.sandbox.WrappedSource.EXIT;
import static dev.picloud.runtime.sandbox.WrappedSource.LOOP;
import static dev.picloud.runtime.sandbox.WrappedSource.READ;
import static dev.picloud.runtime.sandbox.WrappedSource.THROW;

import dev.picloud.runtime.control.ScriptSyntaxException;
import java.util.List;
import org.openjdk.nashorn.api.tree.AssignmentTree;
import org.openjdk.nashorn.api.tree.BlockTree;
import org.openjdk.nashorn.api.tree.CatchTree;
import org.openjdk.nashorn.api.tree.CompilationUnitTree;
import org.openjdk.nashorn.api.tree.ConditionalExpressionTree;
import org.openjdk.nashorn.api.tree.DoWhileLoopTree;
import org.openjdk.nashorn.api.tree.EmptyStatementTree;
import org.openjdk.nashorn.api.tree.ExpressionStatementTree;
import org.openjdk.nashorn.api.tree.ExpressionTree;
import org.openjdk.nashorn.api.tree.ForInLoopTree;
import org.openjdk.nashorn.api.tree.ForLoopTree;
import org.openjdk.nashorn.api.tree.ForOfLoopTree;
import org.openjdk.nashorn.api.tree.FunctionCallTree;
import org.openjdk.nashorn.api.tree.FunctionDeclarationTree;
import org.openjdk.nashorn.api.tree.FunctionExpressionTree;
import org.openjdk.nashorn.api.tree.IdentifierTree;
import org.openjdk.nashorn.api.tree.IfTree;
import org.openjdk.nashorn.api.tree.LiteralTree;
import org.openjdk.nashorn.api.tree.MemberSelectTree;
import org.openjdk.nashorn.api.tree.ParenthesizedTree;
import org.openjdk.nashorn.api.tree.ReturnTree;
import org.openjdk.nashorn.api.tree.SimpleTreeVisitorES6;
import org.openjdk.nashorn.api.tree.StatementTree;
import org.openjdk.nashorn.api.tree.ThrowTree;
import org.openjdk.nashorn.api.tree.Tree;
import org.openjdk.nashorn.api.tree.TryTree;
import org.openjdk.nashorn.api.tree.WhileLoopTree;

/**
 * The proof that instrumentation worked, read from Nashorn's own parse of the result (the text the
 * engine will compile): one wrapper function around the handler and nothing else, every loop body
 * guarded by the loop hook, every function entered through the entry hook with its body in
 * try/finally with the exit hook, every catch starting with the catch hook, every throw going
 * through the throw hook, and as many of each as the original had.
 */
final class InstrumentedShape extends SimpleTreeVisitorES6<Void, Void> {
  private static final List<String> HOOKS = List.of(LOOP, ENTER, EXIT, CATCH, THROW);

  private final Census census = new Census();

  private InstrumentedShape() {}

  static void verify(String instrumented, Census expected) throws ScriptSyntaxException {
    CompilationUnitTree tree =
        ScriptParser.parse(instrumented, (position, reason) -> failure(reason));
    InstrumentedShape shape = new InstrumentedShape();
    try {
      shape.handlerOf(tree).accept(shape, null);
    } catch (IllegalStateException e) {
      throw failure(e.getMessage());
    }
    if (!shape.census.sameAs(expected)) {
      throw failure("expected " + expected + ", found " + shape.census);
    }
  }

  private static ScriptSyntaxException failure(String detail) {
    return new ScriptSyntaxException(
        1, 1, "the sandbox could not instrument this script (" + detail + ")");
  }

  private FunctionExpressionTree handlerOf(CompilationUnitTree tree) {
    List<? extends Tree> elements = tree.getSourceElements();
    require(elements.size() == 1, "one program statement");
    require(elements.get(0) instanceof ExpressionStatementTree, "a wrapper expression");
    ExpressionTree wrapper =
        unparenthesized(((ExpressionStatementTree) elements.get(0)).getExpression());
    require(wrapper instanceof FunctionExpressionTree, "a wrapper function");
    FunctionExpressionTree outer = (FunctionExpressionTree) wrapper;
    List<String> parameters =
        outer.getParameters().stream()
            .map(p -> p instanceof IdentifierTree id ? id.getName() : "")
            .toList();
    require(parameters.equals(HOOKS), "the hook parameters");
    List<? extends StatementTree> body = ((BlockTree) outer.getBody()).getStatements();
    require(body.size() == 1 && body.get(0) instanceof ReturnTree, "the wrapper returns");
    ExpressionTree handler = unparenthesized(((ReturnTree) body.get(0)).getExpression());
    require(
        handler instanceof FunctionExpressionTree f
            && !f.isArrow()
            && f.getParameters().size() == 1,
        "the handler function");
    return (FunctionExpressionTree) handler;
  }

  @Override
  public Void visitWhileLoop(WhileLoopTree node, Void unused) {
    guarded(node.getStatement());
    return super.visitWhileLoop(node, unused);
  }

  @Override
  public Void visitDoWhileLoop(DoWhileLoopTree node, Void unused) {
    guarded(node.getStatement());
    return super.visitDoWhileLoop(node, unused);
  }

  @Override
  public Void visitForLoop(ForLoopTree node, Void unused) {
    guarded(node.getStatement());
    return super.visitForLoop(node, unused);
  }

  @Override
  public Void visitForInLoop(ForInLoopTree node, Void unused) {
    guarded(node.getStatement());
    return super.visitForInLoop(node, unused);
  }

  @Override
  public Void visitForOfLoop(ForOfLoopTree node, Void unused) {
    guarded(node.getStatement());
    return super.visitForOfLoop(node, unused);
  }

  @Override
  public Void visitFunctionDeclaration(FunctionDeclarationTree node, Void unused) {
    entered(node.getBody());
    return super.visitFunctionDeclaration(node, unused);
  }

  @Override
  public Void visitFunctionExpression(FunctionExpressionTree node, Void unused) {
    if (node.getBody() instanceof BlockTree body) {
      entered(body);
    } else if (!(node.getBody() instanceof FunctionExpressionTree inner && inner.isArrow())) {
      require(
          node.getBody() instanceof ConditionalExpressionTree c
              && isHookRead(c.getCondition(), LOOP)
              && c.getTrueExpression() instanceof LiteralTree,
          "the loop hook in every expression arrow");
      census.expressionArrows++;
    }
    return super.visitFunctionExpression(node, unused);
  }

  @Override
  public Void visitCatch(CatchTree node, Void unused) {
    String name = ((IdentifierTree) node.getParameter()).getName();
    List<? extends StatementTree> body = node.getBlock().getStatements();
    require(
        !body.isEmpty()
            && body.get(0) instanceof ExpressionStatementTree s
            && s.getExpression() instanceof AssignmentTree a
            && a.getKind() == Tree.Kind.ASSIGNMENT
            && a.getVariable() instanceof IdentifierTree target
            && target.getName().equals(name)
            && a.getExpression() instanceof FunctionCallTree call
            && isIdentifier(call.getFunctionSelect(), CATCH)
            && call.getArguments().size() == 1
            && isIdentifier(call.getArguments().get(0), name),
        "the catch hook in every catch");
    census.catches++;
    return super.visitCatch(node, unused);
  }

  @Override
  public Void visitThrow(ThrowTree node, Void unused) {
    require(
        node.getExpression() instanceof AssignmentTree a
            && a.getKind() == Tree.Kind.ASSIGNMENT
            && a.getVariable() instanceof MemberSelectTree m
            && isIdentifier(m.getExpression(), THROW)
            && m.getIdentifier().equals("v"),
        "the throw hook in every throw");
    census.throwStatements++;
    return super.visitThrow(node, unused);
  }

  private void guarded(StatementTree body) {
    require(
        body instanceof IfTree guard
            && isHookRead(guard.getCondition(), LOOP)
            && guard.getThenStatement() instanceof EmptyStatementTree
            && guard.getElseStatement() != null,
        "the loop hook in every loop");
    census.loops++;
  }

  private void entered(BlockTree body) {
    List<? extends StatementTree> statements = body.getStatements();
    int first = 0;
    while (first < statements.size()
        && statements.get(first) instanceof ExpressionStatementTree s
        && s.getExpression().getKind() == Tree.Kind.STRING_LITERAL) {
      first++;
    }
    require(
        statements.size() == first + 2
            && statements.get(first) instanceof ExpressionStatementTree entry
            && isHookRead(entry.getExpression(), ENTER)
            && statements.get(first + 1) instanceof TryTree t
            && t.getCatches().isEmpty()
            && t.getFinallyBlock() != null
            && t.getFinallyBlock().getStatements().size() == 1
            && t.getFinallyBlock().getStatements().get(0) instanceof ExpressionStatementTree exit
            && isHookRead(exit.getExpression(), EXIT),
        "the entry and exit hooks in every function");
    census.blockFunctions++;
  }

  private static boolean isHookRead(ExpressionTree e, String hook) {
    return e instanceof MemberSelectTree read
        && isIdentifier(read.getExpression(), hook)
        && read.getIdentifier().equals(READ);
  }

  private static boolean isIdentifier(Tree t, String name) {
    return t instanceof IdentifierTree id && id.getName().equals(name);
  }

  private static ExpressionTree unparenthesized(ExpressionTree e) {
    return e instanceof ParenthesizedTree p ? unparenthesized(p.getExpression()) : e;
  }

  private static void require(boolean condition, String what) {
    if (!condition) {
      throw new IllegalStateException("missing " + what);
    }
  }
}
