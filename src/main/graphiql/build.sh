#!/usr/bin/env bash
# Rebuilds the offline GraphiQL served at /graphiql from the exact versions in package-lock.json and writes it to
# src/main/resources/static/graphiql/ (committed: building the Java product needs no npm). Needs Node.js 20+ and npm.
set -euo pipefail
cd "$(dirname "$0")"
out=../resources/static/graphiql
npm ci --no-audit --no-fund
rm -rf "$out"
mkdir -p "$out/workers"
mkdir -p build
common=(--bundle --minify --legal-comments=none --log-level=warning --define:process.env.NODE_ENV='"production"')
# the page: React, GraphiQL and Monaco as one ES module, its stylesheet (fonts inlined) beside it
npx esbuild index.jsx "${common[@]}" --format=esm --jsx=automatic --loader:.ttf=dataurl --loader:.woff2=dataurl \
  --outfile="$out/graphiql.js" --metafile=build/meta-page.json
# Monaco's language workers: the editor's own, JSON (variables, headers) and GraphQL (completion, validation)
npx esbuild "${common[@]}" --format=iife --outdir="$out/workers" --metafile=build/meta-workers.json \
  editor.worker=node_modules/monaco-editor/esm/vs/editor/editor.worker.js \
  json.worker=node_modules/monaco-editor/esm/vs/language/json/json.worker.js \
  graphql.worker=node_modules/monaco-graphql/esm/graphql.worker.js
cp index.html "$out/index.html"
node licenses.mjs build/meta-page.json build/meta-workers.json > "$out/THIRD-PARTY-LICENSES.txt"
ls -l "$out" "$out/workers"
