package org.elicence.licence.credential.qr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.elicence.licence.credential.ImageIoCacheGone;
import org.elicence.licence.interop.QrDecoders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QrCodesTest {

    /**
     * The online-verification QR as the service draws it at 300 px: both independent decoders read it as a camera
     * would, it carries nothing but the prefix and the code, and it stays a small code (version 3 at most: 29 modules).
     */
    @Test
    void theVerificationQrDecodesWithTwoIndependentDecodersAt300Px() throws Exception {
        for (int i = 0; i < 8; i++) { // codes differ in their modules: several, not one lucky one
            String text = VerificationCodes.qrText(VerificationCodes.newCode());
            BufferedImage image = QrDecoders.png(QrCodes.png(text, 300));

            assertEquals(300, image.getWidth());
            assertEquals(text, QrDecoders.zxing(image));
            assertEquals(text, QrDecoders.jsQr(image));
            assertTrue(text.matches("ELV1:[0-9A-F]{32}"), text);
        }
        int version = com.google.zxing.qrcode.encoder.Encoder.encode(VerificationCodes.qrText(VerificationCodes.newCode()),
                com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.M).getVersion().getVersionNumber();
        assertTrue(version <= 3, "QR version " + version);
    }

    @Test
    void verificationCodesAreRandomAndOnlyTheirOwnFormIsTakenForOne() {
        assertNotEquals(VerificationCodes.newCode(), VerificationCodes.newCode());
        String code = VerificationCodes.newCode();
        assertEquals(Optional.of(code), VerificationCodes.codeOf(" elv1:" + code.toLowerCase(java.util.Locale.ROOT)));
        assertEquals(Optional.empty(), VerificationCodes.codeOf("ELV1:" + code.substring(1)));
        assertEquals(Optional.empty(), VerificationCodes.codeOf("eyJhbGciOiJFUzI1NiJ9.e30.sig"));
        assertEquals(Optional.empty(), VerificationCodes.codeOf(null));
    }

    @Test
    void shortTextRoundTrips() throws Exception {
        assertEquals("https://example.invalid/v/abc", decode(ImageIO.read(new ByteArrayInputStream(
                QrCodes.png("https://example.invalid/v/abc", 200)))));
    }

    /** The licence's QR code is personal data: drawn in memory, never through a temporary file. */
    @Test
    void theCodeIsDrawnWithoutATemporaryFile(@TempDir Path temp) throws Exception {
        byte[] any = QrCodes.png("warm-up", 100);
        byte[] png = ImageIoCacheGone.call(temp, any, () -> QrCodes.png("https://example.invalid/v/abc", 200));
        assertEquals("https://example.invalid/v/abc", decode(ImageIO.read(new ByteArrayInputStream(png))));
    }

    @Test
    void contentBeyondQrCapacityIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> QrCodes.png("x".repeat(3000), 400));
    }

    /** Camera-style detection first; ZXing's finder can miss some pristine synthetic images, hence the fallback. */
    private static String decode(BufferedImage image) throws Exception {
        var bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        try {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
        } catch (NotFoundException finderMissedIt) {
            return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE)).getText();
        }
    }
}
