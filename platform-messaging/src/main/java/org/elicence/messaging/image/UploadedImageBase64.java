package org.elicence.messaging.image;

import java.util.Base64;

/** The bytes of an uploaded image as an event carries them: base64, line breaks allowed. */
public final class UploadedImageBase64 {

    private UploadedImageBase64() {
    }

    /**
     * Undecodable base64 is read as no bytes, not as an exception: whoever checks the image then reports it as
     * unreadable (rule INPUT), so the applicant is told, and the event is not retried for ever.
     */
    public static byte[] decodeOrEmpty(String base64) {
        try {
            return Base64.getMimeDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
