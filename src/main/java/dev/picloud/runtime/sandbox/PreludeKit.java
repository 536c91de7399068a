package dev.picloud.runtime.sandbox;

/**
 * Prelude part two: what the runtime calls in a global: describing thrown values, formatting log
 * arguments, turning a handler's result into status, headers and body. Shares the scope of {@link
 * Prelude}; its own loops call the loop hook.
 */
final class PreludeKit {
  private PreludeKit() {}

  static final String SOURCE =
      """
        function tick(key, value) { loopHook.t; return value; }
        function describe(x) {
          if (typeof x === 'string') { return x; }
          if (x !== null && typeof x === 'object' && !(x instanceof OrigError)) {
            // A cyclic object cannot be JSON: describing it falls back to String(x) below.
            try {
              var json = stringifyJson(x, tick);
              if (json !== undefined) { return json; }
            } catch (notJson) {
              loopHook.t;
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
          for (var i = 0; i < arguments.length; i++) { loopHook.t; parts[i] = show(arguments[i]); }
          return joinArray(parts, ' ');
        }

        function isJsonType(contentType) {
          var semicolon = indexOfText(contentType, ';');
          var type = lower(trim(semicolon < 0 ? contentType : substring(contentType, 0, semicolon)));
          return type === 'application/json'
              || (type.length > 5 && substring(type, type.length - 5) === '+json');
        }
        // A primitive needs no replacer: one costs every fresh global a new call site to link.
        function serialize(body, limit) {
          var kind = typeof body;
          if (kind === 'string' || kind === 'number' || kind === 'boolean') {
            if ((kind === 'string' ? body.length + 2 : 1) > limit) { tooLarge(); }
            return stringifyJson(body);
          }
          var size = 0;
          return stringifyJson(body, function (key, value) {
            loopHook.t;
            size += typeof value === 'string' ? value.length + 2 : 1;
            if (size > limit) { tooLarge(); }
            return value;
          });
        }
        // [status, body, raw, header, value, header, value...], or [problem] for an unusable result.
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
              loopHook.t;
              var header = names[i], value = headers[header], values = isArray(value) ? value : [value];
              for (var j = 0; j < values.length; j++) {
                loopHook.t;
                var item = values[j], kind = typeof item;
                if (kind !== 'string' && kind !== 'number' && kind !== 'boolean') {
                  return ['header "' + header + '" must be a string, number or boolean'];
                }
                var text = Str(item);
                pushTwo(out, header, text);
                if (lower(header) === 'content-type') { contentType = text; }
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

      """;
}
