package org.elicence.photoaudit.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.elicence.photoaudit.card.testing.CardHolder;
import org.junit.jupiter.api.Test;

class ResidentIdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @Test
    void theSeededNumbersAreValid() {
        for (String number : new String[] {CardHolder.ZHANG_WEI.residentId(), CardHolder.LI_NA.residentId(), CardHolder.WANG_FANG.residentId(), CardHolder.HUANG_LI.residentId(),
                CardHolder.CHEN_JING.residentId(), CardHolder.SUN_YUE.residentId(), CardHolder.ZHAO_MIN.residentId()}) {
            assertTrue(ResidentIdNumber.hasValidCheckCharacter(number), number);
            assertTrue(ResidentIdNumber.hasPlausibleBirthDate(number, TODAY, 120), number);
            assertTrue(ResidentIdNumber.hasPlausibleRegion(number), number);
        }
    }

    @Test
    void theCheckCharacterIsIso7064Mod11Of2() {
        // GB 11643-1999's own example.
        assertEquals('X', ResidentIdNumber.checkCharacter("11010519491231002"));
        assertEquals('X', ResidentIdNumber.checkCharacter("11010119900307213"));
        assertTrue(ResidentIdNumber.hasValidCheckCharacter("11010519491231002X"));
        assertFalse(ResidentIdNumber.hasValidCheckCharacter("110105194912310021"));
        assertFalse(ResidentIdNumber.hasValidCheckCharacter("11010519491231002x"), "X is upper case");
        assertFalse(ResidentIdNumber.hasValidCheckCharacter("1101051949123100"), "too short");
        assertFalse(ResidentIdNumber.hasValidCheckCharacter(null));
    }

    @Test
    void theBirthDateMustBeARealPastDateWithinALifetime() {
        assertEquals(LocalDate.of(1992, 2, 29), ResidentIdNumber.birthDate(CardHolder.ZHAO_MIN.residentId()).orElseThrow());
        assertFalse(ResidentIdNumber.hasPlausibleBirthDate(withCheck("11010119930229001"), TODAY, 120),
                "1993 is no leap year");
        assertFalse(ResidentIdNumber.hasPlausibleBirthDate(withCheck("11010120300101001"), TODAY, 120), "future");
        assertFalse(ResidentIdNumber.hasPlausibleBirthDate(withCheck("11010118900101001"), TODAY, 120), "too old");
    }

    @Test
    void theRegionMustBeACountyOfAKnownProvince() {
        assertFalse(ResidentIdNumber.hasPlausibleRegion(withCheck("99010119900101001")), "no province 99");
        assertFalse(ResidentIdNumber.hasPlausibleRegion(withCheck("11000019900101001")), "province level only");
        assertFalse(ResidentIdNumber.hasPlausibleRegion(withCheck("11010019900101001")), "prefecture level only");
        assertTrue(ResidentIdNumber.hasPlausibleRegion(withCheck("44030519900101001")), "Shenzhen Nanshan");
    }

    private static String withCheck(String first17) {
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }
}
