package org.elicence.licence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Map;

import org.elicence.infra.LocalInfraTestResource;
import org.elicence.licence.registry.DriverLicence;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The seeded licences follow the date (V11, docs/licence.md "Seed data"): in a database migrated today every one
 * is current for years, renewed by whole ten-year periods from the seed's own expiry date, so the seeded people
 * (the local run, these tests, the system tests' journeys) do not stop getting e-licences on a fixed day.
 */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "license_issuer_test"))
class SeededRegistryTest {

    /** The expiry each seeded licence was written with (V2__driver_licence_registry.sql, V12 for ZHOU Ming). */
    private static final Map<String, LocalDate> SEED_EXPIRY = Map.of(
            LicenceTestSupport.ZHANG_WEI, LocalDate.of(2031, 6, 18),
            LicenceTestSupport.LI_NA, LocalDate.of(2029, 9, 3),
            LicenceTestSupport.WANG_FANG, LocalDate.of(2030, 3, 22),
            LicenceTestSupport.LIU_YANG, LocalDate.of(2035, 5, 10),
            LicenceTestSupport.HUANG_LI, LocalDate.of(2028, 11, 5),
            LicenceTestSupport.CHEN_JING, LocalDate.of(2033, 8, 21),
            LicenceTestSupport.SUN_YUE, LocalDate.of(2036, 1, 9),
            // ZHOU Ming, V12: the same rule for the licence seeded after V11
            "350102199805122136", LocalDate.of(2035, 7, 2));

    @Test
    void everySeededLicenceIsCurrentForSixYearsAndRenewedOnlyByWholeDecadesFromItsSeedDate() {
        // the migration ran when this test's database was made, minutes ago: today in any zone is its day or the next
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        SEED_EXPIRY.forEach((residentId, seeded) -> {
            LocalDate expiresOn = QuarkusTransaction.requiringNew().call(
                    () -> DriverLicence.findByResidentId(residentId).orElseThrow().expiresOn);
            assertTrue(expiresOn.isAfter(today.plusYears(6).minusDays(2)),
                    residentId + ": expires " + expiresOn + ", less than six years after " + today);
            assertEquals(MonthDay.from(seeded), MonthDay.from(expiresOn), residentId + ": renewed on another day");
            int renewedYears = expiresOn.getYear() - seeded.getYear();
            assertEquals(0, renewedYears % 10, residentId + ": renewed by " + renewedYears + " years");
            if (seeded.isAfter(today.plusYears(6))) {
                assertEquals(seeded, expiresOn, residentId + ": renewed though current for six years");
            } else {
                assertTrue(expiresOn.minusYears(10).isBefore(today.plusYears(6).plusDays(2)),
                        residentId + ": renewed by more decades than needed (" + expiresOn + ")");
            }
        });
    }
}
