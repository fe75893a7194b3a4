package org.elicence.messaging.http;

import java.util.List;
import java.util.Locale;

/**
 * Chooses the language of a response from the request's {@code Accept-Language} (RFC 9110 §12.5.4): the language
 * ranges in order of their weight, the first whose primary subtag ("zh", "en") is one a service writes. A header
 * naming none of them, none at all or one that cannot be read gets the service's first language, and so does
 * {@code *} where it comes first.
 */
public final class AcceptLanguage {

    /** Longer headers are cut: the choice is made from the first ranges, and the parse stays cheap. */
    static final int MAX_HEADER_CHARS = 256;

    private AcceptLanguage() {
    }

    /**
     * @param header    the request's Accept-Language, or null
     * @param languages the language tags the service writes, its default first (e.g. {@code zh-CN, en})
     * @return one of {@code languages}
     */
    public static String choose(String header, List<String> languages) {
        if (header == null || header.isBlank()) {
            return languages.get(0);
        }
        String cut = header.length() > MAX_HEADER_CHARS
                ? header.substring(0, header.lastIndexOf(',', MAX_HEADER_CHARS) + 1) : header;
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(cut.replaceAll(",\\s*$", ""));
        } catch (IllegalArgumentException unreadable) {
            return languages.get(0);
        }
        for (Locale.LanguageRange range : ranges) {
            String primary = primarySubtag(range.getRange());
            if (range.getWeight() == 0) {
                continue;
            }
            if (primary.equals("*")) {
                return languages.get(0);
            }
            for (String language : languages) {
                if (primarySubtag(language).equals(primary)) {
                    return language;
                }
            }
        }
        return languages.get(0);
    }

    private static String primarySubtag(String tag) {
        int dash = tag.indexOf('-');
        return (dash < 0 ? tag : tag.substring(0, dash)).toLowerCase(Locale.ROOT);
    }
}
