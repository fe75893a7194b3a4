package org.elicence.photoaudit.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.List;
import java.util.Locale;

import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.OpenCvRuntime;
import org.elicence.photoaudit.audit.PhotoAuditor;
import org.elicence.photoaudit.audit.TestConfigs;
import org.elicence.photoaudit.audit.analysis.FaceGeometry;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.decode.DecodeOutcome;
import org.elicence.photoaudit.audit.decode.ImageDecoder;
import org.elicence.photoaudit.audit.perception.FacePerception;
import org.elicence.photoaudit.card.testing.CardHolder;
import org.elicence.photoaudit.card.testing.CardPhotos;
import org.elicence.photoaudit.card.testing.CardPhotos.Placement;
import org.elicence.photoaudit.card.testing.CardRenderer;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.imgcodecs.Imgcodecs;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * A licence made from a card meets the licence format as one made from an upload does: for each of the 132 corpus
 * photos (66 people) printed on a card and photographed, the licence portrait cut from the card shows the head
 * 224-260 px long from the top of the hair to the chin and the hair 10-20 px below the top edge (the format, 260 x
 * 378 px), measured again on the finished portrait by the audit's perception (landmarks and silhouette: the measure
 * that framed it, so a check of the framing's arithmetic and of the region the card hands over, not an independent
 * measure). The ranges printed are docs/idcard.md's.
 */
class CardLicencePortraitTest {

    /**
     * Re-measuring the hair's top on the finished portrait is off by a few pixels (the resampling; a light grey wall
     * whitened in patches at the top edge): the margin is held to 10-20 px within this, and one portrait of 132 may
     * miss it (frl_125_smiling: thin light hair under a wall whitened in patches measures 0 px, where the portrait
     * shows about 15).
     */
    private static final int TOLERANCE = 3;

    @Test
    void everyPersonsCardPortraitMeetsTheLicenceFormat() {
        OpenCvRuntime.ensureLoaded();
        CardCheckConfig config = new SmallRyeConfigBuilder().withMapping(CardCheckConfig.class).build()
                .getConfigMapping(CardCheckConfig.class);
        PortraitChecks portraits = new PortraitChecks(new CardFaceDetector(config.minPortraitScore()), config);
        CardLocator locator = new CardLocator(config.minCardAreaFraction(), config.borderMarginFraction());
        SmallRyeConfig settings = TestConfigs.defaults();
        AuditConfig audit = settings.getConfigMapping(AuditConfig.class);
        CardLicencePortrait cardPortrait = new CardLicencePortrait(new PhotoAuditor(settings));
        ImageDecoder decoder = new ImageDecoder(audit.decode());
        FacePerception perception = new FacePerception();
        DoubleSummaryStatistics head = new DoubleSummaryStatistics();
        DoubleSummaryStatistics top = new DoubleSummaryStatistics();
        DoubleSummaryStatistics centre = new DoubleSummaryStatistics();
        List<String> outOfFormat = new ArrayList<>();
        List<String> marginOff = new ArrayList<>();
        for (String photo : CardPortraitDetectionTest.PHOTOS) {
            BufferedImage front = CardRenderer.front(CardHolder.WANG_FANG,
                    CardPortraitDetectionTest.headAndShoulders(photo));
            Mat picture = Imgcodecs.imdecode(new MatOfByte(CardPhotos.photograph(front, Placement.SLIGHTLY_TILTED)),
                    Imgcodecs.IMREAD_COLOR);
            Mat card = CardLocator.rectify(picture, locator.locate(picture).orElseThrow(), config.rectifiedWidth());
            PortraitChecks.FrontResult result = portraits.checkFront(card);
            byte[] jpeg = cardPortrait.render(result.card(), result.face()).orElse(null);
            release(picture, card, result.card());
            if (jpeg == null) {
                outOfFormat.add(photo + ": no portrait");
                continue;
            }
            DecodeOutcome.Decoded decoded = (DecodeOutcome.Decoded) decoder.decode(jpeg);
            assertEquals(260, decoded.image().bgr().cols());
            assertEquals(378, decoded.image().bgr().rows());
            try (PhotoAnalysis analysis = new PhotoAnalysis(decoded.image(), perception, audit)) {
                FaceGeometry face = analysis.face().orElse(null);
                if (face == null) {
                    outOfFormat.add(photo + ": no face in the portrait");
                    continue;
                }
                double scale = (double) audit.portrait().height() / analysis.work().rows();
                double length = face.headLength() * scale;
                double crown = face.head().crown().y * scale;
                head.accept(length);
                top.accept(crown);
                centre.accept(face.head().crown().x * scale);
                if (length < 224 || length > 260) {
                    outOfFormat.add(String.format(Locale.ROOT, "%s: head %.0f", photo, length));
                }
                if (crown < 10 - TOLERANCE || crown > 20 + TOLERANCE) {
                    marginOff.add(String.format(Locale.ROOT, "%s: hair %.0f below the top", photo, crown));
                }
            } finally {
                decoded.image().bgr().release();
            }
        }
        System.out.printf(Locale.ROOT, "head length %.0f-%.0f (mean %.0f), hair below the top %.0f-%.0f (mean %.0f), "
                + "crown x %.0f-%.0f, over %d portraits%n", head.getMin(), head.getMax(), head.getAverage(), top.getMin(),
                top.getMax(), top.getAverage(), centre.getMin(), centre.getMax(), head.getCount());
        assertEquals(132, CardPortraitDetectionTest.PHOTOS.size(), "the corpus' 66 people, two photos each");
        assertTrue(outOfFormat.isEmpty(), outOfFormat.size() + " out of the format: " + outOfFormat);
        System.out.println("hair margin off by more than " + TOLERANCE + " px: " + marginOff);
        assertTrue(marginOff.size() <= 1, marginOff.toString());
    }

    private static void release(Mat... mats) {
        for (Mat mat : mats) {
            mat.release();
        }
    }
}
