import http from 'node:http';
import { post } from './http-load';

/**
 * Child process of trivialQueryLoad (certificate-zip.ts): one connection sending the same
 * small GraphQL query as soon as the previous answer is in, until told to stop; then it
 * sends back every latency. A process of its own, so its memory is not the server's.
 */
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
  }
  agent.destroy();
  process.send!({ latencies, errors }, undefined, undefined, () => process.disconnect());
})();
