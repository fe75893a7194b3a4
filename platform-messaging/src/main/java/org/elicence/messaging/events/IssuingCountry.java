package org.elicence.messaging.events;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The calendar every date of the platform is a day of: a licence's or an ID card's validity, a birth date, the day a
 * credential was issued are calendar days of the issuing country, whatever zone a pod's clock runs in (UTC on
 * Kubernetes). Judged on UTC, a card that expired at midnight in Beijing would pass until 08:00 there.
 */
public final class IssuingCountry {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private IssuingCountry() {
    }

    /** The day it is now in the issuing country by {@code clock}. */
    public static LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }
}
