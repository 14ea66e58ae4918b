package org.wubu.catalog.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Small valid PNGs for demo products: a square in a colour taken from the SKU, with a darker frame.
 * The same SKU always gives the same bytes (and so the same media id). Written by hand to need
 * nothing beyond java.util.zip.
 */
final class DemoPng {

    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};

    private DemoPng() {
    }

    /** A {@code size}×{@code size} square for this SKU. */
    static byte[] square(String sku, int size) {
        byte[] h = sha256(sku);
        // Light colours, so that the console's text stays readable over them.
        int r = 96 + (h[0] & 0xFF) * 150 / 255;
        int g = 96 + (h[1] & 0xFF) * 150 / 255;
        int b = 96 + (h[2] & 0xFF) * 150 / 255;
        int frame = Math.max(1, size / 16);
        byte[] raw = new byte[size * (1 + size * 3)];
        int i = 0;
        for (int y = 0; y < size; y++) {
            raw[i++] = 0; // filter: none
            for (int x = 0; x < size; x++) {
                boolean edge = x < frame || y < frame || x >= size - frame || y >= size - frame;
                raw[i++] = (byte) (edge ? r * 2 / 3 : r);
                raw[i++] = (byte) (edge ? g * 2 / 3 : g);
                raw[i++] = (byte) (edge ? b * 2 / 3 : b);
            }
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(SIGNATURE);
        chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(size).putInt(size)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0).array());
        chunk(png, "IDAT", deflate(raw));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.US_ASCII);
        out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] deflate(byte[] raw) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            d.setInput(raw);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buf = new byte[8192];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
