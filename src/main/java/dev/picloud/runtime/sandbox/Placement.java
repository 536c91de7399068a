package dev.picloud.runtime.sandbox;

import static dev.picloud.runtime.sandbox.WrappedSource.CATCH;
import static dev.picloud.runtime.sandbox.WrappedSource.ENTER;
import static dev.picloud.runtime.sandbox.WrappedSource.EXIT;
import static dev.picloud.runtime.sandbox.WrappedSource.HOOK_PREFIX;
import static dev.picloud.runtime.sandbox.WrappedSource.LOOP;
import static dev.picloud.runtime.sandbox.WrappedSource.THROW;
import static dev.picloud.runtime.sandbox.WrappedSource.read;

import dev.picloud.runtime.control.ScriptSyntaxException;
import java.util.HashSet;
import java.util.Set;
import org.openjdk.nashorn.api.tree.BlockTree;
import org.openjdk.nashorn.api.tree.CatchTree;
import org.openjdk.nashorn.api.tree.DoWhileLoopTree;
import org.openjdk.nashorn.api.tree.ExpressionStatementTree;
import org.openjdk.nashorn.api.tree.ForInLoopTree;
import org.openjdk.nashorn.api.tree.ForLoopTree;
import org.openjdk.nashorn.api.tree.ForOfLoopTree;
import org.openjdk.nashorn.api.tree.FunctionDeclarationTree;
import org.openjdk.nashorn.api.tree.FunctionExpressionTree;
import org.openjdk.nashorn.api.tree.IdentifierTree;
import org.openjdk.nashorn.api.tree.SimpleTreeVisitorES6;
import org.openjdk.nashorn.api.tree.StatementTree;
import org.openjdk.nashorn.api.tree.ThrowTree;
import org.openjdk.nashorn.api.tree.Tree;
import org.openjdk.nashorn.api.tree.WhileLoopTree;
import org.openjdk.nashorn.api.tree.WithTree;

/**
 * Finds where the hooks go: walks the tree, anchors each insertion on a token, rejects what would
 * defeat the hooks ({@code with}, identifiers with the hook prefix, {@code throw a, b}), and checks
 * that the tree saw every loop, catch, throw and arrow the tokens show.
 */
final class Placement extends SimpleTreeVisitorES6<Void, Void> {
  private final WrappedSource source;
  private final AnalysisText analysis;
  private final JsTokens tokens;
  private final Insertions out;
  private final Census census = new Census();
  private final Set<Integer> forLoops = new HashSet<>();
  private int whileLoops;
  private int arrows;
  private boolean insideWrapper;

  Placement(WrappedSource source, AnalysisText analysis, Insertions out) {
    this.source = source;
    this.analysis = analysis;
    this.tokens = analysis.tokens();
    this.out = out;
  }

  /** A script rejected while the visitor runs (visitors cannot throw checked exceptions). */
  private static final class Rejected extends RuntimeException {
    private final transient ScriptSyntaxException reason;

    Rejected(ScriptSyntaxException reason) {
      super(reason.getMessage(), null, false, false);
      this.reason = reason;
    }
  }

  Census place() throws ScriptSyntaxException {
    try {
      int open = tokens.at(source.handlerOpen());
      int close = tokens.partner(open);
      if (tokens.start(open) != source.handlerOpen() || close < 0) {
        throw reject(source.handlerOpen(), "the script could not be read");
      }
      if (tokens.start(close) != source.handlerClose()) {
        throw reject(tokens.start(close), "unexpected '}'");
      }
      analysis.tree().accept(this, null);
      TokenPass.placeExpressionArrows(tokens, out);
      boolean complete =
          TokenPass.sawEveryKeyword(
                  tokens, forLoops, whileLoops, arrows, census.catches, census.throwStatements)
              && forLoops.containsAll(analysis.blankedLoops());
      if (!complete) {
        throw reject(0, "the sandbox cannot read this script's structure");
      }
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
    whileLoops++;
    return super.visitWhileLoop(node, unused);
  }

  @Override
  public Void visitForLoop(ForLoopTree node, Void unused) {
    forLoops.add(tokens.start(loopHeader(node, "for")));
    return super.visitForLoop(node, unused);
  }

  @Override
  public Void visitForInLoop(ForInLoopTree node, Void unused) {
    forLoops.add(tokens.start(loopHeader(node, "for")));
    return super.visitForInLoop(node, unused);
  }

  @Override
  public Void visitForOfLoop(ForOfLoopTree node, Void unused) {
    forLoops.add(tokens.start(loopHeader(node, "for")));
    return super.visitForOfLoop(node, unused);
  }

  @Override
  public Void visitDoWhileLoop(DoWhileLoopTree node, Void unused) {
    int keyword = expect(node, "do");
    out.open(tokens.end(keyword), " if(" + read(LOOP) + ");else ");
    census.loops++;
    whileLoops++;
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
    if (node.isArrow()) {
      arrows++;
    }
    if (node.getBody() instanceof BlockTree body) {
      blockBody(body);
    } else if (!(node.getBody() instanceof FunctionExpressionTree inner && inner.isArrow())) {
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

  /** Puts the loop hook after the loop's header; returns the keyword token. */
  private int loopHeader(StatementTree loop, String keyword) {
    int token = expect(loop, keyword);
    int open = token + 1;
    if (!tokens.is(open, "(") || tokens.partner(open) < 0) {
      throw reject(loop.getStartPosition(), "the sandbox cannot read this loop");
    }
    out.open(tokens.end(tokens.partner(open)), "if(" + read(LOOP) + ");else ");
    census.loops++;
    return token;
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
    out.open(tokens.end(last), read(ENTER) + ";try{");
    out.close(tokens.start(tokens.partner(open)), "}finally{" + read(EXIT) + ";}");
    census.blockFunctions++;
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
