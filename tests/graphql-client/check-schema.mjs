// Checks the registry's GraphQL API with graphql-js, the reference implementation, as any client would:
// introspect the running server, build a client schema from the answer, check it against the committed
// schema.graphql, validate sample operations, and run one. Prints one JSON line; exits 1 on any failure.
//
//   node check-schema.mjs http://127.0.0.1:8080/graphql ../../src/Registry.Web/Features/GraphQL/schema.graphql
import { readFile } from 'node:fs/promises';
import {
  BreakingChangeType,
  assertValidSchema,
  buildClientSchema,
  buildSchema,
  findBreakingChanges,
  findDangerousChanges,
  getIntrospectionQuery,
  parse,
  validate,
} from 'graphql';

const [endpoint, schemaFile] = process.argv.slice(2);
if (!endpoint || !schemaFile) {
  console.error('usage: node check-schema.mjs <endpoint url> <schema.graphql>');
  process.exit(2);
}

// Operations an integrator would write; each must validate against the introspected schema.
const samples = {
  certificateByNumber: `query Certificate($number: String!) {
    certificate(number: $number) {
      number status issuedOn
      current { status statusNameZh level { code nameZh stars } expiresOn since reason }
      statusOn(date: "2025-01-01") { status }
      statusAsPublishedAt(instant: "2025-01-01T00:00:00+08:00") { status }
      history { sequence kind effectiveOn publishedAt reason }
      body { code nameZh nameEn }
      organisation { creditCode nameZh nameEn province { code nameZh } }
    }
  }`,
  searchPage: `query Search($text: String, $after: String) {
    search(text: $text, first: 50, after: $after, filter: { statuses: [VALID], expiresFrom: "2026-01-01" }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { cursor score nameZh { text matched } node { number status body { code } organisation { nameZh } } }
      facets { statuses { status count } levels { value count nameZh } bodies { value count } provinces { value count } }
    }
  }`,
  organisation: `{ organisation(creditCode: "91330106MA27XK6L3P") { nameZh certificates(first: 5) { totalCount edges { node { number } } } } }`,
  verify: `query Verify($payload: String!) { verify(payload: $payload) { kind status since notGenuineCode differences { field } claims { number medium } } }`,
  reference: `{ bodies { code nameZh } schemes { code levels { code stars } } provinces { code nameEn } }`,
  suspend: `mutation Suspend($input: SuspendCertificateInput!) {
    suspendCertificate(input: $input) {
      replayed
      errors { __typename code message ... on ConflictError { retryable } }
      change { version status event { sequence kind effectiveOn } }
      certificate { number version status }
    }
  }`,
  auditLog: `{ auditLog(first: 10) { edges { cursor node { occurredAt operation outcome errorCode } } pageInfo { hasNextPage endCursor } } }`,
};

// Operations that must not validate, so that the validation above is known to be real.
const invalid = {
  unknownField: '{ certificate(number: "X") { colour } }',
  wrongArgumentType: '{ search(first: "ten") { totalCount } }',
};

async function post(body) {
  const response = await fetch(endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify(body),
  });
  return { status: response.status, contentType: response.headers.get('content-type'), json: await response.json() };
}

const failures = [];
const introspection = await post({ query: getIntrospectionQuery({ descriptions: true }) });
if (introspection.status !== 200 || introspection.json.errors) {
  console.log(JSON.stringify({ ok: false, step: 'introspection', status: introspection.status, errors: introspection.json.errors }));
  process.exit(1);
}

const schema = buildClientSchema(introspection.json.data);
assertValidSchema(schema);

// The live schema and the committed file must describe the same API in both directions. Directives are left
// out: graphql-js adds its own built-in ones (@specifiedBy, @oneOf) to any schema it builds from SDL, and the
// server's built-ins differ; neither is part of the registry's API.
const directiveChanges = new Set([
  BreakingChangeType.DIRECTIVE_REMOVED,
  BreakingChangeType.DIRECTIVE_ARG_REMOVED,
  BreakingChangeType.REQUIRED_DIRECTIVE_ARG_ADDED,
  BreakingChangeType.DIRECTIVE_REPEATABLE_REMOVED,
  BreakingChangeType.DIRECTIVE_LOCATION_REMOVED,
]);
const committed = buildSchema(await readFile(schemaFile, 'utf8'));
const drift = [
  ...findBreakingChanges(committed, schema),
  ...findDangerousChanges(committed, schema),
  ...findBreakingChanges(schema, committed),
  ...findDangerousChanges(schema, committed),
].filter((change) => !directiveChanges.has(change.type)).map((change) => change.description);
if (drift.length > 0) {
  failures.push({ step: 'schema.graphql matches the live schema', drift });
}

const validated = {};
for (const [name, source] of Object.entries(samples)) {
  const errors = validate(schema, parse(source));
  validated[name] = errors.length;
  if (errors.length > 0) {
    failures.push({ step: `sample ${name} validates`, errors: errors.map((e) => e.message) });
  }
}

for (const [name, source] of Object.entries(invalid)) {
  if (validate(schema, parse(source)).length === 0) {
    failures.push({ step: `invalid sample ${name} is refused` });
  }
}

const run = await post({ query: samples.reference });
if (run.status !== 200 || run.json.errors || !Array.isArray(run.json.data?.bodies)) {
  failures.push({ step: 'run the reference sample', status: run.status, errors: run.json.errors });
}

console.log(JSON.stringify({
  ok: failures.length === 0,
  types: Object.keys(schema.getTypeMap()).filter((t) => !t.startsWith('__')).length,
  queryFields: Object.keys(schema.getQueryType().getFields()),
  mutationFields: Object.keys(schema.getMutationType()?.getFields() ?? {}),
  validated,
  contentType: introspection.contentType,
  failures,
}));
process.exit(failures.length === 0 ? 0 : 1);
