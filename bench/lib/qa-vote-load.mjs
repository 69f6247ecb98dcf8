// A Q&A voting load client, run as a child process of the qa-votes benchmark: one socket per
// attendee, each vote sets (or unsets) that person's upvote on a random question. A person never
// has two votes on the same question in flight, so the state each client expects is exact.
// Parent → child: { type: 'start', perSecond } | { type: 'stop', drainMs }.
// Child → parent: { type: 'ready' } | { type: 'result', ... } | { type: 'error', message }.
import { io } from 'socket.io-client';

const { url, sessionId, tokens, questionIds } = JSON.parse(process.env.QA_LOAD ?? '{}');
const room = `session:${sessionId}`;
const sockets = [];
const voted = tokens.map(() => new Set());
const inFlight = tokens.map(() => new Set());
const latencies = [];
let acked = 0;
let errors = 0;
const errorCodes = {};
let broadcasts = 0;
let timer;

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
    auth: { token: tokens[i] },
    reconnection: false,
    forceNew: true,
    timeout: 60_000,
  });
  await new Promise((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  for (;;) {
    const answer = await ack(socket, 'room:join', { room });
    if (answer.ok) break;
    if (answer.error.code !== 'RATE_LIMITED') throw new Error(`join: ${answer.error.message}`);
    await sleep(answer.error.retryAfterMs ?? 500);
  }
  // Broadcasts are counted at one socket: every socket in the room gets the same ones.
  if (i === 0) socket.on('qa:votes', () => broadcasts++);
  sockets[i] = socket;
}

function voteOnce() {
  const person = Math.floor(Math.random() * sockets.length);
  const question = questionIds[Math.floor(Math.random() * questionIds.length)];
  if (inFlight[person].has(question)) return;
  inFlight[person].add(question);
  const want = !voted[person].has(question);
  const started = performance.now();
  void ack(sockets[person], 'qa:vote', { sessionId, questionId: question, voted: want }).then(
    (answer) => {
      latencies.push(performance.now() - started);
      inFlight[person].delete(question);
      if (answer.ok) {
        acked++;
        if (want) voted[person].add(question);
        else voted[person].delete(question);
      } else {
        errors++;
        errorCodes[answer.error.code] = (errorCodes[answer.error.code] ?? 0) + 1;
      }
    },
  );
}

function start(perSecond) {
  const tickMs = 10;
  let due = 0;
  let last = performance.now();
  timer = setInterval(() => {
    const now = performance.now();
    due += ((now - last) * perSecond) / 1000;
    last = now;
    while (due >= 1) {
      due--;
      voteOnce();
    }
  }, tickMs);
}

process.on('message', async (message) => {
  if (message.type === 'start') start(message.perSecond);
  if (message.type === 'stop') {
    clearInterval(timer);
    while (inFlight.some((s) => s.size > 0)) await sleep(20);
    await sleep(message.drainMs ?? 0);
    const expected = {};
    for (const set of voted) for (const q of set) expected[q] = (expected[q] ?? 0) + 1;
    const result = { type: 'result', acked, errors, errorCodes, broadcasts, latencies, expected };
    for (const socket of sockets) socket.close();
    process.send(result, () => process.exit(0));
  }
});

(async () => {
  let next = 0;
  await Promise.all(
    Array.from({ length: 25 }, async () => {
      while (next < tokens.length) await open(next++);
    }),
  );
})().then(
  () => process.send({ type: 'ready' }),
  (err) => {
    process.send({ type: 'error', message: String(err?.message ?? err) });
    process.exit(1);
  },
);
