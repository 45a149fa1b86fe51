package dev.dxcp.server.e2e;

import dev.dxcp.testsupport.http.TestHttp;
import dev.dxcp.testsupport.http.TestHttp.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings and delivery configuration are held in memory on every instance (decision 150). Two server
 * instances on one PostgreSQL database: the test's own server (A) and a second one started here (B). A
 * change answers only once its own instance applies it, and every other instance applies it within one
 * second, even one that had the old value in memory.
 */
class SettingsAcrossInstancesEndToEndTest extends EndToEndTest {
    private static final Duration WITHIN = Duration.ofSeconds(1);
    private static SecondInstance second;

    @BeforeAll
    static void startSecondInstance() {
        second = SecondInstance.start(env);
    }

    @AfterAll
    static void stopSecondInstance() {
        if (second != null) {
            second.close();
        }
    }

    @AfterEach
    void baselineAgain() {
        restoreBaseline();
    }

    @Test
    void aKillSwitchSetOnOneInstanceStopsWritesOnTheOtherWithinOneSecond() {
        String ci = ci("across-" + UUID.randomUUID());
        String reader = freshAdmin();
        // B holds the settings in memory and admits writes.
        assertThat(onSecond(() -> TestHttp.get(secondUrl("/v1/admin/system/mutations-disabled"), reader))
                .json().path("mutations_disabled").asBoolean()).isFalse();

        Response set = put("/v1/admin/system/mutations-disabled", freshAdmin(), Map.of("mutations_disabled", true));
        assertThat(set.status()).as(set.body()).isEqualTo(200);

        Duration took = waitFor(() -> TestHttp.post(secondUrl("/v1/builds/register"), ci,
                        buildBody("e2e-svc-7", uniqueVersion()), "Idempotency-Key", UUID.randomUUID().toString()),
                answer -> answer.status() == 503);
        assertThat(took).as("the kill switch reached the other instance").isLessThanOrEqualTo(WITHIN);
        Response refused = TestHttp.post(secondUrl("/v1/builds/register"), ci, buildBody("e2e-svc-7",
                uniqueVersion()), "Idempotency-Key", UUID.randomUUID().toString());
        assertError(refused, 503, "MUTATIONS_DISABLED");
    }

    @Test
    void aSettingAnswersOnlyOnceItsOwnInstanceAppliesIt() {
        int readRpm = 4000 + (int) (System.nanoTime() % 900);
        String reader = freshAdmin();
        Response changed = TestHttp.put(secondUrl("/v1/admin/system/rate-limits"), freshAdmin(),
                Map.of("read_rpm", readRpm, "mutate_rpm", 5000, "daily_quota_build_register", 5000));
        assertThat(changed.status()).as(changed.body()).isEqualTo(200);
        assertThat(changed.json().path("read_rpm").asInt()).as(changed.body()).isEqualTo(readRpm);

        // No waiting: the instance that answered already reads its own change.
        Response read = TestHttp.get(secondUrl("/v1/admin/system/rate-limits"), reader);
        assertThat(read.json().path("read_rpm").asInt()).as(read.body()).isEqualTo(readRpm);
        Duration took = waitFor(() -> get("/v1/admin/system/rate-limits", reader),
                answer -> answer.json().path("read_rpm").asInt() == readRpm);
        assertThat(took).as("the other instance applied it").isLessThanOrEqualTo(WITHIN);
    }

    @Test
    void aDeliveryGroupCreatedOnOneInstanceIsServedByTheOtherWithinOneSecond() {
        String id = unique("dg-across");
        String reader = freshAdmin();
        assertThat(TestHttp.get(secondUrl("/v1/delivery-groups/" + id), reader).status()).isEqualTo(404);

        Response created = post("/v1/delivery-groups", admin(), Map.of("id", id, "name", "Group " + id,
                "services", List.of(), "allowed_recipes", List.of("default")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        Duration took = waitFor(() -> TestHttp.get(secondUrl("/v1/delivery-groups/" + id), reader),
                answer -> answer.status() == 200);
        assertThat(took).as("the group reached the other instance").isLessThanOrEqualTo(WITHIN);
    }

    private static String secondUrl(String path) {
        return second.url(path);
    }

    private static Response onSecond(Supplier<Response> call) {
        Response response = call.get();
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    /** Time from now until an answer satisfies the condition; gives up after five seconds. */
    private static Duration waitFor(Supplier<Response> call, Predicate<Response> condition) {
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            Response answer = call.get();
            if (condition.test(answer)) {
                return Duration.ofNanos(System.nanoTime() - start);
            }
        }
        throw new AssertionError("not seen within five seconds");
    }
}
