package org.elicence.licence.service;

import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.elicence.licence.config.LicenceConfig;
import org.elicence.licence.credential.status.LicenceStatus;
import org.elicence.licence.registry.DriverLicence;
import org.elicence.messaging.events.LicenceAuthorityCommand;
import org.elicence.messaging.events.LicenceAuthorityCommandRejected;
import org.elicence.messaging.outbox.Outbox;
import org.elicence.messaging.staff.OperatorCommandKind;
import org.elicence.messaging.staff.OperatorCommandType;
import org.elicence.messaging.staff.OperatorCommands;
import org.elicence.messaging.staff.Refusal;
import org.elicence.messaging.staff.StaffRecord;
import org.jboss.logging.Logger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Obeys SUSPEND, REVOKE, REINSTATE and RENEW commands that authorities type with kcat onto
 * licence-authority-commands (docs/operator-runbook.md), read through platform-messaging's {@link OperatorCommands}:
 * each takes effect once (its commandId is claimed in the transaction of its effect: a status change and
 * LicenceStatusChanged events, or a renewal and LicenceIssued events, {@link LicenceRenewal}), only when signed by
 * an authority of {@code licence.authority.authorised-ids}, and only on a licence of that authority's region
 * ({@code licence.authority.regions}). A command that cannot be obeyed changes nothing and is answered on
 * licence-authority-commands-rejected with the reason.
 */
@ApplicationScoped
public class AuthorityCommandService implements OperatorCommandType<LicenceAuthorityCommand> {

    private static final Logger LOG = Logger.getLogger(AuthorityCommandService.class);
    /** Which statuses each action may start from, and the status it leads to. REVOKED leads nowhere: it is final. */
    private static final Map<String, Transition> TRANSITIONS = Map.of(
            LicenceAuthorityCommand.SUSPEND, new Transition(Set.of(LicenceStatus.ACTIVE), LicenceStatus.SUSPENDED),
            LicenceAuthorityCommand.REVOKE, new Transition(Set.of(LicenceStatus.ACTIVE, LicenceStatus.SUSPENDED),
                    LicenceStatus.REVOKED),
            LicenceAuthorityCommand.REINSTATE, new Transition(Set.of(LicenceStatus.SUSPENDED), LicenceStatus.ACTIVE));

    private record Transition(Set<LicenceStatus> from, LicenceStatus to) {
    }

    private final ELicenceStore store;
    private final LicenceRenewal renewal;
    private final Outbox outbox;
    private final LicenceConfig config;
    private final Clock clock;

    @Inject
    public AuthorityCommandService(ELicenceStore store, LicenceRenewal renewal, Outbox outbox, LicenceConfig config,
            Clock clock) {
        this.store = store;
        this.renewal = renewal;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public OperatorCommandKind<LicenceAuthorityCommand> kind() {
        return OperatorCommandKind.LICENCE_AUTHORITY_COMMAND;
    }

    @Override
    public Set<String> authorisedOperators() {
        return config.authority().authorisedIds();
    }

    @Override
    public Optional<Refusal> apply(LicenceAuthorityCommand command, StaffRecord record, String authority) {
        if (!inRegion(authority, command.licenceNumber())) {
            return Optional.of(new Refusal(LicenceAuthorityCommandRejected.AUTHORITY_NOT_AUTHORISED, "licence "
                    + command.licenceNumber() + " is not in the region of " + authority + " (licence numbers "
                    + config.authority().regions().getOrDefault(authority, "none") + ")"));
        }
        store.lockLicence(command.licenceNumber());
        Optional<ELicence> current = ELicence.findCurrent(command.licenceNumber());
        if (current.isEmpty()) {
            return applyBeforeAnyELicence(command, authority);
        }
        ELicence eLicence = current.get();
        if (LicenceAuthorityCommand.RENEW.equals(command.action())) {
            return renewal.renew(eLicence, command)
                    .map(refusal -> new Refusal(LicenceAuthorityCommandRejected.TRANSITION_NOT_ALLOWED, refusal));
        }
        Transition transition = TRANSITIONS.get(command.action());
        if (!transition.from().contains(eLicence.status)) {
            return Optional.of(notAllowed(command, eLicence.status, transition));
        }
        eLicence.status = transition.to();
        eLicence.statusReason = command.reason();
        eLicence.statusChangedAt = clock.instant();
        for (UUID applicationId : LicenceDecision.applicationsHolding(eLicence.id)) {
            LicenceEvents.publish(outbox, LicenceEvents.statusChanged(applicationId.toString(), eLicence));
        }
        LOG.infof("authority command %s: licence %s is now %s (by %s)", command.commandId(), command.licenceNumber(),
                eLicence.status, authority);
        return Optional.empty();
    }

    /**
     * A licence of the registry without an e-licence yet is suspended, reinstated or revoked all the same: its first
     * e-licence starts from that ({@link LicenceStanding}), so applying cannot escape a suspension or a revocation
     * made before it. RENEW needs a credential to renew.
     */
    private Optional<Refusal> applyBeforeAnyELicence(LicenceAuthorityCommand command, String authority) {
        String licenceNumber = command.licenceNumber();
        if (DriverLicence.findByIdOptional(licenceNumber).isEmpty()) {
            return Optional.of(new Refusal(LicenceAuthorityCommandRejected.UNKNOWN_LICENCE,
                    "the registry has no licence " + licenceNumber));
        }
        if (LicenceAuthorityCommand.RENEW.equals(command.action())) {
            return Optional.of(new Refusal(LicenceAuthorityCommandRejected.UNKNOWN_LICENCE,
                    "no e-licence has been issued for licence " + licenceNumber + ": there is nothing to renew"));
        }
        Transition transition = TRANSITIONS.get(command.action());
        LicenceStatus status = LicenceStanding.of(licenceNumber);
        if (!transition.from().contains(status)) {
            return Optional.of(notAllowed(command, status, transition));
        }
        LicenceStanding.set(licenceNumber, transition.to(), command.reason(), clock.instant());
        LOG.infof("authority command %s: licence %s, without an e-licence yet, is now %s (by %s); its first "
                + "e-licence starts so", command.commandId(), licenceNumber, transition.to(), authority);
        return Optional.empty();
    }

    private static Refusal notAllowed(LicenceAuthorityCommand command, LicenceStatus status, Transition transition) {
        return new Refusal(LicenceAuthorityCommandRejected.TRANSITION_NOT_ALLOWED, "licence "
                + command.licenceNumber() + " is " + status + "; " + command.action() + " applies only to "
                + transition.from() + (status == LicenceStatus.REVOKED ? " (revocation is final)" : ""));
    }

    private boolean inRegion(String authority, String licenceNumber) {
        String region = config.authority().regions().get(authority);
        return region != null && Arrays.stream(region.split(",")).map(String::strip)
                .anyMatch(prefix -> prefix.equals("*") || (!prefix.isEmpty() && licenceNumber.startsWith(prefix)));
    }

    @Override
    public void refuse(StaffRecord record, String authority, Refusal refusal) {
        String commandId = record.text("commandId");
        String licenceNumber = record.text("licenceNumber");
        String authorityId = authority != null ? authority : record.text("authorityId");
        var rejected = new LicenceAuthorityCommandRejected(commandId, licenceNumber, authorityId, refusal.code(),
                refusal.reason(), record.keptValue(), record.partition(), record.offset(), clock.instant());
        String key = licenceNumber != null ? licenceNumber : commandId != null ? commandId : "malformed";
        outbox.publish(key, rejected);
    }
}
