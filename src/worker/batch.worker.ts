// A batch worker's entry point: one of the BatchPool's workers, computing the index ranges of a
// batch job it is sent with the float64 engine. Compiled without the DOM library (tsconfig.worker.json).
import { BatchHandler } from './batch-handler';
import { BATCH_PROTOCOL_VERSION, type BatchRequest, type BatchResponse } from './batch-protocol';
import { answerWatchdog, isWatchdogRequest, type WatchdogRequest } from './watchdog-protocol';

declare const self: DedicatedWorkerGlobalScope;

const handler = new BatchHandler();

self.onmessage = (event: MessageEvent<BatchRequest | WatchdogRequest>) => {
  if (isWatchdogRequest(event.data)) return answerWatchdog(event.data, (answer) => self.postMessage(answer));
  const { response, transfer } = handler.handle(event.data);
  self.postMessage(response, transfer);
};

self.postMessage({ type: 'ready', protocolVersion: BATCH_PROTOCOL_VERSION } satisfies BatchResponse);
