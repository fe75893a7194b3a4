package org.elicence.application.rest;

import org.elicence.application.config.ApplicationConfig;
import org.elicence.messaging.http.RequestLimits;
import org.jboss.logging.Logger;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * A request body must have arrived within {@code applications.uploads.body-timeout}; a request still sending then is
 * reset (over HTTP/1.x its connection is closed; over HTTP/2 only its stream, not the other requests sharing it). A
 * client that sends a byte now and then would otherwise hold, for as long as it likes, a worker and its upload's share
 * of the transfer budget (UploadAdmission): the HTTP server's timeouts count idleness, and a trickle is never idle.
 * Reset, not answered: a client still sending does not read an answer, and the JAX-RS
 * body stream, once the resource gives up on it, would wait for the rest of the body before anything is sent. The
 * resource's read then fails (400 INCOMPLETE_UPLOAD, to a connection already gone).
 */
@ApplicationScoped
public class UploadDeadline {

    private static final Logger LOG = Logger.getLogger(UploadDeadline.class);

    private final long timeoutMillis;

    @Inject
    public UploadDeadline(ApplicationConfig config) {
        this.timeoutMillis = config.uploads().bodyTimeout().toMillis();
    }

    void install(@Observes Router router) {
        router.route().order(RequestLimits.ORDER + 3).handler(this::watch);
    }

    private void watch(RoutingContext context) {
        HttpMethod method = context.request().method();
        if ((method == HttpMethod.PUT || method == HttpMethod.POST) && !context.request().isEnded()) {
            long timer = context.vertx().setTimer(timeoutMillis, fired -> {
                if (!context.request().isEnded()) {
                    // no path: it could carry anything the client typed
                    LOG.infof("a %s request's body was not in after %d ms: request reset", method, timeoutMillis);
                    context.response().reset(); // HTTP/1.x: the connection closes; HTTP/2: this stream only
                }
            });
            context.addEndHandler(ended -> context.vertx().cancelTimer(timer));
        }
        context.next();
    }
}
