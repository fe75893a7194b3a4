package org.elicence.messaging;

import java.util.regex.Pattern;

import org.jboss.logging.MDC;

/**
 * Puts the application id into the logging context (JSON logs show it as {@code mdc.applicationId}),
 * so an operator can follow one application through every service's log lines. The application id
 * is a random UUID and not personal data; resident ID numbers never go here.
 */
public final class LogContext implements AutoCloseable {

    public static final String APPLICATION_ID = "applicationId";

    // Only what has the shape of an application id is logged: a key or path is whatever a client sent.
    private static final Pattern UUID_SHAPE = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

    private final Object previous;

    private LogContext(Object previous) {
        this.previous = previous;
    }

    /** For a block of work: closing it restores what was there before. */
    public static LogContext forApplication(String applicationId) {
        LogContext context = new LogContext(MDC.get(APPLICATION_ID));
        putApplicationId(applicationId);
        return context;
    }

    /** For work whose end is signalled elsewhere (an HTTP response filter). */
    public static void putApplicationId(String applicationId) {
        if (hasUuidShape(applicationId)) {
            MDC.put(APPLICATION_ID, applicationId);
        } else {
            MDC.remove(APPLICATION_ID);
        }
    }

    /**
     * Whether {@code text} is a UUID in its canonical form (any case): the one shape of an id that logs carry, and
     * the one an endpoint takes for an id (UUID.fromString alone also takes short forms such as 0-0-0-0-1).
     */
    public static boolean hasUuidShape(String text) {
        return text != null && UUID_SHAPE.matcher(text).matches();
    }

    public static void removeApplicationId() {
        MDC.remove(APPLICATION_ID);
    }

    @Override
    public void close() {
        if (previous == null) {
            MDC.remove(APPLICATION_ID);
        } else {
            MDC.put(APPLICATION_ID, previous);
        }
    }
}
