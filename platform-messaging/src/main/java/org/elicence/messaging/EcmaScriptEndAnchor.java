package org.elicence.messaging;

import java.util.regex.Pattern;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

/**
 * JSON Schema patterns are ECMA-262 regular expressions, where {@code $} (without the multiline flag, which schemas
 * cannot set) is the end of the text. In {@code java.util.regex} it also matches before a last line break, so
 * {@code "^[0-9a-f]{8}-…$"} let an id with a trailing newline through. This compiles a pattern with each {@code $}
 * outside a character class and not escaped written as {@code \z}; the rest of our patterns (anchors, classes,
 * quantifiers, alternation) mean the same in both. Joni's ECMAScript mode, the library's other engine, was tried:
 * its {@code $} also matches before a final {@code \n}.
 */
final class EcmaScriptEndAnchor implements RegularExpressionFactory {

    static final EcmaScriptEndAnchor INSTANCE = new EcmaScriptEndAnchor();

    private EcmaScriptEndAnchor() {
    }

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(translate(regex));
        return value -> pattern.matcher(value).find();
    }

    static String translate(String regex) {
        StringBuilder java = new StringBuilder(regex.length() + 4);
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                java.append(c).append(regex.charAt(++i));
            } else if (c == '[') {
                inClass = true;
                java.append(c);
            } else if (c == ']') {
                inClass = false;
                java.append(c);
            } else if (c == '$' && !inClass) {
                java.append("\\z");
            } else {
                java.append(c);
            }
        }
        return java.toString();
    }
}
