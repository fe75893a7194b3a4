package org.elicence.photoaudit.audit.perception;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicInteger;

import org.opencv.core.Mat;
import org.opencv.core.MatOfByte;
import org.opencv.dnn.Dnn;
import org.opencv.dnn.Net;

/**
 * A TensorFlow Lite model shipped in the service's resources (models/mediapipe, Apache-2.0) and run by
 * OpenCV's DNN module. An OpenCV {@link Net} is not thread-safe, so a run borrows a net no other run holds, from
 * a pool that grows only when every net is in use at once: as many nets as runs ever overlapped (one in the
 * service, where images are audited one at a time; more in tests that check in parallel), loaded from the same
 * bytes. Until 2026-12-07 every thread that ever ran a model kept a net of its own (about 40 MB for the five
 * models), worker threads came and went, and an ended thread's nets were freed only by a finaliser; so "one image
 * at a time" did not bound the models' native memory. A model that is missing or does not load fails the service
 * start.
 */
public final class TfliteModel {

    private final String resource;
    private final byte[] bytes;
    private final Deque<Net> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger loaded = new AtomicInteger();

    public TfliteModel(String resource) {
        this.resource = resource;
        this.bytes = read(resource);
        idle.push(load());
    }

    /**
     * Runs the model on a blob (NCHW, as Dnn.blobFromImage makes it); outputs in the order the net lists them, the
     * caller's to release. They are copies: a net's outputs may share its buffers, which its next run overwrites.
     */
    public List<Mat> run(Mat blob) {
        Net net = idle.poll();
        if (net == null) {
            net = load();
        }
        List<Mat> outputs = new ArrayList<>();
        List<Mat> copies = new ArrayList<>();
        try {
            net.setInput(blob);
            net.forward(outputs, net.getUnconnectedOutLayersNames());
            for (Mat output : outputs) {
                copies.add(output.clone());
            }
            return copies;
        } catch (RuntimeException e) {
            copies.forEach(Mat::release); // native memory: not left to a finaliser when a run fails halfway
            throw e;
        } finally {
            outputs.forEach(Mat::release);
            idle.push(net);
        }
    }

    /** How many nets of this model have been loaded: one, plus one for each further run that overlapped. */
    int netsLoaded() {
        return loaded.get();
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
        loaded.incrementAndGet();
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
