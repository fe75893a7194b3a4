package org.elicence.messaging;

/**
 * Text a producer or an operator controls, cut before it is echoed into a reason, a log line or a row: a header of
 * megabytes quoted in a dead letter's reason would make the dead letter too large for its topic, so the record could
 * be neither handled nor set aside.
 */
public final class BoundedText {

    private BoundedText() {
    }

    /** The first {@code length} characters of {@code text} (one fewer rather than half a surrogate pair). */
    public static String cut(String text, int length) {
        if (text == null || text.length() <= length) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(length - 1)) ? length - 1 : length;
        return text.substring(0, end);
    }

    /** {@code text} cut to {@code length}, saying how long it was when it was cut. */
    public static String quoted(String text, int length) {
        if (text == null || text.length() <= length) {
            return text;
        }
        return cut(text, length) + "… (" + text.length() + " characters)";
    }
}
