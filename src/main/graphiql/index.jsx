// GraphiQL for the power customer knowledge graph, bundled so that it runs on a closed network: every script,
// stylesheet, font and worker comes from this service (build.sh writes them to src/main/resources/static/graphiql/).
import React from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL, HISTORY_PLUGIN } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
// what graphiql/style.css holds, without a second copy of Monaco's stylesheets (they come with its modules):
// GraphiQL's fonts (inlined), its components' styles, its two plugins' (docs, history) and its own
import '@graphiql/react/font/roboto.css';
import '@graphiql/react/font/fira-code.css';
import '@graphiql/react/style.css';
import '@graphiql/plugin-doc-explorer/style.css';
import '@graphiql/plugin-history/style.css';
import 'graphiql/graphiql.css';

// Monaco (GraphiQL's editor) runs its language services in web workers; build.sh bundles each one beside this file.
const workers = new URL('workers/', import.meta.url);
globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const name = label === 'graphql' ? 'graphql' : label === 'json' ? 'json' : 'editor';
    return new Worker(new URL(`${name}.worker.js`, workers), { name: `${name}.worker` });
  },
};

// The service's GraphQL endpoint on this page's own origin. A same-origin fetch carries the HTTP Basic credentials
// the browser asked for when the page was opened, so no header needs to be typed.
const fetcher = createGraphiQLFetcher({
  url: new URL('../graphql', import.meta.url).href,
  fetch: (input, init) => fetch(input, { ...init, credentials: 'same-origin' }),
});

const defaultQuery = `# A customer's portrait: tags and value segments of the published analytics run.
# Ctrl+Enter runs the query; Ctrl+Space completes field names; the book icon opens the schema's documentation.
{
  customer(id: "C00000042") {
    id
    name
    tags { code }
    segments { dimension level }
  }
}
`;

createRoot(document.getElementById('graphiql')).render(
  <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} plugins={[HISTORY_PLUGIN]} defaultEditorToolsVisibility={false} />,
);
