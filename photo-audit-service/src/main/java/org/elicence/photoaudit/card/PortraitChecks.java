package org.elicence.photoaudit.card;

import java.util.ArrayList;
import java.util.List;

import org.elicence.messaging.events.LocalizedText;
import org.elicence.messaging.events.RuleCheck;
import org.elicence.photoaudit.audit.analysis.NativeMats;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/** Rules ID9-ID14: the portrait on the front, and its absence from the back. */
final class PortraitChecks {

    /** Faces are compared at this height, so sharpness does not depend on the portrait's size. */
    private static final int FACE_MEASURE_HEIGHT = 200;
    private static final LocalizedText FACES = new LocalizedText("人脸数", "faces");
    private static final LocalizedText LAPLACIAN_VARIANCE = new LocalizedText("拉普拉斯方差（清晰度）", "Laplacian variance");
    private static final LocalizedText OF_CARD_HEIGHT = new LocalizedText("占身份证高度的比例", "of card height");
    private static final LocalizedText OF_CARD_WIDTH = new LocalizedText("占身份证宽度的比例", "of card width");
    private static final LocalizedText NO_PORTRAIT = new LocalizedText("未识别到人像，无法检查此项。",
            "Not checked: no portrait was found.");

    private final CardFaceDetector faces;
    private final CardCheckConfig config;

    PortraitChecks(CardFaceDetector faces, CardCheckConfig config) {
        this.faces = faces;
        this.config = config;
    }

    /**
     * The front's checks, and the card turned upright if it was photographed upside down: then {@code card} is a
     * new image, which the caller releases (it is the image passed in otherwise).
     */
    record FrontResult(List<RuleCheck> checks, Mat card, Rect face) {
    }

    FrontResult checkFront(Mat card) {
        Mat upright = card;
        List<Rect> found = faces.faces(card);
        if (found.isEmpty() || lowerHalf(found.get(0), card)) {
            // The front prints its portrait in the upper half (face centres at 0.37-0.46 of the height on the
            // corpus fronts). None found, or one in the lower half, may mean the card was photographed upside down:
            // the detector scores an upside-down face lower (0.47-0.96 against 0.91-0.99) and places its box
            // smaller and off the face, so turn the card and look again. A mirror image turned over this way still
            // shows the portrait on the left (ID13).
            Mat turned = new Mat();
            Core.rotate(card, turned, Core.ROTATE_180);
            List<Rect> turnedFaces = faces.faces(turned);
            if (turnedFaces.isEmpty() || lowerHalf(turnedFaces.get(0), turned)) {
                turned.release();
            } else {
                upright = turned;
                found = turnedFaces;
            }
        }
        List<RuleCheck> checks = new ArrayList<>();
        checks.add(IdCardRule.ID9.judge(!found.isEmpty(), (double) found.size(), ">= 1", FACES));
        if (found.isEmpty()) {
            for (IdCardRule rule : List.of(IdCardRule.ID10, IdCardRule.ID11, IdCardRule.ID12, IdCardRule.ID13)) {
                checks.add(rule.notAssessable(NO_PORTRAIT));
            }
            return new FrontResult(checks, upright, null);
        }
        Rect face = found.get(0);
        checks.add(IdCardRule.ID10.judge(found.size() == 1, (double) found.size(), "1", FACES));
        double heightFraction = (double) face.height / upright.rows();
        checks.add(IdCardRule.ID11.judge(heightFraction >= config.minFaceHeightFraction(), round(heightFraction),
                ">= " + config.minFaceHeightFraction(), OF_CARD_HEIGHT));
        double sharpness = faceSharpness(upright, face);
        checks.add(IdCardRule.ID12.judge(sharpness >= config.minPortraitSharpness(), round(sharpness),
                ">= " + config.minPortraitSharpness(), LAPLACIAN_VARIANCE));
        double centreX = (face.x + face.width / 2.0) / upright.cols();
        checks.add(IdCardRule.ID13.judge(centreX >= config.minPortraitCentreX(), round(centreX),
                ">= " + config.minPortraitCentreX(), OF_CARD_WIDTH));
        return new FrontResult(checks, upright, face);
    }

    /** A front photographed upside down in place of the back shows its face too: the back is looked at both ways. */
    RuleCheck checkBack(Mat card) {
        int found = faces.faces(card).size();
        if (found == 0) {
            try (NativeMats mats = new NativeMats()) {
                Mat turned = mats.mat();
                Core.rotate(card, turned, Core.ROTATE_180);
                found = faces.faces(turned).size();
            }
        }
        return IdCardRule.ID14.judge(found == 0, (double) found, "0", FACES);
    }

    private static boolean lowerHalf(Rect face, Mat card) {
        return face.y + face.height / 2.0 > card.rows() / 2.0;
    }

    private static double faceSharpness(Mat card, Rect face) {
        try (NativeMats mats = new NativeMats()) {
            Mat scaled = mats.mat();
            double factor = (double) FACE_MEASURE_HEIGHT / face.height;
            Imgproc.resize(mats.view(card, face), scaled, new Size(face.width * factor, FACE_MEASURE_HEIGHT),
                    0, 0, Imgproc.INTER_AREA);
            return ImageMeasures.sharpness(mats.add(ImageMeasures.grey(scaled)));
        }
    }

    static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
