package io.vgtx.core.webhook;

import io.vgtx.core.net.AddressRange;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A resolver for tests: no DNS traffic. IP literals are themselves, {@code localhost} is 127.0.0.1, names it was told
 * are what it was told (and can be told again, as an attacker's DNS would change its answer), and every other name is
 * {@link #PUBLIC}, a public address no test connects to.
 */
public final class TestDns implements WebhookResolver {
    /** A public address (not loopback, private, documentation …) that tests register but never deliver to. */
    public static final InetAddress PUBLIC = AddressRange.literal("93.184.215.14").orElseThrow();
    /** What a node's webhook fixtures allow: their receivers on the loopback. */
    public static final AddressRange LOOPBACK = AddressRange.parse("127.0.0.0/8");

    private final Map<String, List<InetAddress>> names = new ConcurrentHashMap<>();
    private final AtomicInteger lookups = new AtomicInteger();

    /** From now on {@code name} resolves to these addresses (literals); none for a name that does not resolve. */
    public TestDns map(String name, String... addresses) {
        names.put(name.toLowerCase(java.util.Locale.ROOT), java.util.Arrays.stream(addresses).map(a -> AddressRange.literal(a).orElseThrow()).toList());
        return this;
    }

    /** Lookups of names so far (literals not counted). */
    public int lookups() {
        return lookups.get();
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        Optional<InetAddress> literal = AddressRange.literal(host);
        if (literal.isPresent()) return List.of(literal.get());
        lookups.incrementAndGet();
        String name = host.toLowerCase(java.util.Locale.ROOT);
        if (name.equals("localhost")) return List.of(InetAddress.getLoopbackAddress());
        List<InetAddress> known = names.get(name);
        if (known == null) return List.of(PUBLIC);
        if (known.isEmpty()) throw new UnknownHostException(host);
        return known;
    }

    /** Webhook settings for tests: this resolver, the loopback allowed for their receivers. */
    public WebhookSettings settings(WebhookSettings settings) {
        return settings.withAddresses(new WebhookAddresses(List.of(LOOPBACK), this));
    }
}
