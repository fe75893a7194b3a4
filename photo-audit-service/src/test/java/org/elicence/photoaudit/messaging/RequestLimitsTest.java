package org.elicence.photoaudit.messaging;

import java.net.URL;

import org.elicence.infra.LocalInfraTestResource;
import org.elicence.infra.RequestLimitProbe;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** Issue 14: photo-audit-service's only HTTP surface (health, metrics) refuses oversized requests as problem+json. */
@QuarkusTest
@WithTestResource(value = LocalInfraTestResource.class, initArgs = @ResourceArg(name = "database", value = "photo_audit_test"))
class RequestLimitsTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void aTooLongUriAndTooLargeHeadersAnswerProblemDetails() throws Exception {
        RequestLimitProbe.assertLimitsAnswerProblemDetails(base.toURI(), "/q/health/live");
    }
}
