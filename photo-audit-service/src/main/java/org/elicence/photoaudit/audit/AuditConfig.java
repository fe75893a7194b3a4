package org.elicence.photoaudit.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.List;

/**
 * Settings shared by the whole audit: decoding, perception, the licence portrait and the verdict. Each check
 * reads its own group ({@code photo-audit.<rule>-<name>.*}, a {@code Settings} interface inside the check).
 * docs/photo-audit.md lists every key with its default and the measurement behind it.
 */
@ConfigMapping(prefix = "photo-audit")
public interface AuditConfig {

    Decode decode();

    Perception perception();

    Portrait portrait();

    Tint tint();

    Forehead forehead();

    Exposure exposure();

    Sharpness sharpness();

    Mouth mouth();

    @WithName("r5-head-covering")
    HeadCovering headCovering();

    @WithName("c6-colour")
    Colour colour();

    @WithName("c7-compression")
    Compression compression();

    VerdictRules verdict();

    interface Decode {
        /** Uploads larger than this are refused before decoding. */
        @WithDefault("15000000")
        int maxBytes();

        /** Width x height read from the header; refused before any pixel is allocated (decompression bombs). */
        @WithDefault("40000000")
        long maxPixels();

        /**
         * Memory decoding every pixel may take, judged from the header (UploadedImageHeader.decodeBytes): a
         * progressive JPEG, a 16-bit PNG or a picture its EXIF orientation turns takes two to four times an ordinary
         * photo's 3 bytes a pixel (docs/photo-audit.md, "What a decode costs").
         */
        @WithDefault("150000000")
        long maxDecodeBytes();

        /** Scans a JPEG may have (each is a pass of the decoder over the whole image). */
        @WithDefault("64")
        int maxScans();

        /** Shorter side below this is refused before decoding: no face in it could be audited or printed. */
        @WithDefault("120")
        int minSide();

        /** Long side / short side above this is refused before decoding (a strip, not a portrait). */
        @WithDefault("4")
        double maxAspectRatio();

        /** Long side of the downscaled copy all checks run on (the portrait is cut from full resolution). */
        @WithDefault("640")
        int workingLongSide();
    }

    interface Perception {
        /** Face detector score (0-1) from which a face counts, for C1 as for everything else. */
        @WithDefault("0.5")
        double minFaceScore();

        /**
         * Face-presence score of the landmark model (0-1) that confirms a face when the detector finds more than
         * one (MediaPipe's own default for its face landmarker).
         */
        @WithDefault("0.5")
        double minFacePresence();

        /** Person-segmentation probability from which a pixel belongs to the person. */
        @WithDefault("0.5")
        double personThreshold();

        /** Person probability below which a pixel is certainly background (R2 measures only these). */
        @WithDefault("0.1")
        double backgroundThreshold();
    }

    /**
     * Whether a coloured background is the wall's (R2) or the light's (C6), read by both checks so that a photo
     * taken under coloured light is told to change the light, not the wall ({@code SceneTint}).
     */
    interface Tint {
        /** Background chroma from which the question arises: R2's own limit, below which the wall passes as white. */
        @WithDefault("10")
        double minWallChroma();

        /** How many natural spreads of real people's colours a witness's shift must exceed before it counts. */
        @WithDefault("2.5")
        double spreadMargin();

        /** Share of the wall's tint the person must carry too for the light to be coloured. */
        @WithDefault("0.1")
        double minShared();
    }

    /**
     * Whether the upper forehead is covered by headwear (R5) or by the person's own hair (a fringe, R6), read by both
     * checks so that a cap pulled down to the eyebrows is reported once, as the cap ({@code ForeheadCover}).
     */
    interface Forehead {
        /** Skin share of the upper forehead below which it is covered (calibration real >= 0.69 but a fringe). */
        @WithDefault("0.55")
        double minSkin();

        /**
         * CIE76 distance between the forehead's cover and the hair beside the temples up to which the cover is that
         * hair: the 90th percentile (17.9) of the distance between the same hair on the crown and beside the
         * temples in the calibration people's real photos.
         */
        @WithDefault("18")
        double maxHairColourDistance();
    }

    /**
     * Whether the photo as a whole is too dark or washed out, read by C5 (which reports it) and by the rules whose
     * measure the exposure defeats: R2 (a white wall in a photo too dark overall is grey), R8 (a white top is as dark
     * as dark skin, or as white as the wall) and R3 (a washed-out top has no outline against the wall). The fix is the
     * light, not another wall, top or posture.
     */
    interface Exposure {
        /** 98th percentile of the photo's grey levels below this: even its brightest part stays dark. */
        @WithDefault("150")
        double minBrightLevel();

        /** Share of face pixels at or above grey 240 above this: the face is washed out. */
        @WithDefault("0.08")
        double maxFaceWhite();

        /**
         * ... and at least this many of the face's five parts (forehead, cheeks, nose, chin) white: over-exposure
         * lifts the whole face, while a flash spot, however large, whitens one part (R1's hot spot).
         */
        @WithDefault("2")
        int minWhiteParts();

        /**
         * The darker eye's darkest 5 % (pupil, lashes) above this grey level: nothing in the photo is black any more,
         * it is washed out (over-exposure with haze or a lifted black level). Pupils are black in every skin tone.
         */
        @WithDefault("87")
        double maxEyeDarkest();
    }

    /**
     * Whether the face is sharp: C4 reports a blurred one, and the measures that blur defeats are not read on it: C5's
     * pupils (blur mixes the pupil with the iris), R10's sclera (blur smears it) and R5's crown detail (blurred hair
     * looks as smooth as fabric).
     */
    interface Sharpness {
        /**
         * Minimum variance of the 2nd derivative (weaker of x and y) of the face resampled to 128 px wide, over
         * the variance of the face's grey levels.
         */
        @WithDefault("0.15")
        double minVariance();
    }

    /**
     * C6's settings ({@code ColourCheck}), under C6's own name: R8 and R9 read its greyscale decision too
     * ({@code PhotoAnalysis.colourless}), for in a photo without colour they cannot tell a pale top from skin or the
     * lips from a covering.
     */
    interface Colour {
        /** Mean per-pixel chroma (|a*| + |b*|) of the photo below this: greyscale. */
        @WithDefault("1.5")
        double minImageChroma();

        /** Skin hue angle (Lab, degrees) must lie in [min, max]. */
        @WithDefault("15")
        double minSkinHue();

        @WithDefault("95")
        double maxSkinHue();

        /** Minimum distinct grey levels on the face (posterisation). */
        @WithDefault("40")
        int minFaceGreyLevels();
    }

    /** C7's settings ({@code JpegBlockiness}), under C7's own name: R5 reads the decision too. */
    interface Compression {
        /** Maximum JPEG blockiness (gradient at 8-pixel block edges / gradient elsewhere) on the face. */
        @WithDefault("1.8")
        double maxBlockiness();

        /** The same for a JPEG decoded at half size (4-pixel blocks). */
        @WithDefault("1.4")
        double maxBlockinessHalfSize();
    }

    /**
     * R5's settings ({@code HeadCover}), under R5's own name: the judgement is shared, R6 reads it (no fringe is
     * read on a covered head) and R11 (no earrings are looked for under headwear framing the face).
     */
    interface HeadCovering {
        /** Head silhouette width just above the forehead / face width above this: a brim. */
        @WithDefault("1.6")
        double maxBrimWidth();

        /** Minimum spread (std. dev. of L*) of the crown above the forehead: hair has strands and sheen. */
        @WithDefault("6.5")
        double minCrownLightnessSpread();

        /**
         * Minimum fine detail of the crown (mean |Laplacian| in grey levels, with the face resampled to 200 px
         * wide): fabric is smoother than hair.
         */
        @WithDefault("17")
        double minCrownDetail();

        /**
         * With a crown in the colour of skin: share of the strips beside both cheeks (widest point to jaw angle)
         * covered by the person from which the face is framed all round, as by a headscarf.
         */
        @WithDefault("0.95")
        double maxFramedCheeks();

        /**
         * With the face framed all round, crown detail below this is not clearly hair (sleek long hair or a
         * headscarf): NOT_ASSESSABLE, for staff. Above every generated headscarf (max 19.8), at the 10th
         * percentile of the calibration people's crowns (21.2).
         */
        @WithDefault("22")
        double minFramedCrownDetail();

        /**
         * With the face framed all round, skin share of the neck just below the chin (of the person's pixels there)
         * below which the face is wrapped under the chin too, as by a headscarf or a high collar: NOT_ASSESSABLE,
         * for staff. Midway between the calibration people's generated headscarves (at most 0.59) and their real
         * hair framing the face (0.92).
         */
        @WithDefault("0.75")
        double minFramedNeckSkin();

        /** Fine detail of the face (same scale) below which the photo is too soft to tell hair from fabric. */
        @WithDefault("6")
        double minFaceDetail();
    }

    /**
     * Whether the mouth is covered ({@code MouthCover}), read by R9 (which reports it) and C9 (an expression under a
     * mask is not judged: a white mask between the lips the landmark model guesses reads as teeth).
     */
    interface Mouth {
        /**
         * Minimum share of the lower face (below the nose, inside the jaw line) that has the person's skin colour
         * (loose tolerances: lips and stubble count): a scarf or mask pulled over mouth and chin leaves none.
         */
        @WithDefault("0.5")
        double minLowerFaceSkin();

        /** Minimum colour difference (Lab ΔE) between the lips and the ring of face around them. */
        @WithDefault("2")
        double minLipContrast();

        /** Skin share of the ring around the lips below this: something other than skin surrounds the mouth... */
        @WithDefault("0.3")
        double minLipRingSkin();

        /** ... and when it does, the lips must stand out from it by at least this ΔE (a beard leaves them visible). */
        @WithDefault("8")
        double minLipContrastInCoveredRing();

        /**
         * Lip chroma / skin chroma below this: what covers the mouth is grey, black or white, not lips (midpoint
         * of the calibration gap: scarves 0.19, real lips from 0.60).
         */
        @WithDefault("0.4")
        double minLipChroma();
    }

    interface Portrait {
        /** Licence portrait width in pixels (22 mm at 300 dpi). */
        @WithDefault("260")
        int width();

        /** Licence portrait height in pixels (32 mm at 300 dpi). */
        @WithDefault("378")
        int height();

        /** Target head length, top of hair to chin, in the portrait (spec: 224-260). */
        @WithDefault("242")
        int headLength();

        /**
         * The format's shortest head, top of hair to chin, in portrait pixels (spec: 224-260). The portrait is never
         * enlarged, so the upload must show the head with at least this many pixels (C7); with fewer, the face is
         * too small to tell a sharp photo from a blurred one either (C4).
         */
        @WithDefault("224")
        int minHeadLength();

        /** Target gap between top of hair and the top edge (spec: 10-20). */
        @WithDefault("15")
        int topMargin();

        @WithDefault("92")
        int jpegQuality();

        /** Long side of the annotated copy returned to the applicant. */
        @WithDefault("640")
        int annotatedLongSide();
    }

    interface VerdictRules {
        /** Rules not evaluated at all (operator override); reported as NOT_ASSESSABLE with code RULE_DISABLED. */
        @WithDefault("none")
        List<String> disabledRules();
    }
}
