package org.elicence.messaging.staff;

import org.elicence.messaging.BoundedText;

/**
 * Why an operator's record is not obeyed: a code of its {@code -rejected} event's schema and the words for it, cut to
 * {@link #MAX_REASON_LENGTH} (the schemas' limit): a record with a thousand unknown fields makes a thousand schema
 * violations, and a reason longer than its event allows could not be published, so the refusal would not be told.
 */
public record Refusal(String code, String reason) {

    public static final int MAX_REASON_LENGTH = 2000;

    public Refusal {
        reason = BoundedText.cut(reason, MAX_REASON_LENGTH);
    }
}
