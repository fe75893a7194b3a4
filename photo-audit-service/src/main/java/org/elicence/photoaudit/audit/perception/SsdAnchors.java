package org.elicence.photoaudit.audit.perception;

import java.util.ArrayList;
import java.util.List;

/**
 * Anchor centres of MediaPipe's SSD face detectors (SsdAnchorsCalculator with fixed anchor size: every anchor
 * is 1 x 1, only its centre differs). Layers of equal stride share one feature map; each layer adds one anchor
 * per cell, plus one for the interpolated scale when that option is on.
 */
public final class SsdAnchors {

    private SsdAnchors() {
    }

    /** Centres as {x0, y0, x1, y1, ...} in [0, 1] of the input, in the order the model emits its boxes. */
    public static double[] centres(int inputSize, int[] strides, boolean interpolatedScale, double offset) {
        List<double[]> centres = new ArrayList<>();
        int layer = 0;
        while (layer < strides.length) {
            int anchorsPerCell = 0;
            int last = layer;
            while (last < strides.length && strides[last] == strides[layer]) {
                anchorsPerCell += interpolatedScale ? 2 : 1;
                last++;
            }
            int cells = (int) Math.ceil(inputSize / (double) strides[layer]);
            for (int y = 0; y < cells; y++) {
                for (int x = 0; x < cells; x++) {
                    for (int k = 0; k < anchorsPerCell; k++) {
                        centres.add(new double[] {(x + offset) / cells, (y + offset) / cells});
                    }
                }
            }
            layer = last;
        }
        double[] flat = new double[centres.size() * 2];
        for (int i = 0; i < centres.size(); i++) {
            flat[2 * i] = centres.get(i)[0];
            flat[2 * i + 1] = centres.get(i)[1];
        }
        return flat;
    }
}
