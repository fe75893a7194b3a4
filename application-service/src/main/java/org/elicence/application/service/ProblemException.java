package org.elicence.application.service;

import java.util.Arrays;

/**
 * Ends a request with a problem+json response, written in the applicant's language by the REST layer's mapper from
 * the code, the detail's variant and its arguments. The arguments must not contain personal data.
 */
public class ProblemException extends RuntimeException {

    private final ProblemCode code;
    private final String variant;
    private final transient Object[] args;
    private Long retryAfterSeconds;

    public ProblemException(ProblemCode code, Object... args) {
        this(code, null, args);
    }

    private ProblemException(ProblemCode code, String variant, Object... args) {
        super(code.name(), null, false, false);
        if (variant != null && !code.variants().contains(variant)) {
            throw new IllegalArgumentException(code + " has no detail " + variant);
        }
        this.code = code;
        this.variant = variant;
        this.args = args.clone();
    }

    /** The refusal {@code code} explained by its detail {@code CODE.detail.variant}. */
    public static ProblemException variant(ProblemCode code, String variant, Object... args) {
        return new ProblemException(code, variant, args);
    }

    public ProblemCode code() {
        return code;
    }

    /** Null for the code's plain detail. */
    public String detailVariant() {
        return variant;
    }

    public Object[] args() {
        return Arrays.copyOf(args, args.length);
    }

    /** Adds a Retry-After header (seconds) to the response. */
    public ProblemException retryAfter(long seconds) {
        this.retryAfterSeconds = Math.max(1, seconds);
        return this;
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ProblemException licenceNotIssued(Object status) {
        return new ProblemException(ProblemCode.LICENCE_NOT_ISSUED, status);
    }

    public static ProblemException notFound() {
        return new ProblemException(ProblemCode.APPLICATION_NOT_FOUND);
    }
}
