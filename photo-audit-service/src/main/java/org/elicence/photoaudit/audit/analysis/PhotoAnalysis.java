package org.elicence.photoaudit.audit.analysis;

import java.util.List;
import java.util.Optional;
import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.decode.DecodedImage;
import org.elicence.photoaudit.audit.decode.ImageDecoder;
import org.elicence.photoaudit.audit.perception.FaceDetection;
import org.elicence.photoaudit.audit.perception.FaceLandmarks;
import org.elicence.photoaudit.audit.perception.FacePerception;
import org.elicence.photoaudit.audit.perception.FoundFaces;
import org.elicence.photoaudit.audit.perception.HeadPose;
import org.opencv.core.Mat;
import org.opencv.imgproc.Imgproc;

/**
 * Everything the checks share, computed once per photo on the downscaled working copy: grey and Lab planes,
 * the faces, the person mask and, when there is exactly one face, its geometry and skin model. Not
 * thread-safe; one per audit.
 */
public final class PhotoAnalysis implements AutoCloseable {

    /** a*b* distance from the person's skin reference within which a pixel counts as skin. */
    static final double SKIN_CHROMA_TOLERANCE = 9;
    /** L* distance from the skin reference within which a pixel counts as skin (shading across a face). */
    static final double SKIN_LIGHTNESS_TOLERANCE = 22;

    private final DecodedImage decoded;
    private final Mat work;
    private final double decodedScale;
    private final Mat grey = new Mat();
    private final Mat lab = new Mat();
    private final List<FaceDetection> faces;
    private final PersonMask person;
    private final FaceGeometry face;
    private final SkinModel skin;
    private final AuditConfig.Tint tintSettings;
    private final AuditConfig.Forehead foreheadSettings;
    private final AuditConfig.Exposure exposureSettings;
    private final AuditConfig.Portrait portraitSettings;
    private final AuditConfig.Sharpness sharpnessSettings;
    private final AuditConfig.Mouth mouthSettings;
    private final AuditConfig.HeadCovering headCoveringSettings;
    private final AuditConfig.Compression compressionSettings;
    private final AuditConfig.Colour colourSettings;
    private Double faceSharpness;
    private SceneTint tint;
    private ForeheadCover forehead;
    private Double brightLevel;
    private FaceExposure faceExposure;
    private MouthCover mouth;
    private HeadCover headCover;
    private Double framedAllRound;
    private JpegBlockiness blockiness;
    private Double imageChroma;

    public PhotoAnalysis(DecodedImage decoded, FacePerception perception, AuditConfig config) {
        this.decoded = decoded;
        this.tintSettings = config.tint();
        this.foreheadSettings = config.forehead();
        this.exposureSettings = config.exposure();
        this.portraitSettings = config.portrait();
        this.sharpnessSettings = config.sharpness();
        this.mouthSettings = config.mouth();
        this.headCoveringSettings = config.headCovering();
        this.compressionSettings = config.compression();
        this.colourSettings = config.colour();
        this.work = ImageDecoder.downscale(decoded, config.decode().workingLongSide());
        this.decodedScale = work.cols() / (double) decoded.bgr().cols();
        PersonMask mask = null;
        try {
            Imgproc.cvtColor(work, grey, Imgproc.COLOR_BGR2GRAY);
            Imgproc.cvtColor(work, lab, Imgproc.COLOR_BGR2Lab);
            AuditConfig.Perception p = config.perception();
            FoundFaces found = perception.faces(work, p.minFaceScore(), p.minFacePresence());
            this.faces = found.detections();
            mask = new PersonMask(perception.personProbability(work), p.personThreshold(), p.backgroundThreshold());
            this.person = mask;
            if (found.singleFaceLandmarks().isPresent()) {
                FaceLandmarks landmarks = found.singleFaceLandmarks().get();
                HeadPose pose = perception.pose(landmarks, work.cols(), work.rows());
                FaceGeometry provisional = new FaceGeometry(faces.get(0), landmarks, pose, null);
                HeadOutline head = HeadOutline.measure(person, landmarks, provisional.across(), provisional.down(),
                        provisional.faceWidth());
                this.face = new FaceGeometry(faces.get(0), landmarks, pose, head);
                this.skin = SkinModel.sample(lab, landmarks, face.faceWidth(), SKIN_CHROMA_TOLERANCE,
                        SKIN_LIGHTNESS_TOLERANCE);
            } else {
                this.face = null;
                this.skin = null;
            }
        } catch (RuntimeException e) {
            // the caller never gets the analysis to close: what was made so far is released here
            if (mask != null) {
                mask.close();
            }
            work.release();
            grey.release();
            lab.release();
            throw e;
        }
    }

    /** The decoded upload: full resolution, or half of it for a large JPEG ({@link DecodedImage#reduction()}). */
    public DecodedImage decoded() {
        return decoded;
    }

    /** Working copy (BGR), long side at most photo-audit.decode.working-long-side. */
    public Mat work() {
        return work;
    }

    /** Working pixels per pixel of the uploaded photo (<= 1). */
    public double scale() {
        return decodedScale / decoded.reduction();
    }

    /** Working pixels per pixel of {@link #decoded()} (<= 1). */
    public double decodedScale() {
        return decodedScale;
    }

    public Mat grey() {
        return grey;
    }

    public Mat lab() {
        return lab;
    }

    public List<FaceDetection> faces() {
        return faces;
    }

    public PersonMask person() {
        return person;
    }

    /** The face, present only when exactly one was found. */
    public Optional<FaceGeometry> face() {
        return Optional.ofNullable(face);
    }

    /** For checks that declared they require a face (the pipeline guarantees it). */
    public FaceGeometry requireFace() {
        return face().orElseThrow(() -> new IllegalStateException("check requires exactly one face"));
    }

    /** Skin model of the one face (present whenever {@link #face()} is). */
    public SkinModel skin() {
        if (skin == null) {
            throw new IllegalStateException("check requires exactly one face");
        }
        return skin;
    }

    /** Head length, top of hair to chin, in pixels of the uploaded photo (C7's measure). */
    public double headLengthInUpload() {
        return requireFace().headLength() / scale();
    }

    /**
     * The upload shows the head with fewer pixels than the licence portrait needs: C7 reports it, and C4 does not
     * call the face blurred, for a face this small has no detail to judge.
     */
    public boolean tooFewHeadPixels() {
        return headLengthInUpload() < portraitSettings.minHeadLength();
    }

    public AuditConfig.Portrait portraitSettings() {
        return portraitSettings;
    }

    /** The face's sharpness (C4's measure, also R10's gate), computed once; the checks run one after another. */
    public double faceSharpness() {
        if (faceSharpness == null) {
            Mat greyFace = grey.submat(Regions.clip(requireFace().faceBox(), grey));
            faceSharpness = FaceSharpness.secondDerivativeVariance(greyFace);
            greyFace.release();
        }
        return faceSharpness;
    }

    /** The face is blurred: C4 reports it; C5's pupils, R10's sclera and R5's crown detail are not read on it. */
    public boolean blurred() {
        return faceSharpness() < sharpnessSettings.minVariance();
    }

    /** JPEG blockiness on the face (C7's measure), computed once; needs the face. */
    public JpegBlockiness blockiness() {
        if (blockiness == null) {
            blockiness = JpegBlockiness.onFace(this, compressionSettings);
        }
        return blockiness;
    }

    public AuditConfig.Sharpness sharpnessSettings() {
        return sharpnessSettings;
    }

    /** What is over the mouth (R9's measures), computed once; needs the face. */
    public MouthCover mouth() {
        if (mouth == null) {
            mouth = MouthCover.measure(lab, skin(), requireFace().landmarks(), colourless());
        }
        return mouth;
    }

    /** Something covers the mouth ({@link MouthCover#covered}): R9 reports it, C9 does not judge the mouth. */
    public boolean mouthCovered() {
        return mouth().covered(mouthSettings).isPresent();
    }

    public AuditConfig.Mouth mouthSettings() {
        return mouthSettings;
    }

    /** Whether the head is covered (R5's judgement, {@link HeadCover}), made once; needs the face. */
    public HeadCover headCover() {
        if (headCover == null) {
            headCover = HeadCover.judge(this, headCoveringSettings);
        }
        return headCover;
    }

    /** Headwear frames the face all round (a headscarf): R5 reports it, R11 looks for no earrings under it. */
    public boolean earsUnderHeadwear() {
        return headCover().covered() && framedAllRound() >= headCoveringSettings.maxFramedCheeks();
    }

    /**
     * The lesser share of the strips beside the two cheeks that is the person (1: the face framed all round, as by a
     * headscarf or long hair), measured once when R5 or R11 asks.
     */
    public double framedAllRound() {
        if (framedAllRound == null) {
            framedAllRound = HeadCover.framedAllRound(this, requireFace());
        }
        return framedAllRound;
    }

    /** Mean per-pixel chroma of the photo (C6's greyscale measure), computed once. */
    public double imageChroma() {
        if (imageChroma == null) {
            imageChroma = Regions.meanAbsoluteChroma(lab);
        }
        return imageChroma;
    }

    /**
     * The photo has no colour: C6 reports it, R8 does not tell a pale top from skin in it, nor R9 the lips from a
     * covering.
     */
    public boolean colourless() {
        return imageChroma() < colourSettings.minImageChroma();
    }

    /** Whether the person shares the background's tint (R2's and C6's measure), computed once; needs the face. */
    public SceneTint tint() {
        if (tint == null) {
            tint = SceneTint.measure(lab, person, skin(), tintSettings.minWallChroma(),
                    tintSettings.spreadMargin());
        }
        return tint;
    }

    /** The background is coloured by the light, not by the wall: C6 reports it, R2 does not. */
    public boolean colouredByLight() {
        return tint().castByLight(tintSettings.minWallChroma(), tintSettings.minShared());
    }

    public AuditConfig.Tint tintSettings() {
        return tintSettings;
    }

    /** What covers the upper forehead (R5's and R6's measure), computed once; needs the face. */
    public ForeheadCover forehead() {
        if (forehead == null) {
            forehead = ForeheadCover.measure(lab, grey, !washedOut(), person, skin(), requireFace());
        }
        return forehead;
    }

    /** The upper forehead is covered by headwear, not by the person's hair (one of {@link HeadCover}'s signs). */
    public boolean foreheadUnderHeadwear() {
        return forehead().headwear(foreheadSettings.minSkin(), foreheadSettings.maxHairColourDistance());
    }

    public AuditConfig.Forehead foreheadSettings() {
        return foreheadSettings;
    }

    /** 98th-percentile grey level of the whole photo: how bright its brightest part is (C5's and R2's measure). */
    public double brightLevel() {
        if (brightLevel == null) {
            Mat everywhere = new Mat();
            brightLevel = Regions.quantile(grey, 0, everywhere, 0.98);
            everywhere.release();
        }
        return brightLevel;
    }

    /** Even the photo's brightest part stays dark: C5 reports it, and R2 does not call a dark wall grey. */
    public boolean tooDark() {
        return brightLevel() < exposureSettings.minBrightLevel();
    }

    /** The face's share crushed to black or clipped to white and its pupils' darkness (C5's measures), computed once. */
    public FaceExposure faceExposure() {
        if (faceExposure == null) {
            faceExposure = FaceExposure.measure(grey, requireFace(), mouthCovered());
        }
        return faceExposure;
    }

    /**
     * Much of the face, in more than one of its parts, clipped to white (C5 reports it; R1 does not call it a hot
     * spot, R3 and R8 do not judge a white top against the wall).
     */
    public boolean faceClippedToWhite() {
        FaceExposure face = faceExposure();
        return face.whiteShare() > exposureSettings.maxFaceWhite()
                && face.whiteParts() >= exposureSettings.minWhiteParts();
    }

    /**
     * No black pupil left on a face sharp enough to tell the pupil from the iris (C5 reports it, as washed out;
     * R3 and R8 do not judge a white top against the wall).
     */
    public boolean pupilsWashedOut() {
        return faceExposure().eyesDarkest() > exposureSettings.maxEyeDarkest() && !blurred();
    }

    /** The photo is washed out, by either of C5's measures. */
    public boolean washedOut() {
        return faceClippedToWhite() || pupilsWashedOut();
    }

    public AuditConfig.Exposure exposureSettings() {
        return exposureSettings;
    }

    @Override
    public void close() {
        work.release();
        grey.release();
        lab.release();
        person.close();
        if (skin != null) {
            skin.close();
        }
    }
}
