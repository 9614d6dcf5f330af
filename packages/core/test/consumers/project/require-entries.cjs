// Each entry point through require(), as a CommonJS consumer loads it. Prints, per entry, its export
// names and whether require() gave the very namespace import() gives: one module instance, so no
// dual-package hazard (a second copy of the kernels' memory, of TF.js's class registry).
const entries = ['rprop', 'rprop/rules', 'rprop/kernels', 'rprop/threads', 'rprop-tfjs'];
const required = entries.map((entry) => require(entry));
Promise.all(entries.map((entry) => import(entry))).then((imported) => {
  const out = entries.map((entry, i) => ({ entry, names: Object.keys(required[i]).sort(), sameAsImport: required[i] === imported[i] }));
  console.log(JSON.stringify(out));
});
