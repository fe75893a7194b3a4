package org.elicence.licence.credential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class VehicleCategoriesTest {

    private static final List<String> CHINESE_CLASSES =
            List.of("A1", "A2", "A3", "B1", "B2", "C1", "C2", "C3", "C4", "C5", "D", "E", "F", "M", "N", "P");
    private static final Set<String> ISO_18013_1 =
            Set.of("AM", "A1", "A2", "A", "B1", "B", "C1", "C", "D1", "D", "BE", "C1E", "CE", "D1E", "DE");

    @Test
    void everyChineseClassIsEitherMappedToAnIsoCategoryOrNationalOnly() {
        Map<String, String> mapped = CHINESE_CLASSES.stream()
                .filter(c -> VehicleCategories.iso(c).isPresent())
                .collect(Collectors.toMap(c -> c, c -> VehicleCategories.iso(c).orElseThrow().category()));
        assertEquals(Map.of("A1", "D", "A2", "CE", "B1", "D1", "B2", "C", "C1", "B", "C2", "B", "E", "A", "F", "AM"),
                mapped);
        assertEquals(Set.copyOf(CHINESE_CLASSES), Stream.concat(mapped.keySet().stream(),
                VehicleCategories.NATIONAL_ONLY.stream()).collect(Collectors.toSet()));
        assertTrue(ISO_18013_1.containsAll(mapped.values()));
        assertEquals(List.of("78"), VehicleCategories.iso("C2").orElseThrow().restrictionCodes(), "automatic only");
        assertTrue(VehicleCategories.iso("D").isEmpty(), "China's D is a three-wheeled motorcycle, not ISO's bus");
        assertTrue(VehicleCategories.iso("X9").isEmpty());
    }
}
