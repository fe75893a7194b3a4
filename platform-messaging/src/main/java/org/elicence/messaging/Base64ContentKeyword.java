package org.elicence.messaging;

import java.util.Collections;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.BaseJsonValidator;
import com.networknt.schema.ErrorMessageType;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonValidator;
import com.networknt.schema.Keyword;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.ValidationContext;
import com.networknt.schema.ValidationMessage;

/**
 * {@code "contentEncoding": "base64"} as an assertion: the text is RFC 4648 base64 (its alphabet, padded to whole
 * quadruplets, no line breaks), the form every service writes and decodes with {@link java.util.Base64#getDecoder()}.
 * Draft 2020-12 makes the keyword an annotation only, so an image that is no base64 passed the schema and failed
 * every attempt to handle it; now it is refused as poison. Checked character by character: decoding to check would
 * allocate the image's bytes once more for every event that carries one.
 */
final class Base64ContentKeyword implements Keyword {

    static final String KEYWORD = "contentEncoding";

    private static final ErrorMessageType NOT_BASE64 = () -> "contentEncoding";

    @Override
    public String getValue() {
        return KEYWORD;
    }

    @Override
    public JsonValidator newValidator(SchemaLocation schemaLocation, JsonNodePath evaluationPath, JsonNode schemaNode,
            JsonSchema parentSchema, ValidationContext validationContext) {
        if (!"base64".equals(schemaNode.textValue())) {
            throw new IllegalArgumentException("an event schema's contentEncoding is base64, not " + schemaNode);
        }
        return new Validator(schemaLocation, evaluationPath, schemaNode, parentSchema, this, validationContext);
    }

    /** RFC 4648 section 4, with the padding it requires. */
    static boolean isBase64(String text) {
        int length = text.length();
        if (length % 4 != 0) {
            return false;
        }
        int padding = 0;
        if (length > 0 && text.charAt(length - 1) == '=') {
            padding = text.charAt(length - 2) == '=' ? 2 : 1;
        }
        for (int i = 0; i < length - padding; i++) {
            char c = text.charAt(i);
            boolean inAlphabet = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '+' || c == '/';
            if (!inAlphabet) {
                return false;
            }
        }
        return true;
    }

    private static final class Validator extends BaseJsonValidator {

        Validator(SchemaLocation schemaLocation, JsonNodePath evaluationPath, JsonNode schemaNode,
                JsonSchema parentSchema, Keyword keyword, ValidationContext validationContext) {
            super(schemaLocation, evaluationPath, schemaNode, parentSchema, NOT_BASE64, keyword, validationContext,
                    false);
        }

        @Override
        public Set<ValidationMessage> validate(ExecutionContext executionContext, JsonNode node, JsonNode rootNode,
                JsonNodePath instanceLocation) {
            if (!node.isTextual() || isBase64(node.textValue())) {
                return Collections.emptySet();
            }
            // the message names the field only: the text is an image, personal data, and travels in dead letters
            return Collections.singleton(message().message("{0}: is not base64 (RFC 4648, padded, no line breaks)")
                    .instanceLocation(instanceLocation).build());
        }
    }
}
