package io.vgtx.core.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Which addresses are on the public internet. A node that sends requests where its members say (webhooks) must not
 * reach its own network with them: the loopback, private and unique-local networks, link-local (where cloud
 * metadata services answer: 169.254.169.254, fd00:ec2::254), CGNAT (Alibaba's metadata at 100.100.100.200),
 * multicast, the unspecified and broadcast addresses, and the blocks reserved for documentation, benchmarks and
 * the future. IPv6 forms that carry an IPv4 address (mapped {@code ::ffff:a.b.c.d}, compatible {@code ::a.b.c.d},
 * NAT64 {@code 64:ff9b::a.b.c.d}, 6to4 {@code 2002:aabb:ccdd::}) are judged by the IPv4 address they carry.
 */
public final class PublicAddresses {
    /** A block that is not public, and what it is (said in an error). */
    public record NonPublic(AddressRange range, String what) {}

    static final List<NonPublic> NON_PUBLIC = List.of(
            block("0.0.0.0/8", "unspecified"),
            block("10.0.0.0/8", "private"),
            block("100.64.0.0/10", "CGNAT"),
            block("127.0.0.0/8", "loopback"),
            block("169.254.0.0/16", "link-local (cloud metadata)"),
            block("172.16.0.0/12", "private"),
            block("192.0.0.0/24", "IETF protocol assignments (cloud metadata)"),
            block("192.0.2.0/24", "documentation"),
            block("192.88.99.0/24", "6to4 relay"),
            block("192.168.0.0/16", "private"),
            block("198.18.0.0/15", "benchmarking"),
            block("198.51.100.0/24", "documentation"),
            block("203.0.113.0/24", "documentation"),
            block("224.0.0.0/4", "multicast"),
            block("240.0.0.0/4", "reserved or broadcast"),
            block("::/128", "unspecified"),
            block("::1/128", "loopback"),
            block("100::/64", "discard"),
            block("2001::/23", "IETF protocol assignments"),
            block("2001:db8::/32", "documentation"),
            block("fc00::/7", "unique local (private; cloud metadata)"),
            block("fe80::/10", "link-local"),
            block("fec0::/10", "site-local"),
            block("ff00::/8", "multicast"));

    private static final AddressRange COMPATIBLE = AddressRange.parse("::/96");
    private static final AddressRange NAT64 = AddressRange.parse("64:ff9b::/96");
    private static final AddressRange NAT64_LOCAL = AddressRange.parse("64:ff9b:1::/48");
    private static final AddressRange SIX_TO_FOUR = AddressRange.parse("2002::/16");

    private PublicAddresses() {
    }

    /** Why the address is not public, or empty when it is. */
    public static Optional<NonPublic> nonPublic(InetAddress address) {
        InetAddress a = carriedIpv4(AddressRange.canonical(address));
        for (NonPublic block : NON_PUBLIC) if (block.range().contains(a)) return Optional.of(block);
        if (a instanceof Inet6Address && NAT64_LOCAL.contains(a)) return Optional.of(new NonPublic(NAT64_LOCAL, "local NAT64"));
        return Optional.empty();
    }

    /** The IPv4 address an IPv6 transition form carries (compatible, NAT64, 6to4), or the address itself. */
    static InetAddress carriedIpv4(InetAddress address) {
        if (!(address instanceof Inet6Address)) return address;
        byte[] b = address.getAddress();
        if (COMPATIBLE.contains(address) && !isZeroOrOne(b)) return AddressRange.ipv4(Arrays.copyOfRange(b, 12, 16));
        if (NAT64.contains(address)) return AddressRange.ipv4(Arrays.copyOfRange(b, 12, 16));
        if (SIX_TO_FOUR.contains(address)) return AddressRange.ipv4(Arrays.copyOfRange(b, 2, 6));
        return address;
    }

    // :: and ::1 are themselves (unspecified, loopback), not IPv4-compatible forms of 0.0.0.0 and 0.0.0.1.
    private static boolean isZeroOrOne(byte[] b) {
        for (int i = 0; i < 15; i++) if (b[i] != 0) return false;
        return b[15] == 0 || b[15] == 1;
    }

    private static NonPublic block(String cidr, String what) {
        return new NonPublic(AddressRange.parse(cidr), what);
    }
}
