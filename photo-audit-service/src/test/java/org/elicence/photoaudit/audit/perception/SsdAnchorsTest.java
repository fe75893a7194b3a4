package org.elicence.photoaudit.audit.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SsdAnchorsTest {

    @Test
    void shortRangeHas896AnchorsOnA16And8CellGrid() {
        double[] c = SsdAnchors.centres(128, new int[] {8, 16, 16, 16}, true, 0.5);
        assertEquals(896 * 2, c.length);
        // first layer: 16 x 16 cells, two anchors per cell
        assertEquals(0.5 / 16, c[0], 1e-9);
        assertEquals(0.5 / 16, c[1], 1e-9);
        assertEquals(c[0], c[2], 1e-9);
        assertEquals(1.5 / 16, c[4], 1e-9);
        // the three stride-16 layers share an 8 x 8 map with six anchors per cell
        int second = 16 * 16 * 2;
        assertEquals(0.5 / 8, c[2 * second], 1e-9);
        assertEquals(0.5 / 8, c[2 * (second + 5)], 1e-9);
        assertEquals(1.5 / 8, c[2 * (second + 6)], 1e-9);
        assertEquals(7.5 / 8, c[c.length - 2], 1e-9);
        assertEquals(7.5 / 8, c[c.length - 1], 1e-9);
    }

    @Test
    void fullRangeHas2304AnchorsOneACell() {
        double[] c = SsdAnchors.centres(192, new int[] {4}, false, 0.5);
        assertEquals(2304 * 2, c.length);
        assertEquals(0.5 / 48, c[0], 1e-9);
        assertEquals(1.5 / 48, c[2], 1e-9);
        assertEquals(0.5 / 48, c[2 * 48 + 0], 1e-9);
        assertEquals(1.5 / 48, c[2 * 48 + 1], 1e-9);
    }
}
