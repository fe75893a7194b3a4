package org.elicence.photoaudit.audit.analysis;

import org.elicence.photoaudit.audit.AuditConfig;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.imgproc.Imgproc;

/**
 * JPEG blockiness on the face at decoded resolution: mean luminance step across block borders divided by the mean
 * step inside blocks. Smooth skin makes block edges of a heavily compressed JPEG stand out; an uncompressed photo
 * scores about 1. The blocks are the JPEG's 8 x 8 pixels, or 4 x 4 in a large JPEG decoded at half size: there each
 * step inside a block spans two original pixels and the finest frequencies are not decoded, so the same compression
 * scores lower and is held to its own limit. C7 reports it; R5 does not read the crown's fine detail on an
 * over-compressed photo ({@link PhotoAnalysis#overCompressed}): the quantisation flattens hair into fabric.
 *
 * @param measured the blockiness
 * @param limit    the largest accepted for this decode (full or half size)
 */
public record JpegBlockiness(double measured, double limit) {

    private static final int JPEG_BLOCK = 8;

    public boolean overCompressed() {
        return measured > limit;
    }

    /** The face's blockiness in the decoded upload, on the JPEG's block grid. */
    static JpegBlockiness onFace(PhotoAnalysis a, AuditConfig.Compression settings) {
        Rect face = a.requireFace().faceBox();
        double s = a.decodedScale();
        Mat decoded = a.decoded().bgr();
        int block = JPEG_BLOCK / a.decoded().reduction();
        // align the region to the block grid of the JPEG
        int x = ((int) (face.x / s) / block) * block;
        int y = ((int) (face.y / s) / block) * block;
        Rect region = Regions.clip(new Rect(x, y, (int) (face.width / s), (int) (face.height / s)), decoded);
        double blockiness;
        try (NativeMats mats = new NativeMats()) {
            Mat grey = mats.mat();
            Imgproc.cvtColor(mats.view(decoded, region), grey, Imgproc.COLOR_BGR2GRAY);
            blockiness = blockiness(grey, block);
        }
        return new JpegBlockiness(blockiness,
                a.decoded().isReduced() ? settings.maxBlockinessHalfSize() : settings.maxBlockiness());
    }

    static double blockiness(Mat grey, int block) {
        int w = grey.cols();
        int h = grey.rows();
        if (w < 2 || h < 2) {
            return 0;
        }
        // |horizontal| and |vertical| neighbour differences over rows 0..h-2 and columns 0..w-2, summed per
        // column (horizontal steps) and per row (vertical steps); a step counts as "edge" when it crosses a
        // block border
        double[] perColumn = new double[w - 1];
        double[] perRow = new double[h - 1];
        try (NativeMats mats = new NativeMats()) {
            Mat top = mats.view(grey, new Rect(0, 0, w - 1, h - 1));
            Mat dx = mats.mat();
            Mat dy = mats.mat();
            Core.absdiff(top, mats.view(grey, new Rect(1, 0, w - 1, h - 1)), dx);
            Core.absdiff(top, mats.view(grey, new Rect(0, 1, w - 1, h - 1)), dy);
            Mat columnSums = mats.mat();
            Mat rowSums = mats.mat();
            Core.reduce(dx, columnSums, 0, Core.REDUCE_SUM, CvType.CV_64F);
            Core.reduce(dy, rowSums, 1, Core.REDUCE_SUM, CvType.CV_64F);
            columnSums.get(0, 0, perColumn);
            rowSums.get(0, 0, perRow);
        }
        double edge = 0;
        double inner = 0;
        long edgeCount = 0;
        long innerCount = 0;
        for (int xx = 0; xx < w - 1; xx++) {
            if ((xx + 1) % block == 0) {
                edge += perColumn[xx];
                edgeCount += h - 1;
            } else {
                inner += perColumn[xx];
                innerCount += h - 1;
            }
        }
        for (int yy = 0; yy < h - 1; yy++) {
            if ((yy + 1) % block == 0) {
                edge += perRow[yy];
                edgeCount += w - 1;
            } else {
                inner += perRow[yy];
                innerCount += w - 1;
            }
        }
        double innerMean = inner / Math.max(1, innerCount);
        return (edge / Math.max(1, edgeCount)) / Math.max(0.5, innerMean);
    }
}
