package dev.dxcp.saga.spinnaker;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** domain-and-state §16: executionId, else id, else the last path segment of ref|resource|url. */
class ExecutionIdExtractorTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "{'ref':'/pipelines/01JD0000000000000000000000'}                 | 01JD0000000000000000000000",
            "{'eventId':'e','ref':'/pipelines/01V2'}                         | 01V2",
            "{'executionId':'E1','id':'I1','ref':'/pipelines/R1'}            | E1",
            "{'id':'I1','ref':'/pipelines/R1'}                               | I1",
            "{'executionId':'','id':'I1'}                                    | I1",
            "{'resource':'/executions/R2/'}                                  | R2",
            "{'url':'https://gate.example.com/gate/pipelines/U3?x=1'}        | U3",
            "{'ref':'/pipelines/R4#frag'}                                    | R4",
            "{'ref':'R5'}                                                    | R5",
            "{'ref':'https://gate.example.com'}                              | -",
            "{'ref':''}                                                      | -",
            "{'executionId':null}                                            | -",
            "{'message':'accepted'}                                          | -",
            "['not','an','object']                                           | -",
    })
    void executionIdIsFoundInEveryShape(String answer, String expected) {
        var id = ExecutionIdExtractor.executionId(Json.of(answer));

        if (expected.equals("-")) {
            assertThat(id).isEmpty();
        } else {
            assertThat(id).contains(expected);
        }
    }
}
