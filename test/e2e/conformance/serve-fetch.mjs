/** A fetch handler on node:http at 127.0.0.1 (a free port): what the fake backends of the kit's tests run on. */
import { createServer } from 'node:http';

export async function serveFetch(handle) {
  let origin = '';
  const server = createServer(async (message, out) => {
    try {
      const chunks = [];
      for await (const chunk of message) chunks.push(chunk);
      const headers = new Headers();
      for (const [name, value] of Object.entries(message.headers)) if (value !== undefined) headers.set(name, [value].flat().join(', '));
      const body = chunks.length && !['GET', 'HEAD'].includes(message.method) ? Buffer.concat(chunks) : undefined;
      const response = await handle(new Request(new URL(message.url, origin), { method: message.method, headers, body }));
      out.statusCode = response.status;
      response.headers.forEach((value, name) => name !== 'set-cookie' && out.setHeader(name, value));
      const cookies = response.headers.getSetCookie();
      if (cookies.length) out.setHeader('Set-Cookie', cookies);
      out.end(Buffer.from(await response.arrayBuffer()));
    } catch (error) {
      out.statusCode = 500;
      out.end(String(error?.stack ?? error));
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((resolve) => server.close(resolve)) };
}
