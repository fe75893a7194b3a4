package org.elicence.idcard.review;

/** Why a decision record was refused; the code is the IdCardReviewDecisionRejected code. */
record DecisionRefusal(String code, String reason) {
}
