package io.vgtx.hashing.image;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

/**
 * JPEG decoding by libjpeg-turbo ({@code libturbojpeg.so.0}, the 2.x {@code tj*} API) through FFM.
 *
 * <p>Uses libjpeg's default decode (accurate integer DCT, fancy upsampling), which is what ImageMagick and the
 * JDK's ImageIO reader do, so the pixels and PDQ hashes equal the references bit for bit. Grey JPEGs decode to
 * one channel, exactly the samples libjpeg outputs for them. CMYK and YCCK JPEGs are left to the ImageIO
 * (TwelveMonkeys) fallback, which converts them to RGB.
 *
 * <p>Errors: libjpeg-turbo reports fatal errors and recoverable warnings through the same -1 return. Fatal errors
 * are refused with libjpeg's message. After a warning, truncated data (no end-of-image marker, where libjpeg fills
 * the missing rows with grey) is refused as "truncated JPEG data"; other warnings, such as stray bytes before a
 * marker, leave a complete image, which is kept, as ImageMagick and ImageIO keep it. libjpeg reports only the first
 * warning, so truncation is recognised from the data rather than from the warning text.
 *
 * <p>Thread-safe: each decode uses its own libjpeg-turbo handle and a confined arena that frees all native
 * memory when the decode ends.
 */
public final class TurboJpegDecoder implements ImageDecoder {
    static final String LIBRARY = "libturbojpeg.so.0";

    private static final int TJPF_RGB = 0;
    private static final int TJPF_GRAY = 6;
    private static final int TJCS_GRAY = 2;
    private static final int TJCS_CMYK = 3;
    private static final int TJCS_YCCK = 4;
    private static final int TJERR_WARNING = 0;
    /** No TJFLAG_FASTDCT / TJFLAG_FASTUPSAMPLE: libjpeg's accurate defaults, as the references decode. */
    private static final int DEFAULT_FLAGS = 0;
    /** libjpeg's JMSG_LENGTH_MAX: the size of the buffer tjGetErrorStr2 points into. */
    private static final int ERROR_TEXT_MAX = 200;

    private static final Optional<TurboJpegDecoder> INSTANCE = NativeLibrary.bind(LIBRARY, TurboJpegDecoder::new);

    private final MethodHandle tjInitDecompress;
    private final MethodHandle tjDecompressHeader3;
    private final MethodHandle tjDecompress2;
    private final MethodHandle tjGetErrorStr2;
    private final MethodHandle tjGetErrorCode;
    private final MethodHandle tjDestroy;

    // unsigned long (the JPEG size) is 64-bit on Linux x86-64 and aarch64: JAVA_LONG.
    private TurboJpegDecoder(NativeLibrary lib) {
        MallocTuning.ensureApplied();
        tjInitDecompress = lib.function("tjInitDecompress", FunctionDescriptor.of(ADDRESS));
        tjDecompressHeader3 = lib.function("tjDecompressHeader3", FunctionDescriptor.of(JAVA_INT,
                ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS));
        tjDecompress2 = lib.function("tjDecompress2", FunctionDescriptor.of(JAVA_INT,
                ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT));
        tjGetErrorStr2 = lib.function("tjGetErrorStr2", FunctionDescriptor.of(ADDRESS, ADDRESS));
        tjGetErrorCode = lib.function("tjGetErrorCode", FunctionDescriptor.of(JAVA_INT, ADDRESS));
        tjDestroy = lib.function("tjDestroy", FunctionDescriptor.of(JAVA_INT, ADDRESS));
    }

    /** The decoder, or empty when libturbojpeg.so.0 cannot be loaded or native access is denied. */
    public static Optional<TurboJpegDecoder> instance() {
        return INSTANCE;
    }

    public static boolean available() {
        return INSTANCE.isPresent();
    }

    @Override
    public String name() {
        return "libjpeg-turbo (FFM, " + LIBRARY + ")";
    }

    @Override
    public DecodedImage decode(byte[] encoded, DecodeOptions options) throws ImageDecodeException {
        return decodeUnlessCmyk(encoded, options)
                .orElseThrow(() -> new ImageDecodeException("CMYK JPEG: not decoded by libjpeg-turbo"));
    }

    /** The decoded image, or empty for a CMYK or YCCK JPEG, which the caller decodes another way. */
    Optional<DecodedImage> decodeUnlessCmyk(byte[] encoded, DecodeOptions options) throws ImageDecodeException {
        if (encoded.length == 0) throw new ImageDecodeException("empty file");
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment handle = initDecompress();
            if (handle.address() == 0) throw new ImageDecodeException("libjpeg-turbo could not start a decoder");
            try {
                MemorySegment source = copy(arena, encoded);
                Header header = readHeader(arena, handle, source);
                if (header.colorspace == TJCS_CMYK || header.colorspace == TJCS_YCCK) return Optional.empty();
                PixelLimit.check(header.width, header.height, header.channels(), options);
                int scale = options.jpegScaleFor(header.width, header.height);
                Optional<byte[]> dcOnly = scale == 8 ? ProgressiveDc.scansWithDcOnly(encoded) : Optional.empty();
                if (dcOnly.isPresent()) return Optional.of(decompress(arena, handle, dcOnly.get(), copy(arena, dcOnly.get()), header, scale));
                return Optional.of(decompress(arena, handle, encoded, source, header, scale));
            } finally {
                destroy(handle);
            }
        }
    }

    private static MemorySegment copy(Arena arena, byte[] bytes) {
        MemorySegment segment = arena.allocate(bytes.length);
        MemorySegment.copy(bytes, 0, segment, JAVA_BYTE, 0, bytes.length);
        return segment;
    }

    private record Header(int width, int height, int colorspace) {
        int channels() {
            return colorspace == TJCS_GRAY ? 1 : 3;
        }
    }

    private Header readHeader(Arena arena, MemorySegment handle, MemorySegment source) throws ImageDecodeException {
        MemorySegment width = arena.allocate(JAVA_INT);
        MemorySegment height = arena.allocate(JAVA_INT);
        MemorySegment subsampling = arena.allocate(JAVA_INT);
        MemorySegment colorspace = arena.allocate(JAVA_INT);
        int status = decompressHeader(handle, source, width, height, subsampling, colorspace);
        Header header = new Header(width.get(JAVA_INT, 0), height.get(JAVA_INT, 0), colorspace.get(JAVA_INT, 0));
        // A warning alone (e.g. stray bytes before a marker) still gives a usable header.
        if (status != 0 && (isFatal(handle) || header.width < 1 || header.height < 1)) throw failure(handle);
        // Success without a size: the data ended, or a bad length skipped past it, before the frame header.
        if (header.width < 1 || header.height < 1)
            throw new ImageDecodeException("corrupt JPEG data: no frame header before the end of the data");
        return header;
    }

    /**
     * Decodes at 1/scale in the DCT domain: libjpeg-turbo picks the scale from the requested size. A scaled
     * ({@code --fast}) decode asks for grey: libjpeg-turbo then hands over the JPEG's own Y channel — the
     * same weighted sum of R, G and B that PDQ computes — and skips chroma upsampling and colour conversion.
     */
    private DecodedImage decompress(Arena arena, MemorySegment handle, byte[] encoded, MemorySegment source,
                                    Header header, int scale) throws ImageDecodeException {
        int width = Math.ceilDiv(header.width, scale);
        int height = Math.ceilDiv(header.height, scale);
        int channels = scale > 1 ? 1 : header.channels();
        MemorySegment pixels = arena.allocate((long) width * height * channels);
        int format = channels == 1 ? TJPF_GRAY : TJPF_RGB;
        if (decompress2(handle, source, pixels, width, height, format) != 0) {
            if (isFatal(handle)) throw failure(handle);
            if (JpegSegments.isTruncated(encoded)) throw new ImageDecodeException("truncated JPEG data");
        }
        return new DecodedImage(width, height, channels, pixels.toArray(JAVA_BYTE));
    }

    private boolean isFatal(MemorySegment handle) {
        return errorCode(handle) != TJERR_WARNING;
    }

    private ImageDecodeException failure(MemorySegment handle) {
        return new ImageDecodeException("corrupt JPEG data: " + errorText(handle));
    }

    /**
     * The message for the last error on this handle (or, for libjpeg's own errors, on this thread), without the
     * "tjDecompressHeader3(): " prefix that TurboJPEG's own checks add.
     */
    private String errorText(MemorySegment handle) {
        MemorySegment text = errorStr(handle);
        if (text.address() == 0) return "unknown libjpeg-turbo error";
        return text.reinterpret(ERROR_TEXT_MAX).getString(0).replaceFirst("^tj\\w+\\(\\): ", "").strip();
    }

    // Downcalls. invokeExact needs the exact static types, so each function gets its own wrapper; they throw
    // only on a binding bug, which the facade reports as a decode failure.

    private MemorySegment initDecompress() {
        try {
            return (MemorySegment) tjInitDecompress.invokeExact();
        } catch (Throwable t) {
            throw new IllegalStateException("tjInitDecompress failed", t);
        }
    }

    private int decompressHeader(MemorySegment handle, MemorySegment source, MemorySegment width,
                                 MemorySegment height, MemorySegment subsampling, MemorySegment colorspace) {
        try {
            return (int) tjDecompressHeader3.invokeExact(handle, source, source.byteSize(), width, height,
                    subsampling, colorspace);
        } catch (Throwable t) {
            throw new IllegalStateException("tjDecompressHeader3 failed", t);
        }
    }

    private int decompress2(MemorySegment handle, MemorySegment source, MemorySegment pixels, int width, int height,
                            int pixelFormat) {
        try {
            // pitch 0: rows are packed, width * bytes-per-pixel apart
            return (int) tjDecompress2.invokeExact(handle, source, source.byteSize(), pixels, width, 0, height,
                    pixelFormat, DEFAULT_FLAGS);
        } catch (Throwable t) {
            throw new IllegalStateException("tjDecompress2 failed", t);
        }
    }

    private MemorySegment errorStr(MemorySegment handle) {
        try {
            return (MemorySegment) tjGetErrorStr2.invokeExact(handle);
        } catch (Throwable t) {
            throw new IllegalStateException("tjGetErrorStr2 failed", t);
        }
    }

    private int errorCode(MemorySegment handle) {
        try {
            return (int) tjGetErrorCode.invokeExact(handle);
        } catch (Throwable t) {
            throw new IllegalStateException("tjGetErrorCode failed", t);
        }
    }

    private void destroy(MemorySegment handle) {
        try {
            int ignored = (int) tjDestroy.invokeExact(handle);
        } catch (Throwable t) {
            throw new IllegalStateException("tjDestroy failed", t);
        }
    }
}
