'use strict';
// Syntax the instrumenter must read exactly as Nashorn does: every part adds to `out`.
var out = [];
/* a comment with { braces } and while (true) { } and => arrows */
var re = /[/}{'"`]+\/}/g;                       // regex with brackets, quotes and slashes
out.push('a/}b{\'"`/}'.replace(re, '#'));
var half = 10 / 2 / 1;                           // division, not a regex
out.push(half);
var nested = `outer ${ `inner ${ {a: '}'}.a } ${ [1, 2].map(x => x * 2).join('|') }` } end`;
out.push(nested);
out.push('while (true) { } => function () {', "it's \"quoted\" {");
var obj = {
  get value() { return 'got'; },
  set value(v) { this._v = v; },
  method() { return 'm'; },
  'quoted key': function () { return 'q'; },
  arrow: (a, b = () => 3) => a + b()
};
obj.value = 1;
out.push(obj.value, obj.method(), obj['quoted key'](), obj.arrow(1));
var i = 0, sum = 0;
do sum += i++; while (i < 4)
out.push(sum);
for (let k of [1, 2]) sum += k
for (const key in {x: 1}) out.push(key);
label: for (var a = 0; a < 3; a++) { for (var b = 0; b < 3; b++) { if (b) continue label; sum++; } }
out.push(sum);
while (i < 6) i++
out.push(i);
function inner() {
  "use strict";
  return this === undefined;
}
out.push(inner());
var curried = x => y => z => x + y + z;
out.push(curried(1)(2)(3));
var paren = () => ({wrapped: true});
out.push(paren().wrapped);
try { throw new RangeError('r'); } catch (err) { out.push(err.name); } finally { out.push('finally'); }
try { throw ('parenthesised'); } catch (e2) { out.push(e2); }
var t = typeof /x/ === 'object' ? 'regex-object' : 'no';
out.push(t);
var fnInTemplate = `${(function () { for (var q = 0; q < 2; q++) {} return q; })()}`;
out.push(fnInTemplate);
if (true) for (var z = 0; z < 2; z++) ; else out.push('never');
out.push(z);
switch (z) { case 2: out.push('two'); break; default: out.push('other'); }
return out;
