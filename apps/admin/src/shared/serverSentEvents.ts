/**
 * Reads a `text/event-stream` body and hands over each event's `data` (multi-line data joined by
 * "\n") until the stream ends. For streams that need the console's Authorization header, which
 * `EventSource` cannot send: they are read through `fetch`.
 */
export async function readServerSentEvents(
  body: ReadableStream<Uint8Array>,
  onData: (data: string) => void,
): Promise<void> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const flush = (block: string): void => {
    const data = block
      .split(/\r?\n/)
      .filter((line) => line.startsWith('data:'))
      .map((line) => line.slice(5).replace(/^ /, ''));
    if (data.length > 0) {
      onData(data.join('\n'));
    }
  };
  for (;;) {
    const { done, value } = await reader.read();
    if (done) {
      break;
    }
    buffer += decoder.decode(value, { stream: true });
    const blocks = buffer.split(/\r?\n\r?\n/);
    buffer = blocks.pop() ?? '';
    blocks.forEach(flush);
  }
  buffer += decoder.decode();
  if (buffer.trim() !== '') {
    flush(buffer);
  }
}
