package io.vgtx.server.http;

import io.vgtx.core.net.AddressRange;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Whose address a request is, as a client forging headers would try to choose it. */
class ClientAddressTest {
    private static final List<AddressRange> PROXY = List.of(AddressRange.parse("10.0.0.0/24"));

    @Test
    void withoutATrustedProxyTheForwardingHeadersAreIgnored() {
        ClientAddress client = ClientAddress.resolve("198.51.100.7", false, List.of("203.0.113.9"), List.of("https"), List.of());
        assertThat(client).isEqualTo(new ClientAddress("198.51.100.7", false));
        ClientAddress fromElsewhere = ClientAddress.resolve("198.51.100.7", false, List.of("203.0.113.9"), List.of("https"), PROXY);
        assertThat(fromElsewhere).as("a proxy range trusts the proxy, not whoever sends the header").isEqualTo(new ClientAddress("198.51.100.7", false));
    }

    @Test
    void behindATrustedProxyTheClientIsTheRightMostAddressThatIsNoProxy() {
        assertThat(ClientAddress.resolve("10.0.0.2", false, List.of("203.0.113.9"), List.of("https"), PROXY))
                .isEqualTo(new ClientAddress("203.0.113.9", true));
        // What the client wrote itself is left of what the proxy appended: it cannot pick its address.
        assertThat(ClientAddress.resolve("10.0.0.2", false, List.of("127.0.0.1, 192.0.2.1", "203.0.113.9"), List.of(), PROXY).address())
                .isEqualTo("203.0.113.9");
        // A chain of trusted proxies is walked through.
        assertThat(ClientAddress.resolve("10.0.0.2", false, List.of("203.0.113.9, 10.0.0.3"), List.of(), PROXY).address()).isEqualTo("203.0.113.9");
        // Garbage instead of an address ends the walk at the last proxy.
        assertThat(ClientAddress.resolve("10.0.0.2", false, List.of("203.0.113.9, not-an-address"), List.of(), PROXY).address()).isEqualTo("10.0.0.2");
        assertThat(ClientAddress.resolve("10.0.0.2", false, List.of(), List.of(), PROXY)).isEqualTo(new ClientAddress("10.0.0.2", false));
    }

    @Test
    void theSchemeIsTheTrustedProxysWordTheRightMostOne() {
        assertThat(ClientAddress.resolve("10.0.0.2", false, List.of("203.0.113.9"), List.of("https"), PROXY).https()).isTrue();
        assertThat(ClientAddress.resolve("10.0.0.2", false, List.of("203.0.113.9"), List.of("https, http"), PROXY).https()).isFalse();
        assertThat(ClientAddress.resolve("10.0.0.2", false, List.of("203.0.113.9"), List.of("httpsx"), PROXY).https()).isFalse();
        assertThat(ClientAddress.resolve("198.51.100.7", true, List.of(), List.of("http"), List.of()).https()).as("TLS to the node itself").isTrue();
    }
}
