package org.elicence.application.service;

import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.elicence.application.domain.Application;
import org.elicence.application.domain.IdCardReviewCaseRecord;
import org.elicence.application.domain.IdCardUpload;
import org.elicence.application.domain.IssuedLicence;
import org.elicence.application.domain.LastPhotoAudit;
import org.elicence.application.domain.Notice;
import org.elicence.application.domain.PhotoAnnotation;
import org.elicence.application.domain.PhotoAttemptAnnotation;
import org.elicence.application.domain.PhotoAuditAttempt;
import org.elicence.messaging.events.IdCardApproved;
import org.elicence.messaging.events.IdCardRejected;
import org.elicence.messaging.events.IdCardReviewCaseOpened;
import org.elicence.messaging.events.IdCardReviewOpened;
import org.elicence.messaging.events.IdCardSide;
import org.elicence.messaging.events.IdCardSideChecked;
import org.elicence.messaging.events.IdCardUploadRequired;
import org.elicence.messaging.events.IdRegistryPhotoRetrieved;
import org.elicence.messaging.events.LicenceIssued;
import org.elicence.messaging.events.LicenceRefused;
import org.elicence.messaging.events.LicenceStatusChanged;
import org.elicence.messaging.events.LocalizedText;
import org.elicence.messaging.events.PhotoAccepted;
import org.elicence.messaging.events.PhotoAudited;
import org.elicence.messaging.events.PhotoSource;
import org.elicence.messaging.events.RuleCheck;
import org.elicence.messaging.inbox.PoisonEventException;
import org.elicence.messaging.outbox.Outbox;
import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keeps the applicant's view in step with what the other services report. Handlers run inside the
 * inbox's transaction. Results that arrive after the outcome is settled (a failed audit of an older
 * photo after another passed) are kept for the record but do not move the status back.
 */
@ApplicationScoped
public class ApplicantViewUpdater {

    private static final Logger LOG = Logger.getLogger(ApplicantViewUpdater.class);

    private final PhotoReviewService photoReviews;
    private final MeterRegistry metrics;
    private final Outbox outbox;

    @Inject
    public ApplicantViewUpdater(PhotoReviewService photoReviews, MeterRegistry metrics, Outbox outbox) {
        this.photoReviews = photoReviews;
        this.metrics = metrics;
        this.outbox = outbox;
    }

    public void onRegistryPhotoRetrieved(IdRegistryPhotoRetrieved event) {
        withApplication(event.applicationId(), application -> {
            application.registryPhotoRetrieved(UUID.fromString(event.photoId()));
        });
    }

    public void onIdCardUploadRequired(IdCardUploadRequired event) {
        withApplication(event.applicationId(), application -> {
            application.idCardUploadRequired(Notice.of(event.reason(), messageOrReason(event)));
        });
    }

    public void onPhotoAudited(PhotoAudited event) {
        withApplication(event.applicationId(), application -> {
            sameApplicant(application, event.applicantId(), "PhotoAudited");
            if (event.passed() && !event.passBorneOutByChecks()) {
                throw new PoisonEventException("PhotoAudited for application " + application.id
                        + " is a PASS its checks do not bear out: one failed or could not be assessed, or a rule is missing");
            }
            UUID photoId = UUID.fromString(event.photoId());
            PhotoAuditAttempt earlier = PhotoAuditAttempt.findById(photoId);
            if (earlier != null && !earlier.applicationId.equals(application.id)) {
                // a verdict would move another application's photo, its checks and annotated copy, to this one
                throw new PoisonEventException("PhotoAudited for application " + application.id + " is about photo "
                        + photoId + " of another application");
            }
            if (earlier != null) {
                secondReport(application, earlier, event);
                return;
            }
            PhotoAuditAttempt.record(application.id, event);
            if (event.annotated() != null) {
                // every attempt's annotated copy, for staff (the operators' record); the view shows the current one
                PhotoAttemptAnnotation.record(application.id, photoId,
                        Base64.getDecoder().decode(event.annotated().base64()));
            }
            countAudit(event);
            if (event.source() == PhotoSource.ID_REGISTRY) {
                // The registry photo's verdict may overtake IdRegistryPhotoRetrieved (another topic); it counts only
                // where that would (a verdict on a photo nobody asked for never becomes the current one).
                application.registryPhotoRetrieved(photoId);
            }
            // Nothing failed, but not everything could be verified: a person decides, never the machine.
            Application.AuditOutcome outcome = application.photoAudited(photoId, event.passed(),
                    PhotoReviewService.needsReview(event));
            if (!application.showsAuditOf(photoId)) {
                // a late verdict on an older photo: in the history (photo-audits), never in place of the newer one
                LOG.infof("application %s: late verdict on older photo %s kept in the history only",
                        application.id, photoId);
                return;
            }
            application.showAudit(new LastPhotoAudit(event.verdict(), event.photoId(), event.source(), event.checks()));
            storeAnnotation(application, event);
            if (outcome == Application.AuditOutcome.OPEN_PHOTO_REVIEW) {
                photoReviews.openForAudit(application, event);
            } else if (outcome == Application.AuditOutcome.PHOTO_ACCEPTED) {
                // The issuer hears which photo is current only from this service: it issues from no other PASS.
                outbox.publish(event.applicationId(), new PhotoAccepted(event.applicationId(), application.applicantId,
                        event.photoId(), Instant.now()));
            }
        });
    }

    public void onIdCardSideChecked(IdCardSideChecked event) {
        withApplication(event.applicationId(), application -> {
            UUID uploadId = UUID.fromString(event.uploadId());
            IdCardUpload known = IdCardUpload.findById(uploadId);
            if (known != null && (!known.applicationId.equals(application.id)
                    || !known.side.equals(event.side().name()))) {
                throw new PoisonEventException("IdCardSideChecked for application " + application.id + " names upload "
                        + uploadId + " of another application or side; refused");
            }
            IdCardUpload.checked(application.id, event); // every upload's checks, for staff's record
            application.idCardSideChecked(event.side() == IdCardSide.FRONT, uploadId,
                    event.verdict(), event.passed(),
                    event.passed() ? null
                            : Notice.failedChecks("ID_CARD_" + event.side() + "_FAILED_CHECKS", event.checks()));
        });
    }

    public void onIdCardReviewOpened(IdCardReviewOpened event) {
        withApplication(event.applicationId(), application -> {
            IdCardReviewCaseRecord known = caseOfThisApplication(application, UUID.fromString(event.caseId()),
                    "IdCardReviewOpened");
            if (known != null && !IdCardReviewCaseOpened.PENDING.equals(known.status)) {
                // A case staff already closed: the opening replayed from a dead-letter topic, or overtaken by the
                // case's closing on the other topic. It waits for no one; but a case newer than the one the
                // application knows is the one whose decision counts (the decision follows on this topic).
                if (application.idCardCase == null || newerThanCurrent(known, application.idCardCase)) {
                    application.idCardCaseOpenedAndClosed(known.caseId);
                }
                LOG.infof("application %s: opening of closed card case %s ignored", application.id, event.caseId());
                return;
            }
            application.idCardReviewOpened(UUID.fromString(event.caseId()));
        });
    }

    /**
     * Staff's record of card case {@code caseId}, if it has one (null otherwise); poison when that record puts the
     * case in another application: its opening or its decision would move this one (staff's record keeps a case's
     * first application).
     */
    private static IdCardReviewCaseRecord caseOfThisApplication(Application application, UUID caseId, String event) {
        IdCardReviewCaseRecord known = IdCardReviewCaseRecord.findById(caseId);
        if (known != null && !known.applicationId.equals(application.id)) {
            throw new PoisonEventException(event + " for application " + application.id + " is about case " + caseId
                    + " of another application");
        }
        return known;
    }

    /** Whether staff's record shows {@code known} opened after the application's current case. */
    private static boolean newerThanCurrent(IdCardReviewCaseRecord known, UUID currentCase) {
        if (known.caseId.equals(currentCase)) {
            return false;
        }
        IdCardReviewCaseRecord current = IdCardReviewCaseRecord.findById(currentCase);
        return current == null || current.openedAt == null
                || (known.openedAt != null && known.openedAt.isAfter(current.openedAt));
    }

    public void onIdCardApproved(IdCardApproved event) {
        withApplication(event.applicationId(), application -> {
            sameApplicant(application, event.applicantId(), "IdCardApproved");
            UUID caseId = UUID.fromString(event.caseId());
            caseOfThisApplication(application, caseId, "IdCardApproved");
            application.idCardApproved(caseId);
        });
    }

    public void onIdCardRejected(IdCardRejected event) {
        withApplication(event.applicationId(), application -> {
            UUID caseId = event.caseId() == null ? null : UUID.fromString(event.caseId());
            if (caseId != null) {
                caseOfThisApplication(application, caseId, "IdCardRejected");
            }
            application.idCardRejected(caseId, Notice.of(event.code(), event.message()));
        });
    }

    public void onLicenceIssued(LicenceIssued event) {
        withApplication(event.applicationId(), application -> {
            sameApplicant(application, event.applicantId(), "LicenceIssued");
            sameLicence(application, event.licenceNumber(), "LicenceIssued");
            application.licenceIssued(IssuedLicence.of(event),
                    event.qrCode() == null ? null : Base64.getDecoder().decode(event.qrCode().base64()));
        });
    }

    public void onLicenceRefused(LicenceRefused event) {
        withApplication(event.applicationId(), application -> {
            application.licenceRefused(Notice.of(event.code(), event.message()));
        });
    }

    public void onLicenceStatusChanged(LicenceStatusChanged event) {
        withApplication(event.applicationId(), application -> {
            if (application.licence == null) {
                // its licence.issued was dead-lettered (the two share a topic and a key, so it cannot be late): taken
                // as nothing, the change was lost, and the licence shown ACTIVE once that was replayed, a revoked one
                // handed out as valid
                throw new PoisonEventException("LicenceStatusChanged for application " + application.id
                        + " came before its licence was shown here: replay its licence.issued, then this");
            }
            sameLicence(application, event.licenceNumber(), "LicenceStatusChanged");
            application.licenceStatusChanged(event.status(), event.changedAt());
        });
    }

    /**
     * A photo is audited once: its first verdict was acted on in the transaction that recorded it (the application
     * moved, the issuer told, staff's case opened), so a second report on it changes nothing. The same verdict again
     * (an audit request replayed) is a repeat; another verdict contradicts what the applicant, staff and the issuer
     * were told, and goes to the dead letters for an operator to see, with the first standing.
     */
    private static void secondReport(Application application, PhotoAuditAttempt earlier, PhotoAudited event) {
        if (!earlier.verdict.equals(event.verdict())) {
            throw new PoisonEventException("PhotoAudited for application " + application.id + " gives photo "
                    + earlier.photoId + " the verdict " + event.verdict() + " after " + earlier.verdict
                    + "; a photo's first verdict stands");
        }
        LOG.infof("application %s: photo %s audited again with the same verdict; the first report stands",
                application.id, earlier.photoId);
    }

    /** Audits by verdict, and each rule's result by rule and verdict. */
    private void countAudit(PhotoAudited event) {
        Counter.builder("photo.audits").description("Photo audits received, by verdict")
                .tag("verdict", event.verdict()).register(metrics).increment();
        for (RuleCheck check : event.checks()) {
            Counter.builder("photo.audit.checks").description("Photo audit rule results, by rule and verdict")
                    .tag("rule", check.rule()).tag("verdict", check.verdict()).register(metrics).increment();
        }
    }

    private void storeAnnotation(Application application, PhotoAudited event) {
        if (event.annotated() == null) {
            return;
        }
        PhotoAnnotation annotation = PhotoAnnotation.<PhotoAnnotation>findByIdOptional(application.id)
                .orElseGet(PhotoAnnotation::new);
        annotation.applicationId = application.id;
        annotation.photoId = UUID.fromString(event.photoId());
        annotation.jpeg = Base64.getDecoder().decode(event.annotated().base64());
        annotation.portrait = event.portrait() == null ? null : Base64.getDecoder().decode(event.portrait().base64());
        annotation.createdAt = Instant.now();
        annotation.persist();
    }

    private void withApplication(String applicationId, java.util.function.Consumer<Application> change) {
        Application application = Application.findById(UUID.fromString(applicationId));
        if (application == null) {
            // Events for applications this service never created cannot change any applicant's view.
            LOG.warnf("event for unknown application %s ignored", applicationId);
            return;
        }
        change.accept(application);
    }

    /**
     * An event about an application that names another applicant than the one who applied is forged or broken,
     * whoever wrote it (issue 13: a PASS naming another citizen's resident ID): refused as poison, dead-lettered with
     * a reason that names no resident ID, and nothing changes.
     */
    private static void sameApplicant(Application application, String applicantId, String event) {
        if (!application.applicantId.equals(applicantId)) {
            throw new PoisonEventException(event + " for application " + application.id
                    + " names another applicant than the one who applied; refused");
        }
    }

    /** An application holds one licence: an event naming another is not about this application's. */
    private static void sameLicence(Application application, String licenceNumber, String event) {
        if (application.licence != null && !application.licence.licenceNumber().equals(licenceNumber)) {
            throw new PoisonEventException(event + " for application " + application.id
                    + " names another licence than the one it holds; refused");
        }
    }

    private static LocalizedText messageOrReason(IdCardUploadRequired event) {
        return event.message() != null ? event.message()
                : new LocalizedText("请上传身份证正反面照片。", "Please upload photos of the front and back of your ID card.");
    }
}
