package org.elicence.idcard.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.elicence.idcard.registry.Applicant;
import org.elicence.idcard.review.ApplicationLock;
import org.elicence.idcard.review.IdCardUpload;
import org.elicence.idcard.review.ReviewCase;
import org.elicence.idcard.review.ReviewCaseService;
import org.elicence.messaging.events.EncodedImage;
import org.elicence.messaging.events.IdCardReadingRequested;
import org.elicence.messaging.events.IdCardSide;
import org.elicence.messaging.events.IdCardSideChecked;
import org.elicence.messaging.events.IdCardSideRead;
import org.elicence.messaging.events.IdCardSideUploaded;
import org.elicence.messaging.events.RuleCheck;
import org.elicence.messaging.image.UploadedImageBase64;
import org.elicence.messaging.image.UploadedImageHeader;
import org.elicence.messaging.inbox.PoisonEventException;
import org.elicence.messaging.memory.PayloadMemoryBudget;
import org.elicence.messaging.outbox.Outbox;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * Issue 4, first half: each uploaded side is kept and read automatically, the result is kept and told to the
 * applicant; once the latest front and back both pass, staff get a review case. photo-audit-service reads the card
 * (docs/idcard.md, "Who reads the card"): this service asks it with what the card must show and judges the answer
 * against what it knows, the upload it asked about and the other side (ID15).
 */
@ApplicationScoped
public class IdCardUploadService {

    /**
     * The most a reading's image may take: photo-audit-service makes the rectified card 1284 px wide (a few hundred KB)
     * and the portrait 260 x 378; a review case carries both sides' card and portrait, and its event must stay under
     * the 16 MiB a record may take, as base64. Larger ones are a fault or a forgery, dead-lettered before they are
     * kept.
     */
    static final int MAX_READING_IMAGE_BYTES = 2 * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(IdCardUploadService.class);
    /**
     * Heap that keeping an upload and writing its reading request take per character of its base64, beyond the
     * record already read: the decoded bytes, the request's JSON, the schema check's copy of it and the driver's
     * bytes. A card of 10 MiB is 13.6 MB of base64: its share is the whole budget, so it is never kept while the
     * outbox relay sends another (16 such fronts at once ran the 204 MB heap out when the two overlapped, BadInputIT).
     */
    static final int HEAP_BYTES_PER_BASE64_CHAR = 6;
    /**
     * The relay holds its share for one batch: its send timeout (15 s), or, when the broker does not answer, until the
     * producer has ended the batch's records (about two minutes); a longer wait is retried by the inbox, whose three
     * attempts outlast that. Below the inbox transaction's timeout (60 s): a share obtained at the end of the wait must
     * still commit.
     */
    private static final Duration MEMORY_WAIT = Duration.ofSeconds(45);

    private final ReviewCaseService reviewCases;
    private final SidesDifferentCheck sidesDifferent;
    private final Outbox outbox;
    private final PayloadMemoryBudget memory;

    @Inject
    public IdCardUploadService(ReviewCaseService reviewCases, SidesDifferentCheck sidesDifferent, Outbox outbox,
            PayloadMemoryBudget memory) {
        this.reviewCases = reviewCases;
        this.sidesDifferent = sidesDifferent;
        this.outbox = outbox;
        this.memory = memory;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onSideUploaded(IdCardSideUploaded uploaded) {
        UUID uploadId = UUID.fromString(uploaded.uploadId());
        if (IdCardUpload.findById(uploadId) != null) {
            LOG.infof("upload %s of application %s is known already, ignoring the repeat", uploadId,
                    uploaded.applicationId());
            return;
        }
        long share = (long) uploaded.imageBase64().length() * HEAP_BYTES_PER_BASE64_CHAR;
        try (PayloadMemoryBudget.Reservation reserved = memory.reserve(share, MEMORY_WAIT).orElseThrow(
                () -> new IllegalStateException("no share of the payload memory budget within " + MEMORY_WAIT))) {
            keepAndRequestReading(uploaded, uploadId);
        }
    }

    private void keepAndRequestReading(IdCardSideUploaded uploaded, UUID uploadId) {
        UUID applicationId = UUID.fromString(uploaded.applicationId());
        // Shared: a withdrawal or a settlement on a photo holds the row for update while it commits, and the upload
        // must see what it wrote (read unlocked, it saw the row as before and kept and sent a card no case could use).
        Applicant applicant = Applicant.findById(applicationId, LockModeType.PESSIMISTIC_READ);
        if (applicant != null && !applicant.applicantId.equals(uploaded.applicantId())) {
            // application-service takes uploads from the applicant's own token only: an upload naming someone else
            // is a fault or a forgery, and a card read against it would be checked against the wrong number
            throw new PoisonEventException("upload " + uploadId + " of application " + applicationId
                    + " names another uploader than the application's applicant");
        }
        if (applicant != null && applicant.closedAs() != null) {
            // sent before application-service settled the application, which then refuses uploads: no case can open
            // any more, so the card's images are neither needed nor kept
            LOG.infof("application %s was %s: %s upload %s neither kept nor read", applicationId,
                    applicant.closedAs(), uploaded.side(), uploadId);
            return;
        }
        // Shared, where a staff decision locks its case for update: an APPROVE being applied is waited for, and one
        // that comes while this upload commits waits for it, sees it and is refused SIDES_REPLACED (unlocked, an
        // approval could miss the new side while it was being kept, and make the licence from the one it replaces).
        ReviewCase.lockPendingOfApplicationShared(applicationId);
        IdCardUpload upload = new IdCardUpload();
        upload.uploadId = uploadId;
        upload.applicationId = applicationId;
        upload.uploaderId = uploaded.applicantId();
        upload.side = uploaded.side();
        upload.contentType = uploaded.contentType();
        upload.image = UploadedImageBase64.decodeOrEmpty(uploaded.imageBase64());
        upload.uploadedAt = uploaded.uploadedAt();
        upload.persist();
        // The card must carry the applicant's number. Until the application's ApplicationCreated has been seen here
        // its applicant is the uploader: application-service accepts uploads from the applicant's own token only.
        String applicantResidentId = applicant == null ? uploaded.applicantId() : applicant.applicantId;
        // The name printed on the front is compared with the applicant's (ID20); unknown until ApplicationCreated. The
        // back prints no name: its request carries none.
        String applicantName = applicant == null || uploaded.side() == IdCardSide.BACK ? null : applicant.fullName;
        outbox.publish(uploaded.applicationId(), new IdCardReadingRequested(uploaded.applicationId(),
                uploaded.uploadId(), uploaded.side(), uploaded.contentType(), uploaded.imageBase64(),
                applicantResidentId, applicantName, Instant.now()));
        // written inside the reservation: the image's insert is part of what the share covers
        IdCardUpload.flush();
        LOG.infof("application %s: %s upload %s kept, reading requested", applicationId, uploaded.side(), uploadId);
    }

    /**
     * photo-audit-service's reading of a side this service asked about. Only photo-audit-service may write the
     * topic (its ACL), and the reading must be of an upload this service holds, of that application and side,
     * leave ID15 to this service, carry images that are the JPEGs they declare and, when nothing in it failed, be
     * whole ({@link CardReadingCompleteness}): anything else is dead-lettered, never acted on. A repeated reading
     * changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onSideRead(IdCardSideRead read) {
        UUID uploadId = UUID.fromString(read.uploadId());
        // before anything of the application is read: ImageRetention deletes images under the same lock, so it
        // neither is undone by this reading nor deletes the images of a case this reading opens
        ApplicationLock.hold(UUID.fromString(read.applicationId()));
        IdCardUpload upload = IdCardUpload.findById(uploadId);
        if (upload == null || !upload.applicationId.toString().equals(read.applicationId())
                || upload.side != read.side()) {
            throw new PoisonEventException("a reading of upload " + uploadId + " that idcard-service did not ask"
                    + " for (no such upload of application " + read.applicationId() + " and side " + read.side() + ")");
        }
        if (read.checks().stream().anyMatch(check -> SidesDifferentCheck.RULE.equals(check.rule()))) {
            throw new PoisonEventException("the reading of upload " + uploadId + " judges ID15, which is idcard-service's");
        }
        CardReadingCompleteness.requireWholeUnlessFailed(read);
        if (upload.read()) {
            LOG.infof("upload %s of application %s was read already, ignoring the repeat", uploadId,
                    read.applicationId());
            return;
        }
        IdCardSide otherSide = read.side() == IdCardSide.FRONT ? IdCardSide.BACK : IdCardSide.FRONT;
        Long otherSideHash = IdCardUpload.latestWithHash(upload.applicationId, otherSide)
                .map(other -> other.perceptualHash).orElse(null);
        List<RuleCheck> checks = new ArrayList<>(read.checks());
        checks.add(sidesDifferent.judge(read.perceptualHash(), otherSideHash));
        upload.recordReading(checks, jpeg(read.rectifiedCard(), uploadId), jpeg(read.portrait(), uploadId),
                read.perceptualHash(), Instant.now());
        outbox.publish(read.applicationId(), new IdCardSideChecked(read.applicationId(), read.uploadId(),
                read.side(), upload.verdict, upload.checks));
        LOG.infof("application %s: %s upload %s checked, %s", upload.applicationId, read.side(), uploadId,
                upload.verdict);
        // a reading that came after the retention deleted the upload's images has none to show staff
        if (upload.passed() && upload.imagesDeletedAt == null) {
            reviewCases.openIfBothSidesPassed(upload.applicationId);
        }
    }

    /**
     * The JPEG's bytes, refused unless they are a whole JPEG of the size the reading declares (staff see them) and of
     * at most {@link #MAX_READING_IMAGE_BYTES}.
     */
    private static byte[] jpeg(EncodedImage image, UUID uploadId) {
        if (image == null) {
            return null;
        }
        if (image.base64().length() > (MAX_READING_IMAGE_BYTES + 2) / 3 * 4) {
            throw tooLarge(uploadId, (long) image.base64().length() / 4 * 3); // not decoded: at least that large
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(image.base64());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("the reading of upload " + uploadId + " carries an image that is not base64");
        }
        if (bytes.length > MAX_READING_IMAGE_BYTES) {
            throw tooLarge(uploadId, bytes.length);
        }
        UploadedImageHeader header = UploadedImageHeader.read(bytes).orElse(null);
        if (header == null || !"jpeg".equals(header.format()) || header.truncated()
                || header.width() != image.width() || header.height() != image.height()) {
            throw new PoisonEventException("the reading of upload " + uploadId + " carries an image that is not the"
                    + " whole " + image.width() + "x" + image.height() + " JPEG it declares");
        }
        return bytes;
    }

    private static PoisonEventException tooLarge(UUID uploadId, long bytes) {
        return new PoisonEventException("the reading of upload " + uploadId + " carries an image of about " + bytes
                + " bytes, more than the " + MAX_READING_IMAGE_BYTES + " photo-audit-service makes: the review case "
                + "showing it could not be published");
    }
}
