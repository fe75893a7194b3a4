package org.elicence.messaging.http;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The words of every problem+json a service writes, in the language the client asked for: the title and detail of
 * each code are kept in {@code META-INF/problems/<language>.properties} (platform-messaging's file holds the codes
 * every service shares, each service's its own; all files on the class path are read, and one code written twice
 * with different words stops the service at start). Keys: {@code CODE.title}, {@code CODE.detail}, and
 * {@code CODE.detail.variant} where one code has several explanations; {@code {0}}, {@code {1}} … are the
 * arguments, written as they are (no number or date formatting, no quoting rules). A service writes the languages
 * of {@code platform.http.languages}, its default first; a text missing in one language is taken from English
 * (each service's tests hold {@link #gaps()} empty, so none is).
 */
@ApplicationScoped
public class ProblemTexts {

    private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)}");

    private final List<String> languages;
    private final Map<String, Map<String, String>> texts = new HashMap<>();

    @Inject
    public ProblemTexts(@ConfigProperty(name = "platform.http.languages", defaultValue = "en") List<String> languages) {
        this.languages = List.copyOf(languages);
        for (String language : this.languages) {
            texts.put(language, read("META-INF/problems/" + language + ".properties"));
        }
    }

    /** The language of a response to a request with this Accept-Language header (one of the service's). */
    public String language(String acceptLanguage) {
        return AcceptLanguage.choose(acceptLanguage, languages);
    }

    public Problem problem(String language, int status, String code, Object... args) {
        return variant(language, status, code, null, args);
    }

    /** A problem whose detail is {@code CODE.detail.variant}: one code, several explanations. */
    public Problem variant(String language, int status, String code, String variant, Object... args) {
        String detailKey = variant == null ? code + ".detail" : code + ".detail." + variant;
        String title = text(language, code + ".title", args);
        String detail = text(language, detailKey, args);
        return Problem.of(status, code, title, detail);
    }

    /**
     * An HTTP refusal of the JAX-RS layer or the router (wrong method, unknown media type …) under the service's
     * {@code code} for it: the code's own words where there are some, else the status' reason phrase.
     */
    public Problem httpStatus(String language, int status, String code, String reasonPhrase) {
        if (hasText(code + ".title")) {
            return problem(language, status, code);
        }
        Object[] args = { reasonPhrase, status };
        return Problem.of(status, code, text(language, "HTTP_STATUS.title", args),
                text(language, "HTTP_STATUS.detail", args));
    }

    /**
     * A fault on our side: the body says nothing but that, what the client should do, and the id under which the
     * log line was written.
     */
    public Problem internal(String language, String correlationId) {
        return Problem.internal(correlationId, text(language, "INTERNAL_ERROR.title", new Object[0]),
                text(language, "INTERNAL_ERROR.detail", new Object[] { correlationId }));
    }

    /** Whether every language of the service has a text for this key (tests hold every code to it). */
    public boolean hasText(String key) {
        return languages.stream().allMatch(language -> texts.get(language).containsKey(key));
    }

    public List<String> languages() {
        return languages;
    }

    /**
     * What the service's languages disagree on: a key written in one and not another, or written with other
     * arguments. Each service's tests hold it empty.
     */
    public List<String> gaps() {
        List<String> gaps = new ArrayList<>();
        Set<String> keys = new TreeSet<>();
        texts.values().forEach(language -> keys.addAll(language.keySet()));
        for (String key : keys) {
            Set<Set<String>> arguments = new HashSet<>();
            for (String language : languages) {
                String template = texts.get(language).get(key);
                if (template == null) {
                    gaps.add(key + " is not written in " + language);
                } else {
                    arguments.add(arguments(template));
                }
            }
            if (arguments.size() > 1) {
                gaps.add(key + " takes other arguments in another language: " + arguments);
            }
        }
        return gaps;
    }

    private static Set<String> arguments(String template) {
        Set<String> found = new TreeSet<>();
        Matcher argument = ARGUMENT.matcher(template);
        while (argument.find()) {
            found.add(argument.group());
        }
        return found;
    }

    private String text(String language, String key, Object[] args) {
        String template = texts.getOrDefault(language, Map.of()).get(key);
        if (template == null) {
            template = texts.get(fallback()).getOrDefault(key, key);
        }
        Matcher argument = ARGUMENT.matcher(template);
        StringBuilder written = new StringBuilder();
        while (argument.find()) {
            int index = Integer.parseInt(argument.group(1));
            argument.appendReplacement(written,
                    Matcher.quoteReplacement(index < args.length ? String.valueOf(args[index]) : argument.group()));
        }
        return argument.appendTail(written).toString();
    }

    /** English where the service writes it, else its default language. */
    private String fallback() {
        return languages.contains("en") ? "en" : languages.get(0);
    }

    private static Map<String, String> read(String resource) {
        Map<String, String> merged = new HashMap<>();
        try {
            Enumeration<URL> files = Thread.currentThread().getContextClassLoader().getResources(resource);
            while (files.hasMoreElements()) {
                URL file = files.nextElement();
                Properties properties = new Properties();
                try (Reader reader = new InputStreamReader(file.openStream(), StandardCharsets.UTF_8)) {
                    properties.load(reader);
                }
                for (String key : properties.stringPropertyNames()) {
                    String earlier = merged.put(key, properties.getProperty(key));
                    if (earlier != null && !earlier.equals(properties.getProperty(key))) {
                        throw new IllegalStateException("problem text " + key + " is written twice, differently ("
                                + resource + ")");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return merged;
    }
}
