package io.vgtx.core.org;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CountriesTest {
    @Test
    void normalisesCaseAndSurroundingBlanks() {
        assertThat(Countries.normalise(" gb ")).isEqualTo("GB");
        assertThat(Countries.normalise("De")).isEqualTo("DE");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"G", "GBR", "1A", "G-", "ÄB", "g b"})
    void refusesAnythingButTwoLetters(String code) {
        assertThatThrownBy(() -> Countries.normalise(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ISO 3166-1 alpha-2");
    }

    @Test
    void normalisesAListSortedWithoutRepeats() {
        assertThat(Countries.normaliseAll(List.of("fr", "BE", "Fr", "de"))).containsExactly("BE", "DE", "FR");
    }
}
