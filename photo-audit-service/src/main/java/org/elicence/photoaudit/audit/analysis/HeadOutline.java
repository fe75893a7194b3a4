package org.elicence.photoaudit.audit.analysis;

import org.elicence.photoaudit.audit.perception.FaceLandmarks;
import org.opencv.core.Point;

/**
 * The head as the person mask outlines it: the crown (top of the hair, or of anything worn on the head) on the
 * face's vertical axis, and the head's left and right edges on the line through the ears.
 *
 * @param crown        top of the head, working-image pixels
 * @param touchesTop   the person mask reaches the top edge of the photo above the face: the head is cut off
 * @param leftEdge     image-left end of the head on the ear line (hair or ears), x in pixels
 * @param rightEdge    image-right end
 */
public record HeadOutline(Point crown, boolean touchesTop, double leftEdge, double rightEdge) {

    /** Person-mask gaps up to this many pixels (grey hair, reflections) do not end the head. */
    private static final int MAX_GAP = 3;
    /** Columns sampled across the crown, in face widths either side of the centre line. */
    private static final double[] CROWN_COLUMNS = {-0.15, -0.075, 0, 0.075, 0.15};
    /** The head's edges are searched up to this many face widths from the face centre. */
    private static final double MAX_HALF_WIDTH = 0.95;

    public static HeadOutline measure(PersonMask mask, FaceLandmarks landmarks, Point across, Point down,
            double faceWidth) {
        Point top = landmarks.xy(FaceLandmarks.FOREHEAD_TOP);
        double[] heights = new double[CROWN_COLUMNS.length];
        boolean touches = false;
        for (int i = 0; i < CROWN_COLUMNS.length; i++) {
            double ox = top.x + across.x * CROWN_COLUMNS[i] * faceWidth;
            double oy = top.y + across.y * CROWN_COLUMNS[i] * faceWidth;
            int gap = 0;
            double last = 0;
            int maxSteps = mask.person().rows() + mask.person().cols();
            for (int step = 1; step <= maxSteps; step++) {
                int x = (int) Math.round(ox - down.x * step);
                int y = (int) Math.round(oy - down.y * step);
                if (y < 0 || x < 0 || x >= mask.person().cols()) {
                    touches |= gap == 0 && y < 0;
                    break;
                }
                if (mask.isPerson(x, y)) {
                    last = step;
                    gap = 0;
                } else if (++gap > MAX_GAP) {
                    break;
                }
            }
            heights[i] = last;
        }
        java.util.Arrays.sort(heights);
        double above = heights[heights.length / 2];
        Point crown = new Point(top.x - down.x * above, top.y - down.y * above);
        Point rightEar = landmarks.xy(FaceLandmarks.RIGHT_FACE_EDGE);
        Point leftEar = landmarks.xy(FaceLandmarks.LEFT_FACE_EDGE);
        Point middle = new Point((rightEar.x + leftEar.x) / 2, (rightEar.y + leftEar.y) / 2);
        double left = edge(mask, middle, across, -1, faceWidth);
        double right = edge(mask, middle, across, 1, faceWidth);
        return new HeadOutline(crown, touches, left, right);
    }

    /** Walks from the face centre along the ear line until the person mask ends; x of the last person pixel. */
    private static double edge(PersonMask mask, Point from, Point across, int sign, double faceWidth) {
        int gap = 0;
        double lastX = from.x;
        int limit = (int) Math.round(MAX_HALF_WIDTH * faceWidth);
        for (int step = 0; step <= limit; step++) {
            int x = (int) Math.round(from.x + sign * across.x * step);
            int y = (int) Math.round(from.y + sign * across.y * step);
            if (mask.isPerson(x, y)) {
                lastX = x;
                gap = 0;
            } else if (++gap > MAX_GAP) {
                break;
            }
        }
        return lastX;
    }

    public double width() {
        return rightEdge - leftEdge;
    }
}
