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

  static final String SOURCE =
      """
      (function (global, loopHook, enterHook, exitHook, javaCatch, charge, tooLarge, undef, shadows) {
        'use strict';
        var O = Object, FP = Function.prototype, AP = Array.prototype, SP = String.prototype;
        var callOf = FP.bind.bind(FP.call), applyOf = FP.bind.bind(FP.apply);
        var define = O.defineProperty, ownDescriptor = O.getOwnPropertyDescriptor,
            protoOf = O.getPrototypeOf, isExtensible = O.isExtensible, create = O.create,
            keysOf = O.keys, isArray = Array.isArray, floor = Math.floor, Str = String,
            parseJson = JSON.parse, stringifyJson = JSON.stringify,
            push = callOf(AP.push),
            joinArray = callOf(AP.join), lower = callOf(SP.toLowerCase), trim = callOf(SP.trim),
            indexOfText = callOf(SP.indexOf), substring = callOf(SP.substring),
            splitText = callOf(SP.split), filterArray = callOf(AP.filter);
        var OrigError = Error, OrigTypeError = TypeError, OrigEvalError = EvalError,
            OrigRangeError = RangeError;

        function hide(holder, name, value) {
          define(holder, name, {value: value, writable: true, enumerable: false, configurable: true});
        }

        // Host functions, Java bridges and engine handles exist whatever the engine options.
        // (__FILE__, __DIR__, __LINE__ and the empty 'arguments' cannot be deleted; harmless.)
        ['print', 'load', 'loadWithNewGlobal', 'exit', 'quit', 'JSAdapter', '__noSuchProperty__',
         'javax.script.filename', 'Java',
         'Packages', 'JavaImporter', 'java', 'javax', 'javafx', 'com', 'org', 'edu', 'net',
         'ArrayBuffer', 'DataView', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array',
         'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array'
        ].forEach(function (name) { delete global[name]; });
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
        hide(FP, 'constructor', noFunction);
        hide(global, 'Function', noFunction);
        hide(global, 'eval', unavailable('eval'));

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
        ['Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError', 'TypeError', 'URIError']
          .forEach(function (name) {
            var Original = global[name], make = applyOf(Original);
            var Wrapped = function (message) { return scrub(make(undefined, arguments)); };
            Wrapped.prototype = Original.prototype;
            hide(Original.prototype, 'constructor', Wrapped);
            hide(global, name, Wrapped);
          });
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
            loopHook();
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

        function tick(key, value) { loopHook(); return value; }
        function describe(x) {
          if (typeof x === 'string') { return x; }
          if (x !== null && typeof x === 'object' && !(x instanceof OrigError)) {
            // A cyclic object cannot be JSON: describing it falls back to String(x) below.
            try {
              var json = stringifyJson(x, tick);
              if (json !== undefined) { return json; }
            } catch (notJson) {
              loopHook();
            }
          }
          return Str(x);
        }
        function show(value) {
          return typeof value === 'string' ? value
              : typeof value === 'object' && value !== null ? describe(value) : Str(value);
        }
        function format() {
          var parts = [];
          for (var i = 0; i < arguments.length; i++) { loopHook(); parts[i] = show(arguments[i]); }
          return joinArray(parts, ' ');
        }

        function isJsonType(contentType) {
          var semicolon = indexOfText(contentType, ';');
          var type = lower(trim(semicolon < 0 ? contentType : substring(contentType, 0, semicolon)));
          return type === 'application/json'
              || (type.length > 5 && substring(type, type.length - 5) === '+json');
        }
        function serialize(body, limit) {
          var size = 0;
          return stringifyJson(body, function (key, value) {
            loopHook();
            size += typeof value === 'string' ? value.length + 2 : 1;
            if (size > limit) { tooLarge(); }
            return value;
          });
        }
        // [status, body, raw, name, value, name, value...], or [problem] for an unusable result.
        function respond(result, limit) {
          var status = 200, headers = null, body = result, contentType;
          if (result !== null && typeof result === 'object' && typeof result.statusCode === 'number') {
            status = result.statusCode;
            headers = result.headers;
            body = result.body;
          }
          var out = [status, undefined, false];
          if (headers !== undefined && headers !== null) {
            if (typeof headers !== 'object' || isArray(headers)) { return ['headers must be an object']; }
            var names = keysOf(headers);
            for (var i = 0; i < names.length; i++) {
              loopHook();
              var name = names[i], value = headers[name], values = isArray(value) ? value : [value];
              for (var j = 0; j < values.length; j++) {
                loopHook();
                var item = values[j], kind = typeof item;
                if (kind !== 'string' && kind !== 'number' && kind !== 'boolean') {
                  return ['header "' + name + '" must be a string, number or boolean'];
                }
                var text = Str(item);
                push(out, name, text);
                if (lower(name) === 'content-type') { contentType = text; }
              }
            }
          }
          if (body !== undefined) {
            var raw = typeof body === 'string' && contentType !== undefined && !isJsonType(contentType);
            var encoded = raw ? body : serialize(body, limit);
            if (encoded === undefined) { return ['the body cannot be represented as JSON']; }
            out[1] = encoded;
            out[2] = raw;
          }
          return out;
        }

        // ES6 string methods Nashorn lacks (they used to resolve to java.lang.String's, see below).
        function toInteger(n) { n = +n; return n !== n ? 0 : n < 0 ? -floor(-n) : floor(n); }
        function clamp(n, low, high) { return n < low ? low : n > high ? high : n; }
        function text(self, method) {
          if (self === undefined || self === null) {
            throw new OrigTypeError('String.prototype.' + method + ' called on ' + self);
          }
          return Str(self);
        }
        function searchText(value, method) {
          if (value instanceof RegExp) {
            throw new OrigTypeError('First argument to String.prototype.' + method + ' must not be a regular expression');
          }
          return Str(value);
        }
        function permanent(holder, name, value) {
          define(holder, name, {value: value, writable: true, enumerable: false, configurable: false});
        }
        permanent(SP, 'repeat', function repeat(count) {
          var s = text(this, 'repeat'), n = toInteger(count), result = '';
          if (n < 0 || n === Infinity) { throw new OrigRangeError('Invalid count value'); }
          charge(n, s.length * n * 2);
          for (var part = s; n > 0; n = floor(n / 2), part += part) {
            loopHook();
            if (n % 2 === 1) { result += part; }
          }
          return result;
        });
        permanent(SP, 'startsWith', function startsWith(search) {
          var s = text(this, 'startsWith'), t = searchText(search, 'startsWith');
          var start = clamp(toInteger(arguments[1]), 0, s.length);
          return substring(s, start, start + t.length) === t;
        });
        permanent(SP, 'endsWith', function endsWith(search) {
          var s = text(this, 'endsWith'), t = searchText(search, 'endsWith');
          var end = arguments[1] === undefined ? s.length : clamp(toInteger(arguments[1]), 0, s.length);
          return end - t.length >= 0 && substring(s, end - t.length, end) === t;
        });
        permanent(SP, 'includes', function includes(search) {
          var s = text(this, 'includes'), t = searchText(search, 'includes');
          return indexOfText(s, t, clamp(toInteger(arguments[1]), 0, s.length)) !== -1;
        });

        // A property a primitive lacks in JavaScript is looked up on its Java class ('x'.getClass(),
        // (1).wait()): every Java method and bean property name gets a permanent JS property.
        var javaNames = parseJson(shadows);
        [[SP, javaNames.string], [Number.prototype, javaNames.number],
         [Boolean.prototype, javaNames.boolean], [Symbol.prototype, javaNames.symbol]
        ].forEach(function (pair) {
          pair[1].forEach(function (name) {
            if (!(name in pair[0])) { permanent(pair[0], name, undefined); }
          });
        });

        // new Array(n) is free in Nashorn (sparse) but stands for n elements of work.
        var OrigArray = Array, makeArray = applyOf(OrigArray);
        var ArrayConstructor = function Array(length) {
          charge(arguments.length === 1 && typeof length === 'number' ? length : arguments.length, 0);
          return makeArray(undefined, arguments);
        };
        ArrayConstructor.prototype = AP;
        ArrayConstructor.isArray = isArray;
        hide(AP, 'constructor', ArrayConstructor);
        hide(global, 'Array', ArrayConstructor);

        // Built-ins that loop or allocate in Java without calling script code charge their cost
        // first: a sparse array of length 1e9 costs nothing to make but seconds to join. Installed
        // last, since the charges only work once a run is armed.
        function lengthOf(o) { var n = +o.length; return n > 0 ? floor(n) : 0; }
        function guard(holder, name, cost) {
          var invoke = applyOf(holder[name]);
          hide(holder, name, function () { cost(this, arguments); return invoke(this, arguments); });
        }
        var perElement = function (self) { charge(lengthOf(O(self)), 0); };
        ['indexOf', 'lastIndexOf', 'every', 'some', 'forEach', 'map', 'filter', 'reduce',
         'reduceRight', 'reverse', 'shift', 'unshift', 'slice', 'splice', 'sort', 'toLocaleString'
        ].forEach(function (name) { guard(AP, name, perElement); });
        guard(AP, 'concat', function (self, args) {
          var n = lengthOf(O(self));
          for (var i = 0; i < args.length; i++) {
            loopHook();
            n += isArray(args[i]) ? lengthOf(args[i]) : 1;
          }
          charge(n, 0);
        });
        guard(AP, 'join', function (self, args) {
          var n = lengthOf(O(self)), separator = args[0] === undefined ? 1 : Str(args[0]).length;
          charge(n, n * (separator + 1) * 2);
        });
        guard(FP, 'apply', function (self, args) {
          var list = args[1];
          charge(list === undefined || list === null ? 0 : lengthOf(O(list)), 0);
        });
        guard(SP, 'split', function (self) { var size = Str(self).length; charge(size, size * 16); });
        guard(SP, 'replace', function (self, args) {
          var size = Str(self).length, replacement = args[1];
          charge(size, typeof replacement === 'string' ? size * replacement.length * 2 : 0);
        });
        hide(JSON, 'stringify', function (value, replacer, space) {
          var inner = typeof replacer === 'function' ? callOf(replacer) : null, allowed = null;
          if (isArray(replacer)) {
            allowed = create(null);
            for (var i = 0; i < replacer.length; i++) { loopHook(); allowed[Str(replacer[i])] = true; }
          }
          return stringifyJson(value, function (key, v) {
            loopHook();
            if (allowed !== null && key !== '' && !isArray(this) && allowed[key] !== true) {
              return undefined;
            }
            return inner === null ? v : inner(this, key, v);
          }, space);
        });

        return {
          run: function (outer, ctxJson) {
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
}
