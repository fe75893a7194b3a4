package org.elicence.deploy.k8s;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.oas.OpenApi30;

/**
 * The operators' own CustomResourceDefinitions (src/test/resources/crds, sources in README.md there), each served
 * version's {@code openAPIV3Schema} turned into a JSON Schema that checks a resource as the API server does with
 * kubectl's default strict field validation:
 * <ul>
 * <li>an object with {@code properties} and neither {@code additionalProperties} nor
 * {@code x-kubernetes-preserve-unknown-fields} is closed, because the API server rejects (strict) or prunes an
 * unknown field there, and a pruned field is a setting silently lost;</li>
 * <li>{@code nullable} is OpenAPI 3.0's, so the schemas are read with networknt's OpenAPI 3.0 dialect;</li>
 * <li>the {@code x-kubernetes-*} extensions are dropped once read: the validator does not know them (CEL rules,
 * {@code x-kubernetes-validations}, are not evaluated here).</li>
 * </ul>
 */
final class CrdSchemas {

    static final String DIRECTORY = "crds";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4,
            builder -> builder.metaSchema(OpenApi30.getInstance())
                    .defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));

    /** apiVersion/kind of every served version of every CRD under {@link #DIRECTORY}, to its schema. */
    private static final Map<String, JsonSchema> SCHEMAS = load();

    private CrdSchemas() {
    }

    /** The schema of {@code apiVersion/kind}, or null when no CRD here defines it. */
    static JsonSchema forType(String type) {
        return SCHEMAS.get(type);
    }

    static java.util.Set<String> types() {
        return SCHEMAS.keySet();
    }

    private static Map<String, JsonSchema> load() {
        Map<String, JsonSchema> schemas = new TreeMap<>();
        for (JsonNode crd : crds()) {
            if (!"CustomResourceDefinition".equals(crd.path("kind").asText())) {
                continue;
            }
            String group = crd.at("/spec/group").asText();
            String kind = crd.at("/spec/names/kind").asText();
            for (JsonNode version : crd.at("/spec/versions")) {
                if (!version.path("served").asBoolean()) {
                    continue;
                }
                JsonNode schema = version.at("/schema/openAPIV3Schema");
                if (schema.isMissingNode()) {
                    throw new IllegalStateException(group + "/" + kind + " " + version.path("name") + ": no schema");
                }
                String type = group + "/" + version.path("name").asText() + "/" + kind;
                if (schemas.put(type, FACTORY.getSchema(strict(schema.deepCopy()))) != null) {
                    throw new IllegalStateException("two CRDs define " + type);
                }
            }
        }
        return schemas;
    }

    /** Closes objects the API server would prune and drops the x-kubernetes-* extensions (see the class). */
    static JsonNode strict(JsonNode schema) {
        return strict(schema, true);
    }

    private static JsonNode strict(JsonNode schema, boolean close) {
        if (!(schema instanceof ObjectNode object)) {
            return schema;
        }
        boolean preserve = object.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (close && object.has("properties") && !object.has("additionalProperties") && !preserve) {
            object.put("additionalProperties", false);
        }
        for (Iterator<String> names = object.fieldNames(); names.hasNext();) {
            if (names.next().startsWith("x-kubernetes-")) {
                names.remove();
            }
        }
        // Only the members that hold schemas: a property may well be called "properties" or "items".
        object.path("properties").forEach(property -> strict(property, close));
        strict(object.path("additionalProperties"), close);
        JsonNode items = object.path("items");
        if (items instanceof ArrayNode list) {
            list.forEach(item -> strict(item, close));
        } else {
            strict(items, close);
        }
        // In a structural schema the branches of allOf/anyOf/oneOf/not only constrain values (which of the fields
        // declared above must be set); their properties declare no fields, so closing them would refuse the rest.
        for (String combinator : List.of("allOf", "anyOf", "oneOf")) {
            object.path(combinator).forEach(branch -> strict(branch, false));
        }
        strict(object.path("not"), false);
        return object;
    }

    private static List<JsonNode> crds() {
        URL root = CrdSchemas.class.getClassLoader().getResource(DIRECTORY);
        if (root == null) {
            throw new IllegalStateException("no " + DIRECTORY + " on the test class path");
        }
        List<JsonNode> crds = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of(root.toURI()))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(file)) {
                    YAML.readerFor(JsonNode.class).<JsonNode>readValues(in).readAll().forEach(crds::add);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        return crds;
    }
}
