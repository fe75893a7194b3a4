package org.elicence.licence.interop;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.DecodeHintType;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Two independent QR decoders, as scanners use them: ZXing (Java) with camera-style detection (no pure-barcode
 * shortcut) and jsQR (JavaScript, via {@link InteropNode}).
 */
public final class QrDecoders {

    private QrDecoders() {
    }

    public static BufferedImage png(byte[] png) {
        try {
            return ImageIO.read(new ByteArrayInputStream(png));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * ZXing's detector on the image as a camera delivers it, turning it a quarter at a time as a scanner sees
     * successive frames at other angles (on some pristine synthetic images ZXing's finder takes a run of modules for
     * a finder pattern in one orientation; see QrCodesTest); fails when no orientation reads.
     */
    public static String zxing(BufferedImage image) {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        for (int quarterTurns = 0; ; quarterTurns++) {
            try {
                return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
            } catch (NotFoundException | ChecksumException | FormatException missed) {
                if (quarterTurns == 3) {
                    throw new AssertionError("ZXing found no readable QR code in any orientation", missed);
                }
                bitmap = bitmap.rotateCounterClockwise();
            }
        }
    }

    /** jsQR on the image's RGBA pixels; fails when it finds no code. */
    public static String jsQr(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] rgba = new byte[width * height * 4];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int argb = image.getRGB(x, y);
                int i = (y * width + x) * 4;
                rgba[i] = (byte) (argb >> 16);
                rgba[i + 1] = (byte) (argb >> 8);
                rgba[i + 2] = (byte) argb;
                rgba[i + 3] = (byte) (argb >>> 24);
            }
        }
        try {
            Path file = Files.createDirectories(Path.of("target", "interop")).resolve("qr-" + System.nanoTime() + ".rgba");
            Files.write(file, rgba);
            try {
                return InteropNode.run("qr-decode.mjs", file.toAbsolutePath().toString(), String.valueOf(width),
                        String.valueOf(height));
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
