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

    @Test
    void ukIsRefusedWithTheHintGb() {
        assertThatThrownBy(() -> Countries.normalise("uk"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'UK' is not an assigned ISO 3166-1 alpha-2 country code: use GB");
    }

    @ParameterizedTest
    @ValueSource(strings = {"EU", "JJ", "XX", "ZZ", "AA", "QM", "QN", "QZ", "XK", "XA", "EL", "AN", "YU", "FX", "AC", "UN"})
    void refusesCodesIsoHasNotAssignedToACountry(String code) {
        assertThatThrownBy(() -> Countries.normalise(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an assigned ISO 3166-1 alpha-2 country code");
    }

    @Test
    void theAssignedListHoldsNoUserAssignedOrReservedCode() {
        List<String> userAssigned = new java.util.ArrayList<>(List.of("AA", "ZZ", "EU", "UK", "EL", "UN", "EZ"));
        for (char c = 'M'; c <= 'Z'; c++) userAssigned.add("Q" + c);
        for (char c = 'A'; c <= 'Z'; c++) userAssigned.add("X" + c);
        assertThat(userAssigned).noneMatch(Countries::isAssigned);
        assertThat(List.of("GB", "NL", "DE", "CW", "BQ", "SS")).allMatch(Countries::isAssigned);
    }
}
