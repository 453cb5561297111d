package io.vgtx.core.webhook;

import io.vgtx.core.net.AddressRange;
import io.vgtx.core.net.PublicAddresses;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Objects;

/**
 * Where webhooks may go: to public addresses over {@code https://}, and to the ranges the operator allows
 * ({@code vgtx serve --webhook-allow CIDR}) over {@code https://} or plain {@code http://}. Everything else — the
 * loopback, private, link-local, CGNAT, multicast and cloud-metadata addresses, in any spelling
 * ({@link PublicAddresses}) — is refused, so that a member cannot use the node's webhooks to reach the node's own
 * network.
 *
 * <p>The check is on the <em>resolved</em> addresses, at registration and again at every delivery (a name can change
 * its address in between); a delivery connects to the address it checked, so no second lookup can send it elsewhere.
 * A name with any refused address is refused as a whole. Registration says the same for a name that does not resolve
 * and for one that resolves to a refused address, so the error does not tell a member which names exist inside the
 * node's network.
 *
 * @param allowed  ranges the operator allows despite the rules above (e.g. {@code 127.0.0.0/8} for a receiver on
 *                 the node's own machine)
 * @param resolver how host names are resolved
 */
public record WebhookAddresses(List<AddressRange> allowed, WebhookResolver resolver) {
    public WebhookAddresses {
        allowed = List.copyOf(allowed);
        Objects.requireNonNull(resolver, "resolver");
    }

    /** Public addresses only, resolved by the system. The default. */
    public static WebhookAddresses publicOnly() {
        return new WebhookAddresses(List.of(), WebhookResolver.SYSTEM);
    }

    public WebhookAddresses allowing(AddressRange... ranges) {
        List<AddressRange> all = new java.util.ArrayList<>(allowed);
        all.addAll(List.of(ranges));
        return new WebhookAddresses(all, resolver);
    }

    public WebhookAddresses resolvingWith(WebhookResolver resolver) {
        return new WebhookAddresses(allowed, resolver);
    }

    /** A webhook's destination was refused; the message is safe to show to the member who gave the URL. */
    public static final class RefusedAddressException extends IllegalArgumentException {
        RefusedAddressException(String message) {
            super(message);
        }
    }

    /**
     * The address to connect to for this URL: its host resolved, every address checked, the first one.
     *
     * @throws RefusedAddressException when the host does not resolve, or resolves to any address that is neither public
     *                                 nor allowed, or a public one over plain {@code http://}
     */
    public InetAddress check(URI uri) {
        String host = uri.getHost();
        boolean plainHttp = "http".equalsIgnoreCase(uri.getScheme());
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException | RuntimeException e) {
            addresses = List.of();
        }
        if (addresses.isEmpty()) throw refused(uri);
        for (InetAddress address : addresses) {
            boolean allowedRange = allowed.stream().anyMatch(r -> r.contains(address));
            if (allowedRange) continue;
            if (PublicAddresses.nonPublic(address).isPresent()) throw refused(uri);
            if (plainHttp) throw new RefusedAddressException("the webhook URL must be https://; plain http:// only to addresses the node "
                    + "allows (vgtx serve --webhook-allow)");
        }
        return addresses.getFirst();
    }

    private static RefusedAddressException refused(URI uri) {
        return new RefusedAddressException("the webhook URL's host '" + uri.getHost() + "' must resolve to public addresses only: the node does "
                + "not send webhooks to loopback, private, link-local, CGNAT, multicast or cloud-metadata addresses (unless its operator "
                + "allows a range with vgtx serve --webhook-allow)");
    }
}
