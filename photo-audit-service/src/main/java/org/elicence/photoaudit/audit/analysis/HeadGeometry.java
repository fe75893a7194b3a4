package org.elicence.photoaudit.audit.analysis;

import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * Head outline in working-image coordinates. With a uniform background the top of the hair and the head
 * width are read from the person mask; otherwise they are estimated from the face box with the average
 * proportions of a frontal Haar box ({@code measured == false}).
 *
 * @param top        y of the top of the hair (or head covering)
 * @param chin       y of the chin
 * @param left       x of the left side of the head (hair or ears)
 * @param right      x of the right side of the head
 * @param measured   true when read from the person mask
 */
public record HeadGeometry(int top, int chin, int left, int right, boolean measured) {

    /** Average crown height above a frontal Haar box, as a fraction of its height. */
    static final double CROWN_ABOVE_BOX = 0.36;
    /** Average chin position below the Haar box bottom, as a fraction of its height. */
    static final double CHIN_BELOW_BOX = 0.08;
    /** Average head width (hair/ears included) over the Haar box width. */
    static final double HEAD_TO_BOX_WIDTH = 1.12;
    /** Person-mask gaps up to this many rows (glasses reflections, grey hair) do not end the head. */
    private static final int MAX_GAP = 3;

    public int width() {
        return right - left;
    }

    public int length() {
        return chin - top;
    }

    public double centreX() {
        return (left + right) / 2.0;
    }

    public static HeadGeometry of(Rect face, BackgroundModel background) {
        int chin = (int) Math.round(face.y + face.height * (1 + CHIN_BELOW_BOX));
        int estimatedHalfWidth = (int) Math.round(face.width * HEAD_TO_BOX_WIDTH / 2);
        int cx = face.x + face.width / 2;
        if (!background.uniform()) {
            return new HeadGeometry((int) Math.round(face.y - face.height * CROWN_ABOVE_BOX), chin,
                    cx - estimatedHalfWidth, cx + estimatedHalfWidth, false);
        }
        Mat mask = background.personMask();
        int top = crown(mask, face);
        int eyeRow = (int) Math.round(face.y + face.height * 0.42);
        int[] extent = rowExtent(mask, Math.min(mask.rows() - 1, Math.max(0, eyeRow)), cx);
        int left = Math.max(extent[0], cx - (int) (face.width * 0.8));
        int right = Math.min(extent[1], cx + (int) (face.width * 0.8));
        if (right - left < face.width * 0.8) {
            left = cx - estimatedHalfWidth;
            right = cx + estimatedHalfWidth;
        }
        return new HeadGeometry(top, chin, left, right, true);
    }

    /** Median over the central columns of the highest person row connected to the face top. */
    private static int crown(Mat mask, Rect face) {
        int x0 = face.x + (int) (face.width * 0.35);
        int x1 = face.x + (int) (face.width * 0.65);
        int startY = Math.max(0, Math.min(mask.rows() - 1, face.y + face.height / 4));
        byte[] column = new byte[mask.rows()];
        int[] tops = new int[Math.max(1, x1 - x0)];
        int n = 0;
        for (int x = x0; x < x1 && x < mask.cols(); x++, n++) {
            Mat col = mask.col(x).clone();
            col.get(0, 0, column);
            col.release();
            int top = startY;
            int gap = 0;
            for (int y = startY; y >= 0; y--) {
                if (column[y] != 0) {
                    top = y;
                    gap = 0;
                } else if (++gap > MAX_GAP) {
                    break;
                }
            }
            tops[n] = top;
        }
        java.util.Arrays.sort(tops, 0, Math.max(1, n));
        return tops[Math.max(0, n / 2)];
    }

    /** Left and right end of the run of person pixels through {@code cx} on one row. */
    private static int[] rowExtent(Mat mask, int row, int cx) {
        byte[] line = new byte[mask.cols()];
        mask.row(row).clone().get(0, 0, line);
        int left = Math.max(0, Math.min(cx, mask.cols() - 1));
        int right = left;
        while (left > 0 && line[left - 1] != 0) {
            left--;
        }
        while (right < mask.cols() - 1 && line[right + 1] != 0) {
            right++;
        }
        return new int[] {left, right};
    }
}
