package org.elicence.photoaudit.card;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An 18-character resident ID number (GB 11643-1999): a 6-digit region code (GB/T 2260), the birth
 * date as yyyyMMdd, a 3-digit sequence (odd for men) and an ISO 7064 MOD 11-2 check character.
 */
public final class ResidentIdNumber {

    private static final Pattern SHAPE = Pattern.compile("[0-9]{17}[0-9X]");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARACTERS = "10X98765432";
    private static final DateTimeFormatter BIRTH_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);
    /** Provinces, autonomous regions and municipalities (GB/T 2260), plus Taiwan, Hong Kong and Macao. */
    private static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32",
            "33", "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61",
            "62", "63", "64", "65", "71", "81", "82");

    private ResidentIdNumber() {
    }

    /** 18 characters, digits with a final digit or X, and the MOD 11-2 check character right. */
    public static boolean hasValidCheckCharacter(String number) {
        return number != null && SHAPE.matcher(number).matches()
                && checkCharacter(number.substring(0, 17)) == number.charAt(17);
    }

    /** The ISO 7064 MOD 11-2 check character of the first 17 digits. */
    public static char checkCharacter(String first17Digits) {
        int sum = 0;
        for (int i = 0; i < WEIGHTS.length; i++) {
            sum += (first17Digits.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS.charAt(sum % 11);
    }

    /** The birth date the number encodes, if it is a real calendar date. */
    public static Optional<LocalDate> birthDate(String number) {
        if (number == null || !SHAPE.matcher(number).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(number.substring(6, 14), BIRTH_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A real date, not in the future and at most {@code maxAgeYears} ago. */
    public static boolean hasPlausibleBirthDate(String number, LocalDate today, int maxAgeYears) {
        return birthDate(number)
                .filter(date -> !date.isAfter(today) && !date.isBefore(today.minusYears(maxAgeYears)))
                .isPresent();
    }

    /** A known province and a county-level code: neither the prefecture nor the county part is 00. */
    public static boolean hasPlausibleRegion(String number) {
        return number != null && SHAPE.matcher(number).matches() && PROVINCES.contains(number.substring(0, 2))
                && !number.startsWith("00", 2) && !number.startsWith("00", 4);
    }
}
