package org.elicence.photoaudit.audit.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.elicence.photoaudit.audit.OpenCvRuntime;
import org.elicence.photoaudit.audit.TestConfigs;
import org.elicence.photoaudit.audit.analysis.FaceGeometry;
import org.elicence.photoaudit.audit.analysis.PhotoAnalysis;
import org.elicence.photoaudit.audit.decode.DecodeOutcome;
import org.elicence.photoaudit.audit.decode.ImageDecoder;
import org.elicence.photoaudit.audit.perception.FaceLandmarks;
import org.elicence.photoaudit.audit.perception.FacePerception;
import org.opencv.core.Point;

/**
 * Perception against the dataset's hand-placed landmarks, on every neutral photo (the set has .tem files for
 * those): faces found, and the error of the eye centres (against the pupils), the chin and the crown, in units
 * of the hand-placed inter-pupil distance, per split. The crown is the top of the hair as the person mask sees
 * it; the .tem crown (151) is the top of the skull outline, so for full or piled-up hair the two differ by design.
 */
public final class LandmarkAccuracy {

    /** Errors of one split, each list one value per photo (IPD units; crown signed: negative = mask crown higher). */
    public record Errors(int photos, int facesFound, List<Double> eyes, List<Double> chin, List<Double> crown) {

        public static double mean(List<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        public static double percentile(List<Double> values, double share) {
            double[] v = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            return v.length == 0 ? Double.NaN : v[Math.min(v.length - 1, (int) Math.floor(share * v.length))];
        }
    }

    private LandmarkAccuracy() {
    }

    public static Errors measure(FrlCorpus corpus, FrlCorpus.Split split) {
        OpenCvRuntime.ensureLoaded();
        var config = TestConfigs.audit(TestConfigs.defaults());
        ImageDecoder decoder = new ImageDecoder(config.decode());
        FacePerception perception = new FacePerception();
        List<Double> eyes = new ArrayList<>();
        List<Double> chin = new ArrayList<>();
        List<Double> crown = new ArrayList<>();
        int photos = 0;
        int found = 0;
        for (FrlCorpus.Photo photo : corpus.photos()) {
            if (photo.split() != split || !photo.expression().equals("neutral")) {
                continue;
            }
            photos++;
            TemLandmarks truth = corpus.landmarks(photo.person());
            DecodeOutcome.Decoded decoded = (DecodeOutcome.Decoded) decoder.decode(corpus.jpeg(photo));
            try (PhotoAnalysis analysis = new PhotoAnalysis(decoded.image(), perception, config)) {
                double toOriginal = 1 / analysis.scale();
                if (analysis.face().isEmpty()) {
                    continue;
                }
                found++;
                FaceGeometry face = analysis.face().get();
                double ipd = truth.interPupil();
                Point right = scaled(face.rightEye(), toOriginal);
                Point left = scaled(face.leftEye(), toOriginal);
                eyes.add((distance(right, truth.pupilLeft()) + distance(left, truth.pupilRight())) / 2 / ipd);
                chin.add(distance(scaled(face.landmarks().xy(FaceLandmarks.CHIN), toOriginal), truth.chin()) / ipd);
                crown.add((face.head().crown().y * toOriginal - truth.crown().y) / ipd);
            } finally {
                decoded.image().bgr().release();
            }
        }
        return new Errors(photos, found, eyes, chin, crown);
    }

    /** The Markdown table of both splits. */
    public static String markdown(FrlCorpus corpus) {
        StringBuilder md = new StringBuilder("| People | Neutral photos | Faces found | Eye centre error, mean / 95th pct | "
                + "Chin error, mean / 95th pct | Crown (mask) − crown (.tem), median / range |\n|---|---|---|---|---|---|\n");
        for (FrlCorpus.Split split : FrlCorpus.Split.values()) {
            Errors e = measure(corpus, split);
            double[] crowns = e.crown().stream().mapToDouble(Double::doubleValue).sorted().toArray();
            md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3f / %.3f IPD | %.3f / %.3f IPD | %.2f / %.2f … %.2f IPD |%n",
                    split.label(), e.photos(), e.facesFound(), Errors.mean(e.eyes()), Errors.percentile(e.eyes(), 0.95),
                    Errors.mean(e.chin()), Errors.percentile(e.chin(), 0.95), Errors.percentile(e.crown(), 0.5),
                    crowns.length == 0 ? Double.NaN : crowns[0], crowns.length == 0 ? Double.NaN : crowns[crowns.length - 1]));
        }
        return md.toString();
    }

    private static Point scaled(Point p, double f) {
        return new Point(p.x * f, p.y * f);
    }

    private static double distance(Point a, Point b) {
        return Math.hypot(a.x - b.x, a.y - b.y);
    }

}
