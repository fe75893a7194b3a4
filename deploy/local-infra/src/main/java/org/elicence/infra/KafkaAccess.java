package org.elicence.infra;

import java.nio.file.Path;
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

    /** The copy packaged into this module. */
    public static List<Grant> load() {
        return grants(ConfRows.load(RESOURCE, 4));
    }

    /** A checkout's {@code deploy/kafka-access.conf} itself. */
    public static List<Grant> read(Path file) {
        return grants(ConfRows.read(file, 4));
    }

    private static List<Grant> grants(List<List<String>> rows) {
        return rows.stream().map(f -> {
            Grant grant = new Grant(f.get(0), f.get(1), f.get(2), f.get(3));
            grant.bindings(); // fails on an unknown access or resource
            return grant;
        }).toList();
    }

    /** Every principal named, in the order of the file. */
    public static Set<String> principals(List<Grant> grants) {
        return grants.stream().map(Grant::principal).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    public static Set<AclBinding> bindings(List<Grant> grants) {
        return grants.stream().flatMap(g -> g.bindings().stream()).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
