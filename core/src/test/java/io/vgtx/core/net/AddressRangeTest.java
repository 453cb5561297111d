package io.vgtx.core.net;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.InetAddress;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AddressRangeTest {
    private static InetAddress ip(String literal) {
        return AddressRange.literal(literal).orElseThrow();
    }

    @Test
    void aRangeHoldsTheAddressesUnderItsPrefixOnly() {
        AddressRange range = AddressRange.parse("172.16.0.0/12");
        assertThat(range.contains(ip("172.16.0.1"))).isTrue();
        assertThat(range.contains(ip("172.31.255.255"))).isTrue();
        assertThat(range.contains(ip("172.32.0.0"))).isFalse();
        assertThat(range.contains(ip("172.15.255.255"))).isFalse();
        assertThat(AddressRange.parse("fc00::/7").contains(ip("fd12::1"))).isTrue();
        assertThat(AddressRange.parse("fc00::/7").contains(ip("fe00::1"))).isFalse();
    }

    @Test
    void anIpv4MappedIpv6AddressIsTheIpv4AddressItCarries() {
        assertThat(AddressRange.parse("127.0.0.0/8").contains(ip("::ffff:127.0.0.1"))).isTrue();
        assertThat(AddressRange.parse("::ffff:10.0.0.0/104").contains(ip("10.1.2.3"))).as("written as mapped IPv6, held as IPv4").isTrue();
        assertThat(AddressRange.parse("::ffff:10.0.0.0/104").toString()).isEqualTo("10.0.0.0/8");
    }

    @Test
    void aSingleAddressIsAFullLengthPrefixAndTheNetworkIsMasked() {
        assertThat(AddressRange.parse("203.0.113.7").toString()).isEqualTo("203.0.113.7/32");
        assertThat(AddressRange.parse("10.1.2.3/8").toString()).isEqualTo("10.0.0.0/8");
        assertThat(AddressRange.parse("0.0.0.0/0").contains(ip("8.8.8.8"))).isTrue();
        assertThat(AddressRange.parse("0.0.0.0/0").contains(ip("::1"))).as("an IPv4 range holds no IPv6 address").isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "example.org", "example.org/8", "10.0.0.0/33", "::/129", "10.0.0.0/-1", "10.0.0.0/x", "10.0.0/8", "fe80::1%eth0/64"})
    void whatIsNotARangeIsRefusedWithoutALookup(String text) {
        assertThatThrownBy(() -> AddressRange.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
