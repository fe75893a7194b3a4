package org.elicence.infra;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ScramCredentialInfo;
import org.apache.kafka.clients.admin.ScramMechanism;
import org.apache.kafka.clients.admin.UserScramCredentialAlteration;
import org.apache.kafka.clients.admin.UserScramCredentialUpsertion;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;

/**
 * Makes the broker's users and ACLs exactly those of {@code kafka-access.conf}: one SCRAM-SHA-512 user and one
 * client certificate per principal (the password from the credentials folder, a new random one the first
 * time; the certificate from the local CA, {@link KafkaCertificates}), every listed ACL
 * created and every other ACL deleted, so a line removed from the file is a permission withdrawn.
 */
final class BrokerAccessControl {

    private static final int SCRAM_ITERATIONS = 8192;

    private BrokerAccessControl() {
    }

    /** Users and ACLs; every principal's kcat configuration for the mutual-TLS listener at {@code tlsBootstrap}. */
    static void apply(Admin admin, List<KafkaAccess.Grant> grants, Path credentialsDir, KafkaCertificates ca,
            String tlsBootstrap) throws Exception {
        List<UserScramCredentialAlteration> users = new ArrayList<>();
        Set<String> principals = new java.util.LinkedHashSet<>(KafkaAccess.principals(grants));
        principals.add(KafkaCredentials.ADMIN);
        for (String principal : principals) {
            KafkaCredentials.writeKcatConfig(credentialsDir, principal, tlsBootstrap, ca.caCertificate(),
                    ca.keyAndCertificate(principal, false));
            if (principal.equals(KafkaCredentials.ADMIN)) {
                continue; // its SCRAM credential was given at format time
            }
            KafkaCredentials credentials = KafkaCredentials.readOrCreate(credentialsDir, principal);
            users.add(new UserScramCredentialUpsertion(principal,
                    new ScramCredentialInfo(ScramMechanism.SCRAM_SHA_512, SCRAM_ITERATIONS), credentials.password()));
        }
        admin.alterUserScramCredentials(users).all().get();

        Set<AclBinding> wanted = KafkaAccess.bindings(grants);
        Collection<AclBinding> existing = admin.describeAcls(AclBindingFilter.ANY).values().get();
        List<AclBindingFilter> stale = existing.stream().filter(binding -> !wanted.contains(binding))
                .map(AclBinding::toFilter).toList();
        if (!stale.isEmpty()) {
            admin.deleteAcls(stale).all().get();
        }
        Set<AclBinding> missing = new HashSet<>(wanted);
        missing.removeAll(existing);
        if (!missing.isEmpty()) {
            admin.createAcls(missing).all().get();
        }
        awaitInForce(admin, wanted, principals);
    }

    /**
     * The controller acknowledges before the broker's authorizer and SCRAM cache have the change from the metadata
     * log; the broker answers these descriptions from that same state, so once they show everything it is in force.
     */
    private static void awaitInForce(Admin admin, Set<AclBinding> wanted, Set<String> principals) throws Exception {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Set<AclBinding> seen = new HashSet<>(admin.describeAcls(AclBindingFilter.ANY).values().get());
            Set<String> users = admin.describeUserScramCredentials().all().get().keySet();
            if (seen.equals(wanted) && users.containsAll(principals)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the broker did not take up the users and ACLs within 30 s");
            }
            Thread.sleep(100);
        }
    }
}
