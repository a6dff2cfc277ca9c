import { parentPort, workerData } from 'node:worker_threads';
import { closedLoop, LoadOptions } from './http-load';

// Worker-thread entry of runLoadInWorker: runs one closed loop and posts its result.
void closedLoop(workerData as LoadOptions).then((result) => parentPort?.postMessage(result));
