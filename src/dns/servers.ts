/**
 * The `dns-servers` entries: what node:dns's setServers accepts, and nothing
 * it would have to guess about (no host names, no ports out of range).
 */
import { isIPv4, isIPv6 } from "node:net";

function port(text: string): boolean {
  const n = Number(text);
  return /^\d{1,5}$/.test(text) && n >= 1 && n <= 65535;
}

/** `ip`, `ipv4:port` or `[ipv6]:port` as given, or undefined when it is none of them. */
export function dnsServerAddress(entry: string): string | undefined {
  if (isIPv4(entry) || isIPv6(entry)) return entry;
  if (entry.startsWith("[")) {
    const close = entry.indexOf("]");
    const host = entry.slice(1, close);
    const rest = entry.slice(close + 1);
    if (close < 0 || !isIPv6(host)) return undefined;
    if (rest === "") return host;
    return rest.startsWith(":") && port(rest.slice(1)) ? entry : undefined;
  }
  const colon = entry.lastIndexOf(":");
  return colon > 0 &&
    isIPv4(entry.slice(0, colon)) &&
    port(entry.slice(colon + 1))
    ? entry
    : undefined;
}
