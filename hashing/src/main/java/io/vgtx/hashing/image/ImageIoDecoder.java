package io.vgtx.hashing.image;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Iterator;

/**
 * Decoding by Java ImageIO: the JDK readers (PNG, GIF, BMP, JPEG) plus the TwelveMonkeys plug-ins on the class
 * path (CMYK/YCCK JPEG, WebP, TIFF). Pure Java, so it is the fallback wherever a native library is missing.
 *
 * <p>The reader is chosen by content. The header size is checked against the pixel limit before any pixels are
 * read, only the first image (the first GIF frame) is read, and metadata is ignored, so compressed text chunks
 * are never inflated. Truncated JPEG data, which the JPEG reader only warns about, is refused as
 * {@link TurboJpegDecoder} refuses it. Whatever goes wrong inside a reader becomes an {@link ImageDecodeException}.
 *
 * <p>JPEG pixels equal libjpeg-turbo's: an embedded ICC profile is removed before reading (see
 * {@link JpegSegments#withoutIccProfile}), and {@link DecodeOptions#jpegScale()} is honoured by subsampling.
 *
 * <p>Thread-safe: each decode uses its own reader.
 */
public final class ImageIoDecoder implements ImageDecoder {
    @Override
    public String name() {
        return "ImageIO";
    }

    @Override
    public DecodedImage decode(byte[] encoded, DecodeOptions options) throws ImageDecodeException {
        ImageFormat format = ImageFormat.sniff(encoded);
        byte[] input = format == ImageFormat.JPEG && JpegSegments.components(encoded) < 4
                ? JpegSegments.withoutIccProfile(encoded) : encoded;
        try (ImageInputStream stream = new MemoryCacheImageInputStream(new ByteArrayInputStream(input))) {
            return read(stream, input, format, options);
        } catch (IOException e) {
            throw new ImageDecodeException(reason(format, e), e);
        } catch (RuntimeException e) {
            // Readers throw IndexOutOfBounds, NegativeArraySize, IllegalArgument… on malformed data.
            throw new ImageDecodeException("corrupt " + format.displayName() + " data (" + e.getClass().getSimpleName() + ")", e);
        }
    }

    private static DecodedImage read(ImageInputStream stream, byte[] input, ImageFormat format, DecodeOptions options)
            throws IOException, ImageDecodeException {
        ImageReader reader = readerFor(stream, format);
        try {
            reader.setInput(stream, false, true);
            // Channels are known only after reading; count 3, the most DecodedImage holds.
            PixelLimit.check(reader.getWidth(0), reader.getHeight(0), 3, options);
            WarningWatch warnings = new WarningWatch();
            reader.addIIOReadWarningListener(warnings);
            BufferedImage image = reader.read(0, readParam(reader, format, options));
            if (warnings.seen && format == ImageFormat.JPEG && JpegSegments.isTruncated(input))
                throw new ImageDecodeException("truncated JPEG data");
            return RasterPixels.of(image);
        } finally {
            reader.dispose();
        }
    }

    /**
     * For a scaled JPEG decode, keeps every n-th pixel: not libjpeg-turbo's DCT-domain scaling, but the same
     * size, and it spares the memory of a full-size image.
     */
    private static ImageReadParam readParam(ImageReader reader, ImageFormat format, DecodeOptions options) throws IOException {
        ImageReadParam param = reader.getDefaultReadParam();
        int scale = format == ImageFormat.JPEG ? options.jpegScaleFor(reader.getWidth(0), reader.getHeight(0)) : 1;
        if (format == ImageFormat.JPEG && scale > 1) param.setSourceSubsampling(scale, scale, 0, 0);
        return param;
    }

    private static ImageReader readerFor(ImageInputStream stream, ImageFormat format) throws ImageDecodeException {
        Iterator<ImageReader> readers = ImageIO.getImageReaders(stream);
        if (!readers.hasNext())
            throw new ImageDecodeException("no ImageIO reader for this " + format.displayName() + " file");
        return readers.next();
    }

    private static String reason(ImageFormat format, IOException e) {
        for (Throwable t = e; t != null; t = t.getCause())
            if (t instanceof EOFException) return "truncated " + format.displayName() + " data";
        Throwable root = e;
        while (root.getCause() != null) root = root.getCause();
        String message = firstLine(e);
        if (root != e && !firstLine(root).equals(message)) message += " (" + firstLine(root) + ")";
        return "corrupt " + format.displayName() + " data: " + message;
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message.lines().findFirst().orElseThrow();
    }

    /** Notices a reader's warnings: the JPEG reader only warns when the data ends early, and fills in grey. */
    private static final class WarningWatch implements IIOReadWarningListener {
        private boolean seen;

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            seen = true;
        }
    }
}
