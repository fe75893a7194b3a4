package org.elicence.application.service;

import java.util.Optional;
import java.util.UUID;

import org.elicence.application.domain.Application;
import org.elicence.application.domain.IdCardReviewCaseRecord;
import org.elicence.application.domain.IdCardReviewDecisionRecord;
import org.elicence.messaging.events.IdCardReviewCaseClosed;
import org.elicence.messaging.events.IdCardReviewCaseOpened;
import org.elicence.messaging.events.IdCardReviewDecisionRejected;
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

    public void onCaseOpened(IdCardReviewCaseOpened event) {
        application(event.applicationId()).ifPresent(id -> IdCardReviewCaseRecord.opened(id, event));
    }

    public void onCaseClosed(IdCardReviewCaseClosed event) {
        application(event.applicationId()).ifPresent(id -> {
            IdCardReviewCaseRecord.closed(id, event);
            if (event.decisionId() != null) { // a case closed by the application's withdrawal had no decision
                IdCardReviewDecisionRecord.accepted(id, event);
            }
        });
    }

    /** A refused decision that named no known case belongs to no application: nothing to keep here. */
    public void onDecisionRejected(IdCardReviewDecisionRejected event) {
        application(event.applicationId()).ifPresent(id -> IdCardReviewDecisionRecord.refused(id, event));
    }

    private static Optional<UUID> application(String applicationId) {
        if (applicationId == null) {
            return Optional.empty();
        }
        UUID id = UUID.fromString(applicationId);
        if (Application.findById(id) == null) {
            LOG.warnf("ID-card record event for unknown application %s ignored", applicationId);
            return Optional.empty();
        }
        return Optional.of(id);
    }
}
