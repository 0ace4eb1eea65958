// Bundles src/graphiql.jsx with GraphiQL, React and their styles into dist/graphiql.js and dist/graphiql.css,
// which the site serves as /graphiql/… (see README.md), and lists every bundled package with its licence in
// dist/THIRD-PARTY-LICENSES.txt. Run: npm ci && npm run build
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { build } from 'esbuild';

const result = await build({
  entryPoints: { graphiql: 'src/graphiql.jsx' },
  outdir: 'dist',
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  // Fonts and images travel inside the CSS, so the page needs nothing but the two files.
  loader: { '.woff': 'dataurl', '.woff2': 'dataurl', '.ttf': 'dataurl', '.svg': 'dataurl', '.png': 'dataurl' },
  legalComments: 'none',
  metafile: true,
  logLevel: 'info',
});

// The package that owns each bundled file: the path after the last node_modules/ (scoped names have two parts).
const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  const at = input.lastIndexOf('node_modules/');
  if (at < 0) {
    continue;
  }

  const parts = input.slice(at + 'node_modules/'.length).split('/');
  const name = parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  const root = input.slice(0, at) + 'node_modules/' + name;
  packages.set(name, root);
}

const lines = ['Packages bundled into graphiql.js and graphiql.css, with the licences their package.json declares.', ''];
for (const [name, root] of [...packages].sort(([a], [b]) => a.localeCompare(b))) {
  const manifest = JSON.parse(await readFile(path.join(root, 'package.json'), 'utf8'));
  lines.push(`${name}@${manifest.version}: ${manifest.license ?? 'see package'}`);
}

await writeFile('dist/THIRD-PARTY-LICENSES.txt', lines.join('\n') + '\n');
console.log(`  dist/THIRD-PARTY-LICENSES.txt  ${packages.size} packages`);
