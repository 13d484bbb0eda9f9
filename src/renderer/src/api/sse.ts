/**
 * A small server-sent-events parser (the `text/event-stream` format of the HTML standard).
 * EventSource cannot send the host's secret header, so the HTTP transport reads the stream
 * with fetch and feeds the text here, chunk by chunk.
 */
export interface SseMessage {
  event: string;
  data: string;
  id: string | null;
}

export interface SseParser {
  /** Feed decoded text; complete messages are handed to `onMessage`. */
  push(chunk: string): void;
}

export function createSseParser(onMessage: (message: SseMessage) => void): SseParser {
  let buffer = '';
  let eventName = '';
  let data: string[] = [];
  let lastId: string | null = null;

  function dispatch(): void {
    if (data.length > 0) onMessage({ event: eventName || 'message', data: data.join('\n'), id: lastId });
    eventName = '';
    data = [];
  }

  function line(text: string): void {
    if (text === '') return dispatch();
    if (text.startsWith(':')) return; // comment / keep-alive
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') eventName = value;
    else if (field === 'data') data.push(value);
    else if (field === 'id' && !value.includes('\0')) lastId = value;
    // `retry` and unknown fields are ignored: the transport has its own backoff.
  }

  return {
    push(chunk: string) {
      buffer += chunk;
      // Lines end in CRLF, LF or CR. A trailing CR may be the first half of a CRLF: keep it.
      let match: RegExpExecArray | null;
      const eol = /\r\n|\n|\r(?!$)/g;
      let start = 0;
      while ((match = eol.exec(buffer)) !== null) {
        line(buffer.slice(start, match.index));
        start = match.index + match[0].length;
      }
      buffer = buffer.slice(start);
    },
  };
}
