/// <reference lib="webworker" />
import { createHost } from './host';
import type { FromHost, ToHost } from './protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const handle = createHost((msg: FromHost) => scope.postMessage(msg));
scope.onmessage = (e: MessageEvent<ToHost>) => handle(e.data);
