package io.vgtx.hashing.image;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ImageDecodersDescribeTest {
    @Test
    void namesTheNativeDecodersWhenTheyArePresent() {
        assertThat(ImageDecoders.detect().describe()).containsExactly(
                TurboJpegDecoder.available()
                        ? "JPEG: libjpeg-turbo (FFM, libturbojpeg.so.0); CMYK JPEG: ImageIO (TwelveMonkeys)"
                        : "JPEG: ImageIO (TwelveMonkeys); libturbojpeg.so.0 unavailable",
                WebpDecoder.available()
                        ? "WebP: libwebp (FFM, libwebp.so.7); animated WebP: ImageIO (TwelveMonkeys)"
                        : "WebP: ImageIO (TwelveMonkeys); libwebp.so.7 unavailable",
                "PNG, GIF, BMP: ImageIO; TIFF: ImageIO (TwelveMonkeys)");
    }

    @Test
    void imageIoOnlyNamesImageIoForEveryFormat() {
        assertThat(ImageDecoders.imageIoOnly().describe()).containsExactly(
                "JPEG: ImageIO (TwelveMonkeys)",
                "WebP: ImageIO (TwelveMonkeys)",
                "PNG, GIF, BMP: ImageIO; TIFF: ImageIO (TwelveMonkeys)");
    }

    @Test
    void detectReturnsOneSharedInstance() {
        assertThat(ImageDecoders.detect()).isSameAs(ImageDecoders.detect());
    }
}
