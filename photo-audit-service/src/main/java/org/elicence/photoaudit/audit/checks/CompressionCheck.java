package org.elicence.photoaudit.audit.checks;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.elicence.photoaudit.audit.CheckResult;
import org.elicence.photoaudit.audit.Guidance;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.analysis.Regions;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.imgproc.Imgproc;

/**
 * C7: JPEG blockiness on the face at decoded resolution: mean luminance step across block borders divided by
 * the mean step inside blocks. Smooth skin makes block edges of a heavily compressed JPEG stand out; an
 * uncompressed photo scores about 1. The blocks are the JPEG's 8 x 8 pixels, or 4 x 4 in a large JPEG decoded
 * at half size: there each step inside a block spans two original pixels and the finest frequencies are not
 * decoded, so the same compression scores lower and is held to its own limit.
 */
public final class CompressionCheck extends BaseCheck {

    private static final int JPEG_BLOCK = 8;
    private static final Guidance ORIGINAL = new Guidance("照片压缩过度：请上传原始照片，不要经过聊天软件转发或反复保存",
            "The photo is too compressed: upload the original file, not one forwarded by a chat app or re-saved");

    @ConfigMapping(prefix = "photo-audit.c7-compression")
    public interface Settings {
        /** Maximum JPEG blockiness (gradient at 8-pixel block edges / gradient elsewhere) on the face. */
        @WithDefault("1.8")
        double maxBlockiness();

        /** The same for a JPEG decoded at half size (4-pixel blocks). */
        @WithDefault("1.4")
        double maxBlockinessHalfSize();
    }

    private final Settings settings;

    public CompressionCheck(Settings settings) {
        super("C7", "COMPRESSION", true);
        this.settings = settings;
    }

    @Override
    public CheckResult evaluate(PhotoAnalysis a) {
        Rect face = a.requireFace().faceBox();
        double s = a.decodedScale();
        Mat decoded = a.decoded().bgr();
        int block = JPEG_BLOCK / a.decoded().reduction();
        // align the region to the block grid of the JPEG
        int x = ((int) (face.x / s) / block) * block;
        int y = ((int) (face.y / s) / block) * block;
        Rect region = Regions.clip(new Rect(x, y, (int) (face.width / s), (int) (face.height / s)), decoded);
        Mat grey = new Mat();
        Imgproc.cvtColor(decoded.submat(region), grey, Imgproc.COLOR_BGR2GRAY);
        double blockiness = blockiness(grey, block);
        grey.release();
        double limit = a.decoded().isReduced() ? settings.maxBlockinessHalfSize() : settings.maxBlockiness();
        return Results.atMost(rule(), "COMPRESSION_OK", "COMPRESSION_ARTEFACTS", blockiness, limit,
                "block-edge / in-block gradient", ORIGINAL);
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
        Mat top = grey.submat(0, h - 1, 0, w - 1);
        Mat dx = new Mat();
        Mat dy = new Mat();
        Core.absdiff(top, grey.submat(0, h - 1, 1, w), dx);
        Core.absdiff(top, grey.submat(1, h, 0, w - 1), dy);
        Mat columnSums = new Mat();
        Mat rowSums = new Mat();
        Core.reduce(dx, columnSums, 0, Core.REDUCE_SUM, CvType.CV_64F);
        Core.reduce(dy, rowSums, 1, Core.REDUCE_SUM, CvType.CV_64F);
        double[] perColumn = new double[w - 1];
        double[] perRow = new double[h - 1];
        columnSums.get(0, 0, perColumn);
        rowSums.get(0, 0, perRow);
        for (Mat m : new Mat[] {dx, dy, columnSums, rowSums}) {
            m.release();
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
