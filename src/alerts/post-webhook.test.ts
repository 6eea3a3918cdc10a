import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { postWebhook } from './post-webhook.js';

/** A local webhook receiver that answers with `status`; what it received. */
async function receiver(status: number, answer = '') {
  const received: Array<{ headers: IncomingMessage['headers']; body: string }> = [];
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      received.push({ headers: request.headers, body });
      response.writeHead(status, { 'content-type': 'text/plain' }).end(answer);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/strike`;
  return { url, received, close: () => new Promise((resolve) => server.close(resolve)) };
}

test('an alert is POSTed with its content type and headers; an HTTP error or no server is thrown as what happened', async () => {
  const ok = await receiver(200, 'ok');
  await postWebhook(ok.url, { contentType: 'text/plain; charset=utf-8', body: 'Valmora strike: 1 new article\nhttps://news.example/stories/3', headers: { Click: 'https://news.example/stories/3' } });
  assert.equal(ok.received[0]?.body, 'Valmora strike: 1 new article\nhttps://news.example/stories/3');
  assert.deepEqual([ok.received[0]?.headers['content-type'], ok.received[0]?.headers.click], ['text/plain; charset=utf-8', 'https://news.example/stories/3']);
  assert.match(String(ok.received[0]?.headers['user-agent']), /^Storyline\//);
  await ok.close();

  const failing = await receiver(404, 'no_service\n');
  await assert.rejects(postWebhook(failing.url, { contentType: 'application/json', body: '{}', headers: {} }), { message: 'HTTP 404: no_service' });
  await failing.close();
  await assert.rejects(postWebhook(failing.url, { contentType: 'application/json', body: '{}', headers: {} }), { message: 'connection refused' });
});
