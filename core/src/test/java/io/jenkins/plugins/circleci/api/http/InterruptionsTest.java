package io.jenkins.plugins.circleci.api.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InterruptionsTest {

    @AfterEach
    void clearTheFlag() {
        Thread.interrupted();
    }

    @Test
    void okHttpsOwnCallTimeoutIsATimeoutNotAnInterrupt() throws Exception {
        try (MockWebServer server = new MockWebServer()) {
            server.start();
            server.enqueue(new MockResponse.Builder().body("slow").bodyDelay(2, TimeUnit.SECONDS).build());
            OkHttpClient client = new OkHttpClient.Builder().callTimeout(300, TimeUnit.MILLISECONDS).build();
            IOException failure = null;
            try (Response response = client.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
                response.body().string();
            } catch (IOException e) {
                failure = e;
            }
            assertThat(failure).as("OkHttp's call timeout").isInstanceOf(InterruptedIOException.class);
            assertThat(Interruptions.interrupted(failure)).isFalse();
            assertThat(Thread.currentThread().isInterrupted()).isFalse();
        }
    }

    @Test
    void aSocketTimeoutIsNoInterruptButAnInterruptedThreadIs() {
        assertThat(Interruptions.interrupted(new SocketTimeoutException("Read timed out"))).isFalse();
        assertThat(Interruptions.interrupted(new InterruptedIOException("interrupted"))).isTrue();
        Thread.currentThread().interrupt();
        assertThat(Interruptions.interrupted(new IOException("closed"))).isTrue();
    }
}
