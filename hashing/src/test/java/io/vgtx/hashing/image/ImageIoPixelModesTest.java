package io.vgtx.hashing.image;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Pixel layouts ImageIO hands back are turned into plain 8-bit grey or RGB, sample for sample. */
class ImageIoPixelModesTest {
    private static final int W = 23;
    private static final int H = 17;
    private final ImageDecoders decoders = ImageDecoders.detect();

    @ParameterizedTest
    @ValueSource(strings = {"bmp", "tiff", "png"})
    void losslessRgbFormatsKeepEverySample(String format) throws Exception {
        BufferedImage rgb = pattern(BufferedImage.TYPE_3BYTE_BGR);
        DecodedImage image = decoders.decode(encode(rgb, format), DecodeOptions.canonical());
        assertThat(image.channels()).isEqualTo(3);
        assertThat(image.pixels()).isEqualTo(rgbSamples(rgb));
    }

    @Test
    void gifColoursComeFromItsPaletteAndOnlyTheFirstFrameIsRead() throws Exception {
        BufferedImage first = pattern(BufferedImage.TYPE_BYTE_INDEXED);
        BufferedImage second = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_INDEXED);
        DecodedImage image = decoders.decode(animatedGif(first, second), DecodeOptions.canonical());
        assertThat(image.channels()).isEqualTo(3);
        assertThat(image.pixels()).isEqualTo(rgbSamples(first));
    }

    @Test
    void colourPalettePngBecomesRgb() throws Exception {
        BufferedImage indexed = pattern(BufferedImage.TYPE_BYTE_INDEXED);
        DecodedImage image = decoders.decode(encode(indexed, "png"), DecodeOptions.canonical());
        assertThat(image.channels()).isEqualTo(3);
        assertThat(image.pixels()).isEqualTo(rgbSamples(indexed));
    }

    @Test
    void sixteenBitGreyKeepsTheHighByte() throws Exception {
        BufferedImage grey16 = new BufferedImage(W, H, BufferedImage.TYPE_USHORT_GRAY);
        for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) grey16.getRaster().setSample(x, y, 0, x * 2801 + y * 97);
        DecodedImage image = decoders.decode(encode(grey16, "png"), DecodeOptions.canonical());
        assertThat(image.channels()).isEqualTo(1);
        assertThat(image.pixels()[5 * W + 7] & 0xff).isEqualTo((7 * 2801 + 5 * 97) >>> 8);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void lowBitDepthGreySpreadsOverTheFullRange(int bits) throws Exception {
        BufferedImage grey = ImageTypeSpecifier.createGrayscale(bits, DataBuffer.TYPE_BYTE, false)
                .createBufferedImage(W, H);
        int levels = 1 << bits;
        for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) grey.getRaster().setSample(x, y, 0, (x + y) % levels);
        DecodedImage image = decoders.decode(encode(grey, "png"), DecodeOptions.canonical());
        assertThat(image.channels()).isEqualTo(1);
        for (int x = 0; x < levels && x < W; x++)
            assertThat(image.pixels()[x] & 0xff).isEqualTo(x * 255 / (levels - 1));
    }

    @Test
    void eightBitGreyIsNotGammaMapped() throws Exception {
        // BufferedImage.getRGB would turn sample 57 into 130 (PDQ.md 1.2); the raw sample must come through.
        BufferedImage grey = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < H; y++) for (int x = 0; x < W; x++) grey.getRaster().setSample(x, y, 0, 57);
        DecodedImage image = decoders.decode(encode(grey, "png"), DecodeOptions.canonical());
        assertThat(image.pixels()).containsOnly((byte) 57);
    }

    @Test
    void animatedWebpDecodesItsFirstFrameThroughImageIo() throws ImageDecodeException {
        byte[] animated = animatedWebp(TestImages.bytes(TestImages.WEBP), 1600, 1004);
        assertThat(WebpDecoder.isAnimated(animated)).isTrue();
        DecodedImage image = decoders.decode(animated, DecodeOptions.canonical());
        assertThat(image.width()).isEqualTo(1600);
        assertThat(image.height()).isEqualTo(1004);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gif", "bmp", "tiff"})
    void truncatedFilesAreRefused(String format) throws Exception {
        byte[] whole = encode(pattern(format.equals("gif") ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_3BYTE_BGR), format);
        assertThatThrownBy(() -> decoders.decode(Arrays.copyOf(whole, whole.length / 2), DecodeOptions.canonical()))
                .isInstanceOf(ImageDecodeException.class);
    }

    /** A busy test pattern, so that any mix-up of rows, columns or channels shows. */
    private static BufferedImage pattern(int type) {
        BufferedImage image = new BufferedImage(W, H, type);
        for (int y = 0; y < H; y++)
            for (int x = 0; x < W; x++) image.setRGB(x, y, (x * 11 & 0xff) << 16 | (y * 15 & 0xff) << 8 | ((x ^ y) * 7 & 0xff));
        return image;
    }

    /** Samples as DecodedImage holds them, from the image's own colour model (fine for RGB and palette). */
    private static byte[] rgbSamples(BufferedImage image) {
        byte[] out = new byte[W * H * 3];
        for (int y = 0, o = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                int rgb = image.getRGB(x, y);
                out[o++] = (byte) (rgb >> 16);
                out[o++] = (byte) (rgb >> 8);
                out[o++] = (byte) rgb;
            }
        }
        return out;
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).as("a writer for " + format).isTrue();
        return out.toByteArray();
    }

    private static byte[] animatedGif(BufferedImage... frames) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.prepareWriteSequence(null);
            for (BufferedImage frame : frames) writer.writeToSequence(new IIOImage(frame, null, null), null);
            writer.endWriteSequence();
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    /** A one-frame animated WebP (VP8X + ANIM + ANMF) around the VP8 chunk of a still lossy WebP. */
    static byte[] animatedWebp(byte[] still, int width, int height) {
        byte[] vp8 = Arrays.copyOfRange(still, 12, still.length); // the "VP8 " chunk
        ByteBuffer vp8x = le(10).put((byte) 0x02).put(new byte[3]).put(int24(width - 1)).put(int24(height - 1));
        ByteBuffer anim = le(6).putInt(0).putShort((short) 0);
        ByteBuffer anmf = le(16 + vp8.length).put(int24(0)).put(int24(0)).put(int24(width - 1)).put(int24(height - 1))
                .put(int24(100)).put((byte) 0).put(vp8);
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        chunk(chunks, "VP8X", vp8x.array());
        chunk(chunks, "ANIM", anim.array());
        chunk(chunks, "ANMF", anmf.array());
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("RIFF".getBytes(StandardCharsets.US_ASCII));
        file.writeBytes(le(4).putInt(4 + chunks.size()).array());
        file.writeBytes("WEBP".getBytes(StandardCharsets.US_ASCII));
        file.writeBytes(chunks.toByteArray());
        return file.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String tag, byte[] data) {
        out.writeBytes(tag.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(le(4).putInt(data.length).array());
        out.writeBytes(data);
        if (data.length % 2 == 1) out.write(0);
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static byte[] int24(int value) {
        return new byte[]{(byte) value, (byte) (value >> 8), (byte) (value >> 16)};
    }
}
