package org.elicence.photoaudit.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.elicence.messaging.events.RuleCheck;
import org.junit.jupiter.api.Test;

/** What counts as a name or a validity read, and how ID20 and ID21 judge them, without images. */
class CardTextReadersTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @Test
    void aValidityCountsOnlyWhenSelfConsistent() {
        assertEquals(Optional.of(new ValidityReader.Validity(LocalDate.of(2019, 5, 20), LocalDate.of(2039, 5, 20))),
                ValidityReader.parse("2019.05.20-2039.05.20\n"));
        assertEquals(Optional.of(new ValidityReader.Validity(LocalDate.of(2006, 4, 18), null)),
                ValidityReader.parse("2006.04.18 - 长期"));
        assertEquals(Optional.of(new ValidityReader.Validity(LocalDate.of(2017, 10, 11), LocalDate.of(2022, 10, 11))),
                ValidityReader.parse("20171011-20221011"), "dots lost, a five-year term");
        assertTrue(ValidityReader.parse("2019.05.20-2039.05.26").isEmpty(), "a misread day");
        assertTrue(ValidityReader.parse("2019.05.20-2038.05.20").isEmpty(), "no such term");
        assertTrue(ValidityReader.parse("2019.13.20-2039.13.20").isEmpty(), "no such month");
        assertTrue(ValidityReader.parse("2019.05.2-2039.05.20").isEmpty(), "a digit lost");
        assertTrue(ValidityReader.parse("").isEmpty());
    }

    @Test
    void theValidityIsJudgedAgainstToday() {
        assertEquals(RuleCheck.PASS, CardValidityCheck.check(ValidityReader.parse("2016.06.01-2026.06.01"), TODAY)
                .verdict(), "the last day is still valid");
        RuleCheck expired = CardValidityCheck.check(ValidityReader.parse("2006.05.31-2026.05.31"), TODAY);
        assertEquals(RuleCheck.FAIL, expired.verdict());
        assertEquals("CARD_EXPIRED", expired.code());
        assertEquals(RuleCheck.PASS, CardValidityCheck.check(ValidityReader.parse("1990.01.01-长期"), TODAY).verdict());
        RuleCheck notRead = CardValidityCheck.check(Optional.empty(), TODAY);
        assertEquals(RuleCheck.NOT_ASSESSABLE, notRead.verdict());
        assertEquals("VALIDITY_UNREADABLE", notRead.code());
        assertEquals(RuleCheck.NOT_ASSESSABLE, CardValidityCheck.check(
                ValidityReader.parse("2030.01.01-2040.01.01"), TODAY).verdict(),
                "a start in the future is a misreading");
    }

    @Test
    void aNameIsItsChineseCharactersAndIsComparedWithoutBlanks() {
        NameReader.Reading read = NameReader.reading(List.of(new TesseractOcr.Symbol("王", 98),
                new TesseractOcr.Symbol("|", 40), new TesseractOcr.Symbol("芳", 91)));
        assertEquals("王芳", read.name());
        assertEquals(91, read.minConfidence());
        assertEquals("阿依古丽·买买提", NameReader.normalise("阿依古丽 • 买买提"));
        assertTrue(NameReader.plausible("王芳"));
        assertTrue(!NameReader.plausible("王"));
        assertTrue(!read.toString().contains("王"), "a reading does not print the name");

        assertEquals(RuleCheck.PASS, NameMatchesApplicantCheck.check(Optional.of(read), "王 芳").verdict());
        RuleCheck other = NameMatchesApplicantCheck.check(Optional.of(read), "李娜");
        assertEquals(RuleCheck.NOT_ASSESSABLE, other.verdict(), "a different name is never a failure");
        assertEquals("NAME_NOT_CONFIRMED", other.code());
        assertEquals("NAME_UNREADABLE", NameMatchesApplicantCheck.check(Optional.empty(), "李娜").code());
        assertEquals(RuleCheck.NOT_ASSESSABLE, NameMatchesApplicantCheck.check(Optional.of(read), null).verdict());
    }
}
