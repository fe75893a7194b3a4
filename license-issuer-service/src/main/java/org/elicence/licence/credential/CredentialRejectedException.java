package org.elicence.licence.credential;

/**
 * Thrown inside verification by the first failing check; {@link CredentialVerifier} turns it into a
 * {@link VerificationResult}. An exception keeps each check a straight line instead of threading results.
 */
final class CredentialRejectedException extends Exception {

    private final ReasonCode code;

    CredentialRejectedException(ReasonCode code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    ReasonCode code() {
        return code;
    }

    VerificationResult toResult() {
        return VerificationResult.rejected(code, getMessage());
    }
}
