package io.vgtx.core.net;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A block of IP addresses in CIDR notation ({@code 10.0.0.0/8}, {@code fc00::/7}, or one address without a prefix).
 * An IPv4-mapped IPv6 address ({@code ::ffff:10.0.0.1}) is the IPv4 address it carries, so a range of either form
 * holds both spellings of the same address: an attacker cannot slip past a check by writing an address differently.
 */
public record AddressRange(InetAddress network, int prefixLength) {
    public AddressRange {
        Objects.requireNonNull(network, "network");
        network = canonical(network);
        int bits = network.getAddress().length * 8;
        if (prefixLength < 0 || prefixLength > bits)
            throw new IllegalArgumentException("a prefix length of " + network.getHostAddress() + " is 0.." + bits + ", not " + prefixLength);
        network = masked(network, prefixLength);
    }

    /**
     * Parses {@code ADDRESS[/PREFIX]} without any DNS lookup.
     *
     * @throws IllegalArgumentException naming what is wrong: not an IP literal, a prefix out of range
     */
    public static AddressRange parse(String cidr) {
        if (cidr == null || cidr.isBlank()) throw new IllegalArgumentException("an address range is needed, e.g. 10.0.0.0/8");
        String text = cidr.strip();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        // Ranges are written in full: 10.0.0/8 (which InetAddress would read as 10.0.0.0) is a typo, not a range.
        boolean fullForm = address.contains(":") || address.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        InetAddress network = literal(address).filter(a -> fullForm).orElseThrow(() ->
                new IllegalArgumentException("'" + cidr + "' is not an address range: give an IP address and a prefix length, e.g. 10.0.0.0/8 or fd00::/8"));
        // An IPv4-mapped IPv6 range (::ffff:10.0.0.0/104) is held as the IPv4 range it covers (10.0.0.0/8).
        int mappedBits = address.contains(":") && canonical(network).getAddress().length == 4 ? 96 : 0;
        network = canonical(network);
        int bits = network.getAddress().length * 8 + mappedBits;
        int prefix;
        if (slash < 0) {
            prefix = bits;
        } else {
            String digits = text.substring(slash + 1);
            if (!digits.matches("[0-9]{1,3}")) throw new IllegalArgumentException("'" + cidr + "': the prefix length must be a number 0.." + bits);
            prefix = Integer.parseInt(digits);
        }
        if (prefix > bits) throw new IllegalArgumentException("'" + cidr + "': the prefix length must be 0.." + bits);
        if (prefix < mappedBits) throw new IllegalArgumentException("'" + cidr + "': an IPv4-mapped range needs a prefix of at least 96");
        return new AddressRange(network, prefix - mappedBits);
    }

    /** An IP literal (IPv4 dotted quad or IPv6, brackets allowed) as an address, without DNS; empty for anything else. */
    public static Optional<InetAddress> literal(String text) {
        if (text == null) return Optional.empty();
        String t = text.strip();
        if (t.startsWith("[") && t.endsWith("]")) t = t.substring(1, t.length() - 1);
        if (t.isEmpty() || t.indexOf('%') >= 0) return Optional.empty();
        try {
            return Optional.of(InetAddress.ofLiteral(t));
        } catch (IllegalArgumentException notALiteral) {
            return Optional.empty();
        }
    }

    /** Whether the address is in this range (an IPv4-mapped IPv6 address counts as its IPv4 address). */
    public boolean contains(InetAddress address) {
        InetAddress a = canonical(address);
        if (a.getAddress().length != network.getAddress().length) return false;
        return masked(a, prefixLength).equals(network);
    }

    /** The address in its plainest form: an IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) becomes the IPv4 address. */
    public static InetAddress canonical(InetAddress address) {
        if (address instanceof Inet6Address) {
            byte[] b = address.getAddress();
            boolean mapped = true;
            for (int i = 0; i < 10; i++) mapped &= b[i] == 0;
            mapped &= b[10] == (byte) 0xff && b[11] == (byte) 0xff;
            if (mapped) return ipv4(Arrays.copyOfRange(b, 12, 16));
        }
        return address;
    }

    static Inet4Address ipv4(byte[] four) {
        try {
            return (Inet4Address) InetAddress.getByAddress(four);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("four bytes are an IPv4 address", e);
        }
    }

    private static InetAddress masked(InetAddress address, int prefixLength) {
        byte[] bytes = address.getAddress();
        for (int i = 0; i < bytes.length; i++) {
            int keep = Math.clamp(prefixLength - i * 8L, 0, 8);
            bytes[i] &= (byte) (0xff << (8 - keep));
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("an address of valid length", e);
        }
    }

    @Override
    public String toString() {
        return network.getHostAddress() + "/" + prefixLength;
    }
}
