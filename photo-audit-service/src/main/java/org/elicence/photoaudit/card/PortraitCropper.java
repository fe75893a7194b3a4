package org.elicence.photoaudit.card;

import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Cuts the licence portrait out of a rectified card: a window in the licence's proportions around
 * the detected face, the face centred horizontally and its centre at a set height, scaled to the
 * licence size. Where the window would leave the card it is shifted back inside, and shrunk only if
 * the card is too small for it.
 */
public final class PortraitCropper {

    private final int width;
    private final int height;
    private final double heightPerFaceHeight;
    private final double faceCentreFromTop;

    public PortraitCropper(int width, int height, double heightPerFaceHeight, double faceCentreFromTop) {
        this.width = width;
        this.height = height;
        this.heightPerFaceHeight = heightPerFaceHeight;
        this.faceCentreFromTop = faceCentreFromTop;
    }

    /** A new image, which the caller releases. */
    public Mat crop(Mat card, Rect face) {
        double windowHeight = Math.min(face.height * heightPerFaceHeight, card.rows());
        double windowWidth = windowHeight * width / height;
        if (windowWidth > card.cols()) {
            windowWidth = card.cols();
            windowHeight = windowWidth * height / width;
        }
        double faceCentreX = face.x + face.width / 2.0;
        double faceCentreY = face.y + face.height / 2.0;
        int left = (int) Math.round(clamp(faceCentreX - windowWidth / 2, card.cols() - windowWidth));
        int top = (int) Math.round(clamp(faceCentreY - windowHeight * faceCentreFromTop, card.rows() - windowHeight));
        Rect window = new Rect(left, top, (int) Math.floor(windowWidth), (int) Math.floor(windowHeight));
        Mat portrait = new Mat();
        Mat region = card.submat(window);
        try {
            Imgproc.resize(region, portrait, new Size(width, height), 0, 0, Imgproc.INTER_CUBIC);
        } finally {
            region.release();
        }
        return portrait;
    }

    private static double clamp(double value, double max) {
        return Math.max(0, Math.min(value, max));
    }
}
