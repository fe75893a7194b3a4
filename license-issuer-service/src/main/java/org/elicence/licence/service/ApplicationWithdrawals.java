package org.elicence.licence.service;

import java.util.UUID;

import org.elicence.messaging.events.ApplicationWithdrawn;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * application-service closed an application undecided ({@code application.withdrawn}): nothing is issued for it from
 * any approval read afterwards (an ID card staff approve later, a photo's PASS and its acceptance), and the portraits
 * of its passing photos kept until a decision are deleted now (docs/privacy.md). The withdrawal must name the
 * applicant the application was created for, like every approval ({@link KnownApplications#requireApplicant}). A
 * licence decided before the withdrawal was read stands: application-service shows it.
 */
@ApplicationScoped
public class ApplicationWithdrawals {

    private static final Logger LOG = Logger.getLogger(ApplicationWithdrawals.class);

    private final KnownApplications applications;

    @Inject
    public ApplicationWithdrawals(KnownApplications applications) {
        this.applications = applications;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onWithdrawn(ApplicationWithdrawn withdrawn) {
        applications.requireApplicant(withdrawn.applicationId(), withdrawn.applicantId());
        UUID application = UUID.fromString(withdrawn.applicationId());
        applications.lock(application);
        applications.withdraw(application);
        int portraits = applications.forgetPassedPortraits(application);
        boolean decided = LicenceDecision.findByIdOptional(application).isPresent();
        LOG.infof("application %s withdrawn (%s): %s; %d kept portraits deleted", application, withdrawn.reason(),
                decided ? "its licence was decided before, that decision stands" : "nothing will be issued for it",
                portraits);
    }
}
