package org.elicence.licence.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.Map;
import javax.imageio.ImageIO;
import org.elicence.licence.credential.VerificationResult.Outcome;
import org.junit.jupiter.api.Test;

class QrCodesTest {

    @Test
    void scannedQrCodeVerifies() throws Exception {
        KeyMaterial keys = Fixtures.keys();
        // As the service issues it: with a status list entry, which makes the code denser.
        IssuedCredential issued = new CredentialIssuer(keys, Fixtures.CLOCK).issue(Fixtures.licence(), Fixtures.STATUS);

        byte[] png = QrCodes.png(issued.qrPayload(), 800);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertTrue(image.getWidth() >= 800, "drawn at least at the requested size");
        // The credential code must be found the way a camera scan finds it, without the pure-image shortcut.
        String scanned = scanAsACamera(image);

        assertEquals(issued.qrPayload(), scanned);
        var officer = Fixtures.verifier(keys, LicenceStatus.ACTIVE);
        VerificationResult result = officer.verify(scanned);
        assertEquals(Outcome.VALID, result.outcome(), result.reason());
        assertEquals(Fixtures.LICENCE_NUMBER, result.claims().get("document_number"));
    }

    @Test
    void shortTextRoundTrips() throws Exception {
        assertEquals("https://example.invalid/v/abc", decode(ImageIO.read(new ByteArrayInputStream(
                QrCodes.png("https://example.invalid/v/abc", 200)))));
    }

    @Test
    void contentBeyondQrCapacityIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> QrCodes.png("x".repeat(3000), 400));
    }

    /**
     * Camera-style detection, turning the image a quarter at a time as a scanner sees successive frames at other
     * angles. On some pristine synthetic images ZXing's finder takes a run of data modules for a finder pattern and
     * misses the code; which images depends on the content, so with some signer keys a good share of credentials
     * miss in the first orientation (measured up to a third for version-40 codes), while every one was found by the
     * second (960 of 960).
     */
    private static String scanAsACamera(BufferedImage image) throws NotFoundException {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        for (int quarterTurns = 0; ; quarterTurns++) {
            try {
                return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
            } catch (NotFoundException | com.google.zxing.ChecksumException | com.google.zxing.FormatException missed) {
                if (quarterTurns == 3) {
                    throw NotFoundException.getNotFoundInstance();
                }
                bitmap = bitmap.rotateCounterClockwise();
            }
        }
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
