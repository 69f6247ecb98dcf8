// A lean Socket.IO load client, run as a child process of a benchmark so that the load
// generator does not share a process (or an event loop) with what it measures.
//
// It speaks the wire protocol itself over plain `ws` (Engine.IO v4 over WebSocket, Socket.IO v5
// packets as text) instead of running socket.io-client: with thousands of sockets on the same
// two cores as the api, the client's per-delivery work (decoding, event dispatch, timers per
// socket) competed with the api for CPU and showed up in the measured latency. A `chat:message`
// is not decoded as a whole: its `seq` and the send time in its body are read from the text.
// Everything else (acks, join answers) is parsed as JSON. Every socket still counts every
// message it receives, by `seq`.
//
// Parent → child messages: { type: 'start', perSecond, delayMs } | { type: 'stop' }.
// Child → parent: { type: 'ready', sockets } | { type: 'result', ... } | { type: 'error', message }.
import WebSocket from 'ws';

const config = JSON.parse(process.env.LIVE_LOAD ?? '{}');
const { url, room, tokens, sockets: count, tag, localAddress } = config;
const NAMESPACE = '/live';
const sockets = [];
const latencies = [];
let received = 0;
let duplicated = 0;
let reordered = 0;
let sent = 0;
let sendErrors = 0;
let sendTimer;
let cpuAtStart = process.cpuUsage();

const cpuSince = (start) => {
  const { user, system } = process.cpuUsage(start);
  return Math.round((user + system) / 1000);
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const wsUrl = `${url.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`;
const EVENT = `42${NAMESPACE},`;
const ACK = `43${NAMESPACE},`;
const CHAT_MESSAGE = `${EVENT}["chat:message",`;

/** One Socket.IO connection to /live over a raw WebSocket. */
class LiveSocket {
  constructor(token) {
    this.token = token;
    this.connected = false;
    this.acks = new Map();
    this.nextAck = 0;
    // Delivery order across concurrent writers is by commit, not strictly by seq (see
    // docs/realtime.md): duplicates are found by seq, and arrivals below the highest seq counted.
    this.seen = new Set();
    this.highest = 0;
  }

  open() {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(wsUrl, {
        perMessageDeflate: false,
        handshakeTimeout: 60_000,
        ...(localAddress ? { localAddress } : {}),
      });
      this.ws = ws;
      const fail = (err) => {
        if (!this.connected) reject(err instanceof Error ? err : new Error(String(err)));
      };
      ws.on('error', fail);
      ws.on('close', () => {
        this.connected = false;
        fail(new Error('closed before the namespace connected'));
        for (const resolveAck of this.acks.values()) {
          resolveAck({ ok: false, error: { code: 'DISCONNECTED', message: 'socket closed' } });
        }
        this.acks.clear();
      });
      ws.on('message', (data) => {
        const text = data.toString();
        if (text.startsWith(CHAT_MESSAGE)) {
          this.onChatMessage(text);
        } else if (text === '2') {
          ws.send('3');
        } else if (text.startsWith('0')) {
          ws.send(`40${NAMESPACE},${JSON.stringify({ token: this.token })}`);
        } else if (text.startsWith(`40${NAMESPACE},`)) {
          this.connected = true;
          resolve();
        } else if (text.startsWith(`44${NAMESPACE},`)) {
          fail(new Error(`connect: ${text.slice(`44${NAMESPACE},`.length)}`));
          ws.close();
        } else if (text.startsWith(ACK)) {
          this.onAck(text);
        }
      });
    });
  }

  onChatMessage(text) {
    // {"id":"…","room":"session:…","seq":12,…,"body":"b|<sent at>|<id>",…}
    const at = Date.now();
    const seqAt = text.indexOf('"seq":') + 6;
    const seq = Number(text.slice(seqAt, text.indexOf(',', seqAt)));
    const bodyAt = text.indexOf('"body":"b|') + 10;
    const sentAt = Number(text.slice(bodyAt, text.indexOf('|', bodyAt)));
    if (!Number.isInteger(seq) || !Number.isFinite(sentAt)) {
      throw new Error(`unreadable chat:message: ${text.slice(0, 200)}`);
    }
    if (this.seen.has(seq)) {
      duplicated++;
      return;
    }
    this.seen.add(seq);
    if (seq < this.highest) reordered++;
    if (seq > this.highest) this.highest = seq;
    received++;
    latencies.push(at - sentAt);
  }

  onAck(text) {
    const rest = text.slice(ACK.length);
    const bracket = rest.indexOf('[');
    const id = Number(rest.slice(0, bracket));
    const resolveAck = this.acks.get(id);
    if (!resolveAck) return;
    this.acks.delete(id);
    resolveAck(JSON.parse(rest.slice(bracket))[0]);
  }

  emit(event, payload, timeoutMs = 30_000) {
    return new Promise((resolve) => {
      const id = this.nextAck++;
      const timer = setTimeout(() => {
        this.acks.delete(id);
        resolve({ ok: false, error: { code: 'TIMEOUT', message: `no answer to ${event}` } });
      }, timeoutMs);
      this.acks.set(id, (answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
      this.ws.send(`${EVENT}${id}${JSON.stringify([event, payload])}`);
    });
  }

  close() {
    this.ws?.close();
  }
}

async function open(i) {
  const socket = new LiveSocket(tokens[i % tokens.length]);
  await socket.open();
  if (room) {
    for (;;) {
      const answer = await socket.emit('room:join', { room });
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
    // The send time is taken right before the packet is written, as socket.io-client did.
    void socket.emit('chat:send', { room, body: `b|${Date.now()}|${id}` }).then((answer) => {
      if (answer.ok) sent++;
      else sendErrors++;
    });
  }, 1000 / perSecond);
}

process.on('message', async (message) => {
  if (message.type === 'start') {
    cpuAtStart = process.cpuUsage();
    if (message.perSecond > 0) {
      setTimeout(() => startSending(message.perSecond), message.delayMs ?? 0);
    }
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
      // CPU time this client used from 'start' to 'stop' (and its drain).
      cpu_ms: cpuSince(cpuAtStart),
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
