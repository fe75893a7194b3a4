package org.elicence.photoaudit.audit.corpus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.imgcodecs.Imgcodecs;
import org.opencv.imgproc.Imgproc;

/**
 * Tiles generated images into one labelled PNG, for reviewing the corpus by eye.
 * Arguments: corpus directory, output PNG, regular expression on the file name (default ".*"), max tiles (48).
 */
public final class ContactSheet {

    private static final int TILE = 240;

    private ContactSheet() {
    }

    public static void main(String[] args) throws IOException {
        nu.pattern.OpenCV.loadLocally();
        Path dir = Path.of(args[0]);
        String pattern = args.length > 2 ? args[2] : ".*";
        int max = args.length > 3 ? Integer.parseInt(args[3]) : 48;
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".jpg"))
                    .filter(p -> p.getFileName().toString().matches(pattern)).sorted().limit(max).toList();
        }
        List<String> labels = new ArrayList<>();
        List<Mat> tiles = new ArrayList<>();
        for (Path f : files) {
            tiles.add(Imgcodecs.imread(f.toString()));
            labels.add(f.getFileName().toString().replace(".jpg", ""));
        }
        Imgcodecs.imwrite(args[1], sheet(tiles, labels));
    }

    static Mat sheet(List<Mat> images, List<String> labels) {
        int columns = Math.min(8, Math.max(1, images.size()));
        int rows = (images.size() + columns - 1) / columns;
        Mat sheet = new Mat(Math.max(1, rows) * (TILE + 16), columns * TILE, CvType.CV_8UC3, Scalar.all(40));
        for (int i = 0; i < images.size(); i++) {
            Mat img = images.get(i);
            double scale = TILE / (double) Math.max(img.cols(), img.rows());
            Mat small = new Mat();
            Imgproc.resize(img, small, new Size(Math.max(1, img.cols() * scale), Math.max(1, img.rows() * scale)),
                    0, 0, Imgproc.INTER_AREA);
            int x = (i % columns) * TILE;
            int y = (i / columns) * (TILE + 16);
            small.copyTo(sheet.submat(new Rect(x, y, small.cols(), small.rows())));
            Imgproc.putText(sheet, labels.get(i), new Point(x + 2, y + TILE + 12), Imgproc.FONT_HERSHEY_SIMPLEX, 0.36,
                    new Scalar(255, 255, 255), 1);
        }
        return sheet;
    }

    /** Debug view of a wall mask: the wall tinted red. */
    static Mat wallOverlay(BasePhoto base) {
        Mat f = base.floatImage();
        Compositing.blend(f, Compositing.solid(base.size(), new Scalar(0, 0, 255)), halve(base.wallAlpha()));
        return Compositing.toByte(f);
    }

    private static Mat halve(Mat alpha) {
        Mat h = new Mat();
        Core.multiply(alpha, Scalar.all(0.6), h);
        return h;
    }
}
