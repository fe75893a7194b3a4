package org.elicence.photoaudit.audit.perception;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;

/**
 * A TensorFlow Lite model shipped in the service's resources (models/mediapipe, Apache-2.0) and run by
 * OpenCV's DNN module. An OpenCV {@link Net} is not thread-safe, so each thread that audits gets its own,
 * loaded from the same bytes; a model that is missing or does not load fails the service start.
 */
public final class TfliteModel {

    private final String resource;
    private final byte[] bytes;
    private final ThreadLocal<Net> perThread;

    public TfliteModel(String resource) {
        this.resource = resource;
        this.bytes = read(resource);
        this.perThread = ThreadLocal.withInitial(this::load);
        perThread.get();
    }

    /** Runs the model on a blob (NCHW, as Dnn.blobFromImage makes it); outputs in the order the net lists them. */
    public List<Mat> run(Mat blob) {
        Net net = perThread.get();
        net.setInput(blob);
        List<Mat> outputs = new ArrayList<>();
        net.forward(outputs, net.getUnconnectedOutLayersNames());
        return outputs;
    }

    /** The values of one output, flattened. */
    public static float[] values(Mat output) {
        float[] values = new float[(int) output.total()];
        Mat flat = output.reshape(1, 1);
        flat.get(0, 0, values);
        // the reshaped header shares the output's data: released now, not whenever a finalizer runs
        flat.release();
        return values;
    }

    private Net load() {
        MatOfByte buffer = new MatOfByte(bytes);
        Net net = Dnn.readNetFromTFLite(buffer);
        buffer.release();
        if (net.empty()) {
            throw new IllegalStateException("model did not load: " + resource);
        }
        return net;
    }

    private static byte[] read(String resource) {
        try (InputStream in = TfliteModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("model missing from the classpath: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
