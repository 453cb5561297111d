package io.vgtx.server.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failures per key (a client address, a presented token's digest) in a sliding window and makes a key that
 * fails too often wait (see {@link AuthFailurePolicy}). Time comes from the given {@link Clock}, so tests move it
 * instead of sleeping.
 */
public final class AuthFailureLimiter {
    private final AuthFailurePolicy policy;
    private final Clock clock;
    private final ConcurrentHashMap<String, Client> clients = new ConcurrentHashMap<>();

    public AuthFailureLimiter(AuthFailurePolicy policy, Clock clock) {
        this.policy = policy;
        this.clock = clock;
    }

    /** How long {@code address} must still wait, or empty when it may try. */
    public Optional<Duration> blockedFor(String address) {
        Client client = clients.get(address);
        if (client == null) return Optional.empty();
        Instant now = clock.instant();
        synchronized (client) {
            if (client.blockedUntil != null && now.isBefore(client.blockedUntil)) {
                return Optional.of(Duration.between(now, client.blockedUntil));
            }
            return Optional.empty();
        }
    }

    /** Records one rejected token from {@code address}; returns true when that starts a cool-down. */
    public boolean recordFailure(String address) {
        Instant now = clock.instant();
        if (clients.size() >= policy.maxTrackedClients() && !clients.containsKey(address)) evictIdle(now);
        Client client = clients.computeIfAbsent(address, _ -> new Client());
        synchronized (client) {
            Instant windowStart = now.minus(policy.window());
            while (!client.failures.isEmpty() && !client.failures.peekFirst().isAfter(windowStart)) client.failures.removeFirst();
            client.failures.addLast(now);
            if (client.failures.size() >= policy.maxFailures()) {
                client.failures.clear();
                client.blockedUntil = now.plus(policy.coolDown());
                return true;
            }
            return false;
        }
    }

    /** Number of addresses currently remembered (for tests and metrics). */
    public int trackedClients() {
        return clients.size();
    }

    private void evictIdle(Instant now) {
        Instant windowStart = now.minus(policy.window());
        clients.entrySet().removeIf(entry -> {
            Client client = entry.getValue();
            synchronized (client) {
                boolean blocked = client.blockedUntil != null && now.isBefore(client.blockedUntil);
                boolean recent = !client.failures.isEmpty() && client.failures.peekLast().isAfter(windowStart);
                return !blocked && !recent;
            }
        });
        // Still full of active addresses: forget the oldest rather than grow without bound.
        if (clients.size() >= policy.maxTrackedClients()) {
            clients.keySet().stream().limit(Math.max(1, clients.size() / 10)).toList().forEach(clients::remove);
        }
    }

    private static final class Client {
        final ArrayDeque<Instant> failures = new ArrayDeque<>();
        Instant blockedUntil;
    }
}
