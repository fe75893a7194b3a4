package org.elicence.application.rest;

/** The mobile app speaks Chinese by default and English on request (Accept-Language). */
public final class Languages {

    private Languages() {
    }

    public static boolean isEnglish(String acceptLanguage) {
        if (acceptLanguage == null) {
            return false;
        }
        String first = acceptLanguage.split(",")[0].trim().toLowerCase();
        return first.startsWith("en");
    }
}
