package org.elicence.photoaudit.audit.analysis;

import org.elicence.photoaudit.audit.Measure;
import org.elicence.photoaudit.audit.perception.FaceLandmarks;
import org.opencv.core.Core;
import org.opencv.core.Mat;

/**
 * How far the face's ends of the grey scale are lost: the share crushed to black, the share clipped to white, and
 * how dark the pupils still are. C5 reports these; its over-exposure decision ({@link PhotoAnalysis#washedOut}) is
 * shared, because in a washed-out photo a white top is as white as the wall, and R3 (the shoulders' outline) and R8
 * (the top against the wall) would otherwise send the applicant to change clothes or posture when the fix is the
 * light. When something covers the mouth (R9's decision), the lower face is left out: a white or black mask is
 * its own colour, not the light's.
 *
 * @param blackShare     share of the face outline at grey 12 or below
 * @param whiteShare     share of the face outline at grey 240 or above
 * @param whiteParts     how many of the face's parts ({@link #PARTS}: forehead, cheeks, nose, chin) have at least
 *                       {@link #WHITE_PART_SHARE} of their pixels at grey 240 or above: over-exposure lifts the whole
 *                       face, a flash spot one part of it
 * @param eyesDarkest    the 5th-percentile grey level inside the darker eye's outline (its pupil and lashes); an
 *                       eye under glare is left out; 0 (nothing to judge) when both are
 * @param lowerFaceLeftOut the shares were read over the face outline less the lower face (the mouth is covered)
 */
public record FaceExposure(double blackShare, double whiteShare, int whiteParts, double eyesDarkest,
        boolean lowerFaceLeftOut) {

    private static final Measure BLACK = new Measure("面部过暗成纯黑的比例", "share of the face crushed to black");
    private static final Measure BLACK_ABOVE_MASK = new Measure("遮盖的嘴部以上面部过暗成纯黑的比例",
            "share of the face above the covered mouth crushed to black");

    /** An eye with more than this share of pixels at grey 250 or more is under glare (R10's), not judged here. */
    static final double EYE_GLARE_SHARE = 0.08;

    /** Face parts by landmark: forehead, right cheek, left cheek, nose tip, chin. */
    static final int[] PARTS = {151, 50, 280, 4, 199};
    /** A part's radius, as a share of the face's width: the parts do not overlap. */
    static final double PART_RADIUS = 0.1;
    /** A part is white when at least this share of it is at grey 240 or above. */
    static final double WHITE_PART_SHARE = 0.2;

    public static FaceExposure measure(Mat grey, FaceGeometry face, boolean mouthCovered) {
        Mat outline = Regions.polygon(grey.size(), face.landmarks().polygon(FaceLandmarks.FACE_OVAL));
        if (mouthCovered) {
            Mat lowerFace = Regions.polygon(grey.size(), face.landmarks().polygon(MouthCover.LOWER_FACE));
            Core.subtract(outline, lowerFace, outline);
            lowerFace.release();
        }
        double black = Regions.shareInRange(grey, outline, 0, 12);
        double white = Regions.shareInRange(grey, outline, 240, 255);
        int whiteParts = whiteParts(grey, face, outline);
        outline.release();
        return new FaceExposure(black, white, whiteParts, darkestInEyes(grey, face), mouthCovered);
    }

    /** What the share of black pixels was read over, for the report. */
    public Measure blackShareMeasure() {
        return lowerFaceLeftOut ? BLACK_ABOVE_MASK : BLACK;
    }

    /**
     * What the share of white pixels was read over, for the report, with the condition that makes it a fault: white
     * in at least {@code minWhiteParts} of the face's five parts (a single spot is R1's).
     */
    public Measure whiteShareMeasure(int minWhiteParts) {
        String zhArea = lowerFaceLeftOut ? "遮盖的嘴部以上面部" : "面部";
        String enArea = lowerFaceLeftOut ? "the face above the covered mouth" : "the face";
        return new Measure(zhArea + "过曝成纯白的比例（面部 5 个区域中至少 " + minWhiteParts + " 个过曝时才算；单个亮斑属于 R1）",
                "share of " + enArea + " clipped to white (counted when white in at least " + minWhiteParts
                        + " of the face's 5 parts; a single spot is R1's)");
    }

    /** The parts read inside {@code outline}: a covered lower face does not count, as for the shares. */
    private static int whiteParts(Mat grey, FaceGeometry face, Mat outline) {
        int white = 0;
        for (int landmark : PARTS) {
            Mat part = Regions.disc(grey.size(), face.landmarks().xy(landmark), PART_RADIUS * face.faceWidth());
            Core.bitwise_and(part, outline, part);
            if (Core.countNonZero(part) > 0 && Regions.shareInRange(grey, part, 240, 255) >= WHITE_PART_SHARE) {
                white++;
            }
            part.release();
        }
        return white;
    }

    private static double darkestInEyes(Mat grey, FaceGeometry face) {
        double darkest = Double.MAX_VALUE;
        for (int[] outline : new int[][] {FaceLandmarks.RIGHT_EYE, FaceLandmarks.LEFT_EYE}) {
            Mat eye = Regions.polygon(grey.size(), face.landmarks().polygon(outline));
            if (Core.countNonZero(eye) > 0 && Regions.shareInRange(grey, eye, Regions.CLIPPED, 255) <= EYE_GLARE_SHARE) {
                darkest = Math.min(darkest, Regions.quantile(grey, 0, eye, 0.05));
            }
            eye.release();
        }
        return darkest == Double.MAX_VALUE ? 0 : darkest;
    }
}
