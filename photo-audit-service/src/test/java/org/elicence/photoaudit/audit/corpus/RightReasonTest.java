package org.elicence.photoaudit.audit.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.elicence.photoaudit.audit.AuditReport;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.CheckVerdict;
import org.elicence.photoaudit.audit.PhotoAuditor;
import org.elicence.photoaudit.audit.TestConfigs;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;

/**
 * A photo that fails is named for what the applicant must change. Every compliant calibration person's photo is
 * edited with the corpus's own edits (a style per person in turn) and each edit must fail the rule whose guidance
 * fixes it, and only that one of the rules it could be confused with. The people kept out of calibration are
 * scored in docs/photo-audit-accuracy.md.
 */
class RightReasonTest {

    private static final FrlCorpus CORPUS = FrlCorpus.load();
    private static PhotoAuditor auditor;
    /** Built one at a time: a base photo holds several full-size images. */
    private static List<FrlCorpus.Photo> people;

    @BeforeAll
    static void auditorAndPeople() {
        auditor = new PhotoAuditor(TestConfigs.defaults());
        people = CORPUS.compliantNeutralBases().stream().filter(p -> p.split() == FrlCorpus.Split.CALIBRATION).toList();
        assertTrue(people.size() >= 40, "calibration people: " + people.size());
    }

    /**
     * A painted wall is R2 ("stand in front of a white wall"), coloured light C6 ("take it in daylight or white
     * light"): the wall must be R2's BACKGROUND_COLOURED and not a cast, the white balance C6's COLOUR_CAST and not a
     * coloured wall.
     */
    @Test
    void aPaintedWallIsR2AndColouredLightIsC6() {
        List<String> misnamed = overCalibrationPeople((i, base, found) -> {
            AuditReport painted = audit(PhotoEdits.wallColour(base, i, new Random(i)));
            if (!code(painted, "R2").equals("BACKGROUND_COLOURED") || code(painted, "C6").equals("COLOUR_CAST")) {
                found.add(base.person() + " wall " + PhotoEdits.WALL_STYLES[i % PhotoEdits.WALL_STYLES.length]
                        + ": R2 " + code(painted, "R2") + ", C6 " + code(painted, "C6"));
            }
            AuditReport tinted = audit(PhotoEdits.whiteBalance(base, i, new Random(i)));
            if (!code(tinted, "C6").equals("COLOUR_CAST") || code(tinted, "R2").equals("BACKGROUND_COLOURED")) {
                found.add(base.person() + " light " + PhotoEdits.WHITE_BALANCE_STYLES[i % PhotoEdits.WHITE_BALANCE_STYLES.length]
                        + ": R2 " + code(tinted, "R2") + ", C6 " + code(tinted, "C6"));
            }
        });
        assertEquals(List.of(), misnamed);
    }

    /**
     * A washed-out photo (over-exposed, its black level lifted as by haze) keeps a wide tonal range and an unclipped
     * face, so only its pupils, no longer black, tell: C5 OVEREXPOSED. Its white T-shirt is as white as the wall, and
     * the fix is the light: neither R8 ("wear another top", "bare shoulders") nor R3 ("shoulders tilted", read from an
     * outline the white top no longer has) FAILs, nor R10 ("glare on your glasses"): the eyes clip to white with the
     * face, and R10's glare is NOT_ASSESSABLE on a photo C5 finds washed out. Nor R1 ("flash spots on your face"): a
     * hot spot is a spot, and here every bright part of the face clips, also where both eyes are clipped and C5 has
     * no pupil to read (several of the face's parts white, {@code PhotoAnalysis#faceClippedToWhite}; 9 calibration
     * people were told both before). The same photo 10 % brighter still passes C5.
     */
    @Test
    void aWashedOutPhotoIsC5AndABrighterOneIsNot() {
        List<String> misnamed = overCalibrationPeople((i, base, found) -> {
            AuditReport washedOut = audit(PhotoEdits.overexposed(base, 0, new Random(i)));
            if (!code(washedOut, "C5").equals("OVEREXPOSED") || verdict(washedOut, "R8") == CheckVerdict.FAIL
                    || verdict(washedOut, "R3") == CheckVerdict.FAIL || verdict(washedOut, "R10") == CheckVerdict.FAIL
                    || verdict(washedOut, "R1") == CheckVerdict.FAIL) {
                found.add(base.person() + " washed out: C5 " + code(washedOut, "C5") + ", R8 " + code(washedOut, "R8")
                        + ", R3 " + code(washedOut, "R3") + ", R10 " + code(washedOut, "R10") + ", R1 " + code(washedOut, "R1"));
            }
            AuditReport brighter = audit(PhotoEdits.brighter(base, 0, new Random(i)));
            if (!code(brighter, "C5").equals("EXPOSURE_OK")) {
                found.add(base.person() + " brighter: C5 " + code(brighter, "C5"));
            }
        });
        assertEquals(List.of(), misnamed);
    }

    /**
     * A flash spot on the nose is R1 ("turn off the flash"), not a covering (R9, "take off the mask"): a highlight is
     * the skin mixed with white light and counts as the skin it lies on. Left out of R9's nose share instead, it left
     * the nostrils' shadow to stand for the nose. The nose style on every calibration person.
     */
    @Test
    void aFlashSpotOnTheNoseIsR1AndNotACovering() {
        int nose = List.of(PhotoEdits.HOT_SPOT_STYLES).indexOf("nose");
        List<String> misnamed = overCalibrationPeople((i, base, found) -> {
            AuditReport spot = audit(PhotoEdits.hotSpot(base, nose, new Random(i)));
            if (!code(spot, "R1").equals("FACE_HOT_SPOT") || verdict(spot, "R9") == CheckVerdict.FAIL) {
                found.add(base.person() + " nose hot spot: R1 " + code(spot, "R1") + ", R9 " + code(spot, "R9"));
            }
        });
        assertEquals(List.of(), misnamed);
    }

    /**
     * Glare on glasses is R10 ("tilt your glasses"), not a flash spot on the face (R1): the reflection lies mostly on
     * the lens but its soft edge spills past the lens region R10 reads, and a clipped spot mostly on a lens region
     * is the glasses' (9 generated glare photos were told both before). Every calibration person, the three styles
     * (left lens, right lens, both) in turn.
     */
    @Test
    void glareOnGlassesIsR10AndNotAFlashSpot() {
        List<String> misnamed = overCalibrationPeople((i, base, found) -> {
            AuditReport glare = audit(FaceCoverings.glare(base, i, new Random(i)));
            if (!code(glare, "R10").equals("GLASSES_GLARE") || verdict(glare, "R1") == CheckVerdict.FAIL) {
                found.add(base.person() + " glare " + FaceCoverings.GLARE_STYLES[i % FaceCoverings.GLARE_STYLES.length]
                        + ": R10 " + code(glare, "R10") + ", R1 " + code(glare, "R1"));
            }
        });
        assertEquals(List.of(), misnamed);
    }

    /**
     * A flash spot on the forehead is R1 ("turn off the flash"), not headwear (R5, "remove your hat"): the spot's
     * pixels clipped to white have no colour and are left out of the forehead's skin share. The spot's soft edge is
     * lighter and paler than the skin but not clipped, as a white cap is, and still counts against the skin: on
     * three calibration people (038, 043 and 082: 9 before the change) R5 still FAILs. Nor is it an over-exposed
     * photo (C5, "the photo is washed out"): a large spot whitens one part of the face, over-exposure several. The
     * assertion: R1 and no C5 FAIL on every one, R5 on fewer than a tenth of them, the forehead style over all
     * calibration people.
     */
    @Test
    void aFlashSpotOnTheForeheadIsR1AndNotAHat() {
        int forehead = List.of(PhotoEdits.HOT_SPOT_STYLES).indexOf("forehead");
        List<String> hats = new ArrayList<>();
        List<String> misnamed = overCalibrationPeople((i, base, found) -> {
            AuditReport spot = audit(PhotoEdits.hotSpot(base, forehead, new Random(i)));
            if (!code(spot, "R1").equals("FACE_HOT_SPOT") || verdict(spot, "C5") == CheckVerdict.FAIL) {
                found.add(base.person() + " forehead hot spot: R1 " + code(spot, "R1") + ", C5 " + code(spot, "C5"));
            }
            if (verdict(spot, "R5") == CheckVerdict.FAIL) {
                hats.add(base.person() + " forehead hot spot: R5 " + code(spot, "R5"));
            }
        });
        assertEquals(List.of(), misnamed);
        assertTrue(hats.size() * 10 < people.size(), "told to remove a hat: " + hats);
    }

    /**
     * A photo taken too close is C2 ("step back"), not a shadow behind the head nor a cluttered or uneven wall (R2),
     * nor a top that merges with the wall (R8): the wall the licence portrait shows around the head is not in the
     * photo, and the slivers at the frame's edges are not judged. Nor is a photo cut through the hair (C3) judged for
     * its wall.
     */
    @Test
    void aPhotoTooCloseIsC2AndNotTheWall() {
        List<String> misnamed = overCalibrationPeople((i, base, found) -> {
            AuditReport close = audit(Reframing.tooClose(base, 0, new Random(i)));
            if (verdict(close, "C2") != CheckVerdict.FAIL || anyFails(close, "R2")
                    || verdict(close, "R8") == CheckVerdict.FAIL) {
                found.add(base.person() + " too close: C2 " + code(close, "C2") + ", R2 " + codes(close, "R2") + ", R8 "
                        + code(close, "R8"));
            }
            AuditReport cut = audit(Reframing.cropHairTop(base, 0, new Random(i)));
            if (anyFails(cut, "R2")) {
                found.add(base.person() + " cut through the hair: R2 " + codes(cut, "R2"));
            }
        });
        assertEquals(List.of(), misnamed);
    }

    /**
     * A black-and-white photo is C6 ("upload a colour photo"), not a mask (R9) nor bare shoulders (R8): in grey the
     * lips stand out from the face by their shading alone, for some people as little as under a covering, and a white
     * top can be as light as the skin beside the neck. Both rules read C6's decision ({@code
     * PhotoAnalysis#colourless}); before, 4 of these people were told "take off the mask" and 2 "bare shoulders".
     */
    @Test
    void aGreyscalePhotoIsC6AndNotACoveringNorBareShoulders() {
        List<String> misnamed = overCalibrationPeople((i, base, found) -> {
            AuditReport grey = audit(PhotoEdits.greyscale(base, 0, new Random(i)));
            if (!code(grey, "C6").equals("GREYSCALE") || verdict(grey, "R9") == CheckVerdict.FAIL
                    || verdict(grey, "R8") == CheckVerdict.FAIL) {
                found.add(base.person() + " greyscale: C6 " + code(grey, "C6") + ", R9 " + code(grey, "R9") + ", R8 "
                        + code(grey, "R8"));
            }
        });
        assertEquals(List.of(), misnamed);
    }

    /**
     * A photo too dark overall is C5 ("more light"), though its white wall is dark too and its white T-shirt as dark
     * as the skin (R8 does not call it bare shoulders) and its hair as even in lightness as fabric (R5 does not read the
     * crown, NOT_ASSESSABLE, and does not call it a hat); a grey wall in a well exposed photo is R2 ("a white wall").
     * The grey is mid grey (sRGB 119, L* 50), under R2's limit of L* 62.
     */
    @Test
    void aDarkPhotoIsC5AndAGreyWallIsR2() {
        List<String> misnamed = overCalibrationPeople((i, base, found) -> {
            AuditReport dark = audit(PhotoEdits.underexposed(base, 0, new Random(i)));
            if (!code(dark, "C5").equals("UNDEREXPOSED") || code(dark, "R2").equals("BACKGROUND_NOT_WHITE")
                    || code(dark, "R8").equals("BARE_SHOULDERS") || verdict(dark, "R5") == CheckVerdict.FAIL) {
                found.add(base.person() + " dark: C5 " + code(dark, "C5") + ", R2 " + code(dark, "R2") + ", R8 "
                        + code(dark, "R8") + ", R5 " + code(dark, "R5"));
            }
            AuditReport grey = audit(PhotoEdits.wallRelit(base, Scalar.all(119)));
            if (!code(grey, "R2").equals("BACKGROUND_NOT_WHITE") || code(grey, "C5").equals("UNDEREXPOSED")) {
                found.add(base.person() + " grey wall: C5 " + code(grey, "C5") + ", R2 " + code(grey, "R2"));
            }
        });
        assertEquals(List.of(), misnamed);
    }

    /**
     * A cap pulled down to the eyebrows is the cap (R5, "remove it"), not a fringe (R6, "pin it back"), in every
     * colour, the six in turn over the calibration people: in colours no hair has the forehead's colour test decides,
     * and a black or navy cap on dark hair, which that test takes for hair, is caught by the crown and then R6 reads
     * R5's judgement. The one calibration person whose fringe covers the eyebrows is the fringe: R6
     * HAIR_OVER_EYEBROWS, and R5 BAREHEADED, for his hair is no cap.
     */
    @Test
    void aCapIsR5AndAFringeIsR6() {
        List<String> misnamed = overCalibrationPeople((i, base, found) -> {
            int style = i % Headwear.CAP_STYLES.length;
            AuditReport capped = audit(Headwear.cap(base, style, new Random(i)));
            if (!code(capped, "R5").equals("HEAD_COVERED") || code(capped, "R6").equals("HAIR_OVER_EYEBROWS")) {
                found.add(base.person() + " " + Headwear.CAP_STYLES[style] + " cap: R5 " + code(capped, "R5") + ", R6 "
                        + code(capped, "R6"));
            }
        });
        FrlCorpus.Photo fringe = CORPUS.photo("143", "neutral");
        assertEquals(FrlCorpus.Split.CALIBRATION, fringe.split());
        AuditReport report = auditor.audit(CORPUS.jpeg(fringe));
        if (!code(report, "R6").equals("HAIR_OVER_EYEBROWS") || !code(report, "R5").equals("BAREHEADED")) {
            misnamed.add("143 fringe: R5 " + code(report, "R5") + ", R6 " + code(report, "R6"));
        }
        assertEquals(List.of(), misnamed);
    }

    /**
     * A headscarf is R5 ("remove it", or staff when it cannot be told from long hair), not earrings (R11): a maroon
     * or beige scarf over the ear lobes is as saturated as gold, so R11 does not judge lobes under headwear that
     * frames the face all round. The four headscarf colours in turn over the calibration people.
     */
    @Test
    void aHeadscarfIsR5AndNotEarrings() {
        List<String> misnamed = overCalibrationPeople((i, base, found) -> {
            int style = i % Headwear.HEADSCARF_STYLES.length;
            AuditReport scarved = audit(Headwear.headscarf(base, style, new Random(i)));
            if (verdict(scarved, "R5") == CheckVerdict.PASS || verdict(scarved, "R11") == CheckVerdict.FAIL) {
                found.add(base.person() + " " + Headwear.HEADSCARF_STYLES[style] + " headscarf: R5 " + code(scarved, "R5")
                        + ", R11 " + code(scarved, "R11"));
            }
        });
        assertEquals(List.of(), misnamed);
    }

    /**
     * A person far from the camera (the photo shrunk to 30 % on a wall-coloured canvas) is told the photo has too few
     * pixels of them (C7), not that it is blurred (C4: a face this small has no detail to judge) or flat (C5: the
     * contrast is read in the licence portrait's area, not over a frame that is mostly wall). An enlarged tiny face,
     * with pixels enough but no detail, is still C4.
     */
    @Test
    void aPersonFarAwayIsC7AndNotBlurredOrFlat() {
        List<String> misnamed = overCalibrationPeople((i, base, found) -> {
            AuditReport far = audit(Reframing.tooSmall(base, 0, new Random(i)));
            if (verdict(far, "C7") != CheckVerdict.FAIL || verdict(far, "C4") == CheckVerdict.FAIL
                    || verdict(far, "C5") == CheckVerdict.FAIL) {
                found.add(base.person() + " far away: C7 " + code(far, "C7") + ", C4 " + code(far, "C4") + ", C5 "
                        + code(far, "C5"));
            }
            AuditReport enlarged = audit(PhotoEdits.tinyFace(base, 0, new Random(i)));
            if (!code(enlarged, "C4").equals("IMAGE_BLURRED")) {
                found.add(base.person() + " enlarged tiny face: C4 " + code(enlarged, "C4"));
            }
        });
        assertEquals(List.of(), misnamed);
    }

    /**
     * A blurred photo is C4 ("hold the camera steady"), not a hat: blurred hair is as smooth as fabric, so R5 does not
     * read the crown's detail on a face C4 finds blurred. Nor a head turned, tilted or too close (R4, C8, R12): the
     * landmarks of a blurred face are placed less precisely, the pose and the face's proportions move with them, and
     * people near a limit crossed it (6 blurred photos were told so before). Both motion-blur directions and a
     * Gaussian blur, every calibration person. The
     * same holds for a photo saved at JPEG quality 8 (C7): R5 does not read the crown's surface on it, whose
     * quantisation flattens hair, and neither R5's forehead nor R6 nor R9 FAILs on it: the quantised colours of skin
     * are no longer the skin's (the forehead, the nose, the band above the brows read as covered: before, 8 of these
     * people were told "remove your hat" (4), "take off the mask" (3) or "pin your fringe back" (1)).
     */
    @Test
    void aBlurredOrCompressedPhotoIsC4OrC7AndNotAHatOrAPose() {
        List<String> misnamed = overCalibrationPeople((i, base, found) -> {
            for (int style = 0; style <= PhotoEdits.MOTION_STYLES.length; style++) {
                boolean gaussian = style == PhotoEdits.MOTION_STYLES.length;
                AuditReport blurred = audit(gaussian ? PhotoEdits.gaussianBlur(base, 0, new Random(i))
                        : PhotoEdits.motionBlur(base, style, new Random(i)));
                List<String> defeated = failedCodes(blurred, "R5", "R4", "C8", "R12");
                if (!code(blurred, "C4").equals("IMAGE_BLURRED") || !defeated.isEmpty()) {
                    String edit = gaussian ? "gaussian blur" : "motion blur " + PhotoEdits.MOTION_STYLES[style];
                    found.add(base.person() + " " + edit + ": C4 " + code(blurred, "C4") + ", also " + defeated);
                }
            }
            AuditReport compressed = audit(PhotoEdits.heavyCompression(base, 0, new Random(i)));
            CheckResult head = result(compressed, "R5");
            boolean artefacts = compressed.checks().stream().anyMatch(c -> c.code().equals("COMPRESSION_ARTEFACTS"));
            if (!artefacts || head.verdict() == CheckVerdict.FAIL || verdict(compressed, "R6") == CheckVerdict.FAIL
                    || verdict(compressed, "R9") == CheckVerdict.FAIL) {
                found.add(base.person() + " JPEG quality 8: compression artefacts " + artefacts + ", R5 " + head.code()
                        + " (" + head.unit() + "), R6 " + code(compressed, "R6") + ", R9 " + code(compressed, "R9"));
            }
        });
        assertEquals(List.of(), misnamed);
    }

    /**
     * A scarf pulled up over mouth and chin is R9 ("take off the scarf"), and nothing it defeats is named in its
     * place: the landmark model guesses the chin under it and the pose fit tilts with the guess (R4 "chin raised"),
     * and the scarf lies beside the cheeks and over the lobes, where hair over the ears (R6) and earrings (R11) are
     * read; beside the cheeks under a crown in the colour of skin it is no headscarf either (R5). Each is
     * NOT_ASSESSABLE beside R9 (the corpus's scarves were told one of them 16 times before).
     * Every calibration person, the scarf colours in turn.
     */
    @Test
    void aScarfOverTheMouthIsR9AndNotPitchHairEarringsOrAHat() {
        List<String> misnamed = overCalibrationPeople((i, base, found) -> {
            AuditReport scarf = audit(FaceCoverings.scarf(base, i, new Random(i)));
            // R4's other check, the yaw, is not the scarf's: 139's head is turned 11-12 degrees against 11 in four
            // of its edits, the scarf among them
            List<String> defeated = failedCodes(scarf, "R4", "R5", "R6", "R11").stream()
                    .filter(failed -> !failed.equals("R4 HEAD_TURNED")).toList();
            if (!code(scarf, "R9").equals("FACE_COVERED") || !defeated.isEmpty()) {
                found.add(base.person() + " " + FaceCoverings.SCARF_STYLES[i % FaceCoverings.SCARF_STYLES.length]
                        + " scarf: R9 " + code(scarf, "R9") + ", also " + defeated);
            }
        });
        assertEquals(List.of(), misnamed);
    }

    /**
     * A masked face is R9 ("take off the mask"), and its expression is not judged (C9 NOT_ASSESSABLE): between the
     * lips the landmark model guesses on a white mask, the mask would read as teeth. Its exposure is judged on the
     * face above the mask (C5 passes): a white mask is not a face clipped to white. Its straps and sides beside the
     * cheeks are no headscarf (R5 does not FAIL; 010's bald crown was "a headscarf in the colour of skin" before).
     * And it is one face (C1): a
     * black mask made the detector see a second face on the neck of 082, which the landmark model's face presence
     * now rejects, while another person's head beside this one stays a second face (C1 MULTIPLE_FACES). Every mask
     * colour on every calibration person, and the next calibration person's head beside each.
     */
    @Test
    void aMaskIsR9AndNotTeethNorASecondFace() {
        List<String> misnamed = overCalibrationPeople((i, base, found) -> {
            for (int style = 0; style < FaceCoverings.MASK_STYLES.length; style++) {
                AuditReport masked = audit(FaceCoverings.mask(base, style, new Random(i)));
                String what = base.person() + " " + FaceCoverings.MASK_STYLES[style] + " mask";
                if (verdict(masked, "C1") != CheckVerdict.PASS) {
                    found.add(what + ": C1 " + code(masked, "C1"));
                } else if (!code(masked, "R9").equals("FACE_COVERED") || verdict(masked, "C9") == CheckVerdict.FAIL
                        || verdict(masked, "C5") == CheckVerdict.FAIL || verdict(masked, "R5") == CheckVerdict.FAIL) {
                    found.add(what + ": R9 " + code(masked, "R9") + ", C9 " + code(masked, "C9") + ", C5 "
                            + code(masked, "C5") + ", R5 " + code(masked, "R5"));
                }
            }
            BasePhoto other = BasePhoto.of(CORPUS, people.get((i + 1) % people.size()));
            AuditReport two = audit(Reframing.secondFace(base, other, i, new Random(i)));
            if (!code(two, "C1").equals("MULTIPLE_FACES")) {
                found.add(base.person() + " with " + other.person() + "'s head beside: C1 " + code(two, "C1"));
            }
        });
        assertEquals(List.of(), misnamed);
    }

    /** One check of one person: their index, their base photo, and the list a misnamed result is added to. */
    private interface PersonCheck {
        void run(int index, BasePhoto base, List<String> misnamed);
    }

    /**
     * Runs {@code check} on every calibration person's base photo, handing the edits' native images back after
     * each person; returns what was misnamed (a mutable list).
     */
    private static List<String> overCalibrationPeople(PersonCheck check) {
        List<String> misnamed = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            check.run(i, BasePhoto.of(CORPUS, people.get(i)), misnamed);
            Compositing.reclaimNativeMemory();
        }
        return misnamed;
    }

    private static AuditReport audit(Mat image) {
        return auditor.audit(jpeg(image));
    }

    private static byte[] jpeg(Mat image) {
        byte[] jpeg = Compositing.jpeg(image, ViolationGenerator.JPEG_QUALITY);
        image.release();
        return jpeg;
    }

    private static String code(AuditReport report, String rule) {
        return report.checks().stream().filter(c -> c.rule().equals(rule)).map(CheckResult::code).findFirst()
                .orElse("none");
    }

    private static CheckResult result(AuditReport report, String rule) {
        return report.checks().stream().filter(c -> c.rule().equals(rule)).findFirst().orElseThrow();
    }

    /** Whether any check of the rule FAILs (R2 and C7 have two checks each). */
    private static boolean anyFails(AuditReport report, String rule) {
        return report.checks().stream().anyMatch(c -> c.rule().equals(rule) && c.verdict() == CheckVerdict.FAIL);
    }

    private static List<String> codes(AuditReport report, String rule) {
        return report.checks().stream().filter(c -> c.rule().equals(rule)).map(CheckResult::code).toList();
    }

    /** The rule's verdict; null when the report has no check of it (no face found). */
    /** The codes of every FAIL of these rules (R4 has two checks: yaw and pitch). */
    private static List<String> failedCodes(AuditReport report, String... rules) {
        return report.checks().stream().filter(c -> List.of(rules).contains(c.rule()))
                .filter(c -> c.verdict() == CheckVerdict.FAIL).map(c -> c.rule() + " " + c.code()).toList();
    }

    private static CheckVerdict verdict(AuditReport report, String rule) {
        return report.checks().stream().filter(c -> c.rule().equals(rule)).map(CheckResult::verdict).findFirst()
                .orElse(null);
    }
}
