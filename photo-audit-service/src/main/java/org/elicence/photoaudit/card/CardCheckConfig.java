package org.elicence.photoaudit.card;

import java.time.LocalDate;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Thresholds of the automatic ID-card checks (rules INPUT and ID1-ID21 of docs/idcard.md but ID15, which
 * idcard-service judges). Measurements are
 * taken on the card rectified to {@link #rectifiedWidth()} pixels wide, so they do not depend on the
 * camera's resolution.
 */
@ConfigMapping(prefix = "card-reading.checks")
public interface CardCheckConfig {

    /**
     * The day a card's validity (ID21) and the birth date in its number (ID17) are judged against; unset (always in
     * production) means today. The test cards print real-looking validities that end from 2027 on, so the tests
     * judge them on a fixed day instead of letting them expire under the suite; the service logs a warning at start
     * when it is set.
     */
    Optional<LocalDate> referenceDate();

    /**
     * INPUT: the upload's shorter side, read from its header before any pixel is decoded, must be at least this
     * many pixels (a card must be 600 px wide in the photo anyway, ID4).
     */
    @WithDefault("300")
    int minImageSide();

    /** INPUT: neither side may exceed this many pixels. */
    @WithDefault("12000")
    int maxImageSide();

    /**
     * INPUT: at most this many pixels (decoded as 3 bytes each: 40 M pixels are 120 MB, a 48-megapixel phone's
     * full-resolution mode is refused; phones save 12 M by default).
     */
    @WithDefault("40000000")
    long maxImagePixels();

    /**
     * INPUT: memory decoding every pixel may take, judged from the header (UploadedImageHeader.decodeBytes); a
     * progressive JPEG, a 16-bit PNG or a picture its EXIF orientation turns costs more a pixel than an ordinary
     * photo (docs/photo-audit.md, "What a decode costs").
     */
    @WithDefault("150000000")
    long maxImageDecodeBytes();

    /** INPUT: scans a JPEG may have (each is a pass of the decoder over the whole image). */
    @WithDefault("64")
    int maxImageScans();

    /** Width of the perspective-corrected card; its height follows from 85.6 x 54 mm. */
    @WithDefault("1284")
    int rectifiedWidth();

    /** ID1: the card must cover at least this fraction of the photo. */
    @WithDefault("0.12")
    double minCardAreaFraction();

    /** ID2: corners closer than this fraction of the photo's shorter side to its edge count as cut off. */
    @WithDefault("0.005")
    double borderMarginFraction();

    /** ID3: allowed relative deviation of the card's side ratio from 85.6/54 (perspective foreshortens it). */
    @WithDefault("0.15")
    double aspectRatioTolerance();

    /** ID4: minimum width of the card in the photo, in pixels, for its text to be legible. */
    @WithDefault("600")
    int minCardWidthPixels();

    /** ID5: shortest over longest of two opposite edges; lower means photographed at too steep an angle. */
    @WithDefault("0.80")
    double minOppositeEdgeRatio();

    /** ID6: minimum variance of the Laplacian of the rectified card (focus). */
    @WithDefault("150")
    double minCardSharpness();

    /** ID7: maximum fraction of the card blown out to white by glare. */
    @WithDefault("0.02")
    double maxGlareFraction();

    /** ID7: a pixel whose every channel reaches this value counts as glare. */
    @WithDefault("250")
    int glareLevel();

    /** ID8: allowed mean luminance (0-255) of the rectified card. */
    @WithDefault("60")
    double minMeanLuminance();

    @WithDefault("235")
    double maxMeanLuminance();

    /**
     * ID9, ID10, ID14: a face on a card side is one the face detector scores at least this high. The corpus fronts
     * (every person of the Face Research Lab set printed on a card) score 0.91 or more, the back's emblem 0.46 at
     * most (docs/idcard.md, "The portrait").
     */
    @WithDefault("0.7")
    double minPortraitScore();

    /** ID11: minimum face height (the face detector's box) as a fraction of the card's height. */
    @WithDefault("0.14")
    double minFaceHeightFraction();

    /**
     * ID12: minimum variance of the Laplacian of the face (the face detector's box), scaled to 200 px high. The corpus
     * fronts measure 27.4 or more; the same photos blurred by a Gaussian of 1.5 px measure 6-14 (docs/idcard.md).
     */
    @WithDefault("20")
    double minPortraitSharpness();

    /** ID13: the portrait's centre must lie right of this fraction of the card's width. */
    @WithDefault("0.5")
    double minPortraitCentreX();

    /**
     * Where the card prints its photo (26 x 32 mm at the right of the portrait side; on the generated cards x
     * 0.640-0.939 and y 0.107-0.700 of the card), as fractions of the rectified upright front, inset for the
     * rectification's error (the printed photo's edges land up to 0.010 of the width and 0.013 of the height away on
     * the test photographs, tilted or steep). The licence portrait shows only this zone of the card, continued where
     * the licence crop reaches beyond it, never the card's pattern around (docs/idcard.md, "Licence portrait").
     */
    @WithDefault("0.655")
    double photoZoneLeft();

    @WithDefault("0.928")
    double photoZoneRight();

    @WithDefault("0.126")
    double photoZoneTop();

    @WithDefault("0.692")
    double photoZoneBottom();

    /** ID17: oldest plausible age, in years, for a birth date in a resident ID number. */
    @WithDefault("120")
    int maxPlausibleAge();
}
