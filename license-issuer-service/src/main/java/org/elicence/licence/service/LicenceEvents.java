package org.elicence.licence.service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.elicence.licence.credential.mdoc.MdocDocuments;
import org.elicence.licence.credential.qr.QrCodes;
import org.elicence.licence.credential.qr.VerificationCodes;
import org.elicence.licence.registry.DriverLicence;
import org.elicence.messaging.events.EncodedImage;
import org.elicence.messaging.events.IssuingCountry;
import org.elicence.messaging.events.LicenceIssued;
import org.elicence.messaging.events.LicenceRefused;
import org.elicence.messaging.events.LicenceRegisterEntry;
import org.elicence.messaging.events.LicenceStatusChanged;
import org.elicence.messaging.events.LocalizedText;
import org.elicence.messaging.outbox.Outbox;

/** Builds the events this service publishes from what the store holds, so a re-sent event says the same. */
final class LicenceEvents {

    static final String MSO_MDOC = "mso_mdoc";
    static final String JWS = "jws";

    /** The JWS makes a dense code (about 2 kB): 600 px keeps its modules readable by a phone camera. */
    static final int QR_CODE_PIXELS = 600;

    static final String LICENCE_REVOKED = "LICENCE_REVOKED";
    static final String LICENCE_EXPIRED = "LICENCE_EXPIRED";

    private static final Map<String, LocalizedText> REFUSAL_MESSAGES = Map.of(
            LicenceRefused.NO_DRIVING_LICENCE_RECORD, new LocalizedText(
                    "未找到您的机动车驾驶证记录，无法签发电子驾驶证。请先到车管所取得驾驶证。",
                    "We found no driving-licence record for you, so no e-licence can be issued. "
                            + "A driving licence must first be obtained from a vehicle administration office."),
            LICENCE_REVOKED, new LocalizedText(
                    "您的驾驶证已被吊销，无法签发电子驾驶证。",
                    "Your driving licence has been revoked, so no e-licence can be issued."),
            LICENCE_EXPIRED, new LocalizedText(
                    "您的驾驶证已过有效期，请先到车管所换证后再申请电子驾驶证。",
                    "Your driving licence has expired; renew it at a vehicle administration office, then apply again."));

    private LicenceEvents() {
    }

    static LicenceIssued issued(String applicationId, DriverLicence licence, ELicence eLicence) {
        return new LicenceIssued(applicationId, licence.residentId, licence.licenceNumber, licence.fullName,
                licence.classCodes(),
                LocalDate.ofInstant(eLicence.issuedAt, IssuingCountry.ZONE), lastValidDay(eLicence.validUntil),
                licence.issuingAuthority, eLicence.status.name(), eLicence.issuedAt,
                // OpenID4VCI's mso_mdoc: the bare IssuerSigned, base64url without padding (the verifier accepts it too);
                // the stored mdoc is the full Document.
                List.of(new LicenceIssued.Credential(MSO_MDOC, MdocDocuments.issuerSignedBase64Url(eLicence.mdoc)),
                        new LicenceIssued.Credential(JWS, eLicence.jws)),
                // The online-verification QR: a random code, no personal data; POST /verify looks it up.
                new EncodedImage("image/png", QR_CODE_PIXELS, QR_CODE_PIXELS, Base64.getEncoder().encodeToString(
                        QrCodes.png(VerificationCodes.qrText(eLicence.verificationCode), QR_CODE_PIXELS))));
    }

    static LicenceRefused refused(String applicationId, String code) {
        LocalizedText message = REFUSAL_MESSAGES.get(code);
        if (message == null) {
            throw new IllegalArgumentException("no applicant message for refusal " + code);
        }
        return new LicenceRefused(applicationId, code, message);
    }

    static LicenceStatusChanged statusChanged(String applicationId, ELicence eLicence) {
        return new LicenceStatusChanged(applicationId, eLicence.licenceNumber, eLicence.status.name(),
                eLicence.statusReason, eLicence.statusChangedAt);
    }

    /**
     * Publishes {@code issued} for the applicant's view (licence-events) and its entry in the authorities' register
     * (licence-register), in the caller's transaction: every licence given goes to both or neither.
     */
    static void publish(Outbox outbox, LicenceIssued issued) {
        outbox.publish(issued.applicationId(), issued);
        outbox.publish(issued.applicationId(), registerEntry(issued));
    }

    /** Publishes {@code changed} on licence-events and its entry in the authorities' register, as {@link #publish}. */
    static void publish(Outbox outbox, LicenceStatusChanged changed) {
        outbox.publish(changed.applicationId(), changed);
        outbox.publish(changed.applicationId(), registerEntry(changed));
    }

    /**
     * The licence register's entry of an issue (licence-register, read by the authorities): what {@code issued} says,
     * without its credentials, QR code or holder's name, so the two topics never disagree.
     */
    static LicenceRegisterEntry registerEntry(LicenceIssued issued) {
        return new LicenceRegisterEntry(issued.applicationId(), issued.licenceNumber(), LicenceRegisterEntry.ISSUED,
                issued.status(), null, issued.validFrom(), issued.validUntil(), issued.issuingAuthority(),
                issued.issuedAt());
    }

    /** The licence register's entry of a status change: what {@code changed} says. */
    static LicenceRegisterEntry registerEntry(LicenceStatusChanged changed) {
        return new LicenceRegisterEntry(changed.applicationId(), changed.licenceNumber(),
                LicenceRegisterEntry.STATUS_CHANGED, changed.status(), changed.reason(), null, null, null,
                changed.changedAt());
    }

    // validUntil is exclusive (the first instant the credential is no longer valid).
    private static LocalDate lastValidDay(Instant validUntil) {
        return LocalDate.ofInstant(validUntil.minusSeconds(1), IssuingCountry.ZONE);
    }

}
