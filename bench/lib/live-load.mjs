// A lean Socket.IO load client, run as a child process of a benchmark so that the load
// generator does not share a process (or an event loop) with what it measures.
// Parent → child messages: { type: 'start', perSecond } | { type: 'stop' }.
// Child → parent: { type: 'ready', sockets } | { type: 'result', ... } | { type: 'error', message }.
import { io } from 'socket.io-client';

const config = JSON.parse(process.env.LIVE_LOAD ?? '{}');
const { url, room, tokens, sockets: count, tag, localAddress } = config;
const sockets = [];
const latencies = [];
let received = 0;
let duplicated = 0;
let reordered = 0;
let sent = 0;
let sendErrors = 0;
let sendTimer;

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function ack(socket, event, payload) {
  return new Promise((resolve) => {
    socket.timeout(30_000).emit(event, payload, (err, answer) => {
      resolve(err ? { ok: false, error: { code: 'TIMEOUT', message: String(err) } } : answer);
    });
  });
}

async function open(i) {
  const socket = io(`${url}/live`, {
    path: '/socket.io',
    transports: ['websocket'],
    auth: { token: tokens[i % tokens.length] },
    reconnection: false,
    forceNew: true,
    timeout: 60_000,
    ...(localAddress ? { localAddress } : {}),
  });
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  // Delivery order across concurrent writers is by commit, not strictly by seq (see
  // docs/realtime.md): duplicates are found by seq, and arrivals below the highest seq counted.
  const seen = new Set();
  let highest = 0;
  socket.on('chat:message', (message) => {
    const [, sentAt] = message.body.split('|');
    if (seen.has(message.seq)) {
      duplicated++;
      return;
    }
    seen.add(message.seq);
    if (message.seq < highest) reordered++;
    highest = Math.max(highest, message.seq);
    received++;
    latencies.push(Date.now() - Number(sentAt));
  });
  if (room) {
    for (;;) {
      const answer = await ack(socket, 'room:join', { room });
      if (answer.ok) break;
      if (answer.error.code !== 'RATE_LIMITED') throw new Error(`join: ${answer.error.message}`);
      await sleep(answer.error.retryAfterMs ?? 500);
    }
  }
  sockets[i] = socket;
}

async function connectAll() {
  const concurrency = 25;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await open(next++);
    }),
  );
}

function startSending(perSecond) {
  // Senders are the first socket of each person: rate limits are per person.
  const senders = sockets.slice(0, Math.min(tokens.length, count));
  let n = 0;
  sendTimer = setInterval(() => {
    const socket = senders[n % senders.length];
    const id = `${tag}-${n++}`;
    void ack(socket, 'chat:send', { room, body: `b|${Date.now()}|${id}` }).then((answer) => {
      if (answer.ok) sent++;
      else sendErrors++;
    });
  }, 1000 / perSecond);
}

process.on('message', async (message) => {
  if (message.type === 'start') {
    if (message.perSecond > 0) startSending(message.perSecond);
  } else if (message.type === 'stop') {
    clearInterval(sendTimer);
    await sleep(message.drainMs ?? 0);
    const result = {
      type: 'result',
      sockets: sockets.filter(Boolean).length,
      connected: sockets.filter((s) => s?.connected).length,
      sent,
      sendErrors,
      received,
      duplicated,
      reordered,
      latencies,
    };
    for (const socket of sockets) socket?.close();
    // The result can be megabytes: exit only once it has been handed over.
    process.send(result, () => process.exit(0));
  }
});

connectAll().then(
  () => process.send({ type: 'ready', sockets: sockets.length }),
  (err) => {
    process.send({ type: 'error', message: String(err?.message ?? err) });
    process.exit(1);
  },
);
