package org.elicence.photoaudit.audit.perception;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.elicence.photoaudit.audit.corpus.FrlCorpus;
import org.elicence.photoaudit.audit.corpus.LandmarkAccuracy;
import org.junit.jupiter.api.Test;

/**
 * The models against the hand-placed landmarks of 66 real people (FRL London, CC BY 4.0): every face is found,
 * and the mesh's eye centres and chin lie where the dataset's annotators put the pupils and the chin.
 */
class PerceptionAccuracyTest {

    @Test
    void everyFaceIsFoundAndLandmarksAgreeWithTheHandPlacedOnes() {
        FrlCorpus corpus = FrlCorpus.load();
        for (FrlCorpus.Split split : FrlCorpus.Split.values()) {
            LandmarkAccuracy.Errors e = LandmarkAccuracy.measure(corpus, split);
            assertEquals(e.photos(), e.facesFound(), split + ": faces found");
            assertTrue(LandmarkAccuracy.Errors.mean(e.eyes()) < 0.06, split + " eye error " + e.eyes());
            assertTrue(LandmarkAccuracy.Errors.percentile(e.eyes(), 0.95) < 0.10, split + " eye error " + e.eyes());
            assertTrue(LandmarkAccuracy.Errors.mean(e.chin()) < 0.08, split + " chin error " + e.chin());
            // the mask's crown is the top of the hair: never far below the annotated skull top
            assertTrue(e.crown().stream().allMatch(c -> c < 0.15), split + " crown " + e.crown());
        }
    }
}
