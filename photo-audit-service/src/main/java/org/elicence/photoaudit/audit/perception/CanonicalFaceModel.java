package org.elicence.photoaudit.audit.perception;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.opencv.core.Point3;

/**
 * MediaPipe's canonical 3-D face (geometry_pipeline_metadata_landmarks.binarypb, Apache-2.0): one vertex per
 * face-mesh landmark, in centimetres, y up and z towards the viewer. Read from the protobuf wire format
 * directly (GeometryPipelineMetadata.canonical_mesh = field 1, Mesh3d.vertex_buffer = field 3, five floats per
 * vertex: x, y, z and a texture coordinate u, v).
 */
public final class CanonicalFaceModel {

    private static final int CANONICAL_MESH = 1;
    private static final int VERTEX_BUFFER = 3;
    private static final int FLOATS_PER_VERTEX = 5;

    private CanonicalFaceModel() {
    }

    /** The 468 vertices, index = landmark number. */
    public static List<Point3> load() {
        try (InputStream in = CanonicalFaceModel.class
                .getResourceAsStream("/models/mediapipe/geometry_pipeline_metadata_landmarks.binarypb")) {
            if (in == null) {
                throw new IllegalStateException("canonical face model missing from the classpath");
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Point3> parse(byte[] metadata) {
        ByteBuffer mesh = field(ByteBuffer.wrap(metadata), CANONICAL_MESH);
        List<Float> floats = new ArrayList<>();
        ByteBuffer b = mesh.order(ByteOrder.LITTLE_ENDIAN);
        while (b.hasRemaining()) {
            long key = varint(b);
            int number = (int) (key >>> 3);
            int wire = (int) (key & 7);
            if (number == VERTEX_BUFFER && wire == 5) {
                floats.add(b.getFloat());
            } else if (number == VERTEX_BUFFER && wire == 2) {
                int end = (int) varint(b) + b.position();
                while (b.position() < end) {
                    floats.add(b.getFloat());
                }
            } else {
                skip(b, wire);
            }
        }
        if (floats.size() != FaceLandmarker.POINTS * FLOATS_PER_VERTEX) {
            throw new IllegalStateException("canonical face model has " + floats.size() + " vertex values");
        }
        List<Point3> vertices = new ArrayList<>(FaceLandmarker.POINTS);
        for (int i = 0; i < FaceLandmarker.POINTS; i++) {
            int o = i * FLOATS_PER_VERTEX;
            vertices.add(new Point3(floats.get(o), floats.get(o + 1), floats.get(o + 2)));
        }
        return List.copyOf(vertices);
    }

    /** The first length-delimited field {@code number} of a message. */
    private static ByteBuffer field(ByteBuffer b, int number) {
        while (b.hasRemaining()) {
            long key = varint(b);
            int wire = (int) (key & 7);
            if ((key >>> 3) == number && wire == 2) {
                int length = (int) varint(b);
                ByteBuffer slice = b.slice();
                slice.limit(length);
                return slice;
            }
            skip(b, wire);
        }
        throw new IllegalStateException("protobuf field " + number + " missing");
    }

    private static void skip(ByteBuffer b, int wire) {
        switch (wire) {
            case 0 -> varint(b);
            case 1 -> b.position(b.position() + 8);
            case 2 -> {
                int length = (int) varint(b);
                b.position(b.position() + length);
            }
            case 5 -> b.position(b.position() + 4);
            default -> throw new IllegalStateException("unsupported protobuf wire type " + wire);
        }
    }

    private static long varint(ByteBuffer b) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte next = b.get();
            value |= (long) (next & 0x7F) << shift;
            if (next >= 0) {
                return value;
            }
        }
        throw new IllegalStateException("malformed protobuf varint");
    }
}
