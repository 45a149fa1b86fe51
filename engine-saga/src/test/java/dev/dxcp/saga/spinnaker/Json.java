package dev.dxcp.saga.spinnaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Synthetic documents written with single quotes, for readability in tests. */
public final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static JsonNode of(String singleQuoted) {
        try {
            return MAPPER.readTree(singleQuoted.replace('\'', '"'));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A TERMINAL execution with one TERMINAL stage whose fields are given (without braces). */
    public static JsonNode failedWithStage(String stageFields) {
        return of("{'status':'TERMINAL','name':'deploy-demo-service','stages':[{'type':'dxcpDeploy',"
                + "'name':'deploy-artifact','status':'TERMINAL'," + stageFields + "}]}");
    }

    public static JsonNode failedWithContext(String contextFields) {
        return failedWithStage("'context':{" + contextFields + "}");
    }
}
