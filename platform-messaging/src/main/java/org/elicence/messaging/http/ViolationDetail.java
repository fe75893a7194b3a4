package org.elicence.messaging.http;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.ValidationException;
import jakarta.validation.metadata.ConstraintDescriptor;

/**
 * The detail of a 400 for a request body that breaks its constraints ({@code fullName: must not be blank}), written in
 * the language {@link AcceptLanguage} chose for the whole problem. Hibernate Validator picks its own locale from the
 * same header, but matches a range only against a locale it lists exactly or more generally ({@code en-US} finds no
 * {@code en}) and otherwise takes the default: an English title over {@code fullName: 不能为空}. Each message is
 * therefore interpolated again from its template for the problem's language. The context given is the standard one:
 * the built-in constraints' templates ({@code {max}}, {@code {regexp}}) read their attributes from it; a custom
 * constraint adding message parameters of its own (none does here) would need Hibernate Validator's context, or
 * they would stay as written.
 */
public final class ViolationDetail {

    private ViolationDetail() {
    }

    /** {@code field: message} for every violation, sorted, joined by {@code "; "}. */
    public static String of(Set<? extends ConstraintViolation<?>> violations, MessageInterpolator interpolator,
            String language) {
        Locale locale = Locale.forLanguageTag(language);
        return violations.stream()
                .map(v -> field(v) + ": " + message(v, interpolator, locale))
                .sorted()
                .collect(Collectors.joining("; "));
    }

    private static String message(ConstraintViolation<?> violation, MessageInterpolator interpolator, Locale locale) {
        try {
            return interpolator.interpolate(violation.getMessageTemplate(), new Context(violation), locale);
        } catch (RuntimeException e) {
            // a template the interpolator cannot take again without the validator's own context: as first written
            return violation.getMessage();
        }
    }

    /** The field's own name: the last node of the property path. */
    private static String field(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private record Context(ConstraintViolation<?> violation) implements MessageInterpolator.Context {

        @Override
        public ConstraintDescriptor<?> getConstraintDescriptor() {
            return violation.getConstraintDescriptor();
        }

        @Override
        public Object getValidatedValue() {
            return violation.getInvalidValue();
        }

        @Override
        public <T> T unwrap(Class<T> type) {
            throw new ValidationException("no provider context for " + type.getName());
        }
    }
}
