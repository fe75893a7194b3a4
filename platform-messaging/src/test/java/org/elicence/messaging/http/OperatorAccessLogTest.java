package org.elicence.messaging.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OperatorAccessLogTest {

    private static final String APPLICATION = "3b9371b8-a188-489d-b59f-260217207280";

    @Test
    void theEndpointsWordsAndUuidsAreLoggedAsTheyAre() {
        String path = "/internal/applications/" + APPLICATION + "/photo-attempts/" + APPLICATION + "/annotated.jpg";
        assertEquals(path, OperatorAccessLog.masked(path));
        assertEquals("/internal/applications/search", OperatorAccessLog.masked("/internal/applications/search"));
    }

    @Test
    void anythingElseInThePathIsNotLogged() {
        assertEquals("/internal/applications/*/record",
                OperatorAccessLog.masked("/internal/applications/11010119900307213X/record"));
        assertEquals("/internal/applicants/*/record",
                OperatorAccessLog.masked("/internal/applicants/110101199003072130/record"));
        assertEquals("/internal/*/", OperatorAccessLog.masked("/internal/x%0Aoperator%20admin/"));
    }

    @Test
    void aUuidSentInUpperCaseOrPercentEncodedIsLoggedAsTheEndpointReadsIt() {
        assertEquals("/internal/applications/" + APPLICATION + "/record",
                OperatorAccessLog.masked("/internal/applications/" + APPLICATION.toUpperCase() + "/record"));
        assertEquals("/internal/applications/" + APPLICATION + "/record",
                OperatorAccessLog.masked("/internal/applications/%33" + APPLICATION.substring(1) + "/record"));
        assertEquals("/internal/*/record", OperatorAccessLog.masked("/internal/%E0%A4%A/record"));
    }

    @Test
    void thePathIsJudgedAsItIsRouted() {
        assertEquals("/internal/applications/search", OperatorAccessLog.masked("/%69nternal/applications/search"));
        assertEquals("/internal/applications/search", OperatorAccessLog.masked("/api/../internal/./applications/search"));
        assertEquals("/internal/applications/search", OperatorAccessLog.masked("/../../internal/applications/search"));
        assertEquals("/internal/applications/search",
                OperatorAccessLog.masked("/api/%2E%2E/internal/applications/search"));
    }
}
