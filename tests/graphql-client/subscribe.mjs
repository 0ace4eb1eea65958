// An off-the-shelf subscriber: the npm graphql-ws client (with the ws package as its socket) subscribes to
// certificateStatusChanged on a running registry and prints the first change as one JSON line, then exits.
//   node subscribe.mjs http://127.0.0.1:8080/graphql [bodyCode]
// Prints {"connected":true} once the connection is acknowledged, so a caller knows when to publish.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [endpoint, body] = process.argv.slice(2);
if (!endpoint) {
  console.error('usage: node subscribe.mjs <http(s)://host/graphql> [bodyCode]');
  process.exit(2);
}

const url = endpoint.replace(/^http/, 'ws');
const client = createClient({
  url,
  webSocketImpl: WebSocket,
  retryAttempts: 0,
  on: { connected: () => console.log(JSON.stringify({ connected: true })) },
});

const query = `subscription ($body: String) {
  certificateStatusChanged(body: $body) {
    sequence certificateNumber bodyCode kind standing reason publishedAt
  }
}`;

const timeout = setTimeout(() => {
  console.error('no change within 60 s');
  process.exit(1);
}, 60_000);

try {
  const subscription = client.iterate({ query, variables: { body: body ?? null } });
  for await (const result of subscription) {
    if (result.errors) {
      console.error(JSON.stringify(result.errors));
      process.exitCode = 1;
    } else {
      console.log(JSON.stringify({ event: result.data.certificateStatusChanged }));
    }
    break; // Leaving the loop completes the subscription.
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : JSON.stringify(error));
  process.exitCode = 1;
} finally {
  clearTimeout(timeout);
  await client.dispose();
}
