package io.vgtx.core.webhook;

import io.vgtx.core.net.AddressRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Where a webhook may lead, judged on the resolved address, as a member trying to reach the node's network would try. */
class WebhookAddressesTest {
    private final TestDns dns = new TestDns();
    private final WebhookAddresses publicOnly = new WebhookAddresses(List.of(), dns);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.1.2.3", "10.0.0.5", "172.16.0.1", "172.31.255.255", "192.168.1.1", "169.254.169.254",
            "169.254.0.1", "100.64.0.1", "100.100.100.200", "192.0.0.192", "0.0.0.0", "255.255.255.255", "224.0.0.1", "239.1.2.3",
            "::1", "::", "fc00::1", "fd00:ec2::254", "fe80::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254", "::ffff:10.0.0.1",
            "::ffff:7f00:1", "64:ff9b::a9fe:a9fe", "2002:a9fe:a9fe::1", "::127.0.0.1"})
    void theNodesOwnNetworkIsRefusedOverHttpsAndHttpAlike(String address) {
        dns.map("hooks.evil.example", address);
        for (String scheme : List.of("https", "http")) {
            assertThatThrownBy(() -> publicOnly.check(URI.create(scheme + "://hooks.evil.example/in")))
                    .as(scheme + " to " + address).isInstanceOf(WebhookAddresses.RefusedAddressException.class)
                    .hasMessageContaining("public addresses only");
            String literal = address.contains(":") ? "[" + address + "]" : address;
            assertThatThrownBy(() -> publicOnly.check(URI.create(scheme + "://" + literal + "/in")))
                    .as(scheme + " to the literal " + literal).isInstanceOf(WebhookAddresses.RefusedAddressException.class);
        }
    }

    @Test
    void aPublicAddressIsAcceptedOverHttpsOnly() {
        dns.map("hooks.partner.example", "93.184.215.14");
        assertThat(publicOnly.check(URI.create("https://hooks.partner.example/in")).getHostAddress()).isEqualTo("93.184.215.14");
        assertThat(publicOnly.check(URI.create("https://[2606:4700::1111]/in")).getHostAddress()).isEqualTo("2606:4700:0:0:0:0:0:1111");
        assertThatThrownBy(() -> publicOnly.check(URI.create("http://hooks.partner.example/in")))
                .isInstanceOf(WebhookAddresses.RefusedAddressException.class).hasMessageContaining("https://");
    }

    @Test
    void aNameWithAnyRefusedAddressIsRefusedAsAWhole() {
        dns.map("hooks.mixed.example", "93.184.215.14", "10.0.0.7");
        assertThatThrownBy(() -> publicOnly.check(URI.create("https://hooks.mixed.example/in")))
                .isInstanceOf(WebhookAddresses.RefusedAddressException.class);
    }

    @Test
    void aNameThatDoesNotResolveIsRefusedWithTheSameWordsAsAPrivateOne() {
        dns.map("nowhere.example");
        dns.map("db.internal.example", "10.1.2.3");
        String unresolved = message(() -> publicOnly.check(URI.create("https://nowhere.example/")));
        String internal = message(() -> publicOnly.check(URI.create("https://db.internal.example/")));
        assertThat(unresolved.replace("nowhere.example", "NAME")).isEqualTo(internal.replace("db.internal.example", "NAME"));
        assertThat(internal).doesNotContain("10.1.2.3");
    }

    @Test
    void theOperatorsAllowedRangesAreAcceptedOverHttpToo() {
        WebhookAddresses allowing = publicOnly.allowing(AddressRange.parse("127.0.0.0/8"), AddressRange.parse("10.20.0.0/16"));
        dns.map("soc.internal.example", "10.20.3.4");
        assertThat(allowing.check(URI.create("http://127.0.0.1:9000/hook")).getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(allowing.check(URI.create("http://localhost:9000/hook")).isLoopbackAddress()).isTrue();
        assertThat(allowing.check(URI.create("http://soc.internal.example/hook")).getHostAddress()).isEqualTo("10.20.3.4");
        assertThat(allowing.check(URI.create("http://[::ffff:127.0.0.1]/hook")).getHostAddress()).isEqualTo("127.0.0.1");
        // Allowing the loopback does not open the rest of the node's network.
        for (String other : List.of("http://10.21.0.1/", "http://169.254.169.254/latest/meta-data/", "https://[::1]/", "https://[fd00:ec2::254]/")) {
            assertThatThrownBy(() -> allowing.check(URI.create(other))).as(other).isInstanceOf(WebhookAddresses.RefusedAddressException.class);
        }
    }

    private static String message(Runnable check) {
        try {
            check.run();
        } catch (WebhookAddresses.RefusedAddressException e) {
            return e.getMessage();
        }
        throw new AssertionError("not refused");
    }
}
