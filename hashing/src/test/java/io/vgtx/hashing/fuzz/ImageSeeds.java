package io.vgtx.hashing.fuzz;

import io.vgtx.hashing.pdq.ReferenceData;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The image fuzz targets' seeds, made when a test asks for them and never stored in the repository: tiny images
 * encoded in memory from one shared test image (RGB, grey, 6×5; baseline, progressive and EXIF-rotated JPEG), and for
 * WebP, which the JDK cannot write, the smallest WebP of the shared test data.
 */
final class ImageSeeds {
    private static final String SOURCE = "sizes/p-17x16.png";
    private static final String WEBP = "images/misc-images/modes/F.webp";

    private ImageSeeds() {}

    /** One seed: the fuzz target (format) it starts, a name, its bytes. */
    record Seed(String target, String name, byte[] bytes) {
        @Override
        public String toString() {
            return target + "/" + name;
        }
    }

    static List<Seed> all() {
        try {
            BufferedImage source = ImageIO.read(ReferenceData.pdqRoot().resolve(SOURCE).toFile());
            BufferedImage rgb = redraw(source, source.getWidth(), source.getHeight(), BufferedImage.TYPE_INT_RGB);
            BufferedImage grey = redraw(source, source.getWidth(), source.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
            BufferedImage small = redraw(source, 6, 5, BufferedImage.TYPE_INT_RGB);
            Map<String, byte[]> seeds = new LinkedHashMap<>();
            for (String format : List.of("png", "gif", "bmp", "tiff")) {
                seeds.put(format + "/rgb-17x16", encode(rgb, format));
                seeds.put(format + "/grey-17x16", encode(grey, format));
                seeds.put(format + "/rgb-6x5", encode(small, format));
            }
            byte[] baseline = jpeg(rgb, false);
            seeds.put("jpeg/baseline-17x16", baseline);
            seeds.put("jpeg/progressive-17x16", jpeg(rgb, true));
            seeds.put("jpeg/grey-17x16", jpeg(grey, false));
            seeds.put("jpeg/progressive-64x48", jpeg(redraw(source, 64, 48, BufferedImage.TYPE_INT_RGB), true));
            seeds.put("jpeg/exif-orientation-6-17x16", withExifOrientation(baseline, 6));
            seeds.put("webp/F", Files.readAllBytes(ReferenceData.pdqRoot().resolve(WEBP)));
            return seeds.entrySet().stream().map(e -> {
                String[] parts = e.getKey().split("/", 2);
                return new Seed(parts[0], parts[1], e.getValue());
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedImage redraw(BufferedImage source, int width, int height, int type) {
        BufferedImage image = new BufferedImage(width, height, type);
        image.getGraphics().drawImage(source, 0, 0, width, height, null);
        return image;
    }

    private static byte[] encode(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, out)) throw new IllegalStateException("no ImageIO writer for " + format);
        return out.toByteArray();
    }

    private static byte[] jpeg(BufferedImage image, boolean progressive) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        if (progressive) param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    /** Inserts, after SOI, an APP1 Exif segment holding only an Orientation tag. */
    private static byte[] withExifOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {'M', 'M', 0, 42, 0, 0, 0, 8, 0, 1, 0x01, 0x12, 0, 3, 0, 0, 0, 1, 0, (byte) orientation, 0, 0, 0, 0, 0, 0};
        byte[] header = {'E', 'x', 'i', 'f', 0, 0};
        int length = 2 + header.length + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length});
        out.writeBytes(header);
        out.writeBytes(tiff);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
