package org.elicence.licence.service;

import org.elicence.licence.credential.status.CredentialReference;
import org.elicence.licence.credential.status.LicenceStatus;
import org.elicence.licence.credential.status.LicenceStatusLookup;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * The register the online verifier asks: the status of the licence's current e-licence, read from the store
 * on every verification so that a suspension or revocation counts from the moment it commits. A licence this
 * service never issued is UNKNOWN. Database failures propagate: "register unavailable" is not a verdict.
 */
@ApplicationScoped
public class LicenceStatusRegister implements LicenceStatusLookup {

    @Override
    @Transactional
    public LicenceStatus statusOf(String licenceNumber) {
        return ELicence.findCurrent(licenceNumber).map(e -> e.status).orElse(LicenceStatus.UNKNOWN);
    }

    /** The presented credential's own status; a credential the store cannot place has its licence's status. */
    @Override
    @Transactional
    public LicenceStatus statusOf(CredentialReference credential) {
        return ELicence.findIssued(credential).map(e -> e.status).orElseGet(() -> statusOf(credential.licenceNumber()));
    }
}
