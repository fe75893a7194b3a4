package org.elicence.licence.credential;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.elicence.licence.credential.LicenceElements.Element;
import org.elicence.licence.credential.jws.JwsClaims;
import org.elicence.licence.credential.jws.JwsCompact;
import org.elicence.licence.credential.keys.KeyHierarchyGenerator;
import org.elicence.licence.credential.keys.KeyMaterial;
import org.elicence.licence.credential.mdoc.MdocWriter;
import org.elicence.licence.credential.status.StatusListReference;
import org.elicence.messaging.events.IssuingCountry;

/**
 * Signs a licence into an ISO 18013-5 mdoc and an equivalent JWS. Thread-safe; create one per key set.
 *
 * <p>The credential is valid from the moment of signing until the end of the licence's expiry day in China
 * time, but never beyond the document signer certificate's expiry: a verifier rejects anything whose signer
 * has expired, so a longer validUntil would only promise what cannot be kept. Holders therefore need a
 * re-issued credential when the DS key is rotated (see docs/licence.md).
 */
public final class CredentialIssuer {

    private final KeyMaterial keys;
    private final Clock clock;
    private final MdocWriter mdocWriter = new MdocWriter();

    public CredentialIssuer(KeyMaterial keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Issues with a fresh device key whose private half is discarded: the MSO must carry a deviceKeyInfo, but
     * holder device authentication (ISO 18013-5 mdoc authentication) is not in scope until a wallet exists to
     * hold the key. Use {@link #issue(LicenceData, PublicKey)} once it does.
     */
    public IssuedCredential issue(LicenceData data) {
        return issue(data, KeyHierarchyGenerator.newP256KeyPair().getPublic(), null);
    }

    /**
     * Issues with a fresh device key (as {@link #issue(LicenceData)}) and a reference to the credential's entry in
     * the issuer's Token Status List, so that any verifier can look its status up.
     */
    public IssuedCredential issue(LicenceData data, StatusListReference status) {
        return issue(data, KeyHierarchyGenerator.newP256KeyPair().getPublic(), status);
    }

    /** Issues bound to the holder wallet's P-256 device key. */
    public IssuedCredential issue(LicenceData data, PublicKey devicePublicKey) {
        return issue(data, devicePublicKey, null);
    }

    /** @param status the credential's status list entry, or null for a credential that references none */
    public IssuedCredential issue(LicenceData data, PublicKey devicePublicKey, StatusListReference status) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        ValidityWindow validity = new ValidityWindow(now, now, validUntil(data.expiryDate()));
        if (!validity.validUntil().isAfter(now)) {
            throw new IllegalArgumentException("licence or document signer certificate has already expired");
        }
        List<Element> elements = LicenceElements.of(data, LocalDate.ofInstant(now, IssuingCountry.ZONE));
        byte[] mdoc = mdocWriter.write(elements, validity, devicePublicKey, status, keys);
        String jws = JwsCompact.sign(JwsClaims.build(elements, validity, status), keys);
        // The JWS without portrait verifies offline with only the IACA certificate.
        return new IssuedCredential(mdoc, jws);
    }

    /**
     * The end of validity of a credential signed now for a licence that expires on {@code licenceExpiry}: the end of
     * that day in China time, or the end of the signing chain (the document signer's or the IACA root's certificate,
     * whichever expires first) if that comes first.
     */
    public Instant validUntil(LocalDate licenceExpiry) {
        Instant endOfExpiryDay = licenceExpiry.plusDays(1).atStartOfDay(IssuingCountry.ZONE).toInstant();
        Instant signerExpiry = keys.signingChainExpiry();
        return endOfExpiryDay.isBefore(signerExpiry) ? endOfExpiryDay : signerExpiry;
    }
}
