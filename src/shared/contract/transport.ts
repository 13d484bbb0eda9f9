/** The only channel names and paths the transports use; everything else derives from the contract. */
export const IPC_CALL_CHANNEL = 'klantbeeld:call';
export const IPC_EVENT_CHANNEL = 'klantbeeld:event';
export const HTTP_API_PREFIX = '/api/';
export const HTTP_EVENTS_PATH = '/events';
/** Header carrying the browser host's per-start secret. */
export const HOST_SECRET_HEADER = 'x-klantbeeld-secret';
