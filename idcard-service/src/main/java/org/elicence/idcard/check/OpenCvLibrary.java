package org.elicence.idcard.check;

/** Loads OpenCV's native library (bundled in org.openpnp:opencv) once per JVM. */
public final class OpenCvLibrary {

    private static volatile boolean loaded;

    private OpenCvLibrary() {
    }

    public static void load() {
        if (!loaded) {
            synchronized (OpenCvLibrary.class) {
                if (!loaded) {
                    nu.pattern.OpenCV.loadLocally();
                    loaded = true;
                }
            }
        }
    }
}
