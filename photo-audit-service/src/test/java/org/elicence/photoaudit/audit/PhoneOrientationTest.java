package org.elicence.photoaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.ByteArrayOutputStream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Issue 14: a phone stores a portrait sideways or upside down and says so in its EXIF orientation (3, 6, 8).
 * Intake keeps only that tag (application-service, docs/privacy.md); the audit must see the person upright. Made
 * from a real compliant portrait of the corpus: its pixels are turned the way a phone would store them, the tag
 * written in front, and the audit must give the same verdict as for the upright photo, and a different one when
 * the tag is missing (so the test sees whether the orientation was applied at all).
 */
class PhoneOrientationTest {

    private static PhotoAuditor auditor;
    private static Mat upright;
    private static Verdict uprightVerdict;

    @BeforeAll
    static void setUp() throws Exception {
        OpenCvRuntime.ensureLoaded();
        auditor = new PhotoAuditor(TestConfigs.defaults());
        byte[] portrait = PhotoAuditorTest.resource("/corpus/frl-london/frl_002_neutral.jpg");
        upright = Imgcodecs.imdecode(new MatOfByte(portrait), Imgcodecs.IMREAD_COLOR);
        // the upright photo re-encoded exactly as the turned ones are, so that compression is no difference
        uprightVerdict = auditor.audit(jpeg(upright)).verdict();
        assertEquals(Verdict.PASS, uprightVerdict, "the control: the corpus portrait passes upright");
    }

    /** At twice its size (1800 x 1800) the photo is decoded at half size: the tag must be applied there too. */
    @ParameterizedTest(name = "orientation {0}, {2} x")
    @CsvSource({"6, " + Core.ROTATE_90_COUNTERCLOCKWISE + ", 1", "8, " + Core.ROTATE_90_CLOCKWISE + ", 1",
            "3, " + Core.ROTATE_180 + ", 1", "6, " + Core.ROTATE_90_COUNTERCLOCKWISE + ", 2",
            "8, " + Core.ROTATE_90_CLOCKWISE + ", 2", "3, " + Core.ROTATE_180 + ", 2"})
    void aPortraitStoredTurnedWithItsOrientationTagIsAuditedUpright(int orientation, int storedTurn, int enlarge)
            throws Exception {
        Mat photo = new Mat();
        Imgproc.resize(upright, photo, new Size(), enlarge, enlarge, Imgproc.INTER_CUBIC);
        Mat stored = new Mat();
        Core.rotate(photo, stored, storedTurn);
        byte[] phoneJpeg = withOrientation(jpeg(stored), orientation);

        AuditReport report = auditor.audit(phoneJpeg);
        assertEquals(uprightVerdict, report.verdict(), report.checks().toString());
        assertNotEquals(Verdict.PASS, auditor.audit(jpeg(stored)).verdict(),
                "without its tag the turned portrait must not pass: the tag is what made it upright");
    }

    private static byte[] jpeg(Mat image) {
        MatOfByte out = new MatOfByte();
        Imgcodecs.imencode(".jpg", image, out, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, 95));
        return out.toArray();
    }

    /** An APP1 EXIF segment holding only the orientation (little-endian TIFF, IFD0), right after SOI. */
    private static byte[] withOrientation(byte[] jpeg, int orientation) {
        byte[] tiff = {'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, (byte) orientation, 0,
            0, 0, 0, 0, 0, 0};
        int length = 2 + 6 + tiff.length;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.write(new byte[] {(byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length, 'E', 'x', 'i', 'f', 0, 0},
                0, 10);
        out.write(tiff, 0, tiff.length);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }
}
