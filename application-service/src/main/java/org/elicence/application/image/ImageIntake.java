package org.elicence.application.image;

import org.elicence.application.config.ApplicationConfig;
import org.elicence.messaging.image.BrokenImageException;
import org.elicence.messaging.image.MetadataStripper;
import org.elicence.messaging.image.StrippedImage;
import org.elicence.messaging.image.UploadedImageHeader;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * What every uploaded image goes through before it is stored or sent (photo and both ID-card sides alike): the
 * format from its bytes (JPEG or PNG, whatever the Content-Type says), its size from the header (shorter side,
 * longer side, pixel count; no pixel is decoded in this service), and a copy without metadata or trailing bytes
 * ({@link MetadataStripper}, docs/privacy.md). An incomplete file is refused here rather than audited.
 */
@ApplicationScoped
public class ImageIntake {

    private final ApplicationConfig.Images limits;

    @Inject
    public ImageIntake(ApplicationConfig config) {
        this(config.images());
    }

    public ImageIntake(ApplicationConfig.Images limits) {
        this.limits = limits;
    }

    /**
     * An image refused at intake; {@code code} is the API's problem code, {@code variant} its detail's variant (or
     * null) and {@code args} the detail's arguments, none of them personal data.
     */
    public static class Refused extends RuntimeException {

        private final String code;
        private final String variant;
        private final transient Object[] args;

        public Refused(String code, String variant, String reason, Object... args) {
            super(reason, null, false, false);
            this.code = code;
            this.variant = variant;
            this.args = args.clone();
        }

        public String code() {
            return code;
        }

        public String variant() {
            return variant;
        }

        public Object[] args() {
            return args.clone();
        }
    }

    /** Not a well-formed JPEG or PNG; the reason (the message) stays on our side, the applicant is told what to do. */
    public static class Unreadable extends Refused {

        public Unreadable(String reason) {
            this(null, reason);
        }

        static Unreadable of(BrokenImageException broken) {
            return broken.incomplete() ? incomplete(broken.getMessage()) : new Unreadable(broken.getMessage());
        }

        private Unreadable(String variant, String reason) {
            super("IMAGE_UNREADABLE", variant, reason);
        }

        /** A file that ends before its end: an upload cut short. */
        public static Unreadable incomplete(String reason) {
            return new Unreadable("incomplete", reason);
        }
    }

    /** Whether the bytes start like a JPEG or PNG (what a 415 NOT_AN_IMAGE is decided on). */
    public static boolean looksLikeAnImage(byte[] bytes) {
        return MetadataStripper.looksLikeAnImage(bytes);
    }

    /** The image as it was read: format, size in pixels, EXIF orientation (1-8), and the stripped bytes. */
    public StrippedImage accept(byte[] bytes) {
        StrippedImage parsed;
        try {
            parsed = MetadataStripper.strip(bytes);
        } catch (BrokenImageException broken) {
            throw Unreadable.of(broken);
        }
        int shortSide = Math.min(parsed.width(), parsed.height());
        int longSide = Math.max(parsed.width(), parsed.height());
        if (shortSide < limits.minSide()) {
            throw new Refused("IMAGE_TOO_SMALL", null, "shorter side too short", parsed.width(), parsed.height(),
                    limits.minSide());
        }
        if (longSide > limits.maxSide() || (long) parsed.width() * parsed.height() > limits.maxPixels()) {
            throw new Refused("IMAGE_TOO_MANY_PIXELS", null, "too many pixels", parsed.width(), parsed.height(),
                    limits.maxSide(), limits.maxPixels());
        }
        refuseWhatCostsTooMuchToDecode(parsed);
        return parsed;
    }

    /**
     * The audit decodes what is accepted here: a file the pixel count lets through may still take three times the
     * memory of an ordinary photo (a progressive JPEG, a 16-bit PNG, a picture its EXIF orientation turns, decoded and
     * then copied turned) or a pass over the image per scan (a JPEG of
     * thousands of scans decodes for minutes from a few hundred kilobytes). Both are judged from the header.
     */
    private void refuseWhatCostsTooMuchToDecode(StrippedImage parsed) {
        UploadedImageHeader header = UploadedImageHeader.read(parsed.bytes())
                .orElseThrow(() -> new Unreadable("the image's frame or chunk headers make no sense"));
        if (header.scans() > limits.maxScans()) {
            throw new Refused("IMAGE_UNREADABLE", "scans", "too many scans", header.scans(), limits.maxScans());
        }
        if (header.decodeBytes() > limits.maxDecodeBytes()) {
            // the pixels this kind of file may have: the budget at this file's cost per pixel
            long allowed = (long) (limits.maxDecodeBytes() * (header.pixels() / (double) header.decodeBytes()));
            throw new Refused("IMAGE_TOO_MANY_PIXELS", "costly", "too costly to decode", parsed.width(),
                    parsed.height(), limits.maxSide(), allowed);
        }
    }
}
