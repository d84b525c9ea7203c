import net from 'node:net';
import type { PGlite } from '@electric-sql/pglite';

/**
 * Serves one PGlite instance over the PostgreSQL wire protocol to several clients.
 *
 * PGlite is a single backend session, so messages of different clients must
 * never interleave inside one unit of work: an extended-protocol exchange
 * (Parse…Sync) or an open transaction. pglite-socket's multiplexer queues
 * message by message, which lets one client's Bind meet another's unnamed
 * statement under load (wrong rows). Here a client takes the backend when it
 * sends its first message and gives it back only at a Sync or simple Query
 * that leaves no transaction open.
 */
export class WireServer {
  private readonly server: net.Server;
  private readonly sockets = new Set<net.Socket>();
  private holder: Connection | null = null;
  private readonly waiting: Array<() => void> = [];

  constructor(private readonly db: PGlite) {
    this.server = net.createServer((socket) => this.accept(socket));
  }

  listen(host: string, port: number): Promise<number> {
    return new Promise((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(port, host, () => {
        const address = this.server.address();
        resolve(typeof address === 'object' && address ? address.port : port);
      });
    });
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Resolves when `connection` holds the backend. */
  acquire(connection: Connection): Promise<void> {
    if (this.holder === connection) return Promise.resolve();
    if (!this.holder) {
      this.holder = connection;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      this.waiting.push(() => {
        this.holder = connection;
        resolve();
      });
    });
  }

  release(connection: Connection): void {
    if (this.holder !== connection) return;
    this.holder = null;
    this.waiting.shift()?.();
  }

  async abandon(connection: Connection): Promise<void> {
    if (this.holder !== connection) return;
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK').catch(() => undefined);
    this.release(connection);
  }

  run(message: Uint8Array, onData: (data: Uint8Array) => void): Promise<void> {
    return this.db.execProtocolRawStream(message, { onRawData: onData });
  }

  inTransaction(): boolean {
    return this.db.isInTransaction();
  }

  private accept(socket: net.Socket): void {
    socket.setNoDelay(true);
    this.sockets.add(socket);
    const connection = new Connection(this, socket);
    socket.on('close', () => {
      this.sockets.delete(socket);
      connection.closed = true;
      void connection.drained.then(() => this.abandon(connection));
    });
    socket.on('error', () => socket.destroy());
  }
}

const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;
const CANCEL_REQUEST = 80877102;
const PROTOCOL_3 = 196608;

class Connection {
  closed = false;
  drained: Promise<void> = Promise.resolve();
  private buffer = Buffer.alloc(0);
  private started = false;

  constructor(
    private readonly server: WireServer,
    private readonly socket: net.Socket,
  ) {
    socket.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      this.drained = this.drained
        .then(() => this.drain())
        .catch(() => {
          socket.destroy();
        });
    });
  }

  private async drain(): Promise<void> {
    for (;;) {
      if (this.closed) return;
      const message = this.nextMessage();
      if (!message) return;
      if (message === 'handled') continue;
      await this.server.acquire(this);
      try {
        await this.server.run(message, (data) => {
          if (!this.closed && data.length > 0) this.socket.write(Buffer.from(data));
        });
      } catch (error) {
        await this.server.abandon(this);
        throw error;
      }
      const type = message[0];
      const endsUnit = !this.startupDone() || type === 0x53 /* S */ || type === 0x51; /* Q */
      if (type === 0x58 /* X */) {
        await this.server.abandon(this);
        this.socket.end();
        return;
      }
      if (endsUnit && !this.server.inTransaction()) this.server.release(this);
      this.started = true;
    }
  }

  private startupDone(): boolean {
    return this.started;
  }

  /** The next complete frontend message, 'handled' for ones answered here, or null. */
  private nextMessage(): Uint8Array | 'handled' | null {
    const buffer = this.buffer;
    if (!this.started) {
      if (buffer.length < 8) return null;
      const length = buffer.readInt32BE(0);
      if (buffer.length < length) return null;
      const code = buffer.readInt32BE(4);
      this.buffer = buffer.subarray(length);
      if (code === SSL_REQUEST || code === GSS_REQUEST) {
        this.socket.write('N');
        return 'handled';
      }
      if (code === CANCEL_REQUEST) {
        this.socket.end();
        return 'handled';
      }
      if (code !== PROTOCOL_3) {
        this.socket.destroy();
        return null;
      }
      return new Uint8Array(buffer.subarray(0, length));
    }
    if (buffer.length < 5) return null;
    const length = 1 + buffer.readInt32BE(1);
    if (buffer.length < length) return null;
    this.buffer = buffer.subarray(length);
    return new Uint8Array(buffer.subarray(0, length));
  }
}
