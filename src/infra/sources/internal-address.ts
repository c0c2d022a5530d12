import { BlockList, isIP } from "node:net";

/**
 * Addresses no source page lives at: loopback, private, link-local, carrier-grade NAT, unspecified, multicast,
 * documentation and benchmark ranges, and the IPv6 equivalents (unique local, link-local, IPv4-mapped). A name
 * that resolves to one of these is refused unless that address is itself allowed (issue 15, finding 5).
 */
// Two lists: a BlockList also matches IPv4 addresses against IPv4-mapped IPv6 subnets.
const INTERNAL = new BlockList();
const INTERNAL6 = new BlockList();
for (const [net, bits] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  INTERNAL.addSubnet(net, bits, "ipv4");
}
for (const [net, bits] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["2001:db8::", 32],
  ["64:ff9b::", 96],
  ["::ffff:0:0", 96],
] as const) {
  INTERNAL6.addSubnet(net, bits, "ipv6");
}

export function isInternalAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true; // not an address at all: never connect to it
  if (family === 6) {
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/iu.exec(address)?.[1];
    if (mapped) return INTERNAL.check(mapped, "ipv4");
    return INTERNAL6.check(address, "ipv6");
  }
  return INTERNAL.check(address, "ipv4");
}
