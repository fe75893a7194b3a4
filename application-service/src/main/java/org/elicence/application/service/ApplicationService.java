package org.elicence.application.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.elicence.application.config.ApplicationConfig;
import org.elicence.application.domain.ApplicantLock;
import org.elicence.application.domain.Application;
import org.elicence.application.domain.ApplicationStatus;
import org.elicence.application.domain.IdCardUpload;
import org.elicence.messaging.events.ApplicationCreated;
import org.elicence.messaging.events.ApplicationWithdrawn;
import org.elicence.messaging.events.IdCardSide;
import org.elicence.messaging.events.IdCardSideUploaded;
import org.elicence.messaging.events.PhotoAuditRequested;
import org.elicence.messaging.events.PhotoSource;
import org.elicence.messaging.image.StrippedImage;
import org.elicence.messaging.LogContext;
import org.elicence.messaging.outbox.Outbox;
import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

/** What an applicant can do; every change commits together with the event it causes. */
@ApplicationScoped
public class ApplicationService {

    private static final Logger LOG = Logger.getLogger(ApplicationService.class);

    private final Outbox outbox;
    private final ApplicationConfig config;
    private final Withdrawals withdrawals;

    @Inject
    public ApplicationService(Outbox outbox, ApplicationConfig config, Withdrawals withdrawals) {
        this.outbox = outbox;
        this.config = config;
        this.withdrawals = withdrawals;
    }

    /** How many applications a list holds: an applicant rarely has more than a few, an attacker could have many. */
    public static final int LISTED = 50;

    public record Created(Application application, boolean replayed) {
    }

    /**
     * Opens an application. With an idempotency key, a retry returns the application the first call
     * created; the unique (applicant, key) constraint settles two concurrent first calls. An applicant with
     * {@code applications.max-open-per-applicant} applications in progress is refused (409
     * TOO_MANY_OPEN_APPLICATIONS); a retry of one of them is not.
     */
    public Created create(String applicantId, String fullName, String idempotencyKey) {
        if (idempotencyKey != null) {
            Optional<Application> existing = findByKey(applicantId, idempotencyKey);
            if (existing.isPresent()) {
                return new Created(existing.get(), true);
            }
        }
        try {
            return open(applicantId, fullName, idempotencyKey);
        } catch (PersistenceException raceLost) {
            return findByKey(applicantId, idempotencyKey)
                    .map(winner -> new Created(winner, true))
                    .orElseThrow(() -> raceLost);
        }
    }

    @Transactional
    Optional<Application> findByKey(String applicantId, String idempotencyKey) {
        return idempotencyKey == null ? Optional.empty() : Application.findByIdempotencyKey(applicantId, idempotencyKey);
    }

    @Transactional
    Created open(String applicantId, String fullName, String idempotencyKey) {
        ApplicantLock.OPENINGS.hold(applicantId);
        // a retry that waited for the lock behind its own first call is that call's application, not one too many
        Optional<Application> retried = idempotencyKey == null ? Optional.empty()
                : Application.findByIdempotencyKey(applicantId, idempotencyKey);
        if (retried.isPresent()) {
            return new Created(retried.get(), true);
        }
        long inProgress = Application.countInProgress(applicantId);
        if (inProgress >= config.maxOpenPerApplicant()) {
            throw new ProblemException(ProblemCode.TOO_MANY_OPEN_APPLICATIONS, inProgress);
        }
        Instant dayAgo = Instant.now().minus(Duration.ofDays(1));
        long openedToday = Application.countCreatedAfter(applicantId, dayAgo);
        if (openedToday >= config.maxOpeningsPerDay()) {
            // one more is allowed once the day's openings above the cap and one more have left the 24 hours
            Instant earliest = Application.createdAfter(applicantId, dayAgo,
                    (int) (openedToday - config.maxOpeningsPerDay())).orElse(dayAgo);
            long wait = Math.max(1, Duration.between(dayAgo, earliest).toSeconds() + 1);
            throw new ProblemException(ProblemCode.TOO_MANY_OPENINGS, openedToday).retryAfter(wait);
        }
        return new Created(insert(applicantId, fullName, idempotencyKey), false);
    }

    private Application insert(String applicantId, String fullName, String idempotencyKey) {
        Application application = new Application();
        application.id = UUID.randomUUID();
        application.applicantId = applicantId;
        application.fullName = fullName;
        application.idempotencyKey = idempotencyKey;
        application.createdAt = Instant.now();
        application.submitted();
        application.persistAndFlush();
        outbox.publish(application.id.toString(),
                new ApplicationCreated(application.id.toString(), applicantId, fullName, application.createdAt));
        LogContext.putApplicationId(application.id.toString());
        LOG.infof("application %s created", application.id);
        return application;
    }

    /** The applicant's applications, newest first: the {@value #LISTED} most recent. */
    @Transactional
    public List<Application> ofApplicant(String applicantId) {
        return Application.ofApplicant(applicantId, LISTED);
    }

    @Transactional
    public Application find(UUID id, String applicantId) {
        return Application.findOwned(id, applicantId).orElseThrow(ProblemException::notFound);
    }

    /**
     * The refusal an upload would get from the application's state (withdrawn, settled, a photo under review), told
     * before its body is read: the phone sends no image for nothing and is not told to fix an image the application
     * would not take anyway. Checked again when the upload is kept.
     */
    @Transactional
    public void requireOpenForUploads(UUID id, String applicantId, boolean idCardSide) {
        openForUploads(id, applicantId, idCardSide);
    }

    /** A portrait upload; retried when it raced an event on the same application. */
    public UUID submitPhoto(UUID id, String applicantId, StrippedImage image) {
        return RaceRetry.call(() -> QuarkusTransaction.requiringNew().call(() -> {
            Application application = openForUploads(id, applicantId, false);
            UUID photoId = UUID.randomUUID();
            application.photoUploaded(photoId);
            outbox.publish(id.toString(), new PhotoAuditRequested(id.toString(), applicantId, photoId.toString(),
                    PhotoSource.APPLICANT_UPLOAD, image.contentType(), base64(image), Instant.now()));
            Application.flush();
            LOG.infof("application %s: photo %s (%d bytes, %d x %d) sent to the audit", id, photoId,
                    image.bytes().length, image.width(), image.height());
            return photoId;
        }));
    }

    /** One side of the ID card; retried when it raced an event on the same application. */
    public UUID submitIdCardSide(UUID id, String applicantId, IdCardSide side, StrippedImage image) {
        return RaceRetry.call(() -> QuarkusTransaction.requiringNew().call(() -> {
            Application application = openForUploads(id, applicantId, true);
            UUID uploadId = UUID.randomUUID();
            application.idCardSideUploaded(side == IdCardSide.FRONT, uploadId);
            Instant now = Instant.now();
            IdCardUpload.received(id, uploadId, side.name(), now); // staff's record; its checks come later
            outbox.publish(id.toString(), new IdCardSideUploaded(id.toString(), applicantId, uploadId.toString(),
                    side, image.contentType(), base64(image), now));
            Application.flush();
            LOG.infof("application %s: ID-card %s upload %s received", id, side, uploadId);
            return uploadId;
        }));
    }

    /**
     * The applicant withdraws the application: only while it waits for them ({@link Application#mayBeWithdrawn()});
     * withdrawing it again answers the same. The licence issuer and idcard-service hear of it
     * ({@code application.withdrawn}).
     */
    public Application withdraw(UUID id, String applicantId) {
        return RaceRetry.call(() -> QuarkusTransaction.requiringNew().call(() -> {
            Application application = Application.findOwned(id, applicantId).orElseThrow(ProblemException::notFound);
            if (!application.mayBeWithdrawn() && application.status != ApplicationStatus.WITHDRAWN) {
                throw application.status.isSettled()
                        ? ProblemException.variant(ProblemCode.APPLICATION_NOT_WITHDRAWABLE, "settled", application.status)
                        : new ProblemException(ProblemCode.APPLICATION_NOT_WITHDRAWABLE, application.status);
            }
            withdrawals.close(application, ApplicationWithdrawn.BY_APPLICANT);
            return application;
        }));
    }

    private Application openForUploads(UUID id, String applicantId, boolean idCardSide) {
        Application application = Application.findOwned(id, applicantId).orElseThrow(ProblemException::notFound);
        if (idCardSide ? application.acceptsIdCardSides() : application.acceptsUploads()) {
            int allowed = config.uploads().perApplication();
            if (application.uploadsTaken >= allowed) {
                throw new ProblemException(ProblemCode.UPLOADS_EXHAUSTED, allowed);
            }
            return application;
        }
        if (idCardSide && application.acceptsUploads()) {
            throw new ProblemException(ProblemCode.ID_CARD_UNDER_REVIEW); // only the card's review stands in the way
        }
        if (application.status == ApplicationStatus.WITHDRAWN) {
            throw new ProblemException(ProblemCode.APPLICATION_WITHDRAWN);
        }
        if (application.status.isSettled()) {
            throw new ProblemException(ProblemCode.APPLICATION_SETTLED, application.status);
        }
        throw new ProblemException(ProblemCode.PHOTO_UNDER_REVIEW);
    }

    private static String base64(StrippedImage image) {
        return Base64.getEncoder().encodeToString(image.bytes());
    }
}
