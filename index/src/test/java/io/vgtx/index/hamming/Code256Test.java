package io.vgtx.index.hamming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Code256Test {

    @Test
    void hexIsTheNumberMostSignificantDigitFirst() {
        Code256 code = Code256.fromHex("8000000000000001" + "00000000000000ff" + "0123456789abcdef" + "fedcba9876543210");

        assertThat(code.w3()).isEqualTo(0x8000000000000001L);
        assertThat(code.w2()).isEqualTo(0xffL);
        assertThat(code.w1()).isEqualTo(0x0123456789abcdefL);
        assertThat(code.w0()).isEqualTo(0xfedcba9876543210L);
        assertThat(code.bit(255)).isTrue();
        assertThat(code.bit(192)).isTrue();
        assertThat(code.bit(193)).isFalse();
    }

    @Test
    void hexRoundTripsInLowerCase() {
        RandomGenerator random = TestCodes.random(1);
        for (int i = 0; i < 100; i++) {
            Code256 code = TestCodes.uniform(random);
            assertThat(Code256.fromHex(code.toHex())).isEqualTo(code);
            assertThat(Code256.fromHex(code.toHex().toUpperCase())).isEqualTo(code);
        }
        assertThat(new Code256(1, 0, 0, 0).toHex()).isEqualTo("0".repeat(63) + "1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "+123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "g123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0"})
    void rejectsAnythingButSixtyFourHexDigits(String hex) {
        assertThatThrownBy(() -> Code256.fromHex(hex)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void distanceCountsDifferingBits() {
        Code256 zero = new Code256(0, 0, 0, 0);
        assertThat(zero.distance(zero)).isZero();
        assertThat(zero.distance(new Code256(-1, -1, -1, -1))).isEqualTo(256);
        assertThat(zero.distance(new Code256(1, 1, 1, 1L << 63))).isEqualTo(4);
    }

    @Test
    void flipInvertsExactlyOneBitOfTheRightWord() {
        Code256 zero = new Code256(0, 0, 0, 0);
        for (int k = 0; k < Code256.BITS; k++) {
            Code256 flipped = zero.flip(k);
            assertThat(flipped.distance(zero)).isEqualTo(1);
            assertThat(flipped.bit(k)).isTrue();
            assertThat(flipped.word(k >> 6)).isEqualTo(1L << (k & 63));
            assertThat(flipped.flip(k)).isEqualTo(zero);
        }
    }

    @Test
    void fromWordsReadsFourWordsInOrder() {
        assertThat(Code256.fromWords(new long[] {9, 1, 2, 3, 4}, 1)).isEqualTo(new Code256(1, 2, 3, 4));
    }
}
