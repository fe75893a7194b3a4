package org.elicence.messaging.events;

/** An image carried inside an event; images are personal data and never logged. */
public record EncodedImage(String contentType, int width, int height, String base64) {

    @Override
    public String toString() {
        return "EncodedImage[" + contentType + ", " + width + "x" + height + ", " + lengthOrZero() + " base64 chars]";
    }

    private int lengthOrZero() {
        return base64 == null ? 0 : base64.length();
    }
}
