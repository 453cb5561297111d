package io.vgtx.hashing.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;

class ExifOrientationTest {
    /** Stored 3x2 grey image: 1 2 3 / 4 5 6. */
    private static final DecodedImage STORED = new DecodedImage(3, 2, 1, new byte[]{1, 2, 3, 4, 5, 6});

    @Test
    void readsTheOrientationImageMagickReportsForEveryReferenceImage() throws ImageDecodeException {
        for (TestImages.Row row : TestImages.rows()) {
            byte[] bytes = row.bytes();
            int expected = row.exifOrientation().equals("-") ? 1 : Integer.parseInt(row.exifOrientation());
            assertThat(ExifOrientation.of(ImageFormat.sniff(bytes), bytes)).as(row.file()).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "orientation {0}")
    @CsvSource(delimiter = '|', value = {
            "1 | 3 | 2 | 1 2 3 4 5 6",
            "2 | 3 | 2 | 3 2 1 6 5 4",   // mirrored
            "3 | 3 | 2 | 6 5 4 3 2 1",   // turned 180°
            "4 | 3 | 2 | 4 5 6 1 2 3",   // upside down
            "5 | 2 | 3 | 1 4 2 5 3 6",   // transposed
            "6 | 2 | 3 | 4 1 5 2 6 3",   // turned clockwise to show
            "7 | 2 | 3 | 6 3 5 2 4 1",   // transversed
            "8 | 2 | 3 | 3 6 2 5 1 4",   // turned anticlockwise to show
    })
    void turnsStoredPixelsUpright(int orientation, int width, int height, String samples) {
        DecodedImage upright = ExifOrientation.apply(STORED, orientation);
        assertThat(upright.width()).isEqualTo(width);
        assertThat(upright.height()).isEqualTo(height);
        assertThat(upright.pixels()).isEqualTo(bytes(samples));
    }

    @Test
    void keepsTheChannelsOfEachPixelTogether() {
        DecodedImage rgb = new DecodedImage(2, 1, 3, new byte[]{1, 2, 3, 4, 5, 6});
        assertThat(ExifOrientation.apply(rgb, 6).pixels()).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(ExifOrientation.apply(rgb, 2).pixels()).containsExactly(4, 5, 6, 1, 2, 3);
    }

    @Test
    void appliedOrientationRestoresTheOriginalsGeometry() throws ImageDecodeException {
        DecodeOptions upright = DecodeOptions.canonical().withExifOrientation(true);
        DecodedImage turned = ImageDecoders.detect().decode(TestImages.bytes(TestImages.BRIDGE_EXIF_6), upright);
        DecodedImage original = ImageDecoders.detect().decode(TestImages.bytes(TestImages.BRIDGE), DecodeOptions.canonical());
        assertThat(turned.width()).isEqualTo(1600);
        assertThat(turned.height()).isEqualTo(1004);
        // The same photo, JPEG-compressed once more: close, not identical.
        assertThat(meanAbsoluteDifference(turned, original)).isLessThan(2.0);
    }

    @Test
    void isNotAppliedUnlessAskedFor() throws ImageDecodeException {
        DecodedImage stored = ImageDecoders.detect().decode(TestImages.bytes(TestImages.BRIDGE_EXIF_6), DecodeOptions.canonical());
        assertThat(stored.width()).isEqualTo(1004);
    }

    @Test
    void readsPngExifChunks() throws Exception {
        byte[] png = withPngChunk(png(), "eXIf", tiffWithOrientation(8, false));
        assertThat(ExifOrientation.of(ImageFormat.PNG, png)).isEqualTo(8);
        DecodedImage upright = ImageDecoders.detect().decode(png, DecodeOptions.canonical().withExifOrientation(true));
        assertThat(upright.width()).isEqualTo(5);
        assertThat(upright.height()).isEqualTo(7);
    }

    @Test
    void readsWebpExifChunks() {
        byte[] exif = tiffWithOrientation(3, true);
        ByteBuffer webp = ByteBuffer.allocate(12 + 8 + exif.length).order(ByteOrder.LITTLE_ENDIAN);
        webp.put(ascii("RIFF")).putInt(4 + 8 + exif.length).put(ascii("WEBP"))
                .put(ascii("EXIF")).putInt(exif.length).put(exif);
        assertThat(ExifOrientation.of(ImageFormat.WEBP, webp.array())).isEqualTo(3);
    }

    @Test
    void malformedExifReadsAsStored() {
        SplittableRandom random = new SplittableRandom(3);
        byte[] jpeg = TestImages.bytes(TestImages.BRIDGE_EXIF_6);
        JpegSegments.Segment app1 = JpegSegments.read(jpeg).stream()
                .filter(s -> s.marker() == JpegSegments.APP1).findFirst().orElseThrow();
        for (int i = 0; i < 500; i++) {
            byte[] damaged = jpeg.clone();
            for (int j = 0; j < 4; j++) damaged[app1.start() + 6 + random.nextInt(40)] = (byte) random.nextInt(256);
            assertThat(ExifOrientation.of(ImageFormat.JPEG, damaged)).isBetween(1, 8);
        }
        byte[] outOfRange = tiffWithOrientation(9, false);
        assertThat(ExifOrientation.of(ImageFormat.TIFF, outOfRange)).isEqualTo(ExifOrientation.AS_STORED);
    }

    /** A TIFF header and one IFD holding only the Orientation tag. */
    private static byte[] tiffWithOrientation(int orientation, boolean littleEndian) {
        ByteBuffer tiff = ByteBuffer.allocate(26).order(littleEndian ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        tiff.put(ascii(littleEndian ? "II" : "MM")).putShort((short) 42).putInt(8)
                .putShort((short) 1)
                .putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0)
                .putInt(0);
        return tiff.array();
    }

    private static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(7, 5, BufferedImage.TYPE_3BYTE_BGR), "png", out);
        return out.toByteArray();
    }

    /** The PNG with a chunk inserted before IEND (the last 12 bytes). */
    private static byte[] withPngChunk(byte[] png, String type, byte[] data) {
        CRC32 crc = new CRC32();
        crc.update(ascii(type));
        crc.update(data);
        ByteBuffer chunk = ByteBuffer.allocate(12 + data.length)
                .putInt(data.length).put(ascii(type)).put(data).putInt((int) crc.getValue());
        int iend = png.length - 12;
        ByteBuffer out = ByteBuffer.allocate(png.length + chunk.capacity());
        out.put(png, 0, iend).put(chunk.array()).put(png, iend, 12);
        return out.array();
    }

    private static double meanAbsoluteDifference(DecodedImage a, DecodedImage b) {
        long sum = 0;
        for (int i = 0; i < a.pixels().length; i++) sum += Math.abs((a.pixels()[i] & 0xff) - (b.pixels()[i] & 0xff));
        return (double) sum / a.pixels().length;
    }

    private static byte[] bytes(String samples) {
        String[] values = samples.trim().split(" ");
        byte[] b = new byte[values.length];
        for (int i = 0; i < values.length; i++) b[i] = Byte.parseByte(values[i]);
        return b;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
