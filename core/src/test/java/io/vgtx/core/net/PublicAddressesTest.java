package io.vgtx.core.net;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class PublicAddressesTest {
    @ParameterizedTest
    @ValueSource(strings = {"93.184.215.14", "8.8.8.8", "1.1.1.1", "172.32.0.1", "100.128.0.1", "2606:4700::1111", "2001:4860:4860::8888",
            "::ffff:8.8.8.8", "64:ff9b::808:808"})
    void publicAddressesArePublic(String address) {
        assertThat(PublicAddresses.nonPublic(AddressRange.literal(address).orElseThrow())).as(address).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.0.1", "169.254.169.254", "100.64.0.1", "100.100.100.200",
            "192.0.0.192", "0.0.0.0", "255.255.255.255", "224.0.0.251", "::1", "::", "fd00:ec2::254", "fe80::1", "ff02::1",
            "::ffff:192.168.0.1", "::192.168.0.1", "64:ff9b::7f00:1", "2002:7f00:1::", "64:ff9b:1::1"})
    void theNodesOwnNetworkIsNot(String address) {
        assertThat(PublicAddresses.nonPublic(AddressRange.literal(address).orElseThrow())).as(address).isPresent();
    }
}
