package io.vgtx.hashing.image;

import java.util.List;
import java.util.Optional;

/**
 * Decodes any supported image: recognises the format from its bytes and hands it to the fastest decoder that is
 * present (libjpeg-turbo for JPEG, libwebp for WebP, both through FFM), falling back to ImageIO. Pixels come out
 * the same either way, bit for bit for JPEG, so hashes do not depend on which libraries a machine has (CMYK JPEG
 * always goes to ImageIO/TwelveMonkeys).
 *
 * <p>EXIF orientation, when {@link DecodeOptions#applyExifOrientation()} asks for it, is applied here, after
 * whichever decoder ran. Thread-safe. Only {@link ImageDecodeException} leaves {@link #decode}.
 */
public final class ImageDecoders {
    private static final ImageDecoders IMAGE_IO_ONLY = new ImageDecoders(Optional.empty(), Optional.empty(), false);

    private final Optional<TurboJpegDecoder> jpeg;
    private final Optional<WebpDecoder> webp;
    /** Whether the native libraries were looked for, so {@link #describe()} can say one is missing. */
    private final boolean nativesWanted;
    private final ImageIoDecoder imageIo = new ImageIoDecoder();

    private ImageDecoders(Optional<TurboJpegDecoder> jpeg, Optional<WebpDecoder> webp, boolean nativesWanted) {
        this.jpeg = jpeg;
        this.webp = webp;
        this.nativesWanted = nativesWanted;
    }

    /** Binds the native libraries on first use, in a holder so that {@link #imageIoOnly()} never loads them. */
    private static final class Detected {
        static final ImageDecoders INSTANCE =
                new ImageDecoders(TurboJpegDecoder.instance(), WebpDecoder.instance(), true);
    }

    /** The native decoders that are present, ImageIO for the rest. */
    public static ImageDecoders detect() {
        return Detected.INSTANCE;
    }

    /** Pure Java: JDK ImageIO and the TwelveMonkeys plug-ins only. */
    public static ImageDecoders imageIoOnly() {
        return IMAGE_IO_ONLY;
    }

    public DecodedImage decode(byte[] encoded, DecodeOptions options) throws ImageDecodeException {
        ImageFormat format = ImageFormat.sniff(encoded);
        DecodedImage image;
        try {
            image = decode(format, encoded, options);
        } catch (RuntimeException e) {
            // Only a bug in a binding or a reader gets here; one bad file must not stop a batch.
            throw new ImageDecodeException("decoder failed on this " + format.displayName() + " file ("
                    + e.getClass().getSimpleName() + ")", e);
        }
        return options.applyExifOrientation() ? ExifOrientation.apply(image, ExifOrientation.of(format, encoded)) : image;
    }

    private DecodedImage decode(ImageFormat format, byte[] encoded, DecodeOptions options) throws ImageDecodeException {
        if (format == ImageFormat.JPEG && jpeg.isPresent()) {
            Optional<DecodedImage> decoded = jpeg.get().decodeUnlessCmyk(encoded, options);
            if (decoded.isPresent()) return decoded.get();
        }
        if (format == ImageFormat.WEBP && webp.isPresent() && !WebpDecoder.isAnimated(encoded))
            return webp.get().decode(encoded, options);
        return imageIo.decode(encoded, options);
    }

    /** One line per format naming the decoder in use, for {@code vgtx --version}. */
    public List<String> describe() {
        return List.of(
                "JPEG: " + jpeg.map(d -> d.name() + "; CMYK JPEG: ImageIO (TwelveMonkeys)")
                        .orElse("ImageIO (TwelveMonkeys)" + missing(TurboJpegDecoder.LIBRARY)),
                "WebP: " + webp.map(d -> d.name() + "; animated WebP: ImageIO (TwelveMonkeys)")
                        .orElse("ImageIO (TwelveMonkeys)" + missing(WebpDecoder.LIBRARY)),
                "PNG, GIF, BMP: ImageIO; TIFF: ImageIO (TwelveMonkeys)");
    }

    private String missing(String library) {
        return nativesWanted ? "; " + library + " unavailable" : "";
    }
}
