import { describe, expect, it } from 'vitest';
import { createSseParser, type SseMessage } from '../../../src/renderer/src/api/sse';

function parse(chunks: string[]): SseMessage[] {
  const out: SseMessage[] = [];
  const parser = createSseParser((m) => out.push(m));
  for (const chunk of chunks) parser.push(chunk);
  return out;
}

describe('SSE parser', () => {
  it('reads named events with JSON data', () => {
    expect(parse(['event: sync.status\ndata: {"a":1}\n\n'])).toEqual([{ event: 'sync.status', data: '{"a":1}', id: null }]);
  });

  it('handles messages split across chunks, anywhere', () => {
    const text = 'event: contact.synced\ndata: {"x":"y"}\n\nevent: sync.status\ndata: {}\n\n';
    for (let i = 1; i < text.length; i++) {
      expect(parse([text.slice(0, i), text.slice(i)]).map((m) => m.event)).toEqual(['contact.synced', 'sync.status']);
    }
  });

  it('accepts CRLF and CR line endings, even a CRLF split over two chunks', () => {
    expect(parse(['event: a\r\ndata: 1\r', '\n\r\n'])).toEqual([{ event: 'a', data: '1', id: null }]);
    expect(parse(['event: b\rdata: 2\r\r', 'x'])).toEqual([{ event: 'b', data: '2', id: null }]);
  });

  it('ignores comments (keep-alives) and joins multi-line data', () => {
    expect(parse([': verbonden\n\n', ': hartslag\n\n', 'data: a\ndata: b\n\n'])).toEqual([{ event: 'message', data: 'a\nb', id: null }]);
  });

  it('does not dispatch a message without data, nor an unterminated one', () => {
    expect(parse(['event: lonely\n\n', 'event: half\ndata: 1\n'])).toEqual([]);
  });

  it('keeps the value as is after the single optional space', () => {
    expect(parse(['data:  two spaces\nid: 7\n\n'])).toEqual([{ event: 'message', data: ' two spaces', id: '7' }]);
  });
});
