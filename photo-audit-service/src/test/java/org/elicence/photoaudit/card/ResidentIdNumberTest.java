package org.elicence.idcard.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.elicence.idcard.testing.Citizens;
import org.junit.jupiter.api.Test;

class ResidentIdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    @Test
    void theSeededNumbersAreValid() {
        for (String number : new String[] {Citizens.ZHANG_WEI, Citizens.LI_NA, Citizens.WANG_FANG, Citizens.HUANG_LI,
                Citizens.CHEN_JING, Citizens.SUN_YUE, Citizens.ZHAO_MIN}) {
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
        assertEquals(LocalDate.of(1992, 2, 29), ResidentIdNumber.birthDate(Citizens.ZHAO_MIN).orElseThrow());
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
