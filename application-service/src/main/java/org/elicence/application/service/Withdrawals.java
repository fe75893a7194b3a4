package org.elicence.application.service;

import java.util.Map;

import org.elicence.application.domain.Application;
import org.elicence.application.domain.Notice;
import org.elicence.messaging.events.ApplicationWithdrawn;
import org.elicence.messaging.events.LocalizedText;
import org.elicence.messaging.outbox.Outbox;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Closes an application as WITHDRAWN, by the applicant or because it was abandoned, with the notice that says which,
 * and tells the licence issuer and idcard-service in the same transaction ({@code application.withdrawn}), so that
 * nothing is issued or reviewed for it afterwards.
 */
@ApplicationScoped
public class Withdrawals {

    private static final Logger LOG = Logger.getLogger(Withdrawals.class);

    private static final Map<String, Notice> NOTICES = Map.of(
            ApplicationWithdrawn.BY_APPLICANT, Notice.of("WITHDRAWN_BY_APPLICANT", new LocalizedText(
                    "您已撤回此申请。如需再次申请，请新建一个申请。",
                    "You withdrew this application. To apply again, open a new application.")),
            ApplicationWithdrawn.ABANDONED, Notice.of("WITHDRAWN_ABANDONED", new LocalizedText(
                    "此申请长期等待您上传照片或身份证而未有操作，已自动关闭。如需再次申请，请新建一个申请。",
                    "This application waited for your photo or ID card for a long time without an upload and was closed. "
                            + "To apply again, open a new application.")));

    private final Outbox outbox;

    @Inject
    public Withdrawals(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Withdraws the application (the caller's transaction) for {@code reason}, {@link ApplicationWithdrawn#BY_APPLICANT}
     * or {@link ApplicationWithdrawn#ABANDONED}; nothing happens if it was withdrawn already.
     *
     * @throws IllegalStateException unless {@link Application#mayBeWithdrawn()} or already withdrawn
     */
    public void close(Application application, String reason) {
        Notice notice = NOTICES.get(reason);
        if (notice == null) {
            throw new IllegalArgumentException("no withdrawal reason " + reason);
        }
        String was = application.status.name();
        if (application.withdraw(notice)) {
            outbox.publish(application.id.toString(), new ApplicationWithdrawn(application.id.toString(),
                    application.applicantId, reason, application.updatedAt));
            Application.flush();
            LOG.infof("application %s withdrawn (%s) from %s", application.id, reason, was);
        }
    }
}
