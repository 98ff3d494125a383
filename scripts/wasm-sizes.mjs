// Which crates and functions take the bytes of a wasm file with a name section, since twiggy
// 0.7 cannot parse the current wasm-bindgen output; the names of wasm-split chunks are
// demangled here. Usage (scripts/wasm-sizes.sh builds one):
//   node scripts/wasm-sizes.mjs file.wasm [top-N]
import fs from 'node:fs';

const bytes = fs.readFileSync(process.argv[2]);
const top = Number(process.argv[3] ?? 25);
let pos = 8;
const leb = () => {
  let result = 0, shift = 0, byte;
  do { byte = bytes[pos++]; result += (byte & 0x7f) * 2 ** shift; shift += 7; } while (byte & 0x80);
  return result;
};
const str = () => { const n = leb(); const s = bytes.toString('utf8', pos, pos + n); pos += n; return s; };
const limits = () => { const flags = leb(); leb(); if (flags & 1) leb(); };

/** A legacy-mangled Rust name (`_ZN…E`, as wasm-split leaves the chunks' names) demangled;
 * other names as they are. */
const ESCAPES = { '$LT$': '<', '$GT$': '>', '$C$': ',', '$RF$': '&', '$BP$': '*', '$LP$': '(', '$RP$': ')', '$SP$': '@' };
const demangle = (name) => {
  if (!name.startsWith('_ZN')) return name;
  const segments = [];
  let at = 3;
  while (/\d/.test(name[at] ?? '')) {
    const digits = name.slice(at).match(/^\d+/)[0];
    at += digits.length;
    segments.push(name.slice(at, at + Number(digits)));
    at += Number(digits);
  }
  return segments
    .map((segment) => segment
      .replace(/^_\$/, '$')
      .replace(/\$(LT|GT|C|RF|BP|LP|RP|SP)\$/g, (escape) => ESCAPES[escape])
      .replace(/\$u([0-9a-f]+)\$/g, (_, hex) => String.fromCodePoint(parseInt(hex, 16)))
      .replace(/\.\./g, '::'))
    .join('::');
};

let importedFunctions = 0;
const bodySizes = [];
const names = new Map();
while (pos < bytes.length) {
  const id = bytes[pos++];
  const size = leb();
  const end = pos + size;
  if (id === 2) {
    for (let n = leb(); n > 0; n--) {
      str(); str();
      const kind = bytes[pos++];
      if (kind === 0) { leb(); importedFunctions++; }
      else if (kind === 1) { pos++; limits(); }
      else if (kind === 2) limits();
      else if (kind === 3) { pos += 2; }
      else if (kind === 4) { pos++; leb(); }
    }
  } else if (id === 10) {
    for (let n = leb(); n > 0; n--) { const s = leb(); bodySizes.push(s); pos += s; }
  } else if (id === 0 && str() === 'name') {
    while (pos < end) {
      const sub = bytes[pos++];
      const subSize = leb();
      const subEnd = pos + subSize;
      if (sub === 1) for (let n = leb(); n > 0; n--) { const index = leb(); names.set(index, demangle(str())); }
      pos = subEnd;
    }
  }
  pos = end;
}

const crateOf = (name) => {
  const match = name.match(/^(?:<)?(?:_?<)?([a-z_][a-z0-9_]*)::/);
  return match ? match[1] : name.startsWith('_R') ? 'mangled' : '(other)';
};
const byCrate = new Map();
const functions = bodySizes.map((size, i) => ({ size, name: names.get(i + importedFunctions) ?? `#${i}` }));
for (const f of functions) byCrate.set(crateOf(f.name), (byCrate.get(crateOf(f.name)) ?? 0) + f.size);
const total = bodySizes.reduce((a, b) => a + b, 0);
console.log(`code: ${total} bytes in ${bodySizes.length} functions; file ${bytes.length} bytes`);
console.log('\nby crate (first path segment):');
for (const [crate, size] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, top)) {
  console.log(`  ${String(size).padStart(8)}  ${(100 * size / total).toFixed(1).padStart(5)}%  ${crate}`);
}
console.log('\nlargest functions:');
for (const f of functions.sort((a, b) => b.size - a.size).slice(0, top)) {
  console.log(`  ${String(f.size).padStart(8)}  ${f.name.slice(0, 140)}`);
}
