package org.elicence.photoaudit.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Optional;

/**
 * Every threshold of the photo audit. Keys, defaults and meaning are documented in one table in
 * docs/photo-audit.md; keep both in sync. Ratios are relative to the detected face box width (fw) or
 * height (fh) unless stated otherwise, so that thresholds do not depend on the upload resolution.
 */
@ConfigMapping(prefix = "photo-audit")
public interface AuditConfig {

    Decode decode();

    Detection detection();

    Geometry geometry();

    Background background();

    Lighting lighting();

    Exposure exposure();

    Sharpness sharpness();

    Colour colour();

    Compression compression();

    Pose pose();

    Eyes eyes();

    Face face();

    Clothing clothing();

    Selfie selfie();

    Portrait portrait();

    VerdictRules verdict();

    interface Decode {
        /** Uploads larger than this are refused before decoding. */
        @WithDefault("15000000")
        int maxBytes();

        /** Width x height read from the header; refused before full decode (decompression bombs). */
        @WithDefault("40000000")
        long maxPixels();

        /** Long side of the downscaled copy all checks run on (the portrait is cut from full resolution). */
        @WithDefault("640")
        int workingLongSide();
    }

    interface Detection {
        /** Directory holding haarcascades/ and lbpcascades/ (Debian package opencv-data). */
        @WithDefault("/usr/share/opencv4")
        String cascadeDirectory();

        /** Optional YuNet ONNX model; when set, FaceDetectorYN replaces the cascades. */
        Optional<String> yunetModelPath();

        /**
         * First face scan: {@code lbp} (lbpcascade_frontalface_improved; the Haar scan runs only when it finds
         * no face) or {@code haar} (haarcascade_frontalface_default only: slower, the engine before LBP).
         */
        @WithDefault("lbp")
        String primaryCascade();

        /** Long side of the image the face detector scans; smaller is faster, faces below min-face-fraction are ignored. */
        @WithDefault("400")
        int detectionLongSide();

        /** Haar detectMultiScale pyramid step (Haar scan: fallback, or primary-cascade=haar). */
        @WithDefault("1.1")
        double scaleFactor();

        /** Haar detectMultiScale neighbour votes a face needs (higher: fewer false faces). */
        @WithDefault("5")
        int minNeighbors();

        /**
         * Smallest face counted (fraction of the short image side); posters and screens above this count for C1.
         * The LBP cascade cannot see faces smaller than its 45-px window at detection-long-side (0.15 of the
         * short side of a 3:4 photo at 400): below that only the Haar fallback (when LBP finds nothing) can.
         */
        @WithDefault("0.07")
        double minFaceFraction();

        /** LBP scan pyramid step (1.2 is ~40 % faster but misses faces near the 45-px window: posters, masks). */
        @WithDefault("1.1")
        double lbpScaleFactor();

        /** LBP scan neighbour votes a face needs. */
        @WithDefault("2")
        int lbpMinNeighbors();

        /**
         * Faces smaller than this fraction of the short side (second people, posters: C1) are scanned with the
         * coarser lbp-small-face-scale-factor (the fine scan starts two of its steps below, so that faces just above
         * keep all their neighbour votes); 0 scans every size with lbp-scale-factor.
         */
        @WithDefault("0.25")
        double lbpSmallFaceFraction();

        /** LBP pyramid step for the faces below lbp-small-face-fraction. */
        @WithDefault("1.2")
        double lbpSmallFaceScaleFactor();

        /** LBP neighbour votes for the faces below lbp-small-face-fraction (the coarser step gives fewer votes). */
        @WithDefault("1")
        int lbpSmallFaceMinNeighbors();

        /** Pyramid step of the second LBP pass around each face found (sizes within 0.8-1.25 of the first box): a steadier box. */
        @WithDefault("1.05")
        double refineScaleFactor();

        /**
         * Width of the frontal Haar box over the width of the LBP box of the same face (the checks' face
         * fractions are expressed in Haar-box proportions). Median over the corpus faces found by both.
         */
        @WithDefault("1.40")
        double lbpToHaarScale();

        /** Top of the Haar-equivalent box minus top of the LBP box, in LBP box widths (negative: higher). */
        @WithDefault("-0.31")
        double lbpToHaarTopOffset();

        /**
         * Eyes are searched in a copy of the eye band scaled so the face box is at most this wide (px); a side
         * whose eye is not found there is searched again at working resolution.
         */
        @WithDefault("110")
        int eyeSearchFaceWidth();

        /** Eye cascade pyramid step. */
        @WithDefault("1.05")
        double eyeScaleFactor();

        /** Smallest eye box searched, as a fraction of the face box width. */
        @WithDefault("0.12")
        double eyeMinSize();

        /** Largest eye box searched, as a fraction of the face box width. */
        @WithDefault("0.45")
        double eyeMaxSize();

        /** Width of the left-eye patch matched, mirrored, around the right eye (fraction of fw; height half of it). */
        @WithDefault("0.24")
        double eyePairPatchWidth();

        /** How far from the right eye's cascade centre the mirrored patch is searched (fraction of fw). */
        @WithDefault("0.06")
        double eyePairSearchMargin();

        /** Minimum normalised correlation for the mirrored match to replace the right eye's cascade centre. */
        @WithDefault("0.6")
        double eyePairMinCorrelation();
    }

    interface Geometry {
        /** C2: head width / image width below this means the face is too small in the frame. */
        @WithDefault("0.30")
        double minHeadWidthRatio();

        /** C2: fraction of the licence crop (computed from the head) that must lie inside the photo. */
        @WithDefault("0.85")
        double minCropCoverage();

        /** C3: margin (fraction of fh) needed between head top / face sides and the photo edge. */
        @WithDefault("0.05")
        double minHeadMargin();

        /** C3: space below the chin needed to show the shoulders, in fh. */
        @WithDefault("0.45")
        double minBelowChin();

        /** C7: head width in original pixels needed to resize DOWN to the licence head width (165 px). */
        @WithDefault("165")
        int minHeadWidthPixels();
    }

    interface Background {
        /** R2: minimum mean L* (0-100) of the background around the head. */
        @WithDefault("82")
        double minLightness();

        /** R2: maximum mean chroma (Lab a*b* distance from grey) of the background. */
        @WithDefault("10")
        double maxChroma();

        /** R2: maximum standard deviation of L* (uniformity). */
        @WithDefault("12")
        double maxLightnessStdDev();

        /** R2: maximum fraction of edge pixels (clutter, door frames, furniture). */
        @WithDefault("0.02")
        double maxEdgeDensity();

        /** R2: maximum L* drop of the band right beside the head compared with the far background (shadow). */
        @WithDefault("7")
        double maxShadowDrop();

        /** Lab distance from the background colour above which a pixel belongs to the person. */
        @WithDefault("14")
        double personColourDistance();
    }

    interface Lighting {
        /** R1: maximum relative difference of mean brightness between the left and right cheek. */
        @WithDefault("0.18")
        double maxSideImbalance();

        /** R1: maximum fraction of clipped (near 255) pixels on the face (flash hot spots). */
        @WithDefault("0.01")
        double maxHotSpotFraction();
    }

    interface Exposure {
        /** C5: face mean grey level must lie in [min, max] (0-255). */
        @WithDefault("70")
        double minFaceMean();

        /** C5: upper bound of the face mean grey level (0-255). */
        @WithDefault("215")
        double maxFaceMean();

        /** C5: minimum 2nd-98th percentile grey range over the whole photo. */
        @WithDefault("90")
        double minDynamicRange();
    }

    interface Sharpness {
        /** C4: minimum variance of the 2nd derivative (weaker of x and y) of the face resampled to 128 px wide. */
        @WithDefault("300")
        double minLaplacianVariance();
    }

    interface Colour {
        /** C6: mean chroma of the whole photo below this means greyscale. */
        @WithDefault("3")
        double minImageChroma();

        /** C6: maximum chroma of a near-white background (L* >= 85): a tinted white wall means a colour cast. */
        @WithDefault("10")
        double maxBackgroundCast();

        /** C6: skin hue angle (Lab, degrees) must lie in [min, max]. */
        @WithDefault("15")
        double minSkinHue();

        /** C6: upper bound of the skin hue angle (degrees). */
        @WithDefault("95")
        double maxSkinHue();

        /** C6: minimum distinct grey levels on the face (posterisation). */
        @WithDefault("40")
        int minFaceGreyLevels();
    }

    interface Compression {
        /** C7: maximum JPEG blockiness (gradient at 8-pixel block edges / gradient elsewhere) on the face. */
        @WithDefault("1.8")
        double maxBlockiness();
    }

    interface Pose {
        /** C8: maximum roll (eye-line angle) in degrees. */
        @WithDefault("8")
        double maxRollDegrees();

        /** R4: maximum yaw estimate in degrees (left/right silhouette widths around the eye midpoint; spec says 5, the estimate is only good to about 6). */
        @WithDefault("10")
        double maxYawDegrees();

        /** R4: maximum pitch proxy in degrees (eye height inside the face box vs the frontal norm). */
        @WithDefault("5")
        double maxPitchDegrees();

        /** R4: eye-line height inside the frontal Haar face box (fraction of fh) of a level head. */
        @WithDefault("0.40")
        double neutralEyeHeight();

        /** R3: maximum shoulder-line angle in degrees. */
        @WithDefault("6")
        double maxShoulderTiltDegrees();

        /** R3: maximum left/right asymmetry of the shoulder extents (body turned). */
        @WithDefault("0.25")
        double maxShoulderAsymmetry();
    }

    interface Eyes {
        /** R10: eye-region L* / skin reference L* below this means dark lenses. */
        @WithDefault("0.55")
        double minEyeToSkinBrightness();

        /** R10: maximum clipped-pixel fraction in the eye regions (glare on glasses). */
        @WithDefault("0.04")
        double maxGlareFraction();
    }

    interface Face {
        /** R9: lower-face skin fraction / upper-face skin fraction below this means the mouth or nose is covered. */
        @WithDefault("0.55")
        double minLowerToUpperSkin();

        /** R5: chroma (Lab) from which a crown colour counts as clearly coloured (hair hue or not). */
        @WithDefault("12")
        double coveringMinChroma();

        /** R5: lowest Lab hue angle (degrees) of natural hair (auburn, red); clearly coloured crowns outside the hair hues are a covering. */
        @WithDefault("20")
        double hairMinHue();

        /** R5: highest Lab hue angle (degrees) of natural hair (blond). */
        @WithDefault("100")
        double hairMaxHue();

        /** R5: chroma above which a colour is more saturated than any natural hair (a red or orange cap). */
        @WithDefault("50")
        double hairMaxChroma();

        /** R5: fraction of the crown's hair-or-covering pixels with a non-hair colour above which the head is covered. */
        @WithDefault("0.35")
        double maxNonHairColourFraction();

        /** R5: fraction of the crown's hair-or-covering pixels with a natural hair colour from which it is taken as hair. */
        @WithDefault("0.40")
        double minHairColourFraction();

        /** R5: fraction of skin among the crown's non-wall pixels from which the crown is bare scalp. */
        @WithDefault("0.75")
        double minScalpSkinFraction();

        /** R6: maximum fraction of the forehead band that is not skin (fringe over the eyebrows). */
        @WithDefault("0.60")
        double maxForeheadCover();

        /** R7: cheek texture / eye-band texture below this means skin smoothed by a beautifying filter. */
        @WithDefault("0.40")
        double minSkinTextureRatio();

        /** C9: maximum fraction of tooth-like (bright, unsaturated) pixels in the mouth region. */
        @WithDefault("0.045")
        double maxTeethFraction();

        /** Lab chroma distance within which a pixel counts as skin of this face. */
        @WithDefault("9")
        double skinChromaDistance();
    }

    interface Clothing {
        /** R8: maximum skin fraction in the chest band below the neck (bare shoulders, low cut). */
        @WithDefault("0.30")
        double maxChestSkin();

        /** R8: maximum fraction of the shoulder band that looks like the background (white top). */
        @WithDefault("0.80")
        double maxShoulderBackgroundLike();
    }

    interface Selfie {
        /** R12: face box width / image width above this means the camera was too close. */
        @WithDefault("0.66")
        double maxFaceWidthRatio();

        /** R12: maximum skin fraction in the lower side bands of the frame (an arm holding the phone). */
        @WithDefault("0.12")
        double maxEdgeSkin();
    }

    interface Portrait {
        /** Licence portrait width in pixels (22 mm at 300 dpi). */
        @WithDefault("260")
        int width();

        /** Licence portrait height in pixels (32 mm at 300 dpi). */
        @WithDefault("378")
        int height();

        /** Target head width in the portrait (spec: 165-189). */
        @WithDefault("177")
        int headWidth();

        /** Target gap between top of hair and the top edge (spec: 10-20). */
        @WithDefault("15")
        int topMargin();

        /** JPEG quality of the licence portrait. */
        @WithDefault("92")
        int jpegQuality();

        /** Long side of the annotated copy. */
        @WithDefault("800")
        int annotatedLongSide();
    }

    interface VerdictRules {
        /**
         * Rules whose NOT_ASSESSABLE result fails the audit (they could not be verified, so the photo is
         * not accepted automatically). Rules outside this list that are NOT_ASSESSABLE are reported but
         * do not block: they need a human reviewer (see docs/photo-audit.md).
         */
        @WithDefault("C1,C2,C3,C4,C5,C6,C7,C8,R1,R2,R9,R10")
        List<String> mandatoryRules();

        /** Rules not evaluated at all (operator override); reported as NOT_ASSESSABLE with code RULE_DISABLED. */
        @WithDefault("none")
        List<String> disabledRules();
    }
}
