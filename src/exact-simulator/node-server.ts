import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createExactSimulator, type ExactSimulator } from './simulator.js';
import type { SimulatorOptions } from './options.js';

export interface ServedSimulator {
  /** e.g. `http://127.0.0.1:41234`; each country host is `${origin}/${region}`. */
  origin: string;
  simulator: ExactSimulator;
  close: () => Promise<void>;
}

async function toRequest(message: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of message) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(message.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const body = chunks.length && message.method !== 'GET' && message.method !== 'HEAD' ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(message.url ?? '/', origin), { method: message.method ?? 'GET', headers, body });
}

async function send(response: Response, out: ServerResponse): Promise<void> {
  out.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') out.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length) out.setHeader('Set-Cookie', cookies);
  out.end(Buffer.from(await response.arrayBuffer()));
}

/** The simulator over real HTTP on 127.0.0.1 (port 0: a free one), for the demo and end-to-end tests. */
export async function serveExactSimulator(options: SimulatorOptions, port = 0): Promise<ServedSimulator> {
  const simulator = createExactSimulator(options);
  let origin = '';
  const server = createServer((message, out) => {
    toRequest(message, origin)
      .then((request) => simulator.handle(request))
      .then((response) => send(response, out))
      .catch((error: unknown) => {
        out.statusCode = 500;
        out.end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    simulator,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
