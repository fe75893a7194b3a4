package org.elicence.photoaudit.audit.analysis;

import java.util.ArrayList;
import java.util.List;

import org.opencv.core.Mat;
import org.opencv.core.Rect;

/**
 * The OpenCV images of one step, released together when the step ends. A {@link Mat}'s pixels are native
 * memory that the Java object does not account for: a 1284 px card is 3 MB, its Laplacian 8 MB, while the
 * {@code Mat} itself is a few bytes of heap. Left to the garbage collector, they are freed only by a finalizer
 * after a collection that nothing on the heap asks for, so a run of card checks kept hundreds of MB of pixels
 * alive (docs/deploy.md, "Resources and memory"). Every {@code Mat} the checks make is therefore registered
 * here and released in a {@code try}-with-resources, whatever the outcome. A view ({@link #view}) counts too: it
 * holds its whole parent's pixels, not only its region's, until it is released, even after the parent is.
 */
public final class NativeMats implements AutoCloseable {

    private final List<Mat> mats = new ArrayList<>();

    /** Registers {@code mat} for release when this scope closes, and returns it. */
    public <M extends Mat> M add(M mat) {
        mats.add(mat);
        return mat;
    }

    /** A new empty {@code Mat}, released when this scope closes. */
    public Mat mat() {
        return add(new Mat());
    }

    /** {@code region} of {@code image}, the same pixels (no copy), released when this scope closes. */
    public Mat view(Mat image, Rect region) {
        return add(image.submat(region));
    }

    /** Releases {@code mat} now rather than at the end of the scope (a large image no longer needed). */
    public void release(Mat mat) {
        mat.release();
        mats.removeIf(registered -> registered == mat);
    }

    /** Takes {@code mat} out of this scope: the caller releases it. */
    public <M extends Mat> M keep(M mat) {
        mats.removeIf(registered -> registered == mat);
        return mat;
    }

    @Override
    public void close() {
        for (int i = mats.size() - 1; i >= 0; i--) {
            mats.get(i).release();
        }
        mats.clear();
    }
}
