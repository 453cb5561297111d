package io.vgtx.hashing.image;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.awt.image.Raster;
import java.util.Arrays;

/**
 * Turns an ImageIO {@link BufferedImage} into 8-bit grey or RGB samples by reading the raster, never
 * {@code getRGB}: that gamma-maps 8-bit grey (PDQ.md 1.2) and would composite nothing but cost a call per pixel.
 * Alpha is dropped, and the colour stored under it kept, as the PDQ references do. Embedded colour profiles are
 * not applied: the references hash the samples as stored.
 */
final class RasterPixels {
    private RasterPixels() {}

    static DecodedImage of(BufferedImage image) {
        ColorModel model = image.getColorModel();
        if (model instanceof IndexColorModel palette) return fromPalette(image.getRaster(), palette);
        if (model.getTransferType() == DataBuffer.TYPE_FLOAT || model.getTransferType() == DataBuffer.TYPE_DOUBLE)
            return of(toSrgb(image));
        return switch (model.getColorSpace().getType()) {
            case ColorSpace.TYPE_GRAY -> fromBands(image.getRaster(), 1);
            case ColorSpace.TYPE_RGB -> fromBands(image.getRaster(), 3);
            default -> of(toSrgb(image)); // CMYK, Lab, YCbCr…: rare in practice; let Java 2D convert them
        };
    }

    /** Palette indices through the colour table; a palette of greys only (1-bit, 2-bit, 4-bit grey) stays grey. */
    private static DecodedImage fromPalette(Raster raster, IndexColorModel palette) {
        int size = palette.getMapSize();
        byte[] reds = new byte[size];
        byte[] greens = new byte[size];
        byte[] blues = new byte[size];
        palette.getReds(reds);
        palette.getGreens(greens);
        palette.getBlues(blues);
        boolean grey = Arrays.equals(reds, greens) && Arrays.equals(reds, blues);
        int width = raster.getWidth();
        int height = raster.getHeight();
        int channels = grey ? 1 : 3;
        byte[] out = new byte[width * height * channels];
        int[] row = new int[width];
        int o = 0;
        for (int y = 0; y < height; y++) {
            raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, 0, row);
            for (int x = 0; x < width; x++) {
                int index = Math.min(row[x], size - 1); // a hostile file may index past a short palette
                out[o++] = reds[index];
                if (!grey) {
                    out[o++] = greens[index];
                    out[o++] = blues[index];
                }
            }
        }
        return new DecodedImage(width, height, channels, out);
    }

    /** The first {@code channels} bands (grey, or R, G, B), alpha and any extra bands dropped. */
    private static DecodedImage fromBands(Raster raster, int channels) {
        if (raster.getDataBuffer() instanceof DataBufferByte bytes
                && raster.getSampleModel() instanceof ComponentSampleModel layout)
            return fromByteComponents(raster, bytes, layout, channels);
        int width = raster.getWidth();
        int height = raster.getHeight();
        byte[] out = new byte[width * height * channels];
        int[] row = new int[width];
        for (int band = 0; band < channels; band++) {
            int bits = raster.getSampleModel().getSampleSize(band);
            for (int y = 0; y < height; y++) {
                raster.getSamples(raster.getMinX(), raster.getMinY() + y, width, 1, band, row);
                int o = y * width * channels + band;
                for (int x = 0; x < width; x++, o += channels) out[o] = to8Bits(row[x], bits);
            }
        }
        return new DecodedImage(width, height, channels, out);
    }

    /** Fast path for 8-bit interleaved or banded rasters (JPEG, PNG, BMP): index the array directly. */
    private static DecodedImage fromByteComponents(Raster raster, DataBufferByte buffer, ComponentSampleModel layout,
                                                   int channels) {
        int width = raster.getWidth();
        int height = raster.getHeight();
        int originX = raster.getMinX() - raster.getSampleModelTranslateX();
        int originY = raster.getMinY() - raster.getSampleModelTranslateY();
        int pixelStride = layout.getPixelStride();
        int lineStride = layout.getScanlineStride();
        byte[] out = new byte[width * height * channels];
        for (int band = 0; band < channels; band++) {
            byte[] data = buffer.getData(layout.getBankIndices()[band]);
            int start = buffer.getOffsets()[layout.getBankIndices()[band]] + layout.getBandOffsets()[band];
            for (int y = 0; y < height; y++) {
                int i = start + (originY + y) * lineStride + originX * pixelStride;
                int o = y * width * channels + band;
                for (int x = 0; x < width; x++, i += pixelStride, o += channels) out[o] = data[i];
            }
        }
        return new DecodedImage(width, height, channels, out);
    }

    /** Scales a sample of {@code bits} bits to 0..255: 16-bit keeps its high byte, 1/2/4-bit levels spread out. */
    private static byte to8Bits(int sample, int bits) {
        if (bits == 8) return (byte) sample;
        if (bits == 16) return (byte) (sample >>> 8);
        if (bits > 8) return (byte) (sample >>> (bits - 8));
        int max = (1 << bits) - 1;
        return (byte) ((sample * 255 + max / 2) / max);
    }

    private static BufferedImage toSrgb(BufferedImage image) {
        BufferedImage rgb = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        new ColorConvertOp(null).filter(image, rgb);
        return rgb;
    }
}
