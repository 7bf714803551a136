import { appendFileSync } from 'node:fs';
import { afterAll, afterEach } from 'vitest';
import { responseCheck } from '../src/plugins/response-check.ts';

/**
 * The apps the test helpers build check every /api/v1 answer against the API document
 * (buildApp's checkResponses): a test whose requests got an undocumented status, media type or
 * body fails here, naming the route, the status and what did not match.
 */
function failOnMismatches() {
  const found = responseCheck.mismatches.splice(0);
  if (found.length === 0) return;
  const lines = found.map((m) => `${m.route} → ${m.status}: ${m.problem}`);
  throw new Error(
    `Answers that disagree with the API document (fix the schema in packages/contracts or the route):\n${lines.join('\n')}`,
  );
}

afterEach(failOnMismatches);
afterAll(() => {
  // LIS_RESPONSE_CHECK_LOG=<file> collects the counts of a run, e.g. for a report
  const log = process.env.LIS_RESPONSE_CHECK_LOG;
  if (log) appendFileSync(log, `${responseCheck.checked}\n`);
  failOnMismatches();
});
