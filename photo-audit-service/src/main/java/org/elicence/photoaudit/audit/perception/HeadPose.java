package org.elicence.photoaudit.audit.perception;

/**
 * Head rotation in degrees (see {@link HeadPoseEstimator} for the signs) and the distance from the camera
 * in the canonical model's centimetres as the pinhole fit sees it.
 */
public record HeadPose(double yaw, double pitch, double roll, double distance) {

    /** Decomposes a row-major rotation matrix R = Rz(roll) * Ry(yaw) * Rx(pitch). */
    static HeadPose fromRotation(double[] r, double distance) {
        double pitch = Math.toDegrees(Math.atan2(r[7], r[8]));
        double yaw = Math.toDegrees(Math.asin(Math.max(-1, Math.min(1, -r[6]))));
        double roll = Math.toDegrees(Math.atan2(r[3], r[0]));
        return new HeadPose(yaw, pitch, roll, distance);
    }
}
