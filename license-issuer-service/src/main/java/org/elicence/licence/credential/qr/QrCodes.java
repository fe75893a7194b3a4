package org.elicence.licence.credential.qr;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.elicence.licence.credential.InMemoryImages;

/** Renders text as a QR code PNG: the online-verification code ({@link VerificationCodes}), the holder CLI's device engagement. */
public final class QrCodes {

    /** ISO 18004 asks for a four-module quiet zone so scanners can find the code on any background. */
    private static final int QUIET_ZONE_MODULES = 4;

    private QrCodes() {
    }

    /**
     * @param content text to encode; up to 2,953 bytes (QR version 40 at error correction L)
     * @param sizePx  requested width and height; the code is drawn at least as large as its module count
     */
    public static byte[] png(String content, int sizePx) {
        // in memory: MatrixToImageWriter.writeToStream writes through ImageIO's file-cached stream
        return InMemoryImages.write(MatrixToImageWriter.toBufferedImage(encode(content, sizePx)), "png");
    }

    // Prefer level M (15% damage tolerance, good for screens and prints); fall back to L only when the
    // content is too long for M, because an unscannable-dense code is still better than none.
    private static BitMatrix encode(String content, int sizePx) {
        try {
            return encode(content, sizePx, ErrorCorrectionLevel.M);
        } catch (WriterException tooLongForM) {
            try {
                return encode(content, sizePx, ErrorCorrectionLevel.L);
            } catch (WriterException tooLong) {
                throw new IllegalArgumentException("content does not fit in a QR code", tooLong);
            }
        }
    }

    private static BitMatrix encode(String content, int sizePx, ErrorCorrectionLevel level) throws WriterException {
        Map<EncodeHintType, Object> hints = Map.of(
                EncodeHintType.ERROR_CORRECTION, level,
                EncodeHintType.MARGIN, QUIET_ZONE_MODULES,
                EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name());
        return new QRCodeWriter().encode(content, BarcodeFormat.QR_CODE, sizePx, sizePx, hints);
    }
}
