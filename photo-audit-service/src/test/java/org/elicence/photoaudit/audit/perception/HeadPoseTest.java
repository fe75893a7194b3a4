package org.elicence.photoaudit.audit.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.opencv.core.Point3;

class HeadPoseTest {

    @Test
    void decomposesEachAxisOnItsOwn() {
        double a = Math.toRadians(10);
        double c = Math.cos(a);
        double s = Math.sin(a);
        HeadPose yaw = HeadPose.fromRotation(new double[] {c, 0, s, 0, 1, 0, -s, 0, c}, 50);
        assertEquals(10, yaw.yaw(), 1e-9);
        assertEquals(0, yaw.pitch(), 1e-9);
        assertEquals(0, yaw.roll(), 1e-9);
        HeadPose pitch = HeadPose.fromRotation(new double[] {1, 0, 0, 0, c, -s, 0, s, c}, 50);
        assertEquals(10, pitch.pitch(), 1e-9);
        assertEquals(0, pitch.yaw(), 1e-9);
        HeadPose roll = HeadPose.fromRotation(new double[] {c, -s, 0, s, c, 0, 0, 0, 1}, 50);
        assertEquals(10, roll.roll(), 1e-9);
        assertEquals(0, roll.yaw(), 1e-9);
    }

    @Test
    void canonicalFaceHas468VerticesNoseForwardEyesLevel() {
        List<Point3> face = CanonicalFaceModel.load();
        assertEquals(468, face.size());
        Point3 nose = face.get(4);
        for (Point3 v : face) {
            assertTrue(v.z <= nose.z + 1e-6, "the tip of the nose (landmark 4) is the nearest vertex");
        }
        assertEquals(face.get(33).y, face.get(263).y, 1e-3);
        assertEquals(-face.get(33).x, face.get(263).x, 1e-3);
        assertTrue(face.get(33).x < 0, "the subject's right eye is on the image's left");
    }
}
