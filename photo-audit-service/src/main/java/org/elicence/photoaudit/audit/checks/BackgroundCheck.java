package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.HeadGeometry;
import org.elicence.photoaudit.audit.analysis.LabColour;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * R2: the background above and beside the head (above shoulder height) must be light, neutral, uniform and
 * free of edges (door frames, furniture, patterns). The region is purely geometric, not the person mask,
 * so that clutter cannot hide itself by being classified as "person".
 */
public final class BackgroundCheck extends BaseCheck {

    private static final double MIN_REGION_FRACTION = 0.02;
    private static final Guidance WHITE = new Guidance("背景必须为白色：请站在白色墙壁或白布前拍摄",
            "The background must be white: stand in front of a plain white wall or sheet");
    private static final Guidance PLAIN = new Guidance("背景不够干净：请在没有门框、家具、图案的纯白墙前拍摄",
            "The background is not plain: use a plain white wall without door frames, furniture or patterns");
    private static final Guidance CLOSE = new Guidance("看不到足够的背景：请后退一些，头部上方和两侧留出空白",
            "Not enough background is visible: step back so there is space above and beside your head");

    public BackgroundCheck() {
        super("R2", "BACKGROUND", true);
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        Mat region = backgroundRegion(a);
        int area = Core.countNonZero(region);
        if (area < a.work().total() * MIN_REGION_FRACTION) {
            region.release();
            return notAssessable(CLOSE);
        }
        AuditConfig.Background b = a.config().background();
        MatOfDouble mean = new MatOfDouble();
        MatOfDouble std = new MatOfDouble();
        Core.meanStdDev(a.lab(), mean, std, region);
        LabColour colour = LabColour.fromOpenCv(mean.toArray());
        double lightnessStd = std.toArray()[0] * 100.0 / 255.0;
        Mat edges = new Mat();
        Imgproc.Canny(a.grey(), edges, 50, 150);
        Core.bitwise_and(edges, region, edges);
        double edgeDensity = Core.countNonZero(edges) / (double) area;
        edges.release();
        region.release();
        if (colour.l() < b.minLightness()) {
            return Results.fail(rule(), "BACKGROUND_NOT_WHITE", colour.l(), ">= " + Results.fmt(b.minLightness()),
                    "L* (0-100)", WHITE);
        }
        if (colour.chroma() > b.maxChroma()) {
            return Results.fail(rule(), "BACKGROUND_NOT_WHITE", colour.chroma(), "<= " + Results.fmt(b.maxChroma()),
                    "chroma", WHITE);
        }
        if (lightnessStd > b.maxLightnessStdDev()) {
            return Results.fail(rule(), "BACKGROUND_NOT_UNIFORM", lightnessStd,
                    "<= " + Results.fmt(b.maxLightnessStdDev()), "L* standard deviation", PLAIN);
        }
        return Results.atMost(rule(), "BACKGROUND_WHITE", "BACKGROUND_NOT_UNIFORM", edgeDensity, b.maxEdgeDensity(),
                "edge pixel fraction", PLAIN);
    }

    /** Mask of the background sampled above the head and beside it down to just below the eyes. */
    public static Mat backgroundRegion(PhotoAnalysis a) {
        Rect face = a.requireFace().box();
        HeadGeometry head = a.head();
        int w = a.work().cols();
        int gap = (int) (face.width * 0.05);
        int sideBottom = (int) (face.y + face.height * 0.5);
        Mat mask = Mat.zeros(a.work().size(), CvType.CV_8U);
        for (Rect r : new Rect[] {
                new Rect(0, 0, w, head.top() - (int) (face.height * 0.05)),
                new Rect(0, 0, head.left() - gap, sideBottom),
                new Rect(head.right() + gap, 0, w - head.right() - gap, sideBottom)}) {
            Rect c = Regions.clip(r, mask);
            if (Regions.isUsable(c)) {
                Imgproc.rectangle(mask, c, new Scalar(255), -1);
            }
        }
        // leave out the head itself with a margin for loose hair, whatever the silhouette measured
        Imgproc.ellipse(mask, new org.opencv.core.Point(head.centreX(), (head.top() + head.chin()) / 2.0),
                new org.opencv.core.Size(head.width() / 2.0 + face.width * 0.15, head.length() / 2.0 + face.height * 0.08),
                0, 0, 360, new Scalar(0), -1);
        return mask;
    }
}
