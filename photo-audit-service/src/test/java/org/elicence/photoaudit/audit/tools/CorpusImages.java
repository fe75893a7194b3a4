package org.elicence.photoaudit.audit.tools;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.core.MatOfInt;
import org.opencv.imgcodecs.Imgcodecs;

/** JPEG encoding helpers for the corpus tools. */
final class CorpusImages {

    static final int CORPUS_JPEG_QUALITY = 95;

    private CorpusImages() {
    }

    static byte[] jpeg(Mat image, int quality) {
        MatOfByte out = new MatOfByte();
        Imgcodecs.imencode(".jpg", image, out, new MatOfInt(Imgcodecs.IMWRITE_JPEG_QUALITY, quality));
        return out.toArray();
    }

    /** Encodes at {@code quality} and decodes again, leaving the JPEG artefacts in the pixels. */
    static Mat reencode(Mat image, int quality) {
        return Imgcodecs.imdecode(new MatOfByte(jpeg(image, quality)), Imgcodecs.IMREAD_COLOR);
    }
}
