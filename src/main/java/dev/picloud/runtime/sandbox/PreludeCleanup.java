package dev.picloud.runtime.sandbox;

/**
 * Prelude part one: removes what Nashorn adds beyond ECMAScript (host functions, Java bridges,
 * engine handles), makes code from strings unavailable and keeps the Java exception Nashorn stores
 * behind error objects out of script reach. Shares the scope of {@link Prelude}.
 */
final class PreludeCleanup {
  private PreludeCleanup() {}

  static final String SOURCE =
      """
        // Host functions, Java bridges and engine handles exist whatever the engine options.
        // (__FILE__, __DIR__, __LINE__ and a global 'arguments' cannot be deleted; harmless.)
        // One named delete each: a forEach over the names linked a call site afresh per global.
        delete global.print; delete global.load; delete global.loadWithNewGlobal;
        delete global.exit; delete global.quit; delete global.JSAdapter;
        delete global.__noSuchProperty__; delete global['javax.script.filename'];
        delete global.Java; delete global.Packages; delete global.JavaImporter;
        delete global.java; delete global.javax; delete global.javafx; delete global.com;
        delete global.org; delete global.edu; delete global.net;
        delete global.ArrayBuffer; delete global.DataView; delete global.Int8Array;
        delete global.Uint8Array; delete global.Uint8ClampedArray; delete global.Int16Array;
        delete global.Uint16Array; delete global.Int32Array; delete global.Uint32Array;
        delete global.Float32Array; delete global.Float64Array;
        delete O.bindProperties;
        delete O.setIndexedPropertiesToExternalArrayData;
        delete OrigError.captureStackTrace;
        delete OrigError.dumpStack;
        delete OrigError.prototype.printStackTrace;
        delete OrigError.prototype.getStackTrace;
        delete AP.assertNumeric;
        hide(global, 'globalThis', global);

        // Code compiled from strings would run without the instrumentation.
        function unavailable(what) {
          return function () {
            throw new OrigEvalError(what + ' is not available in PiCloud scripts');
          };
        }
        var noFunction = unavailable('the Function constructor');
        noFunction.prototype = FP;
        FP.constructor = noFunction;
        global.Function = noFunction;
        global.eval = unavailable('eval');

        // Nashorn keeps the Java exception behind an error in its 'nashornException' property and
        // writes it onto any object that is thrown. Objects inherit a read-only undefined one;
        // errors lose theirs when made (constructors) or caught (catch hook); thrown objects get an
        // inert own one (throw hook), so neither a plain read nor a setter ever sees Java.
        define(O.prototype, 'nashornException',
            {value: undefined, writable: false, enumerable: false, configurable: false});
        function withoutSandboxFrames(stack) {
          return joinArray(filterArray(splitText(stack, '\\n'), function (line) {
            return indexOfText(line, '(sandbox:') < 0;
          }), '\\n');
        }
        function scrub(e) {
          if (e === null || (typeof e !== 'object' && typeof e !== 'function')) { return e; }
          var own = ownDescriptor(e, 'nashornException');
          if (own === undefined || !own.configurable) { return e; }
          if (own.value !== undefined && own.value !== null) {
            var stack = e.stack, line = e.lineNumber, column = e.columnNumber;
            delete e.nashornException;
            hide(e, 'stack', typeof stack === 'string' ? withoutSandboxFrames(stack) : stack);
            hide(e, 'lineNumber', line);
            hide(e, 'columnNumber', column);
          } else {
            delete e.nashornException;
          }
          return e;
        }
        function wrapError(Original) {
          var Wrapped = function (message) { return scrub(applyTo(Original, undefined, arguments)); };
          Wrapped.prototype = Original.prototype;
          Original.prototype.constructor = Wrapped;
          return Wrapped;
        }
        global.Error = wrapError(OrigError);
        global.EvalError = wrapError(OrigEvalError);
        global.RangeError = wrapError(OrigRangeError);
        global.ReferenceError = wrapError(ReferenceError);
        global.SyntaxError = wrapError(SyntaxError);
        global.TypeError = wrapError(OrigTypeError);
        global.URIError = wrapError(URIError);
        function neutralise(x) {
          if (x === null || (typeof x !== 'object' && typeof x !== 'function')) { return; }
          var own = ownDescriptor(x, 'nashornException');
          if (own !== undefined && own.configurable) { delete x.nashornException; own = undefined; }
          if (own === undefined && isExtensible(x)) {
            define(x, 'nashornException',
                {value: undefined, writable: false, enumerable: false, configurable: true});
            return;
          }
          for (var o = x; o !== null; o = protoOf(o)) {
            loopHook.t;
            var found = ownDescriptor(o, 'nashornException');
            if (found !== undefined) {
              if (found.get === undefined && found.set === undefined && !found.writable) { return; }
              break;
            }
          }
          throw new OrigTypeError('this object cannot be thrown: nashornException is reserved');
        }
        var thrown = {};
        define(thrown, 'v', {set: neutralise, enumerable: false, configurable: false});
        var caught = function (e) { return scrub(javaCatch(e)); };

      """;
}
