package org.elicence.licence.credential.status;

/**
 * Asks the licence register for a licence's status. The signed credential cannot say it was revoked after
 * signing, so the verifier asks this; implementations must not throw for unknown numbers.
 */
@FunctionalInterface
public interface LicenceStatusLookup {

    LicenceStatus statusOf(String licenceNumber);

    /**
     * The status of one presented credential. A register that keeps every credential it issued overrides this to
     * answer SUPERSEDED for one that a renewal replaced; by default a credential has its licence's status.
     */
    default LicenceStatus statusOf(CredentialReference credential) {
        return statusOf(credential.licenceNumber());
    }

    /** For verifiers without access to the register: every licence is UNKNOWN, checks are cryptographic only. */
    static LicenceStatusLookup offline() {
        return licenceNumber -> LicenceStatus.UNKNOWN;
    }
}
