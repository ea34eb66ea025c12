// Prints the licences of the npm packages whose code esbuild put into the bundle (read from its metafiles):
// package, version, licence, and the licence text the package ships. A package that ships no licence file gets the
// one of another bundled package from the same repository, or else the standard text of its declared licence.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const MIT = `Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
documentation files (the "Software"), to deal in the Software without restriction, including without limitation the
rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit
persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the
Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE
WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.`;

const directories = new Map();
for (const metafile of process.argv.slice(2)) {
  const meta = JSON.parse(readFileSync(metafile, 'utf8'));
  for (const output of Object.values(meta.outputs)) {
    for (const input of Object.keys(output.inputs)) {
      const match = input.match(/^((?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+))\//);
      if (match) directories.set(match[1], match[2]);
    }
  }
}

const repositoryOf = (pkg) => {
  const url = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url ?? '';
  return url.replace(/^git\+/, '').replace(/\.git$/, '').replace(/^(https?:\/\/|git:\/\/|ssh:\/\/git@)/, '').toLowerCase();
};

const packages = new Map();
for (const [dir, name] of directories) {
  const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  const key = `${name}@${pkg.version}`;
  if (packages.has(key)) continue;
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.|-|$)/i.test(f));
  packages.set(key, {
    key,
    licence: typeof pkg.license === 'string' ? pkg.license : pkg.license?.type ?? '(not stated)',
    repository: repositoryOf(pkg),
    author: typeof pkg.author === 'string' ? pkg.author : pkg.author?.name,
    text: file ? readFileSync(join(dir, file), 'utf8').trim() : null,
    shipped: Boolean(file),
  });
}

for (const entry of packages.values()) {
  if (entry.text) continue;
  const sibling = [...packages.values()].find((other) => other.shipped && other.repository && other.repository === entry.repository);
  if (sibling) {
    entry.text = `(${entry.key} ships no licence file; this is the licence of its repository, as shipped by ${sibling.key})\n\n${sibling.text}`;
  } else if (entry.licence === 'MIT') {
    entry.text = `(${entry.key} ships no licence file; its package.json says MIT: the standard MIT licence follows)\n\n`
      + `Copyright (c) ${entry.author ?? `the authors of ${entry.repository || entry.key}`}\n\n${MIT}`;
  } else {
    throw new Error(`${entry.key} ships no licence file and is not MIT (${entry.licence}): add its licence by hand`);
  }
}

const out = [
  'Third-party software in the GraphiQL page served at /graphiql (graphiql.js, graphiql.css, workers/*.js).',
  'Built by src/main/graphiql/build.sh from the npm packages below, exactly these versions (package-lock.json).',
  '',
];
for (const entry of [...packages.values()].sort((a, b) => a.key.localeCompare(b.key))) {
  out.push('='.repeat(100), entry.key, `licence: ${entry.licence}`);
  if (entry.repository) out.push(`source: ${entry.repository}`);
  out.push('', entry.text, '');
}
process.stdout.write(out.join('\n') + '\n');
