package org.elicence.application.service;

import java.util.Optional;
import java.util.UUID;

import org.elicence.application.domain.Application;
import org.elicence.application.domain.IdCardReviewCaseRecord;
import org.elicence.application.domain.IdCardReviewDecisionRecord;
import org.elicence.messaging.events.IdCardReviewCaseClosed;
import org.elicence.messaging.events.IdCardReviewCaseOpened;
import org.elicence.messaging.events.IdCardReviewDecisionRejected;
import org.elicence.messaging.inbox.PoisonEventException;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Keeps what idcard-service says of an application's card review cases and their decisions for staff's record
 * (issue 12). This service never reads idcard-service's database: it only hears its events. Handlers run inside the
 * inbox's transaction; they never change the application's status (the applicant's view follows
 * {@code idcard-events}).
 */
@ApplicationScoped
public class IdCardRecordUpdater {

    private static final Logger LOG = Logger.getLogger(IdCardRecordUpdater.class);

    /**
     * The case must be of the application's applicant (idcard-service opens a case only of the applicant's own
     * sides; a case naming someone else is a fault or a forgery): staff's record, and the held sweep that reads it,
     * never take another person's case as this application's.
     *
     * @throws PoisonEventException when it names another applicant, or the case is another application's
     */
    public void onCaseOpened(IdCardReviewCaseOpened event) {
        application(event.applicationId()).ifPresent(application -> {
            if (!application.applicantId.equals(event.applicantId())) {
                // No resident ID in the reason: it ends up in a dead-letter header and the logs.
                throw new PoisonEventException("IdCardReviewCaseOpened for application " + application.id
                        + " names another applicant than the application's");
            }
            sameApplication(application.id, event.caseId()).opened(event);
        });
    }

    /** @throws PoisonEventException when the case is another application's */
    public void onCaseClosed(IdCardReviewCaseClosed event) {
        application(event.applicationId()).ifPresent(application -> {
            sameApplication(application.id, event.caseId()).closed(event);
            if (event.decisionId() != null) { // a case closed by the application's withdrawal had no decision
                IdCardReviewDecisionRecord.accepted(application.id, event);
            }
        });
    }

    /** A refused decision that named no known case belongs to no application: nothing to keep here. */
    public void onDecisionRejected(IdCardReviewDecisionRejected event) {
        application(event.applicationId())
                .ifPresent(application -> IdCardReviewDecisionRecord.refused(application.id, event));
    }

    private static Optional<Application> application(String applicationId) {
        if (applicationId == null) {
            return Optional.empty();
        }
        Application application = Application.findById(UUID.fromString(applicationId));
        if (application == null) {
            LOG.warnf("ID-card record event for unknown application %s ignored", applicationId);
        }
        return Optional.ofNullable(application);
    }

    /** The case's record, new if this is the first event heard of it; one kept for another application is poison. */
    private static IdCardReviewCaseRecord sameApplication(UUID applicationId, String caseId) {
        IdCardReviewCaseRecord record = IdCardReviewCaseRecord.of(applicationId, caseId);
        if (!record.applicationId.equals(applicationId)) {
            throw new PoisonEventException("a review case event for application " + applicationId + " is about case "
                    + caseId + " of another application");
        }
        return record;
    }
}
