package io.jenkins.plugins.circleci.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Many clients at once: numbers stay unique, every pipeline completes, counters stay exact. */
class ConcurrencyTest {

    @Test
    void concurrentTriggersAndPollsStayConsistent() throws Exception {
        ManualClock clock = new ManualClock();
        int threads = 8;
        int perThread = 40;
        try (CircleCiSimulator sim = CircleCiSimulator.builder().clock(clock).journalCapacity(0)
                .webhookPollInterval(null).start()) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            Set<Long> numbers = ConcurrentHashMap.newKeySet();
            List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    Http http = new Http(sim);
                    for (int i = 0; i < perThread; i++) {
                        Http.Reply r = http.post("/project/gh/acme/api/pipeline", "{}");
                        numbers.add(r.json().get("number").asLong());
                        ids.add(r.json().get("id").asText());
                        http.get("/pipeline/" + r.json().get("id").asText() + "/workflow");
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
            pool.shutdown();
            assertThat(numbers).hasSize(threads * perThread);
            assertThat(numbers).allMatch(n -> n >= 1 && n <= threads * perThread);

            clock.advance(Duration.ofSeconds(10));
            assertThat(ids).allMatch(id -> sim.completedAt(id).isPresent());
            assertThat(sim.journal().count("POST", "/pipeline$")).isEqualTo(threads * perThread);
            assertThat(sim.journal().total()).isEqualTo(2L * threads * perThread);
            assertThat(ids).allMatch(id -> sim.requestCount(id) == 2);
        }
    }
}
