// Drives ddbexport-server with the real AWS SDK for JavaScript v3 (issue 12,
// item 6): every answer must parse into the SDK's typed output or its
// modelled exception class. usage: node sdk_test.mjs SERVER
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import {
  DynamoDBClient, DynamoDBServiceException, ExportTableToPointInTimeCommand, DescribeExportCommand,
  ListExportsCommand, ListTablesCommand, paginateListExports, ExportConflictException, TableNotFoundException,
  PointInTimeRecoveryUnavailableException, ExportNotFoundException, InvalidExportTimeException,
} from '@aws-sdk/client-dynamodb';

const SERVER = process.argv[2];
const MUSIC = 'arn:aws:dynamodb:us-east-1:123456789012:table/Music';
const NO_PITR = 'arn:aws:dynamodb:us-east-1:123456789012:table/NoPitr';
const dir = mkdtempSync(join(tmpdir(), 'ddbexport-sdk-'));
const store = join(dir, 'exports.jsonl');
const state = join(dir, 'state.json');
writeFileSync(state, JSON.stringify({
  Tables: [{ TableArn: MUSIC }, { TableArn: NO_PITR, ContinuousBackupsDescription: { PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'DISABLED' } } }],
  Buckets: { gone: { Exists: false } },
}));

async function startServer() {
  const proc = spawn(SERVER, ['--port', '0', '--state', state, '--store', store, '--complete-after', '0.3'],
                     { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: proc.stdout });
  const [line] = await Promise.race([
    once(lines, 'line'),
    once(proc, 'error').then(([e]) => { throw e; }),
    once(proc, 'exit').then(([code]) => { throw new Error(`ddbexport-server exited with ${code} before listening`); }),
  ]);
  const m = /^listening on (http:\/\/127\.0\.0\.1:[0-9]+)$/.exec(line);
  assert.ok(m, `listening line: ${line}`);
  const client = new DynamoDBClient({
    region: 'us-east-1', endpoint: m[1], maxAttempts: 1,
    credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
  });
  return { proc, client };
}

async function stopServer(server) {
  server.client.destroy();
  const exited = once(server.proc, 'exit');
  server.proc.kill('SIGTERM');
  const [code] = await exited;
  return code;
}

/// The error a call fails with (the call must fail).
async function failure(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  assert.fail('the call succeeded');
}

let server;
const created = [];  // every ExportArn the server answered 200 for

before(async () => { server = await startServer(); });
after(async () => {
  if (server) await stopServer(server);
  rmSync(dir, { recursive: true, force: true });
});

async function exportTable(input) {
  const out = await server.client.send(new ExportTableToPointInTimeCommand(input));
  created.push(out.ExportDescription.ExportArn);
  return out;
}

async function describe(arn) {
  return (await server.client.send(new DescribeExportCommand({ ExportArn: arn }))).ExportDescription;
}

async function waitForEnd(arn) {
  for (let i = 0; i < 50; ++i) {
    const d = await describe(arn);
    if (d.ExportStatus !== 'IN_PROGRESS') return d;
    await new Promise((r) => setTimeout(r, 100));
  }
  assert.fail(`${arn} never ended`);
}

test('create (V-EXP-CREATE): a full export, typed, with the SDK filling ClientToken', async () => {
  const out = await exportTable({ TableArn: MUSIC, S3Bucket: 'my-bucket' });
  assert.equal(out.$metadata.httpStatusCode, 200);
  assert.match(out.$metadata.requestId, /^[0-9A-V]{52}$/);
  const d = out.ExportDescription;
  assert.equal(d.ExportStatus, 'IN_PROGRESS');
  assert.match(d.ExportArn, /^arn:aws:dynamodb:us-east-1:123456789012:table\/Music\/export\/[0-9]{14}-[0-9a-f]{8}$/);
  assert.ok(d.StartTime instanceof Date);
  assert.equal(d.ExportTime.getTime(), d.StartTime.getTime());
  assert.equal(d.TableId, 'e79a3724-2f34-3ab2-8cc0-8d4d02b50227');
  assert.match(d.ClientToken, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(d.S3SseAlgorithm, 'AES256');
  assert.equal(d.ExportFormat, 'DYNAMODB_JSON');
  assert.equal(d.ExportType, undefined);
  assert.equal(d.EndTime, undefined);
});

test('replay (V-EXP-REPLAY) and conflict (R-TOKEN-CONFLICT) of a ClientToken', async () => {
  const input = { TableArn: MUSIC, S3Bucket: 'my-bucket', ClientToken: 'sdk-token-1', ExportFormat: 'ION' };
  const first = await exportTable(input);
  const again = await exportTable(input);
  assert.deepEqual(again.ExportDescription, first.ExportDescription);
  const e = await failure(server.client.send(new ExportTableToPointInTimeCommand({ ...input, S3Prefix: 'other' })));
  assert.ok(e instanceof ExportConflictException);
  assert.equal(e.message, 'Export conflict: Duplicate request detected with conflicting parameters');
  assert.equal(e.$metadata.httpStatusCode, 400);
});

test('validation errors (V-ERRBODY) with their exact messages', async () => {
  const cases = [
    [{ TableArn: MUSIC, S3Bucket: 'x' },
     "1 validation error detected: Value 'x' at 's3Bucket' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[a-z0-9A-Z]+[\\.\\-\\w]*[a-z0-9A-Z]+$"],
    [{ TableArn: MUSIC, S3Bucket: 'my-bucket', S3SseKmsKeyId: 'k' },
     'Invalid Request: KMS Key Id is not supported for this encryption type'],
    [{ TableArn: MUSIC, S3Bucket: 'my-bucket', ExportType: 'INCREMENTAL_EXPORT' },
     'Invalid Request: Incremental Export Specification expected when export type is set as Incremental Export'],
    [{ TableArn: 'Music', S3Bucket: 'my-bucket' },
     'One or more parameter values were invalid: tableArn is not a valid ARN'],
  ];
  for (const [input, message] of cases) {
    const e = await failure(server.client.send(new ExportTableToPointInTimeCommand(input)));
    assert.ok(e instanceof DynamoDBServiceException);
    assert.equal(e.name, 'ValidationException');
    assert.equal(e.message, message);
  }
  const time = await failure(server.client.send(new ExportTableToPointInTimeCommand(
    { TableArn: MUSIC, S3Bucket: 'my-bucket', ExportTime: new Date(Date.now() + 60000) })));
  assert.ok(time instanceof InvalidExportTimeException);
  assert.equal(time.message, 'Export Time is invalid');
  const denied = await failure(server.client.send(new ExportTableToPointInTimeCommand(
    { TableArn: 'arn:aws:dynamodb:us-east-1:210987654321:table/Music', S3Bucket: 'my-bucket' })));
  assert.equal(denied.name, 'AccessDeniedException');
  assert.equal(denied.message, 'Access is denied');
});

test('table not found (V-TABLE-LOOKUP) and PITR off', async () => {
  const missing = 'arn:aws:dynamodb:us-east-1:123456789012:table/Nope';
  const e = await failure(server.client.send(new ExportTableToPointInTimeCommand({ TableArn: missing, S3Bucket: 'b-1' })));
  assert.ok(e instanceof TableNotFoundException);
  assert.equal(e.message, `Table not found: ${missing}`);
  const p = await failure(server.client.send(new ExportTableToPointInTimeCommand({ TableArn: NO_PITR, S3Bucket: 'b-1' })));
  assert.ok(p instanceof PointInTimeRecoveryUnavailableException);
  assert.equal(p.message, "Point in time recovery is not enabled for table 'NoPitr'");
});

test('incremental (V-EXP-CREATE): ExportToTime and ExportViewType back-filled, no ExportTime', async () => {
  const from = new Date(Math.floor(Date.now() / 1000) * 1000 - 3600 * 1000);
  const d = (await exportTable({ TableArn: MUSIC, S3Bucket: 'my-bucket', ExportType: 'INCREMENTAL_EXPORT',
                                 IncrementalExportSpecification: { ExportFromTime: from } })).ExportDescription;
  assert.equal(d.ExportType, 'INCREMENTAL_EXPORT');
  assert.equal(d.ExportTime, undefined);
  assert.equal(d.IncrementalExportSpecification.ExportFromTime.getTime(), from.getTime());
  assert.equal(d.IncrementalExportSpecification.ExportToTime.getTime(), Math.floor(d.StartTime.getTime() / 1000) * 1000);
  assert.equal(d.IncrementalExportSpecification.ExportViewType, 'NEW_AND_OLD_IMAGES');
  const done = await waitForEnd(d.ExportArn);
  assert.equal(done.ExportStatus, 'COMPLETED');
  assert.equal(done.BilledSizeBytes, 10000000);
});

test('DescribeExport through COMPLETED and FAILED (V-LIFE-COMPLETE, V-LIFE-FAIL, V-FAIL-PREDICT)', async () => {
  const ok = (await exportTable({ TableArn: MUSIC, S3Bucket: 'my-bucket', S3Prefix: 'exports' })).ExportDescription;
  const bad = (await exportTable({ TableArn: MUSIC, S3Bucket: 'gone' })).ExportDescription;
  const completed = await waitForEnd(ok.ExportArn);
  assert.equal(completed.ExportStatus, 'COMPLETED');
  assert.equal(completed.EndTime.getTime() - completed.StartTime.getTime(), 300);
  assert.equal(completed.ExportManifest, `exports/AWSDynamoDB/${ok.ExportArn.split('/export/')[1]}/manifest-summary.json`);
  assert.equal(completed.ItemCount, 0);
  assert.equal(completed.BilledSizeBytes, 0);
  const failed = await waitForEnd(bad.ExportArn);
  assert.equal(failed.ExportStatus, 'FAILED');
  assert.equal(failed.FailureCode, 'S3NoSuchBucket');
  assert.match(failed.FailureMessage, /^The specified bucket does not exist \(Service: Amazon S3; Status Code: 404; Error Code: NoSuchBucket; Request ID: [0-9A-Z]{16}; S3 Extended Request ID: [A-Za-z0-9+\/]{75}=; Proxy: null\)$/);
  assert.equal(failed.ItemCount, undefined);
  assert.deepEqual(await describe(bad.ExportArn), failed);  // terminal: never changes
});

test('ListExports paged with paginateListExports (V-LIST-PAGE, V-LIST-ORDER)', async () => {
  const pages = [];
  for await (const page of paginateListExports({ client: server.client, pageSize: 2 }, {})) pages.push(page);
  assert.ok(pages.length >= 3);
  const arns = pages.flatMap((p) => p.ExportSummaries.map((s) => s.ExportArn));
  assert.deepEqual([...arns].sort().reverse(), arns);
  assert.deepEqual([...new Set(created)].sort().reverse(), arns);
  for (const p of pages) for (const s of p.ExportSummaries) assert.ok(['IN_PROGRESS', 'COMPLETED', 'FAILED'].includes(s.ExportStatus));
  const one = await server.client.send(new ListExportsCommand({ TableArn: MUSIC, MaxResults: 1 }));
  assert.equal(one.ExportSummaries.length, 1);
  assert.match(one.NextToken, /^[0-9a-f]+$/);
  const e = await failure(server.client.send(new ListExportsCommand({ MaxResults: 26 })));
  assert.equal(e.name, 'ValidationException');
  assert.equal(e.message, "1 validation error detected: Value '26' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 25");
});

test('DescribeExport errors (V-DESC-NOTFOUND, V-DESC-RESOURCE, V-DESC-ACCESS)', async () => {
  const unknown = 'arn:aws:dynamodb:us-east-1:123456789012:table/Music/export/01792000000500-deadbeef';
  const nf = await failure(server.client.send(new DescribeExportCommand({ ExportArn: unknown })));
  assert.ok(nf instanceof ExportNotFoundException);
  assert.equal(nf.message, `Export not found: Export not found: ${unknown}`);
  const invalid = await failure(server.client.send(new DescribeExportCommand({ ExportArn: MUSIC })));
  assert.equal(invalid.name, 'ValidationException');
  assert.equal(invalid.message, 'Invalid Export ARN');
  const denied = await failure(server.client.send(new DescribeExportCommand(
    { ExportArn: 'arn:aws:dynamodb:us-east-1:210987654321:table/Music/export/01792000000500-34353637' })));
  assert.equal(denied.name, 'AccessDeniedException');
  assert.equal(denied.message, 'Access is denied');
});

test('an unknown operation (V-TARGET) is UnknownOperationException', async () => {
  const e = await failure(server.client.send(new ListTablesCommand({})));
  assert.ok(e instanceof DynamoDBServiceException);
  assert.equal(e.name, 'UnknownOperationException');
  assert.equal(e.$metadata.httpStatusCode, 400);
});

test('a restart with --store keeps every export', async () => {
  const before = {};
  for (const arn of new Set(created)) before[arn] = await describe(arn);
  assert.equal(await stopServer(server), 0);
  server = await startServer();
  for (const arn of new Set(created)) assert.deepEqual(await describe(arn), before[arn]);
});
