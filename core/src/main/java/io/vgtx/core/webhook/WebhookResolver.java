package io.vgtx.core.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a webhook's host name into addresses. The node uses the system's resolver; tests give a map of names, so that
 * no test sends DNS traffic and a name can change its address between two lookups as an attacker's would.
 */
@FunctionalInterface
public interface WebhookResolver {
    /** The host's addresses, at least one; an IP literal is itself. @throws UnknownHostException when it has none */
    List<InetAddress> resolve(String host) throws UnknownHostException;

    /** The system's resolver (an IP literal is parsed, not looked up). */
    WebhookResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));
}
