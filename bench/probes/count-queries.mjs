// Preload that counts round trips to PostgreSQL, and the time spent waiting on them, by kind of
// statement, and prints the tally to stderr when the process exits.
//   node --import ./bench/probes/count-queries.mjs dist/cli.js migrations run --root <catalog>
// Set COUNT_QUERIES_OUT=<file> to get the tally as JSON instead.
//
// A PostgreSQL server is counted on the wire, not through pg's API: the CLI is a bundle with its
// own copy of pg, so patching node_modules' pg.Client would see nothing. Every net.Socket (and
// tls.TLSSocket) whose first write is a PostgreSQL startup message is followed: its outgoing
// frontend messages and its incoming backend messages are parsed (a message may span writes and
// chunks, a write or chunk may hold several). After the first ReadyForQuery (startup and
// authentication are not counted), a round trip is
//   - a simple Query 'Q', waiting until its ReadyForQuery 'Z';
//   - an extended-protocol exchange Parse/Bind/Describe/Execute … Sync 'S', waiting until its 'Z'
//     (the kind comes from the Parse's SQL; an exchange without a Parse reuses a prepared
//     statement and is labelled by its name, with the kind of its SQL when this connection
//     parsed it earlier);
//   - an Execute followed by a Flush 'H' (pg's `rows` option, cursors), waiting until that
//     Execute's PortalSuspended/CommandComplete/ErrorResponse/EmptyQueryResponse.
// The wait is timed from the write that completes the round trip until the data that answers it
// arrives on the socket, before the driver handles it.
// PGlite runs in the process, so its query and exec calls are counted (and timed) instead.
import fs from 'node:fs';
import net from 'node:net';

const started = performance.now();
const tally = new Map();

function kindOf(config) {
  const text = (typeof config === 'string' ? config : config?.text ?? '').trim();
  const words = text.replace(/\s+/g, ' ').split(' ');
  const first = words[0]?.toUpperCase() ?? '?';
  if (first === 'SELECT') return `SELECT ${/FROM ([\w."]+)/i.exec(text)?.[1] ?? words.slice(1, 3).join(' ')}`.slice(0, 60);
  if (first === 'INSERT') return `INSERT ${words[2] ?? ''}`;
  if (['CREATE', 'ALTER', 'DROP'].includes(first)) return `${first} ${words[1]?.toUpperCase() ?? ''} (migration DDL)`;
  if (text.includes(';') && text.indexOf(';') < text.length - 1) return 'multi-statement';
  return words.slice(0, 2).join(' ').toUpperCase();
}

function entryFor(kind) {
  let entry = tally.get(kind);
  if (!entry) tally.set(kind, (entry = { count: 0, ms: 0 }));
  return entry;
}

// ---- PGlite: in-process, counted by call

function counted(original) {
  return function query(config, ...rest) {
    const entry = entryFor(kindOf(config));
    const t = performance.now();
    entry.count += 1;
    const result = original.call(this, config, ...rest);
    if (result && typeof result.then === 'function') {
      return result.finally(() => {
        entry.ms += performance.now() - t;
      });
    }
    return result;
  };
}

// ---- PostgreSQL server: counted on the wire

const PROTOCOL_3_0 = 196608;
const PROTOCOL_3_2 = 196610;
const SSL_REQUEST = 80877103;
const GSSENC_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const STARTUP_CODES = new Set([PROTOCOL_3_0, PROTOCOL_3_2, SSL_REQUEST, GSSENC_REQUEST, CANCEL_REQUEST]);

// Splits a byte stream into messages: a type byte and an int32 length that counts itself (or, for
// the untyped startup-phase messages, the length alone). Only the bodies `wantBody` asks for are
// kept; the rest (rows, COPY data) are skipped without being copied.
class Framer {
  constructor(wantBody, onMessage) {
    this.wantBody = wantBody;
    this.onMessage = onMessage;
    this.head = Buffer.alloc(5);
    this.have = 0; // header bytes gathered so far
    this.remaining = -1; // body bytes still to come, -1 while reading a header
    this.parts = null;
    this.type = 0;
    this.untyped = 0; // how many untyped messages (startup, SSLRequest) come next
    this.singleBytes = 0; // how many one-byte answers (to SSLRequest/GSSENCRequest) come next
  }

  feed(chunk) {
    let i = 0;
    while (i < chunk.length) {
      if (this.remaining < 0) {
        if (this.singleBytes > 0) {
          this.singleBytes -= 1;
          this.onMessage(chunk[i], null, false);
          i += 1;
          continue;
        }
        const size = this.untyped > 0 ? 4 : 5;
        const n = Math.min(size - this.have, chunk.length - i);
        chunk.copy(this.head, this.have, i, i + n);
        this.have += n;
        i += n;
        if (this.have < size) break;
        this.have = 0;
        if (size === 4) {
          this.untyped -= 1;
          this.type = 0;
          this.remaining = this.head.readInt32BE(0) - 4;
        } else {
          this.type = this.head[0];
          this.remaining = this.head.readInt32BE(1) - 4;
        }
        if (this.remaining < 0) this.remaining = 0; // not the protocol after all: stay in step anyway
        this.parts = this.wantBody(this.type) ? [] : null;
      }
      const n = Math.min(this.remaining, chunk.length - i);
      if (this.parts && n > 0) this.parts.push(chunk.subarray(i, i + n));
      i += n;
      this.remaining -= n;
      if (this.remaining === 0) {
        const body = this.parts ? Buffer.concat(this.parts) : null;
        this.remaining = -1;
        this.parts = null;
        this.onMessage(this.type, body, true);
      }
    }
  }
}

function cstrings(body, count) {
  const out = [];
  let at = 0;
  for (let k = 0; k < count && at <= body.length; k += 1) {
    let end = body.indexOf(0, at);
    if (end < 0) end = body.length;
    out.push(body.toString('utf8', at, end));
    at = end + 1;
  }
  return out;
}

const code = (c) => c.charCodeAt(0);
const Q = code('Q'), P = code('P'), B = code('B'), E = code('E'), S = code('S'), H = code('H');
const Z = code('Z'), PORTAL_SUSPENDED = code('s'), COMMAND_COMPLETE = code('C'), ERROR = code('E'), EMPTY_QUERY = code('I');
const FRONTEND_BODIES = new Set([Q, P, B]);

class Connection {
  constructor() {
    this.ready = false; // the first ReadyForQuery has arrived: startup and authentication are over
    this.waits = []; // round trips sent and not yet answered, in order
    this.prepared = new Map(); // statement name -> kind of its SQL, from this connection's Parses
    this.exchange = null; // the extended-protocol exchange being written
    this.out = new Framer((type) => type === 0 || FRONTEND_BODIES.has(type), (type, body, framed) => this.sent(type, body, framed));
    this.out.untyped = 1;
    this.in = new Framer(() => false, (type) => this.received(type));
  }

  begin(kind, until) {
    const entry = entryFor(kind);
    entry.count += 1;
    this.waits.push({ entry, until, t: performance.now() });
  }

  exchangeKind(x) {
    if (x.parsed !== undefined) return x.parsed;
    if (x.statement === undefined) return 'Sync';
    if (x.statement === '') return 'prepared (unnamed)';
    const kind = this.prepared.get(x.statement);
    return kind ? `${kind} [prepared ${x.statement}]` : `prepared ${x.statement}`;
  }

  sent(type, body) {
    if (type === 0) {
      // an untyped startup-phase message: the answer to an SSL/GSS request is one byte, and then
      // the startup message follows (in the clear if refused; if accepted, TLS owns the socket)
      const request = body?.length >= 4 ? body.readInt32BE(0) : 0;
      if (request === SSL_REQUEST || request === GSSENC_REQUEST) {
        this.in.singleBytes += 1;
        this.out.untyped += 1;
      }
      return;
    }
    if (!this.ready) return; // password / SASL messages
    if (type === Q) {
      this.begin(kindOf(cstrings(body, 1)[0]), Z);
      return;
    }
    if (![P, B, E, H, S, code('D'), code('C')].includes(type)) return; // COPY data, Terminate
    const x = (this.exchange ??= { parsed: undefined, statement: undefined, executed: false });
    if (type === P) {
      const [name, sql] = cstrings(body, 2);
      const kind = kindOf(sql);
      if (name) this.prepared.set(name, kind);
      x.parsed ??= kind;
    } else if (type === B) {
      const [, statement] = cstrings(body, 2);
      x.statement ??= statement;
    } else if (type === E) {
      x.executed = true;
    } else if (type === H) {
      if (x.executed) this.begin(this.exchangeKind(x), 'execute');
      x.executed = false;
    } else if (type === S) {
      this.begin(this.exchangeKind(x), Z);
      this.exchange = null;
    }
  }

  received(type) {
    if (!this.ready) {
      if (type === Z) this.ready = true;
      return;
    }
    const wait = this.waits[0];
    if (!wait) return;
    const done =
      wait.until === Z
        ? type === Z
        : type === PORTAL_SUSPENDED || type === COMMAND_COMPLETE || type === ERROR || type === EMPTY_QUERY || type === Z;
    if (!done) return;
    this.waits.shift();
    wait.entry.ms += performance.now() - wait.t;
  }
}

const connections = new WeakMap();
const notPostgres = new WeakSet();

function asBuffer(chunk, encoding) {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  if (typeof chunk === 'string') return Buffer.from(chunk, typeof encoding === 'string' ? encoding : 'utf8');
  return null;
}

function connectionOf(socket, chunk) {
  const known = connections.get(socket);
  if (known || notPostgres.has(socket)) return known;
  // a PostgreSQL client's first write is a whole startup-phase message: length, then a known code
  const first = chunk && chunk.length >= 8 && chunk.readInt32BE(0) === chunk.length && STARTUP_CODES.has(chunk.readInt32BE(4));
  if (!first) {
    notPostgres.add(socket);
    return undefined;
  }
  const connection = new Connection();
  connections.set(socket, connection);
  return connection;
}

const write = net.Socket.prototype.write;
net.Socket.prototype.write = function countedWrite(chunk, encoding, callback) {
  if (!notPostgres.has(this)) {
    try {
      const bytes = asBuffer(chunk, encoding);
      connectionOf(this, bytes)?.out.feed(bytes);
    } catch (error) {
      process.stderr.write(`count-queries: ignoring a write it could not parse: ${error?.message ?? error}\n`);
    }
  }
  return write.call(this, chunk, encoding, callback);
};

const emit = net.Socket.prototype.emit;
net.Socket.prototype.emit = function countedEmit(event, chunk) {
  if (event === 'data') {
    const connection = connections.get(this);
    if (connection) {
      try {
        const bytes = asBuffer(chunk);
        if (bytes) connection.in.feed(bytes);
      } catch (error) {
        process.stderr.write(`count-queries: ignoring data it could not parse: ${error?.message ?? error}\n`);
      }
    }
  }
  return emit.apply(this, arguments);
};

// loading PGlite here adds its import time to the process: count with this preload, time without it
const { PGlite } = await import('@electric-sql/pglite');
PGlite.prototype.query = counted(PGlite.prototype.query);
PGlite.prototype.exec = counted(PGlite.prototype.exec);

process.on('exit', () => {
  const rows = [...tally].sort((a, b) => b[1].ms - a[1].ms);
  const total = rows.reduce((s, [, e]) => s + e.count, 0);
  const waiting = rows.reduce((s, [, e]) => s + e.ms, 0);
  const summary = { roundTrips: total, waitingMs: Math.round(waiting), processMs: Math.round(performance.now() - started), byKind: Object.fromEntries(rows.map(([k, e]) => [k, { count: e.count, ms: Math.round(e.ms) }])) };
  if (process.env.COUNT_QUERIES_OUT) fs.writeFileSync(process.env.COUNT_QUERIES_OUT, JSON.stringify(summary, null, 2));
  else {
    process.stderr.write(`\n${total} round trips, ${Math.round(waiting)} ms waiting on them, ${summary.processMs} ms since the preload:\n`);
    for (const [k, e] of rows) process.stderr.write(`  ${String(e.count).padStart(6)}  ${String(Math.round(e.ms)).padStart(6)} ms  ${k}\n`);
  }
});
