package org.elicence.application.rest;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.elicence.messaging.http.Problem;

/**
 * Documents, on every operation of the API, the two answers every one of them can give besides its own: a refusal
 * (4XX) and a failure to answer (5XX), both application/problem+json (HttpProblems, ProblemMappers). Written once
 * here; each resource class repeated them as an annotation until 2026-12-07. An operation that documents a code of
 * its own keeps it. Registered with {@code mp.openapi.filter}.
 */
public class ProblemResponses implements OASFilter {

    static final String REFUSED = "Refused: a stable code, and what to do in the request's language";
    static final String NOT_ANSWERED = "Not answered: a correlation id only, or Retry-After";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values()
                .forEach(operation -> {
                    addIfMissing(operation, "4XX", REFUSED);
                    addIfMissing(operation, "5XX", NOT_ANSWERED);
                }));
    }

    private static void addIfMissing(Operation operation, String code, String description) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        if (responses.hasAPIResponse(code)) {
            return;
        }
        responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description)
                .content(OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                        .schema(OASFactory.createSchema().ref(Problem.class.getSimpleName())))));
    }
}
