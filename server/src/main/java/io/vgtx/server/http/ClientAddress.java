package io.vgtx.server.http;

import io.javalin.http.Context;
import io.vgtx.core.net.AddressRange;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Who sent a request, and how: the one client address every rule uses (auth failure limits, the limit on
 * applications, the console's localhost rule) and whether it came over HTTPS (secure cookies, same-origin checks,
 * {@code Strict-Transport-Security}).
 *
 * <p>Behind the TLS proxy the README recommends every request comes from the proxy's address. Only when the connection
 * comes from a range the operator trusts ({@code vgtx serve --trusted-proxy CIDR}) does the node believe the proxy's
 * headers: the client is the right-most {@code X-Forwarded-For} address that is not itself a trusted proxy (what a
 * client writes there itself is to the left of what the proxy appends, so it cannot choose its address), and the scheme
 * is the right-most {@code X-Forwarded-Proto}. From anywhere else both headers are ignored.
 *
 * @param address the client's address as text (an IP literal)
 * @param https   whether the client's request came over HTTPS, to the node or to its trusted proxy
 */
public record ClientAddress(String address, boolean https) {
    /**
     * Works out the client of a request that came from {@code peer}.
     *
     * @param directHttps    whether the connection to the node itself is TLS
     * @param forwardedFor   every {@code X-Forwarded-For} header, in order
     * @param forwardedProto every {@code X-Forwarded-Proto} header, in order
     */
    public static ClientAddress resolve(String peer, boolean directHttps, List<String> forwardedFor, List<String> forwardedProto,
                                        List<AddressRange> trustedProxies) {
        if (!trusted(peer, trustedProxies)) return new ClientAddress(peer, directHttps);
        String client = peer;
        List<String> hops = values(forwardedFor);
        for (String hop : hops.reversed()) {
            Optional<InetAddress> address = AddressRange.literal(hop);
            if (address.isEmpty()) break; // not an address: what lies left of it is no proxy's word
            client = address.get().getHostAddress();
            if (!trusted(client, trustedProxies)) break;
        }
        List<String> protos = values(forwardedProto);
        boolean https = directHttps || (!protos.isEmpty() && protos.getLast().toLowerCase(Locale.ROOT).equals("https"));
        return new ClientAddress(client, https);
    }

    /** This request's client, as resolved when it came in (see {@link RequestAttributes#CLIENT}). */
    public static ClientAddress of(Context ctx) {
        ClientAddress client = ctx.attribute(RequestAttributes.CLIENT);
        // Not resolved (a handler outside the server's own chain): the connection's peer, believing no header.
        return client != null ? client : new ClientAddress(ctx.req().getRemoteAddr(), "https".equalsIgnoreCase(ctx.scheme()));
    }

    /** Resolves the request's client under {@code trustedProxies} and keeps it on the request. */
    public static ClientAddress resolve(Context ctx, List<AddressRange> trustedProxies) {
        ClientAddress client = resolve(ctx.req().getRemoteAddr(), "https".equalsIgnoreCase(ctx.scheme()),
                java.util.Collections.list(ctx.req().getHeaders("X-Forwarded-For")),
                java.util.Collections.list(ctx.req().getHeaders("X-Forwarded-Proto")), trustedProxies);
        ctx.attribute(RequestAttributes.CLIENT, client);
        return client;
    }

    private static boolean trusted(String address, List<AddressRange> trustedProxies) {
        if (trustedProxies.isEmpty()) return false;
        Optional<InetAddress> ip = AddressRange.literal(address);
        return ip.isPresent() && trustedProxies.stream().anyMatch(range -> range.contains(ip.get()));
    }

    private static List<String> values(List<String> headers) {
        List<String> values = new ArrayList<>();
        for (String header : headers) {
            for (String value : header.split(",")) {
                String v = value.strip();
                if (!v.isEmpty()) values.add(v);
            }
        }
        return values;
    }
}
