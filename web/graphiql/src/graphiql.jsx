// GraphiQL for /graphql, bundled into the site (see ../README.md). It talks to the page's own endpoint only,
// which the page's Content-Security-Policy enforces as well.
import { setNonce } from 'get-nonce';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import './page.css';

// GraphiQL's dialogs add <style> elements at run time; the page's policy admits them only with its nonce,
// which the server puts on this script's own tag.
const nonce = document.currentScript?.nonce;
if (nonce) {
  setNonce(nonce);
}

const container = document.getElementById('graphiql');
const endpoint = container.dataset.endpoint || '/graphql';

const example = `# Star Registry: GB/T 27922 certificates.
# Run with ▶ or Ctrl+Enter; Docs lists every field.

query Search {
  search(text: "电器", first: 5) {
    totalCount
    edges {
      node {
        number
        status
        current { level { nameZh } expiresOn }
        organisation { nameZh }
        body { nameZh }
      }
    }
  }
}
`;

async function fetcher(params, options) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json;q=0.9',
      ...(options?.headers ?? {}),
    },
    body: JSON.stringify(params),
  });
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    return response.json();
  }

  // A refusal that is not GraphQL (a proxy's error page) still shows as an error in the result pane.
  return { errors: [{ message: `HTTP ${response.status}: ${await response.text()}` }] };
}

// A link such as /graphql?query=… opens with that query in the editor.
const linkedQuery = new URLSearchParams(window.location.search).get('query') ?? undefined;

container.textContent = '';
createRoot(container).render(<GraphiQL fetcher={fetcher} defaultQuery={example} query={linkedQuery} shouldPersistHeaders={false} />);
