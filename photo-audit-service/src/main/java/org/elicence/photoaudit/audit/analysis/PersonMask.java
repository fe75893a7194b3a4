package org.elicence.photoaudit.audit.analysis;

import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * The segmentation of the working image into the person (hair, clothes, anything worn) and the background.
 * {@code person} and {@code background} are binary (0/255); the pixels between the two thresholds (the soft
 * edge around hair) belong to neither, so background measurements never see the person's outline.
 */
public final class PersonMask implements AutoCloseable {

    private final Mat probability;
    private final Mat person = new Mat();
    private final Mat background = new Mat();

    public PersonMask(Mat probability, double personThreshold, double backgroundThreshold) {
        this.probability = probability;
        Imgproc.threshold(probability, person, personThreshold, 255, Imgproc.THRESH_BINARY);
        person.convertTo(person, CvType.CV_8U);
        Imgproc.threshold(probability, background, backgroundThreshold, 255, Imgproc.THRESH_BINARY_INV);
        background.convertTo(background, CvType.CV_8U);
        // keep the background a few pixels clear of the person: a halo of hair or shirt is not wall
        Mat kernel = Imgproc.getStructuringElement(Imgproc.MORPH_ELLIPSE, new Size(5, 5));
        Imgproc.erode(background, background, kernel);
        kernel.release();
    }

    /** Person probability in [0, 1] (CV_32F). */
    public Mat probability() {
        return probability;
    }

    public Mat person() {
        return person;
    }

    public Mat background() {
        return background;
    }

    public boolean isPerson(int x, int y) {
        return x >= 0 && y >= 0 && x < person.cols() && y < person.rows() && person.get(y, x)[0] > 0;
    }

    /** Share of {@code region}'s pixels that are the person (0 for an empty region). */
    public double shareOf(Mat region) {
        int area = Core.countNonZero(region);
        if (area == 0) {
            return 0;
        }
        Mat inside = new Mat();
        Core.bitwise_and(region, person, inside);
        double share = Core.countNonZero(inside) / (double) area;
        inside.release();
        return share;
    }

    /** Share of the image that is certainly background. */
    public double backgroundShare() {
        return Core.countNonZero(background) / (double) background.total();
    }

    @Override
    public void close() {
        probability.release();
        person.release();
        background.release();
    }
}
