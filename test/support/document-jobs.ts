import { TestApp } from './test-app';

export const DOCUMENT_JOB = `query($id: ID!) { documentJob(id: $id) { id status issued total done error } }`;

/** The background run once it has finished (DONE or FAILED), polled as the web app does. */
export async function finishedJob(t: TestApp, id: string, token: string) {
  for (let i = 0; i < 200; i++) {
    const { documentJob } = await t.ok(DOCUMENT_JOB, { id }, token);
    if (documentJob.status === 'DONE' || documentJob.status === 'FAILED') return documentJob;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`document job ${id} did not finish`);
}
