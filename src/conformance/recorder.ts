/** Everything the backend said to the kit, so the leak check can search all of it at the end. */
export interface Seen {
  /** `GET /api/connections/…` as asked. */
  request: string;
  status: number;
  headers: [string, string][];
  body: string;
}

export class Recorder {
  readonly seen: Seen[] = [];

  add(request: string, response: Response, body: string): void {
    const headers: [string, string][] = [];
    response.headers.forEach((value, name) => headers.push([name, value]));
    for (const cookie of response.headers.getSetCookie()) headers.push(['set-cookie', cookie]);
    this.seen.push({ request, status: response.status, headers, body });
  }
}
