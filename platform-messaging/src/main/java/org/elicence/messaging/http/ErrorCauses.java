package org.elicence.messaging.http;

/**
 * What an unexpected error's log line may say: the classes of the exception and its causes, each with the frame it
 * was thrown at, never a message. Messages quote what was sent or stored (a database constraint's values, a parser's
 * input), and that can be personal data (docs/privacy.md); the answer carries a correlation id that finds this line.
 */
public final class ErrorCauses {

    private static final int MAX_CHARS = 1000;

    private ErrorCauses() {
    }

    /** {@code a.B at frame <- c.D at frame …}, cut off after about 1000 characters. */
    public static String classes(Throwable e) {
        StringBuilder classes = new StringBuilder();
        for (Throwable t = e; t != null && classes.length() < MAX_CHARS; t = t.getCause() == t ? null : t.getCause()) {
            StackTraceElement at = t.getStackTrace().length > 0 ? t.getStackTrace()[0] : null;
            classes.append(classes.length() > 0 ? " <- " : "").append(t.getClass().getName())
                    .append(at == null ? "" : " at " + at);
        }
        return classes.toString();
    }
}
