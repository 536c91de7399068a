package dev.picloud.runtime.sandbox;

/**
 * The trusted script run once in every fresh global before any user code: it removes what Nashorn
 * adds beyond ECMAScript (host functions, Java bridges, engine handles), makes code-from-strings
 * unavailable, hides the Java exception Nashorn keeps behind error objects, puts cost guards on
 * built-ins that loop or allocate in Java, and returns the functions the runtime calls. It captures
 * every built-in it needs first, so later changes a script makes to built-ins cannot reach it. It
 * is not instrumented; its own loops call the loop hook explicitly.
 */
final class Prelude {
  private Prelude() {}

  private static final String HEAD =
      """
      (function (global, loopHook, enterHook, exitHook, javaCatch, charge, tooLarge, undef, shadows) {
        'use strict';
        var O = Object, FP = Function.prototype, AP = Array.prototype, SP = String.prototype;
        // applyTo(f, self, args) runs the original apply: the prelude's only bound function (each
        // costs a fresh global new method handles). The helpers below close over originals too.
        var applyTo = FP.call.bind(FP.apply);
        var define = O.defineProperty, ownDescriptor = O.getOwnPropertyDescriptor,
            protoOf = O.getPrototypeOf, isExtensible = O.isExtensible, create = O.create,
            keysOf = O.keys, isArray = Array.isArray, floor = Math.floor, Str = String,
            ceil = Math.ceil, log = Math.log, LN2 = Math.LN2, objectTag = O.prototype.toString,
            parseJson = JSON.parse, stringifyJson = JSON.stringify;
        var origPush = AP.push, origJoin = AP.join, origFilter = AP.filter,
            origLower = SP.toLowerCase, origTrim = SP.trim, origIndexOf = SP.indexOf,
            origSubstring = SP.substring, origSplit = SP.split, origCharCodeAt = SP.charCodeAt;
        function pushTwo(array, a, b) { return applyTo(origPush, array, [a, b]); }
        function joinArray(array, separator) { return applyTo(origJoin, array, [separator]); }
        function filterArray(array, test) { return applyTo(origFilter, array, [test]); }
        function lower(text) { return applyTo(origLower, text, []); }
        function trim(text) { return applyTo(origTrim, text, []); }
        function indexOfText(text, part, from) { return applyTo(origIndexOf, text, [part, from]); }
        function substring(text, from, to) { return applyTo(origSubstring, text, [from, to]); }
        function splitText(text, separator) { return applyTo(origSplit, text, [separator]); }
        function charCodeAt(text, i) { return applyTo(origCharCodeAt, text, [i]); }
        var OrigError = Error, OrigTypeError = TypeError, OrigEvalError = EvalError,
            OrigRangeError = RangeError;

        function hide(holder, key, value) {
          define(holder, key, {value: value, writable: true, enumerable: false, configurable: true});
        }
        // Built-ins are replaced by assignment to a named property: it keeps their attributes (all
        // built-ins are writable), and their holder keeps the property map Nashorn shares between
        // globals, so the access site links once. Redefining them would give every global maps of
        // its own, and the prelude's call sites would relink per global.

      """;

  private static final String TAIL =
      """
        return {
          run: function (outer, ctxJson, programShadows) {
            shadow(programShadows);
            var handler = outer(loopHook, enterHook, exitHook, caught, thrown);
            var result = handler(parseJson(ctxJson));
            return result === undefined ? undef : result;
          },
          respond: respond,
          describe: describe,
          format: format,
          parse: function (json) { return parseJson(json); },
          text: function (value) { return Str(value); },
          error: function (message) { return new OrigError(message); },
          fail: function (message) { throw new OrigError(message); }
        };
      })
      """;

  static final String SOURCE =
      HEAD + PreludeCleanup.SOURCE + PreludeKit.SOURCE + PreludeGuards.SOURCE + TAIL;
}
