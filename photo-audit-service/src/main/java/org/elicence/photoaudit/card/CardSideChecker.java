package org.elicence.photoaudit.card;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.elicence.photoaudit.audit.OpenCvRuntime;
import org.elicence.photoaudit.audit.PhotoAuditor;
import org.elicence.photoaudit.audit.analysis.NativeMats;
import org.elicence.photoaudit.card.CardCheckConfig;
import org.elicence.photoaudit.card.OcrConfig;
import org.elicence.messaging.events.IdCardSide;
import org.elicence.messaging.events.IssuingCountry;
import org.elicence.messaging.events.LocalizedText;
import org.elicence.messaging.events.RuleCheck;
import org.opencv.core.Core;
import org.opencv.core.CvException;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;
import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Checks one uploaded ID-card side before any person sees it (rules INPUT and ID1-ID21 of docs/idcard.md but ID15,
 * the comparison with the other side, which idcard-service makes with the perceptual hash reported here):
 * admit the file by its header, find the card and correct its perspective, judge the picture's quality, then
 * what the side must show; on the front read the citizen number and the name and compare them with the
 * applicant's, on the back read the validity. Every rule that applies to the side is reported, NOT_ASSESSABLE
 * where an earlier failure
 * leaves nothing to measure, so the applicant sees all that is wrong at once. Made at start ({@code @Startup}): a
 * missing face model or Tesseract model stops the service before it is ready, not at the first card.
 */
@Startup
@ApplicationScoped
public class CardSideChecker {

    private static final LocalizedText LAPLACIAN_VARIANCE = new LocalizedText("拉普拉斯方差（清晰度）", "Laplacian variance");
    private static final LocalizedText MEAN_LUMINANCE = new LocalizedText("平均亮度", "mean luminance");
    private static final LocalizedText OF_CARD_AREA = new LocalizedText("占身份证面积的比例", "of card area");
    private static final LocalizedText OF_PHOTO_AREA = new LocalizedText("占照片面积的比例", "of photo area");
    private static final LocalizedText OPPOSITE_EDGES = new LocalizedText("较短对边 / 较长对边", "shorter/longer opposite edge");
    private static final LocalizedText PIXELS = new LocalizedText("像素", "px");
    private static final LocalizedText WIDTH_TO_HEIGHT = new LocalizedText("宽 / 高", "width/height");
    private static final LocalizedText NO_CARD = new LocalizedText("未找到身份证，无法检查此项。",
            "Not checked: no card was found.");
    private static final List<IdCardRule> CARD_RULES = List.of(IdCardRule.ID1, IdCardRule.ID2, IdCardRule.ID3,
            IdCardRule.ID4, IdCardRule.ID5, IdCardRule.ID6, IdCardRule.ID7, IdCardRule.ID8);
    private static final int REVIEW_JPEG_QUALITY = 90;

    private final CardCheckConfig config;
    private final CardLocator locator;
    private final PortraitChecks portraits;
    private final CardLicencePortrait licencePortrait;
    private final ImageInputCheck input;
    private final IdNumberReader numberReader;
    private final IdNumberChecks idNumbers;
    private final TesseractModel chinese;
    private final NameReader names;
    private final ValidityReader validities;
    private static final Logger LOG = Logger.getLogger(CardSideChecker.class);

    private final Clock clock;

    @Inject
    public CardSideChecker(CardCheckConfig config, OcrConfig ocr, PhotoAuditor auditor) {
        this(config, ocr, auditor, clockOf(config));
    }

    private static Clock clockOf(CardCheckConfig config) {
        return config.referenceDate().map(day -> {
            LOG.warnf("card-reading.checks.reference-date is set: card validities and birth dates are judged as on %s, "
                    + "not today (tests only)", day);
            return Clock.fixed(day.atStartOfDay(IssuingCountry.ZONE).toInstant(), IssuingCountry.ZONE);
        }).orElse(Clock.systemUTC());
    }

    public CardSideChecker(CardCheckConfig config, OcrConfig ocr, PhotoAuditor auditor, Clock clock) {
        OpenCvRuntime.ensureLoaded();
        this.config = config;
        this.input = new ImageInputCheck(config);
        this.numberReader = new IdNumberReader(ocr);
        this.idNumbers = new IdNumberChecks(numberReader, config.maxPlausibleAge());
        this.chinese = new TesseractModel(ocr.tessdataLocation(), ocr.chineseLanguage(), ocr.engineKeepIdle());
        this.names = new NameReader(ocr.name());
        this.validities = new ValidityReader(ocr.validity());
        this.clock = clock;
        this.locator = new CardLocator(config.minCardAreaFraction(), config.borderMarginFraction());
        this.portraits = new PortraitChecks(new CardFaceDetector(config.minPortraitScore()), config);
        this.licencePortrait = new CardLicencePortrait(auditor, config);
    }

    /**
     * Every OpenCV image of the check is released before it returns ({@link NativeMats}), and the uploaded
     * photo, the largest of them, as soon as the card is cut out of it: the check holds at most the photo and
     * the card at once, not every intermediate image until a garbage collection finalizes them. What the images
     * took is then handed back to the operating system ({@link NativeHeap}).
     */
    public CardSideReport check(CardSideUpload upload) {
        try {
            return checkReleasingImages(upload);
        } catch (CvException | IllegalArgumentException | ArithmeticException | IndexOutOfBoundsException
                | NullPointerException e) {
            // What a photo's geometry can make OpenCV or a measure throw: the photo gets a verdict the applicant can
            // act on at once, as a portrait does, not three more runs of the same failure, a dead letter and a card
            // held for the 15-minute sweep. The service's own faults (an OCR engine that cannot load, I/O) are
            // thrown on: retried, then dead-lettered where operators see them.
            StackTraceElement[] frames = e.getStackTrace();
            LOG.errorf("card side could not be processed: %s at %s", e.getClass().getName(),
                    frames.length == 0 ? "?" : frames[0]);
            return noCard(upload.side(), ImageInputCheck.notProcessable());
        } finally {
            NativeHeap.trim();
        }
    }

    private CardSideReport checkReleasingImages(CardSideUpload upload) {
        List<RuleCheck> checks = new ArrayList<>();
        try (NativeMats mats = new NativeMats()) {
            ImageInputCheck.Outcome admitted = input.check(upload.image());
            Mat image = admitted.refusal() == null ? decode(admitted.image(), mats) : mats.mat();
            Optional<LocatedCard> card = image.empty() ? Optional.empty() : locator.locate(image);
            if (image.empty()) {
                return noCard(upload.side(),
                        admitted.refusal() == null ? ImageInputCheck.undecodable() : admitted.refusal());
            }
            if (card.isEmpty()) {
                return noCard(upload.side(), IdCardRule.ID1.judge(false));
            }
            Mat rectified = mats.add(CardLocator.rectify(image, card.get(), config.rectifiedWidth()));
            mats.release(image);
            checks.addAll(cardChecks(card.get(), rectified));
            byte[] portrait = null;
            List<RuleCheck> numberChecks = List.of();
            if (upload.side() == IdCardSide.FRONT) {
                PortraitChecks.FrontResult front = portraits.checkFront(rectified);
                checks.addAll(front.checks());
                if (front.card() != rectified) {
                    // Photographed upside down: from here on only the card turned upright is used.
                    mats.release(rectified);
                    rectified = mats.add(front.card());
                }
                if (front.face() != null) {
                    portrait = licencePortrait.render(rectified, front.face()).orElse(null);
                }
                numberChecks = new ArrayList<>(idNumbers.check(rectified, front.face() != null,
                        upload.applicantResidentId(), IssuingCountry.today(clock)));
                numberChecks.add(nameCheck(rectified, front.face() != null, upload.applicantName()));
            } else {
                checks.add(portraits.checkBack(rectified));
                numberChecks = List.of(validityCheck(rectified));
            }
            Mat grey = mats.add(ImageMeasures.grey(rectified));
            long hash = ImageMeasures.perceptualHash(grey);
            mats.release(grey);
            checks.addAll(numberChecks);
            return new CardSideReport(checks, jpeg(rectified, REVIEW_JPEG_QUALITY), portrait, hash);
        }
    }

    /**
     * The report on a side where no card was checked: {@code why} (the image refused or unreadable, or ID1, no card
     * found in it), every other rule not assessable.
     */
    private static CardSideReport noCard(IdCardSide side, RuleCheck why) {
        List<RuleCheck> checks = new ArrayList<>();
        checks.add(why);
        CARD_RULES.stream().filter(rule -> !rule.name().equals(why.rule())).map(rule -> rule.notAssessable(NO_CARD))
                .forEach(checks::add);
        sideRules(side).forEach(rule -> checks.add(rule.notAssessable(NO_CARD)));
        if (side == IdCardSide.FRONT) {
            checks.addAll(IdNumberChecks.noCard());
            checks.add(IdCardRule.ID20.notAssessable(NO_CARD));
        } else {
            checks.add(IdCardRule.ID21.notAssessable(NO_CARD));
        }
        return new CardSideReport(checks, null, null, null);
    }

    /**
     * ID20 on the upright front (read either way up when the portrait did not show which is up), with the Chinese
     * model's engine (kept between card sides a while, docs/idcard.md "Engine lifetime and memory").
     */
    private RuleCheck nameCheck(Mat card, boolean upright, String applicantName) {
        if (applicantName == null || applicantName.isBlank()) {
            return NameMatchesApplicantCheck.check(Optional.empty(), applicantName);
        }
        String wanted = NameReader.normalise(applicantName);
        try (TesseractOcr ocr = chinese.open(null)) {
            Optional<NameReader.Reading> name = names.read(card, ocr, applicantName);
            if (!upright && !name.map(read -> read.name().equals(wanted)).orElse(false)) {
                try (NativeMats mats = new NativeMats()) {
                    Mat turned = mats.mat();
                    Core.rotate(card, turned, Core.ROTATE_180);
                    Optional<NameReader.Reading> turnedName = names.read(turned, ocr, applicantName);
                    if (turnedName.isPresent()) {
                        name = turnedName;
                    }
                }
            }
            return NameMatchesApplicantCheck.check(name, applicantName);
        }
    }

    /** ID21 on the back, read as photographed, else turned half a turn (no portrait on the back says which is up). */
    private RuleCheck validityCheck(Mat card) {
        try (TesseractOcr ocr = chinese.open(ValidityReader.ALPHABET)) {
            Optional<ValidityReader.Validity> validity = validities.read(card, ocr);
            if (validity.isEmpty()) {
                try (NativeMats mats = new NativeMats()) {
                    Mat turned = mats.mat();
                    Core.rotate(card, turned, Core.ROTATE_180);
                    validity = validities.read(turned, ocr);
                }
            }
            return CardValidityCheck.check(validity, IssuingCountry.today(clock));
        }
    }

    /** The uploaded photo at full resolution (empty if unreadable), registered in {@code mats}. */
    private static Mat decode(byte[] bytes, NativeMats mats) {
        MatOfByte encoded = mats.add(new MatOfByte(bytes));
        Mat image = mats.add(Imgcodecs.imdecode(encoded, Imgcodecs.IMREAD_COLOR));
        mats.release(encoded);
        return image;
    }

    private List<RuleCheck> cardChecks(LocatedCard card, Mat rectified) {
        double sharpness;
        double luminance;
        try (NativeMats mats = new NativeMats()) {
            Mat grey = mats.add(ImageMeasures.grey(rectified));
            sharpness = ImageMeasures.sharpness(grey);
            luminance = ImageMeasures.meanLuminance(grey);
        }
        double ratioDeviation = Math.abs(card.aspectRatio() / LocatedCard.ID1_ASPECT_RATIO - 1);
        double glare = ImageMeasures.blownOutFraction(rectified, config.glareLevel());
        return List.of(
                IdCardRule.ID1.judge(true, PortraitChecks.round(card.areaFraction()),
                        ">= " + config.minCardAreaFraction(), OF_PHOTO_AREA),
                IdCardRule.ID2.judge(!card.touchesBorder()),
                IdCardRule.ID3.judge(ratioDeviation <= config.aspectRatioTolerance(),
                        PortraitChecks.round(card.aspectRatio()), String.format("%.3f +/- %.0f%%",
                                LocatedCard.ID1_ASPECT_RATIO, config.aspectRatioTolerance() * 100), WIDTH_TO_HEIGHT),
                IdCardRule.ID4.judge(card.width() >= config.minCardWidthPixels(), (double) Math.round(card.width()),
                        ">= " + config.minCardWidthPixels(), PIXELS),
                IdCardRule.ID5.judge(card.oppositeEdgeRatio() >= config.minOppositeEdgeRatio(),
                        PortraitChecks.round(card.oppositeEdgeRatio()), ">= " + config.minOppositeEdgeRatio(),
                        OPPOSITE_EDGES),
                IdCardRule.ID6.judge(sharpness >= config.minCardSharpness(), PortraitChecks.round(sharpness),
                        ">= " + config.minCardSharpness(), LAPLACIAN_VARIANCE),
                IdCardRule.ID7.judge(glare <= config.maxGlareFraction(), PortraitChecks.round(glare),
                        "<= " + config.maxGlareFraction(), OF_CARD_AREA),
                IdCardRule.ID8.judge(luminance >= config.minMeanLuminance() && luminance <= config.maxMeanLuminance(),
                        PortraitChecks.round(luminance), config.minMeanLuminance() + "-" + config.maxMeanLuminance(),
                        MEAN_LUMINANCE));
    }

    private static List<IdCardRule> sideRules(IdCardSide side) {
        return side == IdCardSide.FRONT
                ? List.of(IdCardRule.ID9, IdCardRule.ID10, IdCardRule.ID11, IdCardRule.ID12, IdCardRule.ID13)
                : List.of(IdCardRule.ID14);
    }

    static byte[] jpeg(Mat image, int quality) {
        try (NativeMats mats = new NativeMats()) {
            MatOfByte encoded = mats.add(new MatOfByte());
            Imgcodecs.imencode(".jpg", image, encoded,
                    mats.add(new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality)));
            return encoded.toArray();
        }
    }
}
