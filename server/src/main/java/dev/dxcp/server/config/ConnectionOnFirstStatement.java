package dev.dxcp.server.config;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.stereotype.Component;

/**
 * Transactions take their pooled connection at their first statement, not when they begin.
 *
 * <p>A command's transaction begins before the command waits for its aggregate's lock. Holding a
 * connection through that wait let a burst of requests on one aggregate (50 saves of one setting) check
 * out the whole pool, so the one request that held the lock and needed a connection waited the pool
 * timeout, and every request queued behind it answered 503 as if the database were down. Waiting for a
 * lock now costs no connection.</p>
 */
@Component
public class ConnectionOnFirstStatement implements BeanPostProcessor {
    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            return new LazyConnectionDataSourceProxy(pool);
        }
        return bean;
    }
}
