import http from 'node:http';
import { post } from './http-load';

/**
 * Child process of trivialQueryLoad (certificate-zip.ts): one connection sending the same
 * small GraphQL query PACE_MS after the previous answer, until told to stop; then it sends
 * back every latency. A probe of what a user waits, not a load: back to back, the queries
 * would take half the event loop from the job they are measured beside. A process of its
 * own, so its memory is not the server's.
 */
const PACE_MS = 10;
const { port, body, token } = JSON.parse(process.argv[2]) as {
  port: number;
  body: string;
  token: string;
};
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
const latencies: number[] = [];
let errors = 0;
let stopping = false;

process.on('message', () => (stopping = true));

void (async () => {
  process.send!('started');
  while (!stopping) {
    const sent = process.hrtime.bigint();
    const answer = await post(port, '/graphql', body, { authorization: `Bearer ${token}` }, agent);
    if (answer.status === 200 && !answer.body.includes('"errors"'))
      latencies.push(Number(process.hrtime.bigint() - sent) / 1e6);
    else errors++;
    await new Promise((resolve) => setTimeout(resolve, PACE_MS));
  }
  agent.destroy();
  process.send!({ latencies, errors }, undefined, undefined, () => process.disconnect());
})();
