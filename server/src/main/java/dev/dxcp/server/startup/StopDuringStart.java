package dev.dxcp.server.startup;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A stop signal (SIGTERM, Ctrl-C) while the server is still starting ends the start at the next component
 * it creates, through the same path as any failed start: every component created so far is destroyed, the
 * cause is logged in one line and the process exits. Without this, Spring's own shutdown hook waits for the
 * whole start to complete (it cannot close a context that is being refreshed), then stops it again.
 */
@Component
public class StopDuringStart implements BeanPostProcessor, ApplicationListener<ContextRefreshedEvent> {
    static final String STOPPED = "stopped";

    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final Thread hook = new Thread(() -> stopRequested.set(true), "dxcp-stop-during-start");

    public StopDuringStart() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (stopRequested.get()) {
            Stopped stopped = new Stopped();
            StartFailureReport.log(new StartFailure(STOPPED, stopped.getMessage() + "; what had started is stopped"));
            throw stopped;
        }
        return bean;
    }

    /** Started: from here on, a stop signal is Spring's graceful shutdown. */
    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownUnderWay) {
            // The signal came as the start completed: the graceful shutdown takes it from here.
        }
    }

    /** The start was ended by a stop signal. */
    static final class Stopped extends RuntimeException {
        Stopped() {
            super("a stop signal arrived while the server was starting", null, false, false);
        }
    }
}
