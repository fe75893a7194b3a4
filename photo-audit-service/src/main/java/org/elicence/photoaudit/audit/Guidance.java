package org.elicence.photoaudit.audit;

/** Actionable instruction shown to the applicant, in simplified Chinese and English. */
public record Guidance(String zhCN, String en) {
}
