package org.elicence.photoaudit.service;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Portrait audits and ID-card readings arrive on two topics, each handled one record at a time, and would otherwise
 * run side by side: one image is worked on at a time per instance, so that the decoded images and the models'
 * working memory of two are never held at once (docs/reliability.md, "Uploads cannot hurt the service"). More throughput comes from
 * more instances. Fair, so neither topic waits behind a run of the other.
 */
@ApplicationScoped
public class OneImageAtATime {

    private final ReentrantLock lock = new ReentrantLock(true);

    public <T> T run(Supplier<T> work) {
        lock.lock();
        try {
            return work.get();
        } finally {
            lock.unlock();
        }
    }
}
