package org.elicence.photoaudit.audit.corpus;

import java.util.Random;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Whole-photo and background edits: R2 (wall colour, shadow, door frame / furniture), R1 (side light, hot
 * spot), C5 (exposure), C4 (blur), C6 (colour), C7 (compression, resolution) and the compliant +10 % brightness.
 * Light edits are done in linear light, so "one stop" means half the light, as a camera would record it.
 */
final class PhotoEdits {

    static final Scalar[] WALL_COLOURS = {Compositing.bgr(150, 185, 228), Compositing.bgr(165, 212, 168),
            Compositing.bgr(226, 204, 168), Compositing.bgr(236, 182, 200)};
    static final String[] WALL_STYLES = {"blue", "green", "beige", "pink"};
    static final String[] CLUTTER_STYLES = {"door-frame-right", "door-frame-left", "furniture-left"};
    static final String[] SIDES = {"image-left-dark", "image-right-dark"};
    static final String[] HOT_SPOT_STYLES = {"forehead", "nose"};
    static final String[] MOTION_STYLES = {"horizontal", "diagonal"};
    static final String[] CAST_STYLES = {"red+40", "blue+40", "green+40"};
    static final String[] WHITE_BALANCE_STYLES = {"warm", "cool", "green"};
    /**
     * Per-channel gains (B, G, R) in linear light of a camera balanced for another light: warm (indoor bulbs
     * recorded as daylight), cool (daylight recorded as indoor light), green (fluorescent tubes).
     */
    private static final Scalar[] WHITE_BALANCE_GAINS = {new Scalar(0.55, 1.0, 1.35), new Scalar(1.4, 1.0, 0.7),
            new Scalar(0.8, 1.3, 0.8)};

    private PhotoEdits() {
    }

    /** The wall re-lit in another colour: per-channel gain on the wall only, so its shading is kept. */
    static Mat wallColour(BasePhoto b, int style, Random random) {
        return wallRelit(b, WALL_COLOURS[style % WALL_COLOURS.length]);
    }

    /** The wall re-lit to the mean colour {@code target} (BGR), its shading kept. */
    static Mat wallRelit(BasePhoto b, Scalar target) {
        Scalar wall = b.wallColour();
        Mat image = b.floatImage();
        Mat recoloured = new Mat();
        Core.multiply(image, new Scalar(target.val[0] / wall.val[0], target.val[1] / wall.val[1],
                target.val[2] / wall.val[2]), recoloured);
        Compositing.blend(image, recoloured, b.wallAlpha());
        return Compositing.toByte(image);
    }

    /** A hard-ish shadow of the person cast on the wall beside and behind the head (flash off-axis). */
    static Mat wallShadow(BasePhoto b, int style, Random random) {
        double ipd = b.landmarks().interPupil();
        int side = style % 2 == 0 ? 1 : -1;
        Mat shadow = new Mat();
        Imgproc.warpAffine(b.personAlpha(), shadow, FaceCoverings.translation(side * 0.45 * ipd, 0.18 * ipd), b.size(),
                Imgproc.INTER_LINEAR, Core.BORDER_REPLICATE);
        Imgproc.GaussianBlur(shadow, shadow, new Size(0, 0), 0.09 * ipd);
        Core.multiply(shadow, b.wallAlpha(), shadow);
        Mat image = Compositing.toLinear(b.floatImage());
        Compositing.multiply(image, Compositing.mix(Compositing.solid1(b.size(), 0.3), shadow));
        return Compositing.toByte(Compositing.fromLinear(image));
    }

    /** A wooden door frame beside the head, or a dark cabinet behind a shoulder; only where the wall shows. */
    static Mat clutter(BasePhoto b, int style, Random random) {
        TemLandmarks lm = b.landmarks();
        double ipd = lm.interPupil();
        Size size = b.size();
        Mat region = Mat.zeros(size, CvType.CV_8UC1);
        Scalar colour;
        Mat grain;
        int s = style % CLUTTER_STYLES.length;
        if (s < 2) {
            double edge = s == 0 ? lm.at(154).x + 0.45 * ipd : lm.at(148).x - 0.45 * ipd - 0.4 * ipd;
            Imgproc.rectangle(region, new Rect((int) edge, 0, (int) (0.4 * ipd), (int) size.height), new Scalar(255), -1);
            colour = random.nextBoolean() ? Compositing.bgr(125, 85, 52) : Compositing.bgr(90, 58, 36);
            Mat n = Compositing.noise(new Size(size.width / 2, size.height / 40), random, 1);
            grain = new Mat();
            Imgproc.resize(n, grain, size, 0, 0, Imgproc.INTER_CUBIC);
            Core.multiply(grain, Scalar.all(0.08), grain);
            Core.add(grain, Scalar.all(1), grain);
        } else {
            double right = lm.at(148).x - 0.2 * ipd;
            double top = lm.chin().y + 0.2 * ipd;
            Imgproc.rectangle(region, new Rect(0, (int) top, (int) Math.max(1, right), (int) (size.height - top)),
                    new Scalar(255), -1);
            colour = Compositing.bgr(70, 62, 58);
            grain = Compositing.field(size, (x, y) -> y < top + 0.06 * ipd ? 1.5 : 1.0); // lit top edge
        }
        Mat alpha = Compositing.soften(region, 1.0);
        Core.multiply(alpha, b.wallAlpha(), alpha);
        Mat layer = Compositing.solid(size, colour);
        Compositing.multiply(layer, grain);
        Mat image = b.floatImage();
        Mat shadow = new Mat(); // a soft contact shadow on the wall next to the object
        Imgproc.GaussianBlur(alpha, shadow, new Size(0, 0), 0.12 * ipd);
        Core.multiply(shadow, b.wallAlpha(), shadow);
        Compositing.multiply(image, Compositing.mix(Compositing.solid1(size, 0.75), shadow));
        Compositing.blend(image, layer, alpha);
        return Compositing.toByte(image);
    }

    /** Strong side light: one side of the person 1.7 stops darker, with a smooth transition over the nose. */
    static Mat sideLight(BasePhoto b, int style, Random random) {
        TemLandmarks lm = b.landmarks();
        double cx = lm.faceCentre().x;
        double width = 0.25 * lm.interPupil();
        int side = style % 2 == 0 ? -1 : 1; // which side is dark
        Mat gain = Compositing.field(b.size(), (x, y) -> {
            double t = 1 / (1 + Math.exp(-side * (x - cx) / width));
            return 1.15 + (0.3 - 1.15) * t;
        });
        Mat image = Compositing.toLinear(b.floatImage());
        Compositing.multiply(image, Compositing.mix(gain, b.personAlpha()));
        return Compositing.toByte(Compositing.fromLinear(image));
    }

    /** Flash hot spot: a clipped bright patch on the forehead or the nose. */
    static Mat hotSpot(BasePhoto b, int style, Random random) {
        TemLandmarks lm = b.landmarks();
        double ipd = lm.interPupil();
        Point centre = style % 2 == 0 ? new Point(lm.eyeCentre().x, (lm.browTopY() + lm.hairlineY()) / 2)
                : TemLandmarks.mid(lm.eyeCentre(), lm.at(TemLandmarks.NOSE_TIP));
        double sigma = 0.2 * ipd;
        Mat blob = Compositing.field(b.size(),
                (x, y) -> 1.8 * Math.exp(-(Math.pow(x - centre.x, 2) + Math.pow(y - centre.y, 2)) / (2 * sigma * sigma)));
        Mat image = Compositing.toLinear(b.floatImage());
        Core.add(image, Compositing.three(blob), image);
        return Compositing.toByte(Compositing.fromLinear(image));
    }

    static Mat underexposed(BasePhoto b, int style, Random random) {
        Mat image = Compositing.toLinear(b.floatImage());
        Core.multiply(image, Scalar.all(0.35 * 0.35), image); // 0.35 in sRGB-like terms is ~3 stops in linear
        return Compositing.toByte(Compositing.fromLinear(image));
    }

    /** Washed out: 1.3 stops over, then the contrast flattened as by haze or a lifted black level. */
    static Mat overexposed(BasePhoto b, int style, Random random) {
        Mat image = Compositing.toLinear(b.floatImage());
        Core.multiply(image, Scalar.all(2.5), image);
        Mat out = Compositing.fromLinear(image);
        Core.multiply(out, Scalar.all(0.7), out);
        Core.add(out, Scalar.all(75), out);
        return Compositing.toByte(out);
    }

    static Mat gaussianBlur(BasePhoto b, int style, Random random) {
        Mat out = new Mat();
        Imgproc.GaussianBlur(b.image(), out, new Size(0, 0), 0.07 * b.landmarks().interPupil());
        return out;
    }

    static Mat motionBlur(BasePhoto b, int style, Random random) {
        int length = (int) Math.round(0.3 * b.landmarks().interPupil()) | 1;
        Mat kernel = Mat.zeros(length, length, CvType.CV_32FC1);
        Point from = style % 2 == 0 ? new Point(0, length / 2) : new Point(0, length - 1);
        Point to = style % 2 == 0 ? new Point(length - 1, length / 2) : new Point(length - 1, 0);
        Imgproc.line(kernel, from, to, Scalar.all(1), 1);
        Core.multiply(kernel, Scalar.all(1 / Core.sumElems(kernel).val[0]), kernel);
        Mat out = new Mat();
        Imgproc.filter2D(b.image(), out, -1, kernel);
        return out;
    }

    static Mat greyscale(BasePhoto b, int style, Random random) {
        Mat grey = new Mat();
        Imgproc.cvtColor(b.image(), grey, Imgproc.COLOR_BGR2GRAY);
        Mat out = new Mat();
        Imgproc.cvtColor(grey, out, Imgproc.COLOR_GRAY2BGR);
        return out;
    }

    static Mat colourCast(BasePhoto b, int style, Random random) {
        int channel = new int[] {2, 0, 1}[style % 3]; // BGR index of red, blue, green
        double[] add = new double[3];
        add[channel] = 40;
        Mat out = new Mat();
        Core.add(b.image(), new Scalar(add[0], add[1], add[2]), out);
        return out;
    }

    /**
     * A white balance set for another light: every colour of the photo, wall, skin, hair and clothes, scaled by
     * the same per-channel gains (a colour cast that multiplies, where {@link #colourCast} adds).
     */
    static Mat whiteBalance(BasePhoto b, int style, Random random) {
        Mat image = Compositing.toLinear(b.floatImage());
        Core.multiply(image, WHITE_BALANCE_GAINS[style % WHITE_BALANCE_GAINS.length], image);
        return Compositing.toByte(Compositing.fromLinear(image));
    }

    /** JPEG quality 8: blocking and colour bleeding, kept in the pixels. */
    static Mat heavyCompression(BasePhoto b, int style, Random random) {
        return Compositing.decode(Compositing.jpeg(b.image(), 8));
    }

    /** The face scaled down to about 40 px wide and back up: no detail left, normal pixel size. */
    static Mat tinyFace(BasePhoto b, int style, Random random) {
        double scale = 40 / b.landmarks().faceWidth();
        Mat small = new Mat();
        Imgproc.resize(b.image(), small, new Size(), scale, scale, Imgproc.INTER_AREA);
        Mat out = new Mat();
        Imgproc.resize(small, out, b.size(), 0, 0, Imgproc.INTER_LINEAR);
        return out;
    }

    /** Compliant: 10 % brighter. */
    static Mat brighter(BasePhoto b, int style, Random random) {
        Mat out = new Mat();
        b.image().convertTo(out, -1, 1.1, 0);
        return out;
    }
}
