package org.elicence.messaging.staff;

/** Why an operator's record is not obeyed: a code of its {@code -rejected} event's schema and the words for it. */
public record Refusal(String code, String reason) {
}
