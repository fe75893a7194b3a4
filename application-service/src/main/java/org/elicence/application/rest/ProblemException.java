package org.elicence.application.rest;

import org.elicence.messaging.http.Problem;

/** Ends a request with a problem+json response; the detail must not contain personal data. */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private Long retryAfterSeconds;

    public ProblemException(int status, String code, String title, String detail) {
        super(code + ": " + detail, null, false, false);
        this.problem = Problem.of(status, code, title, detail);
    }

    public Problem problem() {
        return problem;
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
        return new ProblemException(404, "LICENCE_NOT_ISSUED", "Licence not issued yet",
                "The licence for this application has not been issued (status " + status + ").");
    }

    public static ProblemException notFound() {
        return new ProblemException(404, "APPLICATION_NOT_FOUND", "Application not found",
                "No application with this id belongs to you.");
    }
}
