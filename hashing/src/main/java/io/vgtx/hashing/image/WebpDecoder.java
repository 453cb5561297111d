package io.vgtx.hashing.image;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * WebP decoding by libwebp ({@code libwebp.so.7}) through FFM: {@code WebPGetInfo} for the size, then
 * {@code WebPDecodeRGB}, which drops alpha and keeps the colour stored under it, as the PDQ references do.
 *
 * <p>Animated WebP is not handled by the simple decode API; {@link #isAnimated} lets the caller route it to
 * the ImageIO (TwelveMonkeys) reader, which reads the first frame.
 *
 * <p>Thread-safe: libwebp's simple API keeps no state between calls.
 */
public final class WebpDecoder implements ImageDecoder {
    static final String LIBRARY = "libwebp.so.7";

    /** RIFF header (12 bytes), then the first chunk's tag (4) and size (4), then the VP8X flags byte. */
    private static final int FIRST_CHUNK = 12;
    private static final int VP8X_FLAGS = 20;
    private static final int ANIMATION_FLAG = 0x02;

    private static final Optional<WebpDecoder> INSTANCE = NativeLibrary.bind(LIBRARY, WebpDecoder::new);

    private final MethodHandle webPGetInfo;
    private final MethodHandle webPDecodeRgb;
    private final MethodHandle webPFree;

    // size_t is 64-bit on Linux x86-64 and aarch64: JAVA_LONG.
    private WebpDecoder(NativeLibrary lib) {
        MallocTuning.ensureApplied();
        webPGetInfo = lib.function("WebPGetInfo", FunctionDescriptor.of(JAVA_INT, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS));
        webPDecodeRgb = lib.function("WebPDecodeRGB", FunctionDescriptor.of(ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS));
        webPFree = lib.function("WebPFree", FunctionDescriptor.ofVoid(ADDRESS));
    }

    /** The decoder, or empty when libwebp.so.7 cannot be loaded or native access is denied. */
    public static Optional<WebpDecoder> instance() {
        return INSTANCE;
    }

    public static boolean available() {
        return INSTANCE.isPresent();
    }

    /** Whether an extended (VP8X) WebP file says it holds an animation. */
    static boolean isAnimated(byte[] encoded) {
        return encoded.length > VP8X_FLAGS
                && new String(encoded, FIRST_CHUNK, 4, StandardCharsets.US_ASCII).equals("VP8X")
                && (encoded[VP8X_FLAGS] & ANIMATION_FLAG) != 0;
    }

    @Override
    public String name() {
        return "libwebp (FFM, " + LIBRARY + ")";
    }

    @Override
    public DecodedImage decode(byte[] encoded, DecodeOptions options) throws ImageDecodeException {
        if (encoded.length == 0) throw new ImageDecodeException("empty file");
        if (isAnimated(encoded)) throw new ImageDecodeException("animated WebP: not decoded by libwebp's simple API");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment source = arena.allocate(encoded.length);
            MemorySegment.copy(encoded, 0, source, JAVA_BYTE, 0, encoded.length);
            MemorySegment width = arena.allocate(JAVA_INT);
            MemorySegment height = arena.allocate(JAVA_INT);
            if (getInfo(source, width, height) == 0) throw failure(encoded, "header");
            PixelLimit.check(width.get(JAVA_INT, 0), height.get(JAVA_INT, 0), 3, options);
            return decodeRgb(encoded, source, width, height);
        }
    }

    private DecodedImage decodeRgb(byte[] encoded, MemorySegment source, MemorySegment width, MemorySegment height)
            throws ImageDecodeException {
        MemorySegment rgb = decodeRgb(source, width, height);
        if (rgb.address() == 0) throw failure(encoded, "data");
        try {
            int w = width.get(JAVA_INT, 0);
            int h = height.get(JAVA_INT, 0);
            byte[] pixels = rgb.reinterpret((long) w * h * 3).toArray(JAVA_BYTE);
            return new DecodedImage(w, h, 3, pixels);
        } finally {
            free(rgb);
        }
    }

    /** libwebp gives no reason; a RIFF size beyond the end of the bytes is the common one, truncation. */
    private static ImageDecodeException failure(byte[] encoded, String part) {
        if (encoded.length < FIRST_CHUNK || riffSize(encoded) + 8 > encoded.length)
            return new ImageDecodeException("truncated WebP data");
        return new ImageDecodeException("corrupt WebP " + part);
    }

    private static long riffSize(byte[] b) {
        return (b[4] & 0xffL) | (b[5] & 0xffL) << 8 | (b[6] & 0xffL) << 16 | (b[7] & 0xffL) << 24;
    }

    // Downcalls; they throw only on a binding bug, which the facade reports as a decode failure.

    private int getInfo(MemorySegment source, MemorySegment width, MemorySegment height) {
        try {
            return (int) webPGetInfo.invokeExact(source, source.byteSize(), width, height);
        } catch (Throwable t) {
            throw new IllegalStateException("WebPGetInfo failed", t);
        }
    }

    private MemorySegment decodeRgb(MemorySegment source, MemorySegment width, MemorySegment height) {
        try {
            return (MemorySegment) webPDecodeRgb.invokeExact(source, source.byteSize(), width, height);
        } catch (Throwable t) {
            throw new IllegalStateException("WebPDecodeRGB failed", t);
        }
    }

    private void free(MemorySegment pointer) {
        try {
            webPFree.invokeExact(pointer);
        } catch (Throwable t) {
            throw new IllegalStateException("WebPFree failed", t);
        }
    }
}
