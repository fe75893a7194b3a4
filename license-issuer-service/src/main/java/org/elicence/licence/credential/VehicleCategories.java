package org.elicence.licence.credential;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Chinese licence classes (准驾车型, Ministry of Public Security Order 162) mapped to ISO/IEC 18013-1 vehicle
 * categories for ISO 18013-5 {@code driving_privileges}. The rule is conservative: a class maps to the ISO category
 * it fully covers, so a reader abroad never sees more than the holder may drive at home; a class that covers no ISO
 * category (a trolleybus, a low-speed truck) has no ISO entry and appears only in the domestic namespace. The same
 * letters mean different vehicles: China's C1 is a small car (ISO B), China's D a three-wheeled motorcycle (not
 * ISO D, a bus). docs/licence.md has the table and the reasoning.
 */
public final class VehicleCategories {

    /** An ISO 18013-1 category with the ISO 18013-5 codes (restrictions) that narrow it for one national class. */
    public record IsoCategory(String category, List<String> restrictionCodes) {
    }

    /** EU/ISO harmonised restriction code 78: vehicles with automatic transmission only. */
    static final String AUTOMATIC_ONLY = "78";
    /** Prefix of the code that carries the national class, e.g. {@code CN:C1}: not an ISO harmonised code. */
    static final String NATIONAL_CODE_PREFIX = "CN:";

    private static final Map<String, IsoCategory> MAPPED = Map.of(
            "A1", new IsoCategory("D", List.of()),              // large bus → bus
            "A2", new IsoCategory("CE", List.of()),             // tractor-trailer combination → heavy goods with trailer
            "B1", new IsoCategory("D1", List.of()),             // medium bus (10-19 seats) → minibus (≤ 16 + driver)
            "B2", new IsoCategory("C", List.of()),              // heavy and medium truck → goods vehicle > 3.5 t
            "C1", new IsoCategory("B", List.of()),              // small car → car
            "C2", new IsoCategory("B", List.of(AUTOMATIC_ONLY)), // small automatic car → car, automatic only
            "E", new IsoCategory("A", List.of()),               // two-wheeled motorcycle → motorcycle
            "F", new IsoCategory("AM", List.of()));             // light motorcycle (≤ 50 cc, ≤ 50 km/h) → moped

    /** The classes the regulation defines and that have no ISO category they fully cover. */
    static final List<String> NATIONAL_ONLY = List.of("A3", "C3", "C4", "C5", "D", "M", "N", "P");

    private VehicleCategories() {
    }

    /** The ISO category for a national class, or empty when no faithful one exists (or the class is unknown). */
    public static Optional<IsoCategory> iso(String nationalClass) {
        return Optional.ofNullable(MAPPED.get(nationalClass));
    }
}
