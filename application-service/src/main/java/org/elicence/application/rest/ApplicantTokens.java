package org.elicence.application.rest;

import org.elicence.application.service.ProblemCode;
import org.elicence.application.service.ProblemException;
import org.elicence.messaging.LogContext;

import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** The mobile API's two checks on every request: the token's subject is an applicant, the path's id a UUID. */
final class ApplicantTokens {

    /** A resident ID number (GB 11643): 17 digits and a check character. */
    static final String RESIDENT_ID_FORMAT = "[0-9]{17}[0-9X]";

    private static final Pattern RESIDENT_ID = Pattern.compile(RESIDENT_ID_FORMAT);

    private ApplicantTokens() {
    }

    /** The applicant's resident ID number, the token's subject; 403 SUBJECT_NOT_AN_APPLICANT otherwise. */
    static String residentId(JsonWebToken token) {
        String subject = token.getSubject();
        if (subject == null || !RESIDENT_ID.matcher(subject).matches()) {
            throw new ProblemException(ProblemCode.SUBJECT_NOT_AN_APPLICANT);
        }
        return subject;
    }

    /**
     * An application id from the path, in its canonical form (any case); anything else is an application that does
     * not exist (404). {@code UUID.fromString} alone also takes short forms ({@code 0-0-0-0-1}), which the operators'
     * access log could not trace to the id.
     */
    static UUID applicationId(String id) {
        if (!LogContext.hasUuidShape(id)) {
            throw ProblemException.notFound();
        }
        return UUID.fromString(id);
    }
}
