package org.elicence.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Renders a Kustomize directory in Java, so CI needs no kubectl. It implements the subset of Kustomize the
 * manifests in deploy/k8s use, and refuses any other kustomization field rather than ignoring it:
 * <ul>
 * <li>{@code resources}: YAML files (several documents each) and directories holding a kustomization;</li>
 * <li>{@code namespace}: set on every namespaced resource;</li>
 * <li>{@code images}: {@code name} → {@code newName}/{@code newTag} in every pod template's containers;</li>
 * <li>{@code patches}: from {@code path} or inline {@code patch}, with an optional {@code target} (kind, name as
 * an anchored regular expression). A patch that is a YAML list is a JSON 6902 patch (add, replace, remove);
 * otherwise it is a strategic merge patch: maps merge, {@code null} deletes a field, {@code $patch: delete}
 * deletes the resource, lists of maps that all carry a {@code name} merge by name in built-in kinds (as
 * containers, env and volumes do) and every other list is replaced, as Kustomize does for custom resources.</li>
 * </ul>
 * Where {@code kubectl} is available, {@link OverlaysTest} also compares this output with {@code kubectl kustomize}.
 */
final class KustomizeRenderer {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Set<String> SUPPORTED_FIELDS = Set.of("apiVersion", "kind", "namespace", "resources",
            "patches", "images");
    private static final Set<String> CLUSTER_SCOPED_KINDS = Set.of("Namespace", "GatewayClass",
            "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding", "StorageClass", "PriorityClass");
    private static final Set<String> BUILT_IN_GROUPS = Set.of("v1", "apps/v1", "policy/v1", "autoscaling/v2",
            "batch/v1", "networking.k8s.io/v1");

    private KustomizeRenderer() {
    }

    /** The resources of the kustomization in {@code directory}, in Kustomize's resource order. */
    static List<ObjectNode> render(Path directory) {
        JsonNode kustomization = readDocuments(directory.resolve("kustomization.yaml")).get(0);
        kustomization.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED_FIELDS.contains(field)) {
                throw new IllegalArgumentException(directory + "/kustomization.yaml uses '" + field
                        + "', which KustomizeRenderer does not implement");
            }
        });
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path path = directory.resolve(entry.asText()).normalize();
            if (Files.isDirectory(path)) {
                resources.addAll(render(path));
            } else {
                readDocuments(path).forEach(document -> resources.add((ObjectNode) document));
            }
        }
        for (JsonNode patch : kustomization.path("patches")) {
            applyPatch(resources, patch, directory);
        }
        for (JsonNode image : kustomization.path("images")) {
            resources.forEach(resource -> setImage(resource, image));
        }
        if (kustomization.hasNonNull("namespace")) {
            String namespace = kustomization.get("namespace").asText();
            resources.stream().filter(r -> !CLUSTER_SCOPED_KINDS.contains(r.path("kind").asText()))
                    .forEach(r -> ((ObjectNode) r.get("metadata")).put("namespace", namespace));
        }
        return resources;
    }

    static List<JsonNode> readDocuments(Path file) {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
            List<JsonNode> result = new ArrayList<>();
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document != null && !document.isNull() && !document.isMissingNode()) {
                    result.add(document);
                }
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static void applyPatch(List<ObjectNode> resources, JsonNode entry, Path directory) {
        List<JsonNode> documents;
        if (entry.has("path")) {
            documents = readDocuments(directory.resolve(entry.get("path").asText()));
        } else {
            try {
                documents = List.of(YAML.readTree(entry.get("patch").asText()));
            } catch (IOException e) {
                throw new UncheckedIOException("unreadable inline patch in " + directory, e);
            }
        }
        JsonNode target = entry.get("target");
        for (JsonNode document : documents) {
            List<ObjectNode> targets = resources.stream()
                    .filter(r -> target != null ? matches(r, target) : sameResource(r, document))
                    .toList();
            if (targets.isEmpty()) {
                throw new IllegalArgumentException("patch in " + directory + " matches no resource: "
                        + (target != null ? target : document.path("kind") + "/" + document.at("/metadata/name")));
            }
            for (ObjectNode resource : targets) {
                if (document.isArray()) {
                    applyJson6902(resource, (ArrayNode) document);
                } else if ("delete".equals(document.path("$patch").asText())) {
                    resources.remove(resource);
                } else {
                    ObjectNode patch = ((ObjectNode) document).deepCopy();
                    patch.remove("metadata"); // a targeted patch's own name is ignored, as in Kustomize
                    mergeObject(resource, patch, BUILT_IN_GROUPS.contains(resource.path("apiVersion").asText()));
                }
            }
        }
    }

    private static boolean matches(JsonNode resource, JsonNode target) {
        if (target.has("kind") && !target.get("kind").asText().equals(resource.path("kind").asText())) {
            return false;
        }
        return !target.has("name")
                || Pattern.matches(target.get("name").asText(), resource.at("/metadata/name").asText());
    }

    private static boolean sameResource(JsonNode resource, JsonNode patch) {
        return patch.path("kind").asText().equals(resource.path("kind").asText())
                && patch.path("apiVersion").asText().equals(resource.path("apiVersion").asText())
                && patch.at("/metadata/name").asText().equals(resource.at("/metadata/name").asText());
    }

    private static void mergeObject(ObjectNode into, ObjectNode patch, boolean mergeNamedLists) {
        Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            JsonNode existing = into.get(field.getKey());
            if (value.isNull()) {
                into.remove(field.getKey());
            } else if (value.isObject() && existing != null && existing.isObject()) {
                mergeObject((ObjectNode) existing, (ObjectNode) value, mergeNamedLists);
            } else if (mergeNamedLists && value.isArray() && existing != null && existing.isArray()
                    && allNamed(value) && allNamed(existing)) {
                mergeByName((ArrayNode) existing, (ArrayNode) value);
            } else {
                into.set(field.getKey(), value.deepCopy());
            }
        }
    }

    private static boolean allNamed(JsonNode list) {
        for (JsonNode element : list) {
            if (!element.isObject() || !element.has("name")) {
                return false;
            }
        }
        return true;
    }

    private static void mergeByName(ArrayNode into, ArrayNode patch) {
        for (JsonNode element : patch) {
            ObjectNode match = null;
            for (JsonNode candidate : into) {
                if (candidate.get("name").equals(element.get("name"))) {
                    match = (ObjectNode) candidate;
                }
            }
            if (match == null) {
                into.add(element.deepCopy());
            } else {
                mergeObject(match, (ObjectNode) element, true);
            }
        }
    }

    private static void applyJson6902(ObjectNode resource, ArrayNode operations) {
        for (JsonNode operation : operations) {
            String op = operation.path("op").asText();
            String path = operation.path("path").asText();
            int slash = path.lastIndexOf('/');
            JsonNode parent = resource.at(path.substring(0, slash));
            String key = path.substring(slash + 1).replace("~1", "/").replace("~0", "~");
            if (parent.isMissingNode()) {
                throw new IllegalArgumentException("JSON patch path " + path + " not found in "
                        + resource.path("kind").asText() + "/" + resource.at("/metadata/name").asText());
            }
            switch (op) {
                case "add", "replace" -> {
                    if (parent.isArray()) {
                        ArrayNode list = (ArrayNode) parent;
                        if ("-".equals(key)) {
                            list.add(operation.get("value").deepCopy());
                        } else if ("add".equals(op)) {
                            list.insert(Integer.parseInt(key), operation.get("value").deepCopy());
                        } else {
                            list.set(Integer.parseInt(key), operation.get("value").deepCopy());
                        }
                    } else {
                        if ("replace".equals(op) && !parent.has(key)) {
                            throw new IllegalArgumentException("JSON patch replaces missing " + path);
                        }
                        ((ObjectNode) parent).set(key, operation.get("value").deepCopy());
                    }
                }
                case "remove" -> {
                    if (parent.isArray()) {
                        ((ArrayNode) parent).remove(Integer.parseInt(key));
                    } else {
                        ((ObjectNode) parent).remove(key);
                    }
                }
                default -> throw new IllegalArgumentException("unsupported JSON patch operation " + op);
            }
        }
    }

    private static void setImage(ObjectNode resource, JsonNode image) {
        JsonNode podSpec = resource.at("/spec/template/spec");
        for (String list : List.of("containers", "initContainers")) {
            for (JsonNode container : podSpec.path(list)) {
                String current = container.path("image").asText();
                String name = current.replaceFirst("@.*$", "").replaceFirst(":[^:/]+$", "");
                if (name.equals(image.path("name").asText())) {
                    String newName = image.hasNonNull("newName") ? image.get("newName").asText() : name;
                    String tag = image.hasNonNull("newTag") ? ":" + image.get("newTag").asText()
                            : current.substring(name.length());
                    ((ObjectNode) container).put("image", newName + tag);
                }
            }
        }
    }
}
