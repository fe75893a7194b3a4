package org.elicence.photoaudit.audit.detect;

import java.nio.file.Files;
import java.nio.file.Path;
import org.opencv.objdetect.CascadeClassifier;

/** Locates the cascade XML files of the Debian package opencv-data and fails fast when one is missing. */
public final class CascadeFiles {

    public static final String FRONTAL_FACE = "haarcascades/haarcascade_frontalface_default.xml";
    public static final String EYE_GLASSES = "haarcascades/haarcascade_eye_tree_eyeglasses.xml";
    public static final String EYE = "haarcascades/haarcascade_eye.xml";
    public static final String EYE_SPLITS = "haarcascades/haarcascade_lefteye_2splits.xml";
    public static final String FRONTAL_FACE_ALT2 = "haarcascades/haarcascade_frontalface_alt2.xml";
    public static final String FRONTAL_FACE_LBP = "lbpcascades/lbpcascade_frontalface_improved.xml";

    private final Path directory;

    public CascadeFiles(String directory) {
        this.directory = Path.of(directory);
        for (String file : new String[] {FRONTAL_FACE, FRONTAL_FACE_ALT2, FRONTAL_FACE_LBP, EYE_GLASSES, EYE, EYE_SPLITS}) {
            if (!Files.isReadable(this.directory.resolve(file))) {
                throw new IllegalStateException("Photo audit cannot start: cascade file " + this.directory.resolve(file)
                        + " is missing. Install the Debian/Ubuntu package 'opencv-data' (apt-get install opencv-data)"
                        + " or set photo-audit.detection.cascade-directory to a directory containing " + file);
            }
        }
    }

    /** Loads a new classifier; callers keep it per thread because CascadeClassifier is not thread-safe. */
    public CascadeClassifier load(String file) {
        String path = directory.resolve(file).toString();
        CascadeClassifier classifier = new CascadeClassifier(path);
        if (classifier.empty()) {
            throw new IllegalStateException("Photo audit cannot start: OpenCV could not parse cascade " + path);
        }
        return classifier;
    }
}
