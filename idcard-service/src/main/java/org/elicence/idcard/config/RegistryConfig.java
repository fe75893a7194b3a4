package org.elicence.idcard.config;

import java.time.LocalDate;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the ID registry is read. */
@ConfigMapping(prefix = "idcard.registry")
public interface RegistryConfig {

    /**
     * Cards issued before this day carry photos too old for a licence: the applicant uploads the card
     * instead. A card issued on this day qualifies.
     */
    @WithDefault("2016-01-01")
    LocalDate photoValidFrom();

    /**
     * Where the registry's photo files are: {@code classpath:<folder>} or a filesystem folder. Every
     * file the registry names must be there, or the service refuses to start.
     */
    @WithDefault("classpath:registry-photos")
    String photoLocation();
}
