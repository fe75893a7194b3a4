package org.elicence.messaging.image;

/**
 * Not a well-formed JPEG or PNG. The message says what is wrong with the file's structure and carries no personal
 * data; {@link #incomplete()} when the file ends before its end (an upload cut short).
 */
public class BrokenImageException extends RuntimeException {

    private final boolean incomplete;

    public BrokenImageException(String reason) {
        this(reason, false);
    }

    private BrokenImageException(String reason, boolean incomplete) {
        super(reason, null, false, false);
        this.incomplete = incomplete;
    }

    /** A file that ends before its end marker. */
    public static BrokenImageException incomplete(String reason) {
        return new BrokenImageException(reason, true);
    }

    public boolean incomplete() {
        return incomplete;
    }
}
