package dev.picloud.runtime.sandbox;

/**
 * Prelude part three, run last: ES6 string methods Nashorn lacks, permanent properties over the
 * Java members of primitives, and cost guards on built-ins that loop or allocate in Java without
 * calling script code. Shares the scope of {@link Prelude}.
 */
final class PreludeGuards {
  private PreludeGuards() {}

  static final String SOURCE =
      """
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
          // The original toString tells a regular expression without touching RegExp, which
          // Nashorn makes on first use: most runs never need it.
          if (applyTo(objectTag, value, []) === '[object RegExp]') {
            throw new OrigTypeError('First argument to String.prototype.' + method + ' must not be a regular expression');
          }
          return Str(value);
        }
        function permanent(holder, key, value) {
          define(holder, key, {value: value, writable: true, enumerable: false, configurable: false});
        }
        permanent(SP, 'repeat', function repeat(count) {
          var s = text(this, 'repeat'), n = toInteger(count), result = '';
          if (n < 0 || n === Infinity) { throw new OrigRangeError('Invalid count value'); }
          charge(n, s.length * n * 2);
          for (var part = s; n > 0; n = floor(n / 2), part += part) {
            loopHook.t;
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
        permanent(SP, 'codePointAt', function codePointAt(position) {
          var s = text(this, 'codePointAt'), i = toInteger(position);
          if (i < 0 || i >= s.length) { return undefined; }
          var first = charCodeAt(s, i), second = i + 1 < s.length ? charCodeAt(s, i + 1) : 0;
          return first >= 0xD800 && first <= 0xDBFF && second >= 0xDC00 && second <= 0xDFFF
              ? (first - 0xD800) * 0x400 + (second - 0xDC00) + 0x10000 : first;
        });
        permanent(SP, 'includes', function includes(search) {
          var s = text(this, 'includes'), t = searchText(search, 'includes');
          return indexOfText(s, t, clamp(toInteger(arguments[1]), 0, s.length)) !== -1;
        });

        // A named property a primitive lacks in JavaScript is looked up on its Java type: such
        // names get permanent undefined properties (see JavaShadows); null means none. Here the
        // ones the prelude itself spells (none, as now: keep it so, it saves every global this
        // step); run() adds the program's.
        function shadow(descriptors) {
          if (descriptors === null) { return; }
          var byKind = parseJson(descriptors);
          O.defineProperties(SP, byKind.string);
          O.defineProperties(Number.prototype, byKind.number);
          O.defineProperties(Boolean.prototype, byKind.boolean);
          O.defineProperties(Symbol.prototype, byKind.symbol);
        }
        shadow(shadows);

        // new Array(n) is free in Nashorn (sparse) but stands for n elements of work.
        var OrigArray = Array;
        var ArrayConstructor = function Array(length) {
          charge(arguments.length === 1 && typeof length === 'number' ? length : arguments.length, 0);
          return applyTo(OrigArray, undefined, arguments);
        };
        ArrayConstructor.prototype = AP;
        ArrayConstructor.isArray = isArray;
        AP.constructor = ArrayConstructor;
        global.Array = ArrayConstructor;

        // Built-ins that loop or allocate in Java without calling script code charge their cost
        // first: a sparse array of length 1e9 costs nothing to make but seconds to join. Installed
        // last, since the charges only work once a run is armed.
        function lengthOf(o) { var n = +o.length; return n > 0 ? floor(n) : 0; }
        // One named assignment per built-in (see the head): a computed key would stay generic.
        function guarded(original, cost) {
          return function () {
            cost(this, arguments);
            return applyTo(original, this, arguments);
          };
        }
        var perElement = function (self) { charge(lengthOf(O(self)), 0); };
        AP.indexOf = guarded(AP.indexOf, perElement);
        AP.lastIndexOf = guarded(AP.lastIndexOf, perElement);
        AP.every = guarded(AP.every, perElement);
        AP.some = guarded(AP.some, perElement);
        AP.forEach = guarded(AP.forEach, perElement);
        AP.map = guarded(AP.map, perElement);
        AP.filter = guarded(AP.filter, perElement);
        AP.reduce = guarded(AP.reduce, perElement);
        AP.reduceRight = guarded(AP.reduceRight, perElement);
        AP.reverse = guarded(AP.reverse, perElement);
        AP.shift = guarded(AP.shift, perElement);
        AP.unshift = guarded(AP.unshift, perElement);
        AP.slice = guarded(AP.slice, perElement);
        AP.splice = guarded(AP.splice, perElement);
        AP.toLocaleString = guarded(AP.toLocaleString, perElement);
        AP.values = guarded(AP.values, perElement);
        AP.keys = guarded(AP.keys, perElement);
        AP.entries = guarded(AP.entries, perElement);
        AP[Symbol.iterator] = guarded(AP[Symbol.iterator], perElement);
        AP.sort = guarded(AP.sort, function (self) {
          var n = lengthOf(O(self));
          charge(n > 1 ? n * ceil(log(n) / LN2) : n, 0);
        });
        AP.concat = guarded(AP.concat, function (self, args) {
          var n = lengthOf(O(self));
          for (var i = 0; i < args.length; i++) {
            loopHook.t;
            n += isArray(args[i]) ? lengthOf(args[i]) : 1;
          }
          charge(n, 0);
        });
        AP.join = guarded(AP.join, function (self, args) {
          var n = lengthOf(O(self)), separator = args[0] === undefined ? 1 : Str(args[0]).length;
          charge(n, n * (separator + 1) * 2);
        });
        FP.apply = guarded(FP.apply, function (self, args) {
          var list = args[1];
          charge(list === undefined || list === null ? 0 : lengthOf(O(list)), 0);
        });
        SP.split = guarded(SP.split, function (self) {
          var size = Str(self).length;
          charge(size, size * 16);
        });
        SP.replace = guarded(SP.replace, function (self, args) {
          var size = Str(self).length, replacement = args[1];
          charge(size, typeof replacement === 'string' ? size * replacement.length * 2 : 0);
        });
        JSON.stringify = function (value, replacer, space) {
          var inner = typeof replacer === 'function' ? replacer : null, allowed = null;
          if (isArray(replacer)) {
            allowed = create(null);
            for (var i = 0; i < replacer.length; i++) { loopHook.t; allowed[Str(replacer[i])] = true; }
          }
          return stringifyJson(value, function (key, v) {
            loopHook.t;
            if (allowed !== null && key !== '' && !isArray(this) && allowed[key] !== true) {
              return undefined;
            }
            return inner === null ? v : applyTo(inner, this, [key, v]);
          }, space);
        };

      """;
}
