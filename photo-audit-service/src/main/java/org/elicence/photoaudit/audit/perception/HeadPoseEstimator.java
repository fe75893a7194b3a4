package org.elicence.photoaudit.audit.perception;

import java.util.List;
import org.opencv.calib3d.Calib3d;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfDouble;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.MatOfPoint3f;
import org.opencv.core.Point;
import org.opencv.core.Point3;

/**
 * Head pose from the landmarks: solvePnP fits MediaPipe's canonical 3-D face to the rigid landmarks (forehead,
 * eye corners, nose, cheekbones: not the mouth or jaw, which move with the expression) with a pinhole camera
 * whose focal length is ten image long sides and whose centre is the image centre. Angles in degrees: yaw
 * positive when the face turns towards the image's right, pitch positive when the chin is raised, roll
 * positive when the head tilts clockwise on screen.
 */
public final class HeadPoseEstimator {

    static final int[] RIGID = {1, 4, 5, 6, 168, 197, 195, 98, 327, 33, 133, 263, 362, 10, 151, 9, 108, 337, 234, 454,
            127, 356, 93, 323, 116, 345, 50, 280};

    /**
     * Focal length in image long sides. Long (a narrow field of view, nearly orthographic) on purpose: the
     * camera is unknown, and a short focal length turns a face placed high in the frame (a licence-format crop)
     * into a raised chin.
     */
    static final double FOCAL_LENGTH = 10;

    private final MatOfPoint3f model;

    public HeadPoseEstimator() {
        List<Point3> canonical = CanonicalFaceModel.load();
        Point3[] rigid = new Point3[RIGID.length];
        for (int i = 0; i < RIGID.length; i++) {
            Point3 v = canonical.get(RIGID[i]);
            // canonical: y up, z towards the viewer; camera: y down, z away from the camera
            rigid[i] = new Point3(v.x, -v.y, -v.z);
        }
        this.model = new MatOfPoint3f(rigid);
    }

    public HeadPose estimate(FaceLandmarks landmarks, int imageWidth, int imageHeight) {
        Point[] image = new Point[RIGID.length];
        for (int i = 0; i < RIGID.length; i++) {
            image[i] = landmarks.xy(RIGID[i]);
        }
        double focal = FOCAL_LENGTH * Math.max(imageWidth, imageHeight);
        Mat camera = Mat.eye(3, 3, CvType.CV_64F);
        camera.put(0, 0, focal);
        camera.put(1, 1, focal);
        camera.put(0, 2, imageWidth / 2.0);
        camera.put(1, 2, imageHeight / 2.0);
        MatOfPoint2f points = new MatOfPoint2f(image);
        Mat rvec = new Mat();
        Mat tvec = new Mat();
        MatOfDouble noDistortion = new MatOfDouble();
        Calib3d.solvePnP(model, points, camera, noDistortion, rvec, tvec, false, Calib3d.SOLVEPNP_ITERATIVE);
        Mat rotation = new Mat();
        Calib3d.Rodrigues(rvec, rotation);
        double[] r = new double[9];
        rotation.get(0, 0, r);
        double distance = tvec.get(2, 0)[0];
        for (Mat m : new Mat[] {camera, points, noDistortion, rvec, tvec, rotation}) {
            m.release();
        }
        return HeadPose.fromRotation(r, distance);
    }
}
