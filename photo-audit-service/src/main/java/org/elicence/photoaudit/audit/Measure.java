package org.elicence.photoaudit.audit;

/**
 * What a check measured, in both languages the applicant may read (photo-rules.md: "which rule failed, what was
 * measured, and how to fix it — in Chinese and in English"); the value and the threshold are numbers beside it.
 */
public record Measure(String zhCN, String en) {
}
