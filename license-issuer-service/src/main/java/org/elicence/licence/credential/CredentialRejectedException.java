package org.elicence.licence.credential;

/**
 * Thrown inside verification by the first failing check; {@link CredentialVerifier} turns it into a
 * {@link VerificationResult}. An exception keeps each check a straight line instead of threading results.
 */
public final class CredentialRejectedException extends Exception {

    private final ReasonCode code;

    public CredentialRejectedException(ReasonCode code, String reason) {
        super(reason, null, false, false);
        this.code = code;
    }

    public ReasonCode code() {
        return code;
    }

    VerificationResult toResult() {
        return VerificationResult.rejected(code, getMessage());
    }
}
