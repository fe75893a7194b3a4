package org.elicence.infra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.common.acl.AccessControlEntry;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.acl.AclPermissionType;
import org.apache.kafka.common.resource.PatternType;
import org.apache.kafka.common.resource.ResourcePattern;
import org.apache.kafka.common.resource.ResourceType;

/** Reads {@code deploy/kafka-access.conf} (packaged into this module): the principals and their ACLs. */
public final class KafkaAccess {

    public static final String RESOURCE = "/org/elicence/infra/kafka-access.conf";

    /** One line: {@code principal access resource name}. */
    public record Grant(String principal, String access, String resource, String name) {

        /** The ACLs this line stands for, all ALLOW from any host. */
        public List<AclBinding> bindings() {
            String user = "User:" + principal;
            ResourcePattern pattern = switch (resource) {
                case "topic" -> new ResourcePattern(ResourceType.TOPIC, name, PatternType.LITERAL);
                case "topic-prefix" -> new ResourcePattern(ResourceType.TOPIC, name, PatternType.PREFIXED);
                case "group" -> new ResourcePattern(ResourceType.GROUP, name, PatternType.LITERAL);
                case "cluster" -> new ResourcePattern(ResourceType.CLUSTER, name, PatternType.LITERAL);
                default -> throw new IllegalArgumentException("kafka-access.conf: unknown resource " + resource);
            };
            List<AclOperation> operations = switch (resource + " " + access) {
                case "topic write", "topic-prefix write" -> List.of(AclOperation.WRITE, AclOperation.DESCRIBE);
                case "topic read", "topic-prefix read" -> List.of(AclOperation.READ, AclOperation.DESCRIBE);
                case "group read" -> List.of(AclOperation.READ);
                // Inspection only (operators' cluster tooling): metadata, configurations, offsets and lag.
                case "topic describe" -> List.of(AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS);
                case "group describe" -> List.of(AclOperation.DESCRIBE);
                case "cluster describe" -> List.of(AclOperation.DESCRIBE, AclOperation.DESCRIBE_CONFIGS);
                default -> throw new IllegalArgumentException("kafka-access.conf: cannot " + access + " a " + resource);
            };
            return operations.stream()
                    .map(op -> new AclBinding(pattern, new AccessControlEntry(user, "*", op, AclPermissionType.ALLOW)))
                    .toList();
        }
    }

    private KafkaAccess() {
    }

    public static List<Grant> load() {
        try (InputStream in = KafkaAccess.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("kafka access list missing from the classpath: " + RESOURCE);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Grant> parse(BufferedReader reader) throws IOException {
        List<Grant> grants = new ArrayList<>();
        String line;
        while ((line = reader.readLine()) != null) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            if (fields.length != 4) {
                throw new IllegalArgumentException("kafka-access.conf: expected 4 fields, got: " + trimmed);
            }
            Grant grant = new Grant(fields[0], fields[1], fields[2], fields[3]);
            grant.bindings(); // fails on an unknown access or resource
            grants.add(grant);
        }
        return List.copyOf(grants);
    }

    /** Every principal named, in the order of the file. */
    public static Set<String> principals(List<Grant> grants) {
        return grants.stream().map(Grant::principal).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public static Set<AclBinding> bindings(List<Grant> grants) {
        return grants.stream().flatMap(g -> g.bindings().stream()).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
