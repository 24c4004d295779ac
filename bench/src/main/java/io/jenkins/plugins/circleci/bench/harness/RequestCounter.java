package io.jenkins.plugins.circleci.bench.harness;

import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Counts the requests a contender sent, as its HTTP client saw them, to check against what the simulator's journal
 * received: the two must agree or the figures mean nothing.
 */
public final class RequestCounter implements Interceptor {

    private final LongAdder sent = new LongAdder();

    @Override
    public Response intercept(Chain chain) throws IOException {
        sent.increment();
        return chain.proceed(chain.request());
    }

    public long sent() {
        return sent.sum();
    }
}
