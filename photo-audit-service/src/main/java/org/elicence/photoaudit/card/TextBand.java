package org.elicence.photoaudit.card;

import java.util.List;
import java.util.function.BiConsumer;

import org.elicence.photoaudit.audit.analysis.NativeMats;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.CLAHE;
import org.opencv.imgproc.Imgproc;

/**
 * A band of printed text on the rectified, upright card, cut at fractions of its size so that it does not depend
 * on the camera's resolution, turned grey and scaled to a fixed height for Tesseract; and the ways of preparing it
 * that are tried in turn: as it is, evened out (contrast-limited equalisation, for dim or shadowed photos), then
 * binarised (Otsu). The same steps as the number's ({@link IdNumberReader}).
 */
final class TextBand {

    private static final Size CLAHE_TILES = new Size(8, 2);

    static final List<BiConsumer<Mat, Mat>> PREPARATIONS = List.of(
            (band, out) -> band.copyTo(out),
            (band, out) -> {
                CLAHE clahe = Imgproc.createCLAHE(3.0, CLAHE_TILES);
                clahe.apply(band, out);
            },
            (band, out) -> Imgproc.threshold(band, out, 0, 255, Imgproc.THRESH_BINARY | Imgproc.THRESH_OTSU));

    private TextBand() {
    }

    /** The band in grey, scaled to {@code height} pixels: a new image in {@code mats}' care. */
    static Mat cut(Mat card, double left, double right, double top, double bottom, int height, NativeMats mats) {
        int x0 = (int) Math.round(left * card.cols());
        int x1 = (int) Math.round(right * card.cols());
        int y0 = (int) Math.round(top * card.rows());
        int y1 = (int) Math.round(bottom * card.rows());
        Mat region = mats.view(card, new Rect(x0, y0, x1 - x0, y1 - y0));
        Mat grey = mats.add(ImageMeasures.grey(region));
        double scale = (double) height / grey.rows();
        Mat scaled = mats.mat();
        Imgproc.resize(grey, scaled, new Size(Math.round(grey.cols() * scale), height), 0, 0,
                scale < 1 ? Imgproc.INTER_AREA : Imgproc.INTER_CUBIC);
        Core.normalize(scaled, scaled, 0, 255, Core.NORM_MINMAX);
        return scaled;
    }

    /** The symbols Tesseract reads in the 8-bit grey {@code band}. */
    static List<TesseractOcr.Symbol> read(TesseractOcr ocr, Mat band) {
        byte[] pixels = new byte[band.cols() * band.rows()];
        band.get(0, 0, pixels);
        return ocr.readSymbols(pixels, band.cols(), band.rows());
    }
}
