// A recursive resolver's answers, for the mail domains a test names: UDP and
// TCP on the same loopback port, as a resolver given by `ip:port` is asked.
// Packets are encoded by dns-packet; the outcomes are the ones a mail
// deliverability check meets.

import {
  createSocket,
  type RemoteInfo,
  type Socket as UdpSocket,
} from "node:dgram";
import { createServer, type Server, type Socket } from "node:net";
import dnsPacket, { type Answer, type DecodedPacket } from "dns-packet";

/** What the resolver answers for one domain. */
export type FakeMailDomain =
  /** MX records (default one, `mx1.<domain>`); `count` many make a long answer (TCP). */
  | { kind: "mx"; exchanges?: string[]; count?: number }
  /** RFC 7505: one MX, preference 0, exchange ".". */
  | { kind: "null-mx" }
  | { kind: "nxdomain" }
  /** The name exists but has no MX, A or AAAA. */
  | { kind: "nodata" }
  /** No MX, but an A and/or an AAAA record: RFC 5321's implicit MX. */
  | { kind: "address"; a?: string[]; aaaa?: string[] }
  | { kind: "servfail" }
  | { kind: "refused" }
  /** Never answers (UDP nor TCP). */
  | { kind: "silent" };

export interface RecordedDnsQuery {
  /** As asked (the case the resolver sent). */
  name: string;
  type: string;
  transport: "udp" | "tcp";
}

export interface FakeDns {
  /** The `dns-servers` input: "127.0.0.1:PORT". */
  server: string;
  /** Every question, in arrival order. */
  queries: RecordedDnsQuery[];
  /** Questions of `type` (for `name`, any case, when given). */
  count(type: string, name?: string): number;
  close(): Promise<void>;
}

/** A classic DNS message over UDP is at most 512 bytes unless EDNS says more. */
const CLASSIC_UDP_LIMIT = 512;
const TTL = 300;

/** The entry for `name`; a name nobody configured does not exist. */
function domainFor(
  zones: Readonly<Record<string, FakeMailDomain>>,
  name: string,
): FakeMailDomain {
  return zones[name.toLowerCase().replace(/\.$/, "")] ?? { kind: "nxdomain" };
}

const RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;

function records(domain: FakeMailDomain, name: string, type: string): Answer[] {
  const base = { name, ttl: TTL, class: "IN" as const };
  if (type === "MX" && domain.kind === "mx") {
    const exchanges =
      domain.exchanges ??
      Array.from(
        { length: domain.count ?? 1 },
        (_, i) => `mx${i + 1}.${name.toLowerCase()}`,
      );
    return exchanges.map((exchange, i) => ({
      ...base,
      type: "MX",
      data: { preference: 10 * (i + 1), exchange },
    }));
  }
  if (type === "MX" && domain.kind === "null-mx") {
    return [{ ...base, type: "MX", data: { preference: 0, exchange: "." } }];
  }
  if (domain.kind !== "address") return [];
  if (type === "A") {
    return (domain.a ?? []).map((data) => ({ ...base, type: "A", data }));
  }
  if (type === "AAAA") {
    return (domain.aaaa ?? []).map((data) => ({ ...base, type: "AAAA", data }));
  }
  return [];
}

/** The answer to `query`, or undefined to stay silent. */
function answer(
  zones: Readonly<Record<string, FakeMailDomain>>,
  query: DecodedPacket,
): Buffer | undefined {
  const question = query.questions?.[0];
  if (!question) return undefined;
  const domain = domainFor(zones, question.name);
  if (domain.kind === "silent") return undefined;
  const rcode =
    domain.kind === "nxdomain"
      ? RCODE.NXDOMAIN
      : domain.kind === "servfail"
        ? RCODE.SERVFAIL
        : domain.kind === "refused"
          ? RCODE.REFUSED
          : RCODE.NOERROR;
  const answers = records(domain, question.name, question.type);
  // A negative answer carries the zone's SOA, as real resolvers send it.
  const authorities: Answer[] =
    answers.length === 0 && rcode !== RCODE.SERVFAIL && rcode !== RCODE.REFUSED
      ? [
          {
            name: question.name,
            type: "SOA",
            ttl: TTL,
            class: "IN",
            data: {
              mname: "ns.fake.test",
              rname: "hostmaster.fake.test",
              serial: 1,
              refresh: 3600,
              retry: 600,
              expire: 86400,
              minimum: TTL,
            },
          },
        ]
      : [];
  return dnsPacket.encode({
    type: "response",
    id: query.id ?? 0,
    flags: dnsPacket.RECURSION_DESIRED | dnsPacket.RECURSION_AVAILABLE | rcode,
    questions: [question],
    answers,
    authorities,
  });
}

/** The UDP size the asker accepts (EDNS OPT), else the classic 512. */
function udpLimit(query: DecodedPacket): number {
  const opt = query.additionals?.find((record) => record.type === "OPT");
  return opt && "udpPayloadSize" in opt
    ? Math.max(CLASSIC_UDP_LIMIT, opt.udpPayloadSize)
    : CLASSIC_UDP_LIMIT;
}

/** The same answer with no records and the TC bit: "ask again over TCP". */
function truncated(full: Buffer): Buffer {
  const packet = dnsPacket.decode(full);
  return dnsPacket.encode({
    type: "response",
    id: packet.id ?? 0,
    flags: (packet.flags ?? 0) | dnsPacket.TRUNCATED_RESPONSE,
    questions: packet.questions ?? [],
  });
}

function decode(message: Buffer): DecodedPacket | undefined {
  try {
    return dnsPacket.decode(message);
  } catch {
    return undefined;
  }
}

/**
 * Starts the resolver on 127.0.0.1 (a random port, the same for UDP and
 * TCP). `zones()` is read for every question, so tests may change it between
 * runs.
 */
export async function startFakeDns(
  zones: () => Readonly<Record<string, FakeMailDomain>>,
): Promise<FakeDns> {
  const queries: RecordedDnsQuery[] = [];
  const record = (
    packet: DecodedPacket,
    transport: RecordedDnsQuery["transport"],
  ): void => {
    const question = packet.questions?.[0];
    if (question)
      queries.push({ name: question.name, type: question.type, transport });
  };

  const udpSocket = (): UdpSocket => {
    const udp = createSocket("udp4");
    udp.on("message", (message: Buffer, peer: RemoteInfo) => {
      const query = decode(message);
      if (!query) return;
      record(query, "udp");
      const reply = answer(zones(), query);
      if (!reply) return;
      const fits = reply.length <= udpLimit(query);
      udp.send(fits ? reply : truncated(reply), peer.port, peer.address);
    });
    return udp;
  };

  const sockets = new Set<Socket>();
  const tcp = createServer((socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
    socket.on("error", () => socket.destroy());
    let pending = Buffer.alloc(0);
    socket.on("data", (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      // Each message is preceded by its 2-byte length (RFC 1035 §4.2.2).
      while (
        pending.length >= 2 &&
        pending.length >= 2 + pending.readUInt16BE(0)
      ) {
        const length = pending.readUInt16BE(0);
        const query = decode(pending.subarray(2, 2 + length));
        pending = pending.subarray(2 + length);
        if (!query) continue;
        record(query, "tcp");
        const reply = answer(zones(), query);
        if (!reply) continue;
        const prefix = Buffer.alloc(2);
        prefix.writeUInt16BE(reply.length);
        socket.write(Buffer.concat([prefix, reply]));
      }
    });
  });

  const { port, udp } = await bindBoth(udpSocket, tcp);
  let closing: Promise<void> | undefined;
  return {
    server: `127.0.0.1:${port}`,
    queries,
    count(type, name) {
      return queries.filter(
        (q) =>
          q.type === type &&
          (name === undefined || q.name.toLowerCase() === name.toLowerCase()),
      ).length;
    },
    close() {
      closing ??= Promise.all([
        new Promise<void>((resolve) => udp.close(() => resolve())),
        new Promise<void>((resolve) => {
          tcp.close(() => resolve());
          for (const socket of sockets) socket.destroy();
        }),
      ]).then(() => undefined);
      return closing;
    },
  };
}

/** A random UDP port, then TCP on the same number (another pair if taken). */
async function bindBoth(
  udpSocket: () => UdpSocket,
  tcp: Server,
): Promise<{ port: number; udp: UdpSocket }> {
  for (let attempt = 0; ; attempt++) {
    const udp = udpSocket();
    const port = await new Promise<number>((resolve, reject) => {
      udp.once("error", reject);
      udp.bind(0, "127.0.0.1", () => {
        udp.off("error", reject);
        resolve(udp.address().port);
      });
    });
    const bound = await new Promise<boolean>((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException): void => {
        if (error.code === "EADDRINUSE" && attempt < 20) resolve(false);
        else reject(error);
      };
      tcp.once("error", onError);
      tcp.listen(port, "127.0.0.1", () => {
        tcp.off("error", onError);
        resolve(true);
      });
    });
    if (bound) return { port, udp };
    await new Promise<void>((resolve) => udp.close(() => resolve()));
  }
}
