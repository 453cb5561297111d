package io.vgtx.core.names;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class SkeletonTest {
    @ParameterizedTest(name = "{0} looks like {1}")
    @CsvSource(delimiter = '|', value = {
            "Op Police|Οp Police",            // Greek capital omicron
            "Op Police|op police ",           // case, trailing space
            "Op Police|'  Op   Police'",      // surrounding and repeated spaces
            "Op Police|Op\u00a0Police",       // no-break space
            "NLPolice|NL\u200bPolice",        // zero-width space
            "NLPolice|NL\u00adPolice",        // soft hyphen
            "NLPolice|ＮＬＰｏｌｉｃｅ",        // full-width letters (NFKC)
            "alice|a1ice",                    // digit one for l
            "modern|rnodern",                 // r n for m
            "Paypal|Рaypal",                  // Cyrillic Р
    })
    void namesThatLookAlikeHaveOneSkeleton(String name, String lookAlike) {
        assertThat(Skeleton.of(lookAlike)).isEqualTo(Skeleton.of(name));
    }

    @ParameterizedTest(name = "{0} differs from {1}")
    @CsvSource(delimiter = '|', value = {
            "Op Police|Op Polite",
            "NL Police|NLPolice",
            "Hotline A|Hotline B",
            "bob|bobby",
    })
    void namesThatLookDifferentHaveDifferentSkeletons(String name, String other) {
        assertThat(Skeleton.of(other)).isNotEqualTo(Skeleton.of(name));
    }
}
