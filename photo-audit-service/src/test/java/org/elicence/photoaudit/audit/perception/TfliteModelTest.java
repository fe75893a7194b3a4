package org.elicence.photoaudit.audit.perception;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.elicence.photoaudit.audit.OpenCvRuntime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.core.Size;
import org.opencv.dnn.Dnn;

/**
 * A model's nets are as many as its runs ever overlapped, not one per thread that ever ran it: worker threads come
 * and go, and each kept about 40 MB of native nets for the five models until a finaliser freed them.
 */
class TfliteModelTest {

    private static final String SEGMENTATION = "/models/mediapipe/selfie_segmentation.tflite";

    @BeforeAll
    static void openCv() {
        OpenCvRuntime.ensureLoaded();
    }

    @Test
    void runsOnThreadsThatComeAndGoShareOneNet() throws Exception {
        TfliteModel model = new TfliteModel(SEGMENTATION);
        float[] first = mask(model);
        for (int thread = 0; thread < 3; thread++) {
            Thread fresh = new Thread(() -> mask(model));
            fresh.start();
            fresh.join();
        }
        assertEquals(1, model.netsLoaded(), "the net loaded at start, lent to each thread in turn");
        assertArrayEquals(first, mask(model), "the same net gives the same answer");
    }

    @Test
    void runsAtOnceEachHaveANetOfTheirOwn() throws Exception {
        TfliteModel model = new TfliteModel(SEGMENTATION);
        float[] alone = mask(model);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<float[]>> runs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    float[] last = null;
                    for (int n = 0; n < 5; n++) {
                        last = mask(model);
                    }
                    return last;
                }));
            }
            start.countDown();
            for (Future<float[]> run : runs) {
                assertArrayEquals(alone, run.get(), "a run's outputs are its own, not what another run overwrote");
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(model.netsLoaded() <= 3, "at most one net per run at once: " + model.netsLoaded());
    }

    /** The model's person probabilities for one fixed picture (a pattern, the same at every call). */
    private static float[] mask(TfliteModel model) {
        byte[] pixels = new byte[256 * 256 * 3];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (byte) ((i * 31 + (i / 768) * 7) % 256);
        }
        Mat image = new Mat(256, 256, CvType.CV_8UC3);
        image.put(0, 0, pixels);
        Mat blob = Dnn.blobFromImage(image, 1 / 255.0, new Size(256, 256), new Scalar(0, 0, 0), true, false);
        image.release();
        List<Mat> outputs = model.run(blob);
        blob.release();
        float[] values = TfliteModel.values(outputs.get(0));
        outputs.forEach(Mat::release);
        return values;
    }
}
