package dev.picloud.runtime.sandbox;

import static dev.picloud.runtime.sandbox.WrappedSource.CATCH;
import static dev.picloud.runtime.sandbox.WrappedSource.ENTER;
import static dev.picloud.runtime.sandbox.WrappedSource.EXIT;
import static dev.picloud.runtime.sandbox.WrappedSource.HOOK_PREFIX;
import static dev.picloud.runtime.sandbox.WrappedSource.LOOP;
import static dev.picloud.runtime.sandbox.WrappedSource.THROW;

import dev.picloud.runtime.control.ScriptSyntaxException;
import java.util.HashSet;
import java.util.Set;
import org.openjdk.nashorn.api.tree.BlockTree;
import org.openjdk.nashorn.api.tree.CatchTree;
import org.openjdk.nashorn.api.tree.CompilationUnitTree;
import org.openjdk.nashorn.api.tree.DoWhileLoopTree;
import org.openjdk.nashorn.api.tree.ExpressionStatementTree;
import org.openjdk.nashorn.api.tree.ForInLoopTree;
import org.openjdk.nashorn.api.tree.ForLoopTree;
import org.openjdk.nashorn.api.tree.ForOfLoopTree;
import org.openjdk.nashorn.api.tree.FunctionDeclarationTree;
import org.openjdk.nashorn.api.tree.FunctionExpressionTree;
import org.openjdk.nashorn.api.tree.IdentifierTree;
import org.openjdk.nashorn.api.tree.RegExpLiteralTree;
import org.openjdk.nashorn.api.tree.SimpleTreeVisitorES6;
import org.openjdk.nashorn.api.tree.StatementTree;
import org.openjdk.nashorn.api.tree.ThrowTree;
import org.openjdk.nashorn.api.tree.Tree;
import org.openjdk.nashorn.api.tree.WhileLoopTree;
import org.openjdk.nashorn.api.tree.WithTree;

/**
 * Rewrites a user's source so the script cannot run unmetered: every loop iteration and every
 * function entry calls a hook (the meter: operations, wall clock, CPU, allocation, stop flag),
 * every function exit is recorded (stack depth), every caught value passes a catch hook (so no Java
 * exception or stack overflow reaches script code) and every thrown object is neutralised (Nashorn
 * would store a Java exception object on it). The hooks are parameters of a function wrapped around
 * the handler, so no script code can reassign or shadow them: identifiers with their prefix are
 * rejected and {@code with} (the one construct that could put a binding in front of them) too.
 *
 * <p>Loops get {@code if(hook());else BODY} after their header and expression-bodied arrows {@code
 * hook()?0:EXPR} after {@code =>}: prefix-only forms that need no end position, which Nashorn's
 * tree API reports unreliably. The result is parsed again and checked by {@link InstrumentedShape}.
 */
final class Instrumenter {
  private Instrumenter() {}

  static String instrument(String userSource) throws ScriptSyntaxException {
    WrappedSource source = new WrappedSource(userSource);
    CompilationUnitTree tree = ScriptParser.parse(source.text(), source::error);
    JsTokens tokens;
    try {
      tokens = JsTokens.scan(source.text(), regexStarts(tree));
    } catch (JsTokens.Malformed e) {
      throw source.error(e.position(), "the sandbox cannot read this syntax: " + e.getMessage());
    }
    Insertions insertions = new Insertions();
    Census census = new Placement(source, tokens, insertions).place(tree);
    String instrumented = insertions.applyTo(source.text());
    InstrumentedShape.verify(instrumented, census);
    return instrumented;
  }

  private static Set<Integer> regexStarts(CompilationUnitTree tree) {
    Set<Integer> starts = new HashSet<>();
    tree.accept(
        new SimpleTreeVisitorES6<Void, Void>() {
          @Override
          public Void visitRegExpLiteral(RegExpLiteralTree node, Void unused) {
            starts.add((int) node.getStartPosition());
            return null;
          }
        },
        null);
    return starts;
  }

  /** A script rejected while the visitor runs (visitors cannot throw checked exceptions). */
  private static final class Rejected extends RuntimeException {
    private final transient ScriptSyntaxException reason;

    Rejected(ScriptSyntaxException reason) {
      super(reason.getMessage(), null, false, false);
      this.reason = reason;
    }
  }

  private static final class Placement extends SimpleTreeVisitorES6<Void, Void> {
    private final WrappedSource source;
    private final JsTokens tokens;
    private final Insertions out;
    private final Census census = new Census();
    private boolean insideWrapper;

    Placement(WrappedSource source, JsTokens tokens, Insertions out) {
      this.source = source;
      this.tokens = tokens;
      this.out = out;
    }

    Census place(CompilationUnitTree tree) throws ScriptSyntaxException {
      try {
        int open = tokens.at(source.handlerOpen());
        int close = tokens.partner(open);
        if (tokens.start(open) != source.handlerOpen() || close < 0) {
          throw reject(source.handlerOpen(), "the script could not be read");
        }
        if (tokens.start(close) != source.handlerClose()) {
          throw reject(tokens.start(close), "unexpected '}'");
        }
        tree.accept(this, null);
        placeExpressionArrows();
      } catch (Rejected e) {
        throw e.reason;
      }
      return census;
    }

    @Override
    public Void visitWith(WithTree node, Void unused) {
      throw reject(node.getStartPosition(), "'with' statements are not allowed");
    }

    @Override
    public Void visitIdentifier(IdentifierTree node, Void unused) {
      checkName(node.getName(), node);
      return null;
    }

    @Override
    public Void visitWhileLoop(WhileLoopTree node, Void unused) {
      loopHeader(node, "while");
      return super.visitWhileLoop(node, unused);
    }

    @Override
    public Void visitForLoop(ForLoopTree node, Void unused) {
      loopHeader(node, "for");
      return super.visitForLoop(node, unused);
    }

    @Override
    public Void visitForInLoop(ForInLoopTree node, Void unused) {
      loopHeader(node, "for");
      return super.visitForInLoop(node, unused);
    }

    @Override
    public Void visitForOfLoop(ForOfLoopTree node, Void unused) {
      loopHeader(node, "for");
      return super.visitForOfLoop(node, unused);
    }

    @Override
    public Void visitDoWhileLoop(DoWhileLoopTree node, Void unused) {
      int keyword = expect(node, "do");
      out.open(tokens.end(keyword), " if(" + LOOP + "());else ");
      census.loops++;
      return super.visitDoWhileLoop(node, unused);
    }

    @Override
    public Void visitFunctionDeclaration(FunctionDeclarationTree node, Void unused) {
      checkName(node.getName().getName(), node);
      blockBody(node.getBody());
      return super.visitFunctionDeclaration(node, unused);
    }

    @Override
    public Void visitFunctionExpression(FunctionExpressionTree node, Void unused) {
      if (!insideWrapper) {
        // The wrapper that receives the hooks: only its body (the handler) is the user's code.
        insideWrapper = true;
        node.getBody().accept(this, unused);
        return null;
      }
      if (node.getName() != null) {
        checkName(node.getName().getName(), node);
      }
      if (node.getBody() instanceof BlockTree body) {
        blockBody(body);
      } else {
        census.expressionArrows++;
      }
      return super.visitFunctionExpression(node, unused);
    }

    @Override
    public Void visitCatch(CatchTree node, Void unused) {
      if (!(node.getParameter() instanceof IdentifierTree parameter)) {
        throw reject(node.getStartPosition(), "catch needs a plain parameter name");
      }
      String name = parameter.getName();
      checkName(name, parameter);
      int open = expect(node.getBlock(), "{");
      out.open(tokens.end(open), name + "=" + CATCH + "(" + name + ");");
      census.catches++;
      return super.visitCatch(node, unused);
    }

    @Override
    public Void visitThrow(ThrowTree node, Void unused) {
      if (node.getExpression().getKind() == Tree.Kind.COMMA) {
        throw reject(node.getStartPosition(), "throw with a comma expression is not supported");
      }
      int keyword = expect(node, "throw");
      out.open(tokens.end(keyword), " " + THROW + ".v=");
      census.throwStatements++;
      return super.visitThrow(node, unused);
    }

    private void loopHeader(StatementTree loop, String keyword) {
      int open = expect(loop, keyword) + 1;
      if (!tokens.is(open, "(") || tokens.partner(open) < 0) {
        throw reject(loop.getStartPosition(), "the sandbox cannot read this loop");
      }
      out.open(tokens.end(tokens.partner(open)), "if(" + LOOP + "());else ");
      census.loops++;
    }

    /** Entry hook after the directive prologue; the rest of the body in try/finally (exit hook). */
    private void blockBody(BlockTree body) {
      int open = expect(body, "{");
      int last = open;
      for (StatementTree statement : body.getStatements()) {
        if (!(statement instanceof ExpressionStatementTree directive)
            || directive.getExpression().getKind() != Tree.Kind.STRING_LITERAL) {
          break;
        }
        int string = tokens.at(directive.getExpression().getStartPosition());
        if (string != last + 1 || tokens.kind(string) != JsTokens.Kind.STRING) {
          break;
        }
        last = tokens.is(string + 1, ";") ? string + 1 : string;
      }
      out.open(tokens.end(last), ENTER + "();try{");
      out.close(tokens.start(tokens.partner(open)), "}finally{" + EXIT + "();}");
      census.blockFunctions++;
    }

    /** Expression-bodied arrows are found by their {@code =>} token; the tree only counts them. */
    private void placeExpressionArrows() {
      int found = 0;
      for (int i = 0; i < tokens.count(); i++) {
        if (tokens.is(i, "=>") && !tokens.is(i + 1, "{")) {
          out.open(tokens.end(i), ENTER + "()?0:");
          found++;
        }
      }
      if (found != census.expressionArrows) {
        throw reject(0, "the sandbox cannot read the arrow functions of this script");
      }
    }

    private int expect(Tree node, String text) {
      int token = tokens.at(node.getStartPosition());
      if (!tokens.is(token, text) || tokens.start(token) != node.getStartPosition()) {
        throw reject(node.getStartPosition(), "the sandbox cannot read this statement");
      }
      return token;
    }

    private void checkName(String name, Tree node) {
      if (name.startsWith(HOOK_PREFIX)) {
        throw reject(
            node.getStartPosition(), "identifiers starting with " + HOOK_PREFIX + " are reserved");
      }
    }

    private Rejected reject(long position, String reason) {
      return new Rejected(source.error(position, reason));
    }
  }
}
