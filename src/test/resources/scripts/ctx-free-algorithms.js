// Ordinary code a handler might contain; the result must not change under instrumentation.
function fib(n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
const memo = new Map();
const slowSquare = n => { if (memo.has(n)) { return memo.get(n); } const v = n * n; memo.set(n, v); return v; };
let words = 'the quick brown fox jumps over the lazy dog'.split(' ');
const counts = {};
for (const w of words) { counts[w] = (counts[w] || 0) + 1; }
const sorted = words.slice().sort((a, b) => a < b ? -1 : a > b ? 1 : 0);
const tree = {value: 1, children: [{value: 2, children: []}, {value: 3, children: [{value: 4, children: []}]}]};
function sumTree(node) { return node.value + node.children.reduce((s, c) => s + sumTree(c), 0); }
var matrix = [];
for (let r = 0; r < 3; r++) { matrix.push([]); for (let c = 0; c < 3; c++) { matrix[r].push(r * c); } }
let k = 0, steps = 0;
while (true) { k++; if (k > 5) { break; } if (k % 2) { continue; } steps += k; }
var caught = [];
for (var attempt = 0; attempt < 3; attempt++) {
  try { if (attempt < 2) { throw new Error('attempt ' + attempt); } caught.push('ok'); }
  catch (e) { caught.push(e.message); }
}
const json = JSON.parse(JSON.stringify({a: [1, 2, {b: 'c'}], d: null}));
const template = `${fib(10)}-${slowSquare(12)}-${slowSquare(12)}`;
const closures = [];
for (let i = 0; i < 3; i++) { closures.push(() => i); }
return [fib(15), template, counts.the, sorted[0], sumTree(tree), matrix[2], steps, caught, json.a[2].b,
        closures.map(f => f()), 'two'];
