package io.vgtx.hashing.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImageFormatSniffingTest {
    @ParameterizedTest
    @CsvSource({
            "ffd8ffe000104a464946, JPEG",
            "89504e470d0a1a0a0000000d49484452, PNG",
            "474946383761, GIF",
            "474946383961, GIF",
            "424d3e000000, BMP",
            "49492a0008000000, TIFF",
            "4d4d002a00000008, TIFF",
            "49492b0008000000, TIFF",
            "524946460000000057454250565038, WEBP",
    })
    void recognisesEachFormatByItsLeadingBytes(String hex, ImageFormat expected) throws ImageDecodeException {
        assertThat(ImageFormat.sniff(HexFormat.of().parseHex(hex))).isEqualTo(expected);
    }

    @Test
    void recognisesEveryReferenceImageByContent() throws ImageDecodeException {
        for (TestImages.Row row : TestImages.rows()) {
            String extension = row.file().substring(row.file().lastIndexOf('.') + 1);
            ImageFormat expected = extension.equals("jpg") ? ImageFormat.JPEG : ImageFormat.valueOf(extension.toUpperCase());
            assertThat(ImageFormat.sniff(row.bytes())).as(row.file()).isEqualTo(expected);
        }
    }

    @Test
    void refusesTextAndOtherFormats() {
        for (String content : new String[]{"hello, world\n", "RIFF\0\0\0\0WAVEfmt ", "%PDF-1.7", "\0\0\0\u0018ftypheic"})
            assertThatThrownBy(() -> ImageFormat.sniff(content.getBytes(StandardCharsets.ISO_8859_1)))
                    .isInstanceOf(ImageDecodeException.class)
                    .hasMessage("unsupported or unrecognised image format");
    }

    @Test
    void refusesAnEmptyFile() {
        assertThatThrownBy(() -> ImageFormat.sniff(new byte[0])).hasMessage("empty file");
    }

    @Test
    void refusesAPrefixTooShortToBeSure() {
        assertThatThrownBy(() -> ImageFormat.sniff(new byte[]{(byte) 0xff, (byte) 0xd8}))
                .hasMessage("unsupported or unrecognised image format");
    }
}
