package org.elicence.application.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "applications")
public interface ApplicationConfig {

    /**
     * Applications one applicant may have in progress (not final: LICENCE_ISSUED, REFUSED, WITHDRAWN); opening one more answers
     * 409 TOO_MANY_OPEN_APPLICATIONS. A citizen needs one; each opening makes the platform look up and audit a photo.
     */
    @WithDefault("3")
    int maxOpenPerApplicant();

    /**
     * Applications one applicant may open in 24 hours, finished ones included; one more answers 429
     * TOO_MANY_OPENINGS with Retry-After. The cap of those in progress alone let an applicant open, withdraw and
     * open again without end, each opening a registry lookup and an audit and rows in every service.
     */
    @WithDefault("10")
    int maxOpeningsPerDay();

    Uploads uploads();

    Images images();

    Sweep sweep();

    Auth auth();

    interface Auth {
        /** The mobile API's audience: the only tokens /api takes (an operator's token there is 401). */
        @WithDefault("elicence-mobile")
        String mobileAudience();

        /** The operators' audience: the only tokens /internal takes, with role operator (an applicant's is 403). */
        @WithDefault("elicence-operators")
        String operatorAudience();
    }

    Retention retention();

    PhotoReview photoReview();

    /** Staff review of photos (docs/operator-runbook.md, "Photo review"). */
    interface PhotoReview {
        /** Reviewer ids allowed to decide photo review cases (comma-separated); anyone else is refused. */
        java.util.Set<String> reviewers();

        /** Failed audits after which an applicant may ask for a review (POST /photo/review-request). */
        @WithDefault("3")
        int requestAfterFailures();
    }

    interface Retention {
        /** The annotated photo (personal data) is deleted this long after the application closed. */
        @WithDefault("P30D")
        java.time.Duration annotatedPhotoAfterClose();
    }

    interface Uploads {
        /** Largest accepted photo or ID-card image; larger bodies get 413. */
        @WithDefault("10485760")
        int maxBytes();

        /** Uploads one applicant may make per window, across all applications; more get 429. */
        @WithDefault("20")
        int perApplicantLimit();

        @WithDefault("PT1M")
        Duration limitWindow();

        /**
         * How long an upload waits for each of its two shares (UploadAdmission: of the transfer budget, then of the
         * payload memory budget, {@code messaging.payload-memory-budget}) before it is answered 503 with Retry-After.
         */
        @WithDefault("PT20S")
        Duration admissionTimeout();

        /**
         * Heap, in bytes, that bodies still arriving may take together (UploadAdmission): a slow upload holds its own
         * body's bytes here, never the payload memory budget that the audit's intake and the outbox relay share.
         */
        @WithDefault("22020096")
        long transferBudget();

        /**
         * Bytes of the transfer budget that one applicant's bodies still arriving may hold together on this instance
         * (UploadAdmission); a second upload past it is answered 429 UPLOADS_IN_PROGRESS. A first upload is always let
         * in, whatever its size: half the budget by default, so one account trickling its bodies cannot hold it all.
         */
        @WithDefault("10485760")
        long transferPerApplicant();

        /**
         * Bodies one applicant may have arriving at once on this instance (UploadAdmission), uploads taken in and
         * refusals drained alike: each holds a worker thread while its client sends, for up to {@code body-timeout}.
         * An upload past it is answered 429 UPLOADS_IN_PROGRESS; a refusal past it is answered without reading the
         * rest of its body, and the connection closed.
         */
        @WithDefault("4")
        int bodiesPerApplicant();

        /**
         * Images (portraits and card sides) one application takes in its life; more are answered 409
         * UPLOADS_EXHAUSTED. Each adds an audit attempt, a status change and a card record that the applicant's and
         * staff's views read whole: without a bound, an application could grow without end at the rate limit.
         */
        @WithDefault("100")
        int perApplication();

        /**
         * Refused bodies this instance reads to their end at once, of all applicants (UploadAdmission): a refusal is
         * drained so that a client still sending reads its answer; past this many, it is answered without reading
         * the rest, and the connection closed, so that clients sending slowly cannot hold every worker thread.
         */
        @WithDefault("16")
        int refusalDrains();

        /**
         * How long a request's body may take to arrive (UploadDeadline): a request still sending then has its
         * connection closed, and with it gives back its share of the transfer budget and its worker. Counted from the
         * request's arrival, so it covers the wait for the transfer share (admission-timeout, 20 s) too; a 10 MiB
         * photo takes 84 s at 1 Mbit/s.
         */
        @WithDefault("PT3M")
        Duration bodyTimeout();
    }

    /** Sizes read from the image header at intake, before anything else happens to the image. */
    interface Images {
        /** Shorter side, in pixels, below which no photo or card can be checked. */
        @WithDefault("120")
        int minSide();

        /** Longer side, in pixels, above which an image is refused. */
        @WithDefault("12000")
        int maxSide();

        /** Pixel count above which an image is refused (the audit's decoder takes no more). */
        @WithDefault("40000000")
        long maxPixels();

        /**
         * Memory, in bytes, the audit's decoding of every pixel may take, judged from the header
         * (UploadedImageHeader): an ordinary photo takes 3 bytes a pixel, a progressive JPEG, a 16-bit PNG or a
         * picture its EXIF orientation turns two to four times that, so fewer of its pixels are accepted.
         */
        @WithDefault("150000000")
        long maxDecodeBytes();

        /** Scans a JPEG may have: cameras write one, progressive encoders about ten; each is a pass over the image. */
        @WithDefault("64")
        int maxScans();
    }

    /** The sweep for applications held in a transient status (docs/reliability.md). */
    interface Sweep {
        /** An application waiting for a service longer than this is reported and, where it can, moved on. */
        @WithDefault("PT15M")
        Duration heldLongerThan();

        /**
         * An application waiting for the applicant (a new photo, the ID card) untouched this long is closed as
         * WITHDRAWN (abandoned): it no longer counts against {@link #maxOpenPerApplicant()}, and its images' retention
         * starts (docs/privacy.md).
         */
        @WithDefault("P90D")
        Duration abandonedAfter();

        /** How often abandoned applications are looked for (the scheduler reads it by name). */
        @WithDefault("PT1H")
        Duration abandonedEvery();

        @WithDefault("PT1M")
        Duration every();
    }
}
