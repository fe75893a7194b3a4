package org.elicence.photoaudit.audit.checks;

import org.elicence.photoaudit.audit.AuditConfig;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.opencv.core.Mat;
import org.opencv.core.MatOfFloat;
import org.opencv.core.MatOfInt;
import org.opencv.imgproc.Imgproc;

/** C5: face neither too dark nor washed out, and enough dynamic range over the photo. */
public final class ExposureCheck extends BaseCheck {

    private static final Guidance DARK = new Guidance("照片太暗：请在明亮均匀的光线下拍摄，例如面向窗户",
            "The photo is too dark: take it in bright, even light, for example facing a window");
    private static final Guidance BRIGHT = new Guidance("照片过亮：请关闭闪光灯，避免强光直射",
            "The photo is washed out: turn off the flash and avoid direct strong light");
    private static final Guidance FLAT = new Guidance("照片对比度太低：请不要使用滤镜，在光线充足处重新拍摄",
            "The photo has too little contrast: do not use filters and retake it in good light");

    public ExposureCheck() {
        super("C5", "EXPOSURE", true);
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        AuditConfig.Exposure e = a.config().exposure();
        double faceMean = Regions.mean(a.grey(), Regions.ofFace(a.requireFace().box(), 0.2, 0.2, 0.8, 0.9));
        String range = "[" + Results.fmt(e.minFaceMean()) + ", " + Results.fmt(e.maxFaceMean()) + "]";
        if (faceMean < e.minFaceMean()) {
            return Results.fail(rule(), "UNDEREXPOSED", faceMean, range, "face mean grey (0-255)", DARK);
        }
        if (faceMean > e.maxFaceMean()) {
            return Results.fail(rule(), "OVEREXPOSED", faceMean, range, "face mean grey (0-255)", BRIGHT);
        }
        double[] p = percentiles(a.grey(), 0.02, 0.98);
        return Results.atLeast(rule(), "EXPOSURE_OK", "LOW_CONTRAST", p[1] - p[0], e.minDynamicRange(),
                "grey levels between 2nd and 98th percentile", FLAT);
    }

    static double[] percentiles(Mat grey, double low, double high) {
        Mat hist = new Mat();
        Imgproc.calcHist(java.util.List.of(grey), new MatOfInt(0), new Mat(), hist, new MatOfInt(256),
                new MatOfFloat(0, 256));
        double total = grey.total();
        double seen = 0;
        double lowValue = 0;
        double highValue = 255;
        boolean lowFound = false;
        for (int v = 0; v < 256; v++) {
            seen += hist.get(v, 0)[0];
            if (!lowFound && seen >= total * low) {
                lowValue = v;
                lowFound = true;
            }
            if (seen >= total * high) {
                highValue = v;
                break;
            }
        }
        hist.release();
        return new double[] {lowValue, highValue};
    }
}
