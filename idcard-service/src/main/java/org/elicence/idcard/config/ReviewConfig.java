package org.elicence.idcard.config;

import java.util.Set;

import io.smallrye.config.ConfigMapping;

/** Staff review of uploaded ID cards. */
@ConfigMapping(prefix = "idcard.review")
public interface ReviewConfig {

    /** Reviewer ids allowed to decide cases (comma-separated); decisions by anyone else are refused. */
    Set<String> reviewers();
}
