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
        var callOf = FP.bind.bind(FP.call), applyTo = callOf(FP.apply);
        var define = O.defineProperty, ownDescriptor = O.getOwnPropertyDescriptor,
            protoOf = O.getPrototypeOf, isExtensible = O.isExtensible, create = O.create,
            keysOf = O.keys, isArray = Array.isArray, floor = Math.floor, Str = String,
            ceil = Math.ceil, log = Math.log, LN2 = Math.LN2, OrigRegExp = RegExp,
            parseJson = JSON.parse, stringifyJson = JSON.stringify,
            push = callOf(AP.push),
            joinArray = callOf(AP.join), lower = callOf(SP.toLowerCase), trim = callOf(SP.trim),
            indexOfText = callOf(SP.indexOf), substring = callOf(SP.substring),
            splitText = callOf(SP.split), filterArray = callOf(AP.filter),
            charCodeAt = callOf(SP.charCodeAt);
        var OrigError = Error, OrigTypeError = TypeError, OrigEvalError = EvalError,
            OrigRangeError = RangeError;

        function hide(holder, key, value) {
          define(holder, key, {value: value, writable: true, enumerable: false, configurable: true});
        }
        // A built-in replaced by assignment keeps its attributes (all built-ins are writable), and
        // its holder keeps the property map Nashorn shares between globals: redefining it would
        // give every global maps of its own, and the prelude's call sites would relink per global.
        function replace(holder, key, value) { holder[key] = value; }

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
