package dev.dxcp.server.startup;

import dev.dxcp.server.config.InvalidSetting;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.env.Environment;
import reactor.netty.ChannelBindException;

import java.net.ConnectException;
import java.nio.file.FileSystemException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Why a start failed, in words an operator can act on: one of a few causes (the port is taken, the
 * database cannot be reached or used, a setting is wrong, the artifact store refused, a file cannot be
 * written) and the detail that names the setting, address or file. Decided from the exception Spring
 * reports and the component (bean) that threw it.
 */
public record StartFailure(String cause, String detail) {
    /** Beans that hold or open the database: a failure inside them is the database's. */
    private static final Set<String> DATABASE_BEANS = Set.of("dataSource", "flyway", "flywayInitializer",
            "jdbcTemplate", "transactionManager");
    private static final Set<String> STORE_BEANS = Set.of("artifactLocation", "artifactStore");

    public static StartFailure of(Throwable failure, Environment environment) {
        List<Throwable> chain = chain(failure);
        Throwable root = chain.get(chain.size() - 1);
        for (Throwable t : chain) {
            if (t instanceof StopDuringStart.Stopped) {
                return new StartFailure(StopDuringStart.STOPPED, message(t) + "; what had started is stopped");
            }
            if (t instanceof PortInUseException || t instanceof java.net.BindException
                    || t instanceof ChannelBindException) {
                // Spring Boot reports every failed bind of the web server as "port in use", also one on an
                // address that is not this machine's.
                if (chain.stream().anyMatch(c -> String.valueOf(c.getMessage()).contains("Cannot assign"))) {
                    return new StartFailure("cannot_listen", "address" + listenAddress(environment)
                            + " is not one of this machine's; check SERVER_ADDRESS");
                }
                if (t instanceof PortInUseException inUse) {
                    return new StartFailure("port_in_use", "port " + inUse.getPort() + " is already in use"
                            + onAddress(environment) + "; stop what holds it or set SERVER_PORT");
                }
                return new StartFailure("cannot_listen", "cannot listen on port " + setting(environment,
                        "server.port") + onAddress(environment) + ": " + message(t)
                        + "; check SERVER_ADDRESS and SERVER_PORT");
            }
            if (t instanceof InvalidSetting invalid) {
                return new StartFailure("bad_setting", invalid.getMessage());
            }
            if (t instanceof BindException bind) {
                return new StartFailure("bad_setting", badlyBound(bind, root));
            }
        }
        String bean = failingBean(chain);
        if (DATABASE_BEANS.contains(bean) || chain.stream().anyMatch(StartFailure::databaseException)) {
            String url = withoutSecrets(setting(environment, "spring.datasource.url"));
            boolean unreachable = chain.stream().anyMatch(StartFailure::connectionFailure);
            return new StartFailure(unreachable ? "database_unreachable" : "database",
                    (unreachable ? "cannot connect to " : "cannot use ") + url + ": " + message(root)
                            + "; check DXCP_DB_URL, DXCP_DB_USER and DXCP_DB_PASSWORD");
        }
        for (Throwable t : chain) {
            if (t instanceof FileSystemException file) {
                return new StartFailure("data_dir_unusable", "cannot write " + file.getFile() + ": "
                        + (file.getReason() == null ? file.getClass().getSimpleName() : file.getReason())
                        + "; check DXCP_DATA_DIR");
            }
        }
        if (STORE_BEANS.contains(bean)) {
            return new StartFailure("artifact_store_unreachable", message(firstOwn(chain))
                    + "; check DXCP_S3_ENDPOINT and DXCP_ARTIFACT_BUCKET");
        }
        Throwable own = firstOwn(chain);
        return new StartFailure("start_failed", (bean.isEmpty() ? "" : "component " + bean + ": ")
                + own.getClass().getSimpleName() + ": " + message(own));
    }

    /** The outermost exception not raised by Spring itself: it says what failed in the component's terms. */
    private static Throwable firstOwn(List<Throwable> chain) {
        return chain.stream().filter(t -> !t.getClass().getName().startsWith("org.springframework."))
                .findFirst().orElse(chain.get(chain.size() - 1));
    }

    /** The innermost bean that failed to be created: the one whose own code threw. */
    private static String failingBean(List<Throwable> chain) {
        String bean = "";
        for (Throwable t : chain) {
            if (t instanceof BeanCreationException creation && creation.getBeanName() != null) {
                bean = creation.getBeanName();
            }
        }
        return bean;
    }

    private static String badlyBound(BindException bind, Throwable root) {
        String name = bind.getName() == null ? "a setting" : bind.getName().toString();
        if (bind.getProperty() != null) {
            name = bind.getProperty().getName() + "=\"" + bind.getProperty().getValue() + "\"";
        }
        return name + " cannot be used: " + message(root);
    }

    private static boolean databaseException(Throwable t) {
        return t instanceof SQLException || t.getClass().getName().startsWith("org.flywaydb.")
                || t.getClass().getName().startsWith("com.zaxxer.hikari.");
    }

    /** SQLState class 08 is "connection exception" in the SQL standard; PostgreSQL's driver and H2 use it. */
    private static boolean connectionFailure(Throwable t) {
        return t instanceof ConnectException || t instanceof java.net.UnknownHostException
                || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08");
    }

    /** JDBC URLs may carry a password as a parameter or in the user part; neither belongs in a log. */
    static String withoutSecrets(String url) {
        if (url == null) {
            return "the database (no spring.datasource.url)";
        }
        return url.replaceAll("(?i)((?:ssl)?password|pwd)=[^&;]*", "$1=***").replaceAll("//([^/:@]*):[^/@]*@", "//$1:***@");
    }

    private static String onAddress(Environment environment) {
        return listenAddress(environment).isEmpty() ? "" : " on" + listenAddress(environment);
    }

    private static String listenAddress(Environment environment) {
        String address = setting(environment, "server.address");
        return address == null ? "" : " " + address;
    }

    private static String setting(Environment environment, String name) {
        try {
            return environment == null ? null : environment.getProperty(name);
        } catch (RuntimeException unresolvable) {
            return null;
        }
    }

    private static String message(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getSimpleName() : message.strip();
    }

    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = failure; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
